"""gnuplot.plot to a PNG, side by side with the same plot drawn with matplotlib directly.

Measures what th's gnuplot layer adds (argument reading, copying the data, redrawing
from the figure's state) over matplotlib's own drawing and PNG encoding, at 1e2, 1e4 and
1e6 points, plus the per-call cost of xlua.progress. Run: python bench/gnuplot_plot.py
"""
import io
import os
import platform
import sys
import tempfile
import time

import numpy as np

os.environ["MPLBACKEND"] = "Agg"
os.environ.setdefault("TH_PLOT_DIR", tempfile.mkdtemp(prefix="th-bench-"))

import matplotlib                                     # noqa: E402
matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg   # noqa: E402
from matplotlib.figure import Figure                  # noqa: E402

import th.gnuplot as gnuplot                          # noqa: E402
import th.xlua as xlua                                # noqa: E402


class Tensor:
    """A stand-in tensor (th.torch may not be importable where this runs)."""
    __typename__ = "torch.DoubleTensor"

    def __init__(self, a):
        self.a = a

    def numpy(self):
        return self.a


def best(fn, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def matplotlib_plot(y, path):
    fig = Figure(figsize=(6.4, 4.8), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.plot(np.arange(1, len(y) + 1), y, "-o", color="#1D4599", linewidth=2, markersize=4)
    fig.savefig(path, format="png")


def main():
    print(f"machine: {platform.processor() or platform.machine()}, python {sys.version.split()[0]}, "
          f"matplotlib {matplotlib.__version__}")
    path = os.path.join(os.environ["TH_PLOT_DIR"], "direct.png")
    silent = io.StringIO()
    print(f"{'points':>8} {'th gnuplot.plot':>16} {'matplotlib':>12} {'ratio':>7}")
    for n in (100, 10_000, 1_000_000):
        y = np.random.rand(n)
        t = Tensor(y)
        real_stdout, sys.stdout = sys.stdout, silent
        try:
            ours = best(lambda: gnuplot.plot(t), 3 if n < 1e6 else 1)
        finally:
            sys.stdout = real_stdout
        theirs = best(lambda: matplotlib_plot(y, path), 3 if n < 1e6 else 1)
        print(f"{n:>8} {ours * 1e3:>13.1f} ms {theirs * 1e3:>9.1f} ms {ours / theirs:>6.2f}x")
    real_stdout, sys.stdout = sys.stdout, silent
    try:
        calls = 2000
        t = time.perf_counter()
        for i in range(1, calls + 1):
            xlua.progress(i, calls)
        per_call = (time.perf_counter() - t) / calls
    finally:
        sys.stdout = real_stdout
    print(f"xlua.progress: {per_call * 1e6:.1f} us per call")


if __name__ == "__main__":
    main()
