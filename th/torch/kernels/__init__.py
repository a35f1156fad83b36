"""numba kernels of the tensor core, one module per family, loaded on first use.

Nothing here is imported by `import th.torch`: numba itself takes a moment to import,
and kernels compile (then cache to disk, `cache=True`) only when a wrapper in
th.torch.ops first chooses the numba path. Each wrapper makes that choice with one
visible test (contiguous? supported type? big enough?).

Threads: kernels are serial and `nogil=True`; their wrappers hand slices (element
ranges, planes, bands of rows) to th.torch.workers.split, which runs them on the calling
thread and on helper threads that sleep while idle. numba's OpenMP threads spin and
split work statically, so with another process busy on one core a parallel call cost
~6 ms instead of ~0.02-0.4 ms (measured on a 2-core box: x:add(y) at 1e6 elements,
nn.Tanh backward at 65k); with workers, a loaded machine costs about the one-thread
time (see workers.py). The hottest kernels (arith: + - * /, pointwise: sigmoid and the
activation backward passes, reduce: the whole-array sum) also come as a `parallel=True`
twin (`<name>_par`, the same loop body under prange): on an idle machine its spinning
threads start and finish a call within microseconds, and th.torch.adaptive runs it
while its calls behave, the workers path after a stall.

Setting TH_DEBUG=1 prints, on stderr, which path each kernel wrapper took the first time
and when a kernel module is loaded (that is when numba may compile).
"""
import importlib
import os
import sys

DEBUG = int(os.environ.get("TH_DEBUG", "0") or 0)
_modules = {}
_reported = set()


def load(family):
    """The kernel module th.torch.kernels.<family>, imported on first request."""
    mod = _modules.get(family)
    if mod is not None:
        return mod
    if mod is None:
        if DEBUG:
            print(f"[th] loading numba kernels '{family}' (may compile)", file=sys.stderr)
        mod = importlib.import_module(f"th.torch.kernels.{family}")
        _modules[family] = mod
    return mod


def trace(op, path):
    """Report (once per op and path, when TH_DEBUG is set) which implementation ran.

    Hot paths call it as `if kernels.DEBUG: kernels.trace(...)` to stay free otherwise.
    """
    if DEBUG and (op, path) not in _reported:
        _reported.add((op, path))
        print(f"[th] {op}: {path} path", file=sys.stderr)
