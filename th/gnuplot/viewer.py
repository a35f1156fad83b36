"""The window process: draws gnuplot's screen figures in matplotlib windows.

Run as `python -m th.gnuplot.viewer` by viewer_client.py, with MPLBACKEND naming the GUI
backend. It reads framed, pickled messages from standard input on a thread and draws
them on the GUI thread, running the GUI event loop in between, so windows stay live
whatever the console is doing. It exits when its input has closed (th has exited) and
the last window is closed. Protocol: see viewer_client.py.
"""
import json
import os
import pickle
import queue
import struct
import sys
import threading
import time

TICK = 0.05   # seconds of GUI event loop between checks for messages


def main():
    import matplotlib
    matplotlib.use(os.environ.get("MPLBACKEND") or "TkAgg")
    import matplotlib.pyplot as plt
    messages = queue.Queue()
    threading.Thread(target=_read_frames, args=(sys.stdin.buffer, messages),
                     daemon=True).start()
    viewer = Viewer(plt)
    _reply("ready")
    input_open = True
    while input_open or viewer.open_numbers():
        while True:
            try:
                message = messages.get_nowait()
            except queue.Empty:
                break
            if message[0] == "eof":
                input_open = False
            else:
                viewer.handle(message)
        viewer.run_events(TICK)


class Viewer:
    """The open windows, one per gnuplot figure number."""

    def __init__(self, plt):
        self.plt = plt
        self.windows = {}

    def open_numbers(self):
        self.windows = {n: f for n, f in self.windows.items() if self.plt.fignum_exists(n)}
        return list(self.windows)

    def handle(self, message):
        kind, args = message[0], message[1:]
        getattr(self, "on_" + kind)(*args)

    def on_draw(self, number, plot, settings, raise_window):
        from th.gnuplot.render import render
        fig = self._window(number)
        render(fig, plot, settings)
        fig.canvas.draw_idle()

    def on_raise(self, number):
        # Torch7: a figure's window appears with its first plot, not before.
        if number in self.open_numbers():
            self.windows[number].canvas.manager.show()

    def on_close(self, number):
        if number in self.windows:
            self.plt.close(self.windows.pop(number))

    def on_status(self):
        state = {}
        for n in self.open_numbers():
            axes = self.windows[n].axes
            state[n] = {"title": axes[0].get_title() if axes else "",
                        "lines": len(axes[0].lines) if axes else 0}
        _reply(json.dumps(state))

    def _window(self, number):
        fig = self.windows.get(number)
        if fig is None or not self.plt.fignum_exists(number):
            fig = self.plt.figure(number)
            fig.canvas.manager.set_window_title(f"Figure {number}")
            fig.show()
            self.windows[number] = fig
        return fig

    def run_events(self, seconds):
        numbers = self.open_numbers()
        if numbers:
            self.windows[numbers[0]].canvas.start_event_loop(seconds)
        else:
            time.sleep(seconds)


def _read_frames(stream, messages):
    while True:
        header = stream.read(8)
        if len(header) < 8:
            break
        data = stream.read(struct.unpack(">Q", header)[0])
        messages.put(pickle.loads(data))
    messages.put(("eof",))


def _reply(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
