"""Element copies between tensors of any types and layouts (`t:copy(src)`).

Input: two tensors with the same number of elements. Elements are matched in row-major
order; values convert as C casts do. A big 2-D copy from a non-contiguous source (a
transposed matrix, of the same or another type) takes the tiled, threaded numba kernel
(kernels/copy.py); everything else is numpy's copyto.
"""
import numpy as np

from th.torch import kernels

# 2-D copies from a strided source at least this big use the numba kernel (measured in
# bench/tensor_ops.py: numpy reads a transposed source with a cache miss per element).
NUMBA_MIN = 1 << 15


def copy_into(dst, src):
    """Copy src's elements into dst (same element count, any shapes, any types)."""
    d = dst._np()
    s = src._np()
    if d.shape != s.shape:
        s = s.reshape(d.shape) if s.flags.c_contiguous or s.size == 0 else \
            np.ascontiguousarray(s).reshape(d.shape)
    if d.ndim == 2 and d.size >= NUMBA_MIN and not s.flags.c_contiguous and \
            np.float16 not in (d.dtype, s.dtype):           # (numba has no float16)
        if kernels.DEBUG:
            kernels.trace("copy", "numba")
        kernels.load("copy").copy2d(d, s)
        return
    np.copyto(d, s, casting="unsafe")
