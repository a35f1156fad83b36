"""numba kernels for fused element-wise activations (forward and backward).

One pass over memory instead of numpy's three or four (negate, exp, add, reciprocal).
Inputs are contiguous 1-D arrays of one float dtype; `out` may alias the input
(in-place ops). The `_parallel` variants split the loop across threads.
"""
import math

import numba


@numba.njit(cache=True, nogil=True)
def sigmoid(x, out):
    """out = 1 / (1 + exp(-x)) (small tensors: numpy's passes cost more here)."""
    for i in range(x.shape[0]):
        out[i] = 1.0 / (1.0 + math.exp(-x[i]))


@numba.njit(cache=True, nogil=True)
def sigmoid_backward(gi, go, o):
    """gi = go * (1 - o) * o."""
    for i in range(gi.shape[0]):
        y = o[i]
        gi[i] = go[i] * (1.0 - y) * y


@numba.njit(cache=True, nogil=True, parallel=True)
def sigmoid_backward_parallel(gi, go, o):
    for i in numba.prange(gi.shape[0]):
        y = o[i]
        gi[i] = go[i] * (1.0 - y) * y


@numba.njit(cache=True, nogil=True)
def tanh_backward(gi, go, o):
    """gi = go * (1 - o * o)."""
    for i in range(gi.shape[0]):
        y = o[i]
        gi[i] = go[i] * (1.0 - y * y)


@numba.njit(cache=True, nogil=True, parallel=True)
def tanh_backward_parallel(gi, go, o):
    for i in numba.prange(gi.shape[0]):
        y = o[i]
        gi[i] = go[i] * (1.0 - y * y)


# ---- multi-threaded arithmetic for big contiguous tensors --------------------------------
# numpy runs these on one core; these loops vectorise (SIMD) and split across threads.
# Arguments: flat contiguous arrays of out's dtype, or (for the *_scalar forms) a number.

@numba.njit(cache=True, nogil=True, parallel=True)
def add(a, b, out):
    for i in numba.prange(out.shape[0]):
        out[i] = a[i] + b[i]


@numba.njit(cache=True, nogil=True, parallel=True)
def subtract(a, b, out):
    for i in numba.prange(out.shape[0]):
        out[i] = a[i] - b[i]


@numba.njit(cache=True, nogil=True, parallel=True)
def multiply(a, b, out):
    for i in numba.prange(out.shape[0]):
        out[i] = a[i] * b[i]


@numba.njit(cache=True, nogil=True, parallel=True)
def divide(a, b, out):
    for i in numba.prange(out.shape[0]):
        out[i] = a[i] / b[i]


@numba.njit(cache=True, nogil=True, parallel=True)
def add_scalar(a, v, out):
    for i in numba.prange(out.shape[0]):
        out[i] = a[i] + v


@numba.njit(cache=True, nogil=True, parallel=True)
def multiply_scalar(a, v, out):
    for i in numba.prange(out.shape[0]):
        out[i] = a[i] * v


@numba.njit(cache=True, nogil=True, parallel=True)
def divide_scalar(a, v, out):
    for i in numba.prange(out.shape[0]):
        out[i] = a[i] / v


@numba.njit(cache=True, nogil=True, parallel=True)
def copy(a, out):
    for i in numba.prange(out.shape[0]):
        out[i] = a[i]


@numba.njit(cache=True, nogil=True, parallel=True)
def sigmoid_parallel(x, out):
    """out = 1 / (1 + exp(-x)) across all cores (scalar exp: for many-core machines)."""
    for i in numba.prange(x.shape[0]):
        out[i] = 1.0 / (1.0 + math.exp(-x[i]))
