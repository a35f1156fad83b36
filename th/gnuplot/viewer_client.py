"""The console's side of the window process: start it, send it figures, ask its state.

Messages are pickled tuples, each framed by its length (8 bytes, big-endian), written to
the viewer's standard input: ('draw', number, plot, settings, raise_window),
('raise', number), ('close', number), ('status',). The viewer answers 'ready' when its
GUI is up, and one JSON line per 'status'. The viewer runs in its own session, so Ctrl-C
at the console never reaches it, and it outlives th while windows are open (gnuplot's
-persist). Imports no matplotlib: that happens in the viewer process.
"""
import json
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import threading

START_TIMEOUT = 30.0   # a cold matplotlib import may build its font cache first


class ViewerUnavailable(Exception):
    """The window process could not be started or has gone away for good."""


class ViewerClient:
    """A connection to one viewer process, started on the first message."""

    def __init__(self, backend):
        self.backend = backend
        self.proc = None

    def send(self, message):
        """Send one message, (re)starting the viewer if it is not running."""
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        frame = struct.pack(">Q", len(data)) + data
        for _attempt in range(2):
            if self.proc is None or self.proc.poll() is not None:
                self._start()
            try:
                self.proc.stdin.write(frame)
                self.proc.stdin.flush()
                return
            except OSError:
                self.proc = None
        raise ViewerUnavailable("the window process stopped")

    def status(self):
        """The viewer's open windows: {number: {"title": ..., "lines": ...}} (for tests)."""
        self.send(("status",))
        line = _readline(self.proc.stdout, START_TIMEOUT)
        return {int(k): v for k, v in json.loads(line).items()}

    def stop(self):
        """Close the connection; the viewer exits once its windows are closed."""
        if self.proc is not None and self.proc.stdin:
            self.proc.stdin.close()

    def _start(self):
        env = dict(os.environ, MPLBACKEND=self.backend)
        # The viewer imports th.gnuplot even when th is not installed, only on sys.path.
        here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
        log = tempfile.TemporaryFile()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "th.gnuplot.viewer"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=log, env=env, start_new_session=True)
        except OSError as e:
            raise ViewerUnavailable(str(e)) from None
        if _readline(proc.stdout, START_TIMEOUT) != "ready":
            proc.kill()
            log.seek(0)
            lines = log.read().decode(errors="replace").strip().splitlines()
            raise ViewerUnavailable(lines[-1] if lines else "the window process did not start")
        self.proc = proc


def _readline(stream, timeout):
    """One line from `stream` without its newline, or None after `timeout` seconds."""
    result = []
    reader = threading.Thread(target=lambda: result.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not result:
        return None
    return result[0].decode(errors="replace").strip()
