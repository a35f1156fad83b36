"""Element copies between tensors of any types and layouts (`t:copy(src)`).

Input: two tensors with the same number of elements. Elements are matched in row-major
order; values convert as C casts do. The numba kernel (kernels/copy.py) handles the case
numpy does slowly: a non-contiguous source of another type into a large destination.
"""
import numpy as np

from th.torch import kernels

# Below this many elements numpy's per-call cost wins over calling a kernel.
_NUMBA_MIN = 1 << 15


def copy_into(dst, src):
    """Copy src's elements into dst (same element count, any shapes, any types)."""
    d = dst._np()
    s = src._np()
    if d.shape != s.shape:
        s = s.reshape(d.shape) if s.flags.c_contiguous or s.size == 0 else \
            np.ascontiguousarray(s).reshape(d.shape)
    if d.dtype != s.dtype and d.size >= _NUMBA_MIN and d.ndim == 2 and not s.flags.c_contiguous:
        kernels.trace("copy", "numba")
        kernels.load("copy").copy2d(d, s)
        return
    np.copyto(d, s, casting="unsafe")
