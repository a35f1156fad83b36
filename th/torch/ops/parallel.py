"""Large element-wise numpy work split across CPU threads.

numpy releases the GIL inside its loops, so one big `np.add(a, b, out=r)` split into a
slice per core runs on every core; PyTorch does the same with OpenMP. `run(fn, out,
*arrays)` calls fn(*array_slices, out=out_slice) on slices along the first dimension
when the work is big enough to pay for the hand-off (tens of microseconds), and calls
it once, directly, otherwise: that is the one visible test.
"""
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

THREADS = max(1, int(os.environ.get("TH_NUM_THREADS", 0) or (os.cpu_count() or 1)))
# Below this many elements a single call is faster than handing slices to threads.
MIN_ELEMENTS = 1 << 17

_pool = None
_inside = threading.local()     # set while a thread runs a slice: no nested splitting


def _get_pool():
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(THREADS - 1, thread_name_prefix="th-torch")
    return _pool


def run(fn, out, *arrays, **kwargs):
    """fn(*arrays, out=out, **kwargs), split across threads when worth it.

    Arrays of out's shape are sliced with it; anything else (scalars) is passed whole.
    """
    if THREADS == 1 or out.size < MIN_ELEMENTS or getattr(_inside, "active", False):
        return fn(*arrays, out=out, **kwargs)
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
