"""Large element-wise numpy work spread over the CPU's cores, as PyTorch does with OpenMP.

`run(fn, out, *arrays)` computes fn(*arrays, out=out). Small work (under MIN_ELEMENTS)
is one direct call. Big work is cut into pieces that th.torch.workers shares between
the calling thread and its helpers (numpy releases the GIL in its loops; see that
module for why this beats numba's own threads on a loaded machine):
- contiguous arrays of out's shape (or numbers) are cut as flat element ranges;
- otherwise arrays of out's shape are cut along the first dimension;
- anything else (broadcasting) is one call.
+ - * / between two contiguous float arrays of out's dtype run numba kernels instead
(kernels/arith.py): `adaptive.run` picks, per call, their prange version on numba's
spinning threads (an idle machine) or the serial one on th.torch.workers' pieces.
`run_rows(fn, out, a, axis=-1)` does the same for a reduction along the last axis, one
result per row (numpy's argmax), cutting rows.
"""
import numpy as np

from th.torch import adaptive, kernels, workers

# Below this many elements a single call is faster than sharing the work: measured on
# a 2-core VM, waking a helper and handing the GIL back and forth costs ~100 us, so
# add/exp/tanh-backward at 2^18 elements took 1.2-2x longer on two threads than on one,
# and gained 15-30% from 2^19, 25-35% at 2^20 (tests/torch: test_workers; bench: --busy).
MIN_ELEMENTS = 1 << 19
# Elements per piece at least (few pieces: each hand-over of the GIL costs).
GRAIN = 1 << 17


def _sliceable(a, out):
    return not isinstance(a, np.ndarray) or not a.ndim or a.shape == out.shape


def run(fn, out, *arrays, **kwargs):
    """fn(*arrays, out=out, **kwargs), split across threads when worth it.

    Arrays of out's shape are sliced with it; anything else (numbers) is passed whole.
    """
    if out.size < MIN_ELEMENTS or workers.threads() < 2:
        return fn(*arrays, out=out, **kwargs)
    if not all(_sliceable(a, out) for a in arrays):
        return fn(*arrays, out=out, **kwargs)
    if out.flags.c_contiguous and all(
            not isinstance(a, np.ndarray) or not a.ndim or a.flags.c_contiguous for a in arrays):
        if fn in _ARITH and not kwargs and _same_floats(out, arrays):
            return _arith(_ARITH[fn], out.reshape(-1), *[a.reshape(-1) for a in arrays])
        out = out.reshape(-1)
        arrays = [a.reshape(-1) if isinstance(a, np.ndarray) and a.ndim else a for a in arrays]
        grain = GRAIN
    else:
        grain = max(1, GRAIN * out.shape[0] // out.size)     # rows holding GRAIN elements

    def piece(lo, hi):
        parts = [a[lo:hi] if isinstance(a, np.ndarray) and a.ndim else a for a in arrays]
        fn(*parts, out=out[lo:hi], **kwargs)

    workers.split(out.shape[0], piece, grain)
    return out


_ARITH = {np.add: "add", np.subtract: "sub", np.multiply: "mul", np.divide: "div"}


def _same_floats(out, arrays):
    return out.dtype.kind == "f" and len(arrays) == 2 and all(
        isinstance(a, np.ndarray) and a.dtype == out.dtype and a.shape == out.shape
        for a in arrays)


def _arith(name, out, a, b):
    if kernels.DEBUG:
        kernels.trace(name, "numba")
    k = kernels.load("arith")
    serial, par = getattr(k, name), getattr(k, name + "_par")
    n = out.shape[0]

    def robust():
        workers.split(n, lambda lo, hi: serial(a[lo:hi], b[lo:hi], out[lo:hi]), GRAIN)
    adaptive.run((name, out.dtype.char), n, lambda: par(a, b, out), robust)
    return out


def run_rows(fn, out, a, **kwargs):
    """out[r] = fn(a[r, ...], **kwargs) for a reduction along a's last axis (out has
    a's shape without it), rows split across threads when worth it."""
    if a.size < MIN_ELEMENTS or workers.threads() < 2 or a.ndim < 2:
        return fn(a, out=out, **kwargs)
    rows = a.reshape(-1, a.shape[-1])
    flat = out.reshape(-1)

    def piece(lo, hi):
        fn(rows[lo:hi], out=flat[lo:hi], **kwargs)

    workers.split(rows.shape[0], piece, max(1, GRAIN // a.shape[-1]))
    return out
