"""torch.Timer, torch.tic / torch.toc: wall-clock and CPU time measurement."""
import os
import time

from th.torch.classes import TorchObject


class Timer(TorchObject):
    """torch.Timer(): a stopwatch, started at creation.

    t:time() returns a table {real=, user=, sys=} of seconds; t:stop(), t:resume() and
    t:reset() control it. Example: t = torch.Timer(); ...; print(t:time().real)
    """

    __typename__ = "torch.Timer"

    def __init__(self):
        self._running = True
        self._acc = (0.0, 0.0, 0.0)
        self._start = _now()

    def reset(self):
        """t:reset(): zero the elapsed time (keeps running if running); returns t."""
        self._acc = (0.0, 0.0, 0.0)
        self._start = _now()
        return self

    def stop(self):
        """t:stop(): pause the timer; returns t."""
        if self._running:
            self._acc = _elapsed(self._acc, self._start)
            self._running = False
        return self

    def resume(self):
        """t:resume(): continue after stop(); returns t."""
        if not self._running:
            self._start = _now()
            self._running = True
        return self

    def time(self):
        """t:time(): elapsed seconds as a table {real=, user=, sys=}."""
        from th.lua.table import LuaTable
        real, user, sys_ = _elapsed(self._acc, self._start) if self._running else self._acc
        return LuaTable.from_dict({"real": real, "user": user, "sys": sys_})

    def __tostring__(self):
        return "torch.Timer"


def _now():
    t = os.times()
    return (time.perf_counter(), t.user, t.system)


def _elapsed(acc, start):
    now = _now()
    return tuple(a + (n - s) for a, n, s in zip(acc, now, start))


_tic = [time.perf_counter()]


def tic():
    """torch.tic(): start a wall-clock measurement; returns its start time.

    Example: t0 = torch.tic(); ...; print(torch.toc(t0))
    """
    _tic[0] = time.perf_counter()
    return _tic[0]


def toc(start=None):
    """torch.toc([t0]): seconds since t0 (or since the last torch.tic()).

    Example: torch.tic(); ...; print(torch.toc())
    """
    return time.perf_counter() - (_tic[0] if start is None else float(start))
