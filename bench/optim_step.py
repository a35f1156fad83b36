"""Speed of one optim step in th beside the same update in numpy and in PyTorch (CPU).

    python bench/optim_step.py [--rounds R] [--threads N]

For parameter vectors of 10, 10^4 and 10^6 doubles, each algorithm does one step with a
closure that returns a fixed gradient (so the update itself is timed, not a model):
- sgd: learningRate 0.01, momentum 0.9, weightDecay 1e-4 (th's optim.sgd; numpy: the
  same in-place update; PyTorch: torch.optim.SGD with momentum, dampening and weight
  decay set alike);
- adam: defaults (optim.adam; numpy; torch.optim.Adam);
- lbfgs: one iteration with memory (optim.lbfgs with maxIter = 1 after 10 warm-up
  calls, the "stochastic" use; torch.optim.LBFGS with max_iter = 1).
The th column also shows the step called from Lua (`optim.sgd(feval, x, config)` in a
Lua loop), which is how students run it. Reported: median microseconds per step and the
ratios th / numpy and th / PyTorch (lower is better). Rounds alternate the contenders.
"""
import argparse
import os
import platform
import statistics
import sys
import time


def _early_threads():
    for i, a in enumerate(sys.argv):
        n = a.split("=", 1)[1] if a.startswith("--threads=") else (
            sys.argv[i + 1] if a == "--threads" and i + 1 < len(sys.argv) else None)
        if n:
            for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ[var] = n


_early_threads()
import numpy as np  # noqa: E402

from th import optim, torch  # noqa: E402
from th.lua import Runtime  # noqa: E402

try:
    import torch as pt  # noqa: E402
except ImportError:
    pt = None

SIZES = (10, 10_000, 1_000_000)


def median_us(step, rounds, inner):
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(inner):
            step()
        times.append((time.perf_counter() - t) / inner)
    return statistics.median(times) * 1e6


def th_tensor(a):
    t = torch.DoubleTensor(len(a))
    t.numpy()[:] = a
    return t


# ---- the contenders, one builder per algorithm: each returns a step function ---------------

def sgd_th(x0, g0):
    x, g = th_tensor(x0), th_tensor(g0)
    config = {"learningRate": 0.01, "momentum": 0.9, "weightDecay": 1e-4}
    return lambda: optim.sgd(lambda _: (0.0, g), x, config)


def sgd_lua(x0, g0):
    rt = Runtime()
    rt.execute("require 'optim'")
    rt.globals["x"], rt.globals["g"] = th_tensor(x0), th_tensor(g0)
    run = rt.execute("""
        local config = {learningRate = 0.01, momentum = 0.9, weightDecay = 1e-4}
        local function feval(p) return 0, g end
        return function() optim.sgd(feval, x, config) end
    """)[0]
    return run


def sgd_numpy(x0, g0):
    x, g, v = x0.copy(), g0.copy(), None

    def step():
        nonlocal v
        g[:] += 1e-4 * x
        if v is None:
            v = g.copy()
        else:
            v *= 0.9
            v += 0.1 * g
        x[:] -= 0.01 * v
    return step


def sgd_pytorch(x0, g0):
    p = pt.tensor(x0, requires_grad=True)
    p.grad = pt.tensor(g0)
    opt = pt.optim.SGD([p], lr=0.01, momentum=0.9, dampening=0.9, weight_decay=1e-4)
    return opt.step


def adam_th(x0, g0):
    x, g = th_tensor(x0), th_tensor(g0)
    config = {}
    return lambda: optim.adam(lambda _: (0.0, g), x, config)


def adam_numpy(x0, g0):
    x, g = x0.copy(), g0.copy()
    m, v, t = np.zeros_like(x), np.zeros_like(x), [0]

    def step():
        t[0] += 1
        m[:] = 0.9 * m + 0.1 * g
        v[:] = 0.999 * v + 0.001 * g * g
        x[:] -= 1e-3 * np.sqrt(1 - 0.999 ** t[0]) / (1 - 0.9 ** t[0]) * m / (np.sqrt(v) + 1e-8)
    return step


def adam_pytorch(x0, g0):
    p = pt.tensor(x0, requires_grad=True)
    p.grad = pt.tensor(g0)
    return pt.optim.Adam([p]).step


def lbfgs_th(x0, g0):
    x = th_tensor(x0)
    rng = np.random.default_rng(1)
    grads = [th_tensor(g0 * (1 + 0.1 * rng.standard_normal(len(g0)))) for _ in range(4)]
    calls = [0]

    def feval(_):
        calls[0] += 1
        return 0.0, grads[calls[0] % 4]
    config = {"maxIter": 1, "learningRate": 1e-3, "nCorrection": 10}
    for _ in range(10):
        optim.lbfgs(feval, x, config)
    return lambda: optim.lbfgs(feval, x, config)


def lbfgs_pytorch(x0, g0):
    p = pt.tensor(x0, requires_grad=True)
    rng = np.random.default_rng(1)
    grads = [pt.tensor(g0 * (1 + 0.1 * rng.standard_normal(len(g0)))) for _ in range(4)]
    calls = [0]

    def closure():
        calls[0] += 1
        p.grad = grads[calls[0] % 4].clone()
        return pt.tensor(0.0, dtype=pt.float64)
    opt = pt.optim.LBFGS([p], lr=1e-3, max_iter=1, history_size=10,
                         tolerance_grad=0, tolerance_change=0)
    for _ in range(10):
        opt.step(closure)
    return lambda: opt.step(closure)


ROWS = {
    "sgd": {"th": sgd_th, "th (Lua loop)": sgd_lua, "numpy": sgd_numpy, "pytorch": sgd_pytorch},
    "adam": {"th": adam_th, "numpy": adam_numpy, "pytorch": adam_pytorch},
    "lbfgs": {"th": lbfgs_th, "pytorch": lbfgs_pytorch},
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args()
    if pt is not None and args.threads:
        pt.set_num_threads(args.threads)
    print(f"optim step, median us per step ({platform.processor() or platform.machine()}, "
          f"python {platform.python_version()}, numpy {np.__version__}, "
          f"pytorch {pt.__version__ if pt else 'absent'})")
    print(f"{'algorithm':10}{'n':>9}  {'contender':14}{'us/step':>11}{'th/this':>9}")
    rng = np.random.default_rng(0)
    for algo, contenders in ROWS.items():
        for n in SIZES:
            x0, g0 = rng.standard_normal(n), rng.standard_normal(n)
            inner = max(1, 20_000 // max(n // 100, 1)) if n < 1_000_000 else 3
            steps = {}
            for name, build in contenders.items():
                if name == "pytorch" and pt is None:
                    continue
                steps[name] = build(x0, g0)
            results = {name: [] for name in steps}
            for _ in range(args.rounds):            # alternate contenders each round
                for name, step in steps.items():
                    results[name].append(median_us(step, 1, inner))
            th_us = statistics.median(results["th"])
            for name, times in results.items():
                us = statistics.median(times)
                ratio = "" if name == "th" else f"{th_us / us:9.2f}"
                print(f"{algo:10}{n:>9}  {name:14}{us:11.1f}{ratio}")


if __name__ == "__main__":
    main()
