"""Large element-wise work spread over the CPU's cores, as PyTorch does with OpenMP.

`run(fn, out, *arrays)` computes fn(*arrays, out=out). Small work (under MIN_ELEMENTS)
is one direct call. Big work takes one of two paths, chosen by one visible test:
- the basic arithmetic ufuncs on contiguous float arrays of one dtype go to numba's
  multi-threaded, SIMD loops (kernels/pointwise.py);
- anything else (exp, tanh, strided views, ...) is cut into slices along the first
  dimension, run by a pool of Python threads (numpy releases the GIL in its loops).
Python threads scale to a few cores only (each slice must take the GIL to start), which
is why the plain arithmetic has its numba path.
"""
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from th.torch import kernels

THREADS = max(1, int(os.environ.get("TH_NUM_THREADS", 0) or (os.cpu_count() or 1)))
# Below this many elements a single call is faster than handing slices to threads.
MIN_ELEMENTS = 1 << 17

# Python threads beyond this count mostly wait for the GIL (measured: 4 beat 16).
MAX_PY_THREADS = 4

_pool = None
_inside = threading.local()     # set while a thread runs a slice: no nested splitting


def _get_pool():
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(_py_threads() - 1, thread_name_prefix="th-torch")
    return _pool


def _py_threads():
    return min(THREADS, MAX_PY_THREADS)


def many_cores():
    """True when the machine has more cores than the Python thread pool can use: then
    scalar numba loops on every core beat SIMD numpy loops on a few (sigmoid, argmax)."""
    return THREADS > MAX_PY_THREADS


# ufunc -> (numba kernel for two arrays, numba kernel for array and number)
_NUMBA = {np.add: ("add", "add_scalar"), np.subtract: ("subtract", None),
          np.multiply: ("multiply", "multiply_scalar"), np.divide: ("divide", "divide_scalar")}


def _numba_path(fn, out, arrays):
    """The numba kernel and flat arguments for fn, or None when it does not apply."""
    names = _NUMBA.get(fn)
    if names is None or out.dtype.kind != "f" or not out.flags.c_contiguous or len(arrays) != 2:
        return None
    a, b = arrays
    if not (isinstance(a, np.ndarray) and a.dtype == out.dtype and a.shape == out.shape
            and a.flags.c_contiguous):
        return None
    if isinstance(b, np.ndarray):
        if b.dtype != out.dtype or b.shape != out.shape or not b.flags.c_contiguous:
            return None
        return names[0], (a.reshape(-1), b.reshape(-1), out.reshape(-1))
    if names[1] is None or not isinstance(b, (int, float)):
        return None
    return names[1], (a.reshape(-1), out.dtype.type(b), out.reshape(-1))


def run(fn, out, *arrays, **kwargs):
    """fn(*arrays, out=out, **kwargs), split across threads when worth it.

    Arrays of out's shape are sliced with it; anything else (scalars) is passed whole.
    """
    if THREADS == 1 or out.size < MIN_ELEMENTS or getattr(_inside, "active", False):
        return fn(*arrays, out=out, **kwargs)
    path = _numba_path(fn, out, arrays)
    if path is not None:
        if kernels.DEBUG:
            kernels.trace(fn.__name__, "numba parallel")
        getattr(kernels.load("pointwise"), path[0])(*path[1])
        return out
    if out.ndim > 1 and out.flags.c_contiguous and all(
            not isinstance(a, np.ndarray) or not a.ndim or
            (a.shape == out.shape and a.flags.c_contiguous) for a in arrays):
        flat = [a.reshape(-1) if isinstance(a, np.ndarray) and a.ndim else a for a in arrays]
        run(fn, out.reshape(-1), *flat, **kwargs)
        return out
    n0 = out.shape[0] if out.ndim else 0
    if n0 < THREADS:
        return fn(*arrays, out=out, **kwargs)
    for a in arrays:
        if isinstance(a, np.ndarray) and a.shape != out.shape and a.ndim:
            return fn(*arrays, out=out, **kwargs)
    step = -(-n0 // THREADS)
    pool = _get_pool()
    futures = []
    for lo in range(step, n0, step):
        hi = min(lo + step, n0)
        parts = [a[lo:hi] if isinstance(a, np.ndarray) and a.ndim else a for a in arrays]
        futures.append(pool.submit(_slice, fn, parts, out[lo:hi], kwargs))
    parts = [a[:step] if isinstance(a, np.ndarray) and a.ndim else a for a in arrays]
    _slice(fn, parts, out[:step], kwargs)
    for f in futures:
        f.result()
    return out


def _slice(fn, parts, out, kwargs):
    _inside.active = True
    try:
        fn(*parts, out=out, **kwargs)
    finally:
        _inside.active = False
