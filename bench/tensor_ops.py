"""Tensor-op speed of th.torch side by side with numpy and PyTorch (CPU), in one run.

    python bench/tensor_ops.py [--quick | --large] [--busy N] [--only add,sum] [--threads N]

For each op and size (1e2, 1e4, 1e6 elements; mm from 64 to 1024) it times the th call
as a Torch7 user writes it (`res:add(a, b)`, `torch.mm(res, A, B)`, `x:max(2)`, ...),
the equivalent numpy call and the PyTorch call, each with its result preallocated where
the API allows, and prints the median and 90th percentile of single calls (microseconds)
and the ratios of medians th/numpy, th/PyTorch.
PyTorch runs with torch.set_num_threads equal to numpy's BLAS thread count (all cores
here). Goals (issue 3): <= 1.2x PyTorch at 1e6 elements and for matrix products;
<= 2x PyTorch per call at 100 elements. It ends with the memory a batch of views
allocates (tracemalloc), which should be no element data at all.

`--busy N` runs N busy-loop processes (`while True: pass`) for the whole benchmark: a
laptop with a browser open, or this 2-core box with another job running. Multi-threaded
code must then cost no more than its one-thread time (th.torch.workers explains how).
"""
import argparse
import atexit
import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
import tracemalloc

import numpy as np

from th import torch as th

try:
    import torch as pt
except ImportError:          # PyTorch is a benchmark-only dependency
    pt = None

THREADS = os.cpu_count() or 1


def call_us(fn, budget=0.3):
    """(median, 90th percentile) microseconds per call.

    Calls are timed one by one (or in batches of a few when one lasts under ~20 us, the
    batch's mean then counts for each) for about `budget` seconds: the median is the
    usual cost, the p90 shows stalls on a loaded machine that a best-of hides.
    """
    fn()                                    # warm caches, numba compilation, allocator
    timer = timeit.Timer(fn)
    number, elapsed = 1, timer.timeit(1)
    while elapsed < 20e-6 and number < 1e6:
        number *= 4
        elapsed = timer.timeit(number)
    samples = []
    stop = time.perf_counter() + budget
    while len(samples) < 15 or (time.perf_counter() < stop and len(samples) < 5000):
        samples.append(timer.timeit(number) / number * 1e6)
    samples.sort()
    return statistics.median(samples), samples[int(0.9 * (len(samples) - 1))]


def setup_elementwise(n):
    rs = np.random.RandomState(0)
    a, b = rs.rand(n), rs.rand(n)
    ta, tb, tr = th.from_numpy(a.copy()), th.from_numpy(b.copy()), th.Tensor(n)
    r = np.empty(n)
    out = {"th": (ta, tb, tr), "np": (a, b, r)}
    if pt is not None:
        out["pt"] = (pt.from_numpy(a.copy()), pt.from_numpy(b.copy()), pt.empty(n, dtype=pt.float64))
    return out


def np_sigmoid(a, r):
    np.negative(a, out=r)
    np.exp(r, out=r)
    np.add(r, 1, out=r)
    return np.reciprocal(r, out=r)


def elementwise_cases(n):
    d = setup_elementwise(n)
    (ta, tb, tr), (a, b, r) = d["th"], d["np"]
    p = d.get("pt")
    cases = {
        "add": (lambda: tr.add(ta, tb), lambda: np.add(a, b, out=r),
                p and (lambda: pt.add(p[0], p[1], out=p[2]))),
        "cmul": (lambda: tr.cmul(ta, tb), lambda: np.multiply(a, b, out=r),
                 p and (lambda: pt.mul(p[0], p[1], out=p[2]))),
        "sigmoid": (lambda: tr.sigmoid(ta), lambda: np_sigmoid(a, r),
                    p and (lambda: pt.sigmoid(p[0], out=p[2]))),
        "tanh": (lambda: tr.tanh(ta), lambda: np.tanh(a, out=r),
                 p and (lambda: pt.tanh(p[0], out=p[2]))),
        "exp": (lambda: tr.exp(ta), lambda: np.exp(a, out=r),
                p and (lambda: pt.exp(p[0], out=p[2]))),
        "tanh backward (nn)": (lambda: th.tanh_backward(tr, ta, tb),
                               lambda: np.multiply(a, 1 - b * b, out=r),
                               p and (lambda: pt.ops.aten.tanh_backward(p[0], p[1]))),
        "sum": (lambda: ta.sum(), lambda: a.sum(), p and (lambda: p[0].sum())),
        "randn": (lambda: th.randn(tr, n), lambda: np.random.standard_normal(n),
                  p and (lambda: pt.randn(n, out=p[2]))),
    }
    return cases


def matrix_cases(n):
    side = int(round(n ** 0.5))
    rs = np.random.RandomState(1)
    a = rs.rand(side, side)
    v = rs.rand(side)
    ta, tv = th.from_numpy(a.copy()), th.from_numpy(v.copy())
    tr, trv = th.Tensor(side, side), th.Tensor(side)
    r, rv = np.empty((side, side)), np.empty(side)
    cases = {}
    if pt is not None:
        pa, pv = pt.from_numpy(a.copy()), pt.from_numpy(v.copy())
        pr, prv = pt.empty(side, side, dtype=pt.float64), pt.empty(side, dtype=pt.float64)
    cases[f"max(dim 2) {side}x{side}"] = (
        lambda: ta.max(2), lambda: (a.max(axis=1), a.argmax(axis=1)),
        pt and (lambda: pa.max(1)))
    cases[f"copy from t() {side}x{side}"] = (
        lambda: tr.copy(ta.t()), lambda: np.copyto(r, a.T),
        pt and (lambda: pr.copy_(pa.t())))
    cases[f"mv {side}x{side}"] = (
        lambda: th.mv(trv, ta, tv), lambda: np.matmul(a, v, out=rv),
        pt and (lambda: pt.mv(pa, pv, out=prv)))
    return cases


def mm_cases(side):
    rs = np.random.RandomState(2)
    a, b = rs.rand(side, side), rs.rand(side, side)
    ta, tb, tr = th.from_numpy(a.copy()), th.from_numpy(b.copy()), th.Tensor(side, side)
    r = np.empty((side, side))
    p = None
    if pt is not None:
        pa, pb = pt.from_numpy(a.copy()), pt.from_numpy(b.copy())
        pr = pt.empty(side, side, dtype=pt.float64)
        p = lambda: pt.mm(pa, pb, out=pr)  # noqa: E731
    return {f"mm {side}x{side}": (lambda: th.mm(tr, ta, tb), lambda: np.matmul(a, b, out=r), p)}


def row_index_cases():
    a = np.random.RandomState(3).rand(1000, 1000)
    t = th.from_numpy(a.copy())
    p = pt.from_numpy(a.copy()) if pt is not None else None
    return {"row t[i] 1000x1000": (lambda: t[500], lambda: a[499],
                                   p is not None and (lambda: p[499]))}


def report(title, cases, only=None):
    print(f"\n{title}  (microseconds per call: median / p90; ratios of medians)")
    print(f"  {'op':28s} {'th':>15s} {'numpy':>15s} {'torch':>15s} "
          f"{'th/np':>7s} {'th/torch':>8s}")
    nan = (float("nan"), float("nan"))
    for name, (f_th, f_np, f_pt) in cases.items():
        if only and not any(name.startswith(o) for o in only):
            continue
        t_th, t_np = call_us(f_th), call_us(f_np)
        t_pt = call_us(f_pt) if f_pt else nan
        cells = " ".join(f"{m:7.1f}/{p:7.1f}" for m, p in (t_th, t_np, t_pt))
        print(f"  {name:28s} {cells} {t_th[0] / t_np[0]:7.2f} {t_th[0] / t_pt[0]:8.2f}")


def view_memory():
    x = th.zeros(1000, 1000)
    tracemalloc.start()
    views = [x.narrow(1, 10, 100), x.t(), x[5], x.view(100, 10000), x.select(2, 3),
             x.unfold(1, 10, 10), x.transpose(1, 2), x.sub(2, 900, 3, 800)]
    for v in views:
        v.numpy()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nviews: {len(views)} views of a 1000x1000 DoubleTensor (8 MB of elements) "
          f"allocated {peak} bytes in total (no element data)")


def start_busy_loops(n):
    """n processes spinning on a core each until this benchmark exits."""
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]

    def stop():
        for proc in procs:
            proc.terminate()
    atexit.register(stop)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="1e2 and 1e4 only, mm up to 256")
    ap.add_argument("--large", action="store_true", help="1e6 elements and mm 512/1024 only")
    ap.add_argument("--busy", type=int, default=0, metavar="N",
                    help="keep N other processes busy (one core each) while measuring")
    ap.add_argument("--only", default=None, metavar="OPS",
                    help="comma-separated op names (prefixes) to measure, e.g. add,sum")
    ap.add_argument("--threads", type=int, default=None,
                    help="threads for th and PyTorch (default: all cores)")
    args = ap.parse_args()
    only = args.only.split(",") if args.only else None
    global THREADS
    if args.threads:
        THREADS = args.threads
        th.setnumthreads(THREADS)
    start_busy_loops(args.busy)
    if pt is not None:
        pt.set_num_threads(THREADS)
    print(f"machine: {platform.machine()} {platform.processor() or ''}, {THREADS} cores; "
          f"python {sys.version.split()[0]}, numpy {np.__version__}, "
          f"torch {pt.__version__ if pt else 'absent'} ({THREADS} threads); "
          f"th {th.getnumthreads()} threads; {args.busy} busy-loop processes; "
          f"load average {os.getloadavg()[0]:.2f}")
    sizes = [100, 10_000] if args.quick else [100, 10_000, 1_000_000]
    if args.large:
        sizes = [1_000_000]
    for n in sizes:
        cases = elementwise_cases(n)
        cases.update(matrix_cases(n))
        report(f"{n:.0e} elements", cases, only)
    mm = {}
    sides = [64, 128, 256] if args.quick else [64, 128, 256, 512, 1024]
    for side in ([512, 1024] if args.large else sides):
        mm.update(mm_cases(side))
    report("matrix products", mm, only)
    if not only:
        report("indexing", row_index_cases())
        view_memory()


if __name__ == "__main__":
    main()
