"""image.display's windows: one small process per window, following its PNG file.

The console side (`show`) starts `python -m th.image.window PATH TITLE` in its own
session, as gnuplot's viewer is started: the prompt never waits on the window, Ctrl-C
at the console does not reach it, and it stays open after th exits until closed. The
window shows the PNG at its size and reloads it whenever the file changes, which is
how image.display{image=x, win=w} redraws a window. The window process imports
matplotlib with the GUI backend gnuplot chose (Tk, else Qt).
"""
import os
import subprocess
import sys
import threading

START_TIMEOUT = 30.0     # a cold matplotlib import may build its font cache first
POLL_MS = 200            # how often the window looks for a new version of its file


def show(win, backend):
    """Open a window on win.path, unless one is open already; True when shown."""
    if win.viewer is not None and win.viewer.poll() is None:
        return True       # it reloads the file by itself
    env = dict(os.environ, MPLBACKEND=backend)
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "th.image.window", win.path, win.legend],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                                start_new_session=True)
    except OSError:
        return False
    if _first_line(proc.stdout, START_TIMEOUT) != "ready":
        proc.kill()
        return False
    win.viewer = proc
    return True


def _first_line(stream, timeout):
    result = []
    reader = threading.Thread(target=lambda: result.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return result[0].decode(errors="replace").strip() if result else None


def main(path, title):
    """The window process: show `path`, reload it when it changes, exit when closed."""
    import matplotlib
    matplotlib.use(os.environ.get("MPLBACKEND") or "TkAgg")
    import matplotlib.pyplot as plt
    import numpy as np
    from PIL import Image

    def read():
        with Image.open(path) as im:
            return np.asarray(im.convert("RGB"))

    pixels = read()
    height, width = pixels.shape[:2]
    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    fig.canvas.manager.set_window_title(title)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    shown = ax.imshow(pixels, interpolation="nearest")
    stamp = [os.stat(path).st_mtime_ns]

    def reload():
        try:
            mtime = os.stat(path).st_mtime_ns
            if mtime != stamp[0]:
                stamp[0] = mtime
                new = read()
                shown.set_data(new)
                shown.set_extent((-0.5, new.shape[1] - 0.5, new.shape[0] - 0.5, -0.5))
                fig.canvas.draw_idle()
        except OSError:
            pass          # being replaced right now: next time

    timer = fig.canvas.new_timer(interval=POLL_MS)
    timer.add_callback(reload)
    timer.start()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    plt.show()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "image.display")
