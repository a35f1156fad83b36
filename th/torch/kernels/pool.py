"""numba kernels for 2-D pooling: max (with argmax indices) and average.

Arrays are planes: `x` (P, H, W) and `out` (P, oH, oW), with P = batch * channels, all
C-contiguous. Windows start at (oy*dH - padH, ox*dW - padW); the padding is never read
(max) or counted only when `count_include_pad` says so (average), as in THNN.

Each kernel is written once for one plane (`_*_plane`) and driven over a range of
planes by a serial loop; the public wrappers share the planes between threads
(th.torch.workers) when each thread gets at least `PARALLEL_WORK` window reads, since
waking threads costs more than a small pooling. Each thread owns whole planes, so the
backward scatters never race.
"""
import numba
import numpy as np

from th.torch import workers

PARALLEL_WORK = 1 << 19


def _grain(work, planes):
    """Planes per thread at least, for this much work over that many planes."""
    return max(1, PARALLEL_WORK * planes // max(work, 1))


# ---- max pooling ----------------------------------------------------------------------

@numba.njit(cache=True, nogil=True)
def _max_plane(x, kH, kW, dH, dW, padH, padW, out, ind):
    # out = window maxima; ind = 1-based flat index (y*W + x + 1) of each maximum in
    # the plane. A NaN wins (the last one), as in THNN.
    H, W = x.shape
    oH, oW = out.shape
    for oy in range(oH):
        y0 = oy * dH - padH
        y1 = min(y0 + kH, H)
        y0 = max(y0, 0)
        for ox in range(oW):
            x0 = ox * dW - padW
            x1 = min(x0 + kW, W)
            x0 = max(x0, 0)
            best = -np.inf
            where = -1
            for y in range(y0, y1):
                for xx in range(x0, x1):
                    v = x[y, xx]
                    if v > best or v != v:
                        best = v
                        where = y * W + xx
            out[oy, ox] = best
            ind[oy, ox] = where + 1


@numba.njit(cache=True, nogil=True)
def _max_back_plane(gout, ind, gin):
    # gin = 0, then gin[index] += gout for every output position
    H, W = gin.shape
    oH, oW = gout.shape
    for y in range(H):
        for xx in range(W):
            gin[y, xx] = 0
    for oy in range(oH):
        for ox in range(oW):
            k = ind[oy, ox] - 1
            if k >= 0:
                gin[k // W, k % W] += gout[oy, ox]


@numba.njit(cache=True, nogil=True)
def _max_forward_serial(x, kH, kW, dH, dW, padH, padW, out, ind):
    for p in range(x.shape[0]):
        _max_plane(x[p], kH, kW, dH, dW, padH, padW, out[p], ind[p])


@numba.njit(cache=True, nogil=True)
def _max_backward_serial(gout, ind, gin):
    for p in range(gin.shape[0]):
        _max_back_plane(gout[p], ind[p], gin[p])


def max_forward(x, kH, kW, dH, dW, padH, padW, out, ind):
    """out[p] = window maxima of x[p]; ind[p] = their 1-based flat indices in x[p]."""
    def piece(lo, hi):
        _max_forward_serial(x[lo:hi], kH, kW, dH, dW, padH, padW, out[lo:hi], ind[lo:hi])
    workers.split(x.shape[0], piece, _grain(out.size * kH * kW, x.shape[0]))


def max_backward(gout, ind, gin):
    """gin[p] = 0, then gin[p] at each index += the matching gout[p] entry."""
    def piece(lo, hi):
        _max_backward_serial(gout[lo:hi], ind[lo:hi], gin[lo:hi])
    workers.split(gin.shape[0], piece, _grain(gin.size, gin.shape[0]))


# ---- average pooling ------------------------------------------------------------------

@numba.njit(cache=True, nogil=True, inline="always")
def _avg_count(y0, x0, kH, kW, H, W, padH, padW, count_include_pad):
    # the divisor of one window, as THNN's SpatialAveragePooling counts it
    y1 = min(y0 + kH, H + padH)
    x1 = min(x0 + kW, W + padW)
    if count_include_pad:
        return (y1 - y0) * (x1 - x0)
    return (min(y1, H) - max(y0, 0)) * (min(x1, W) - max(x0, 0))


@numba.njit(cache=True, nogil=True)
def _avg_plane(x, kH, kW, dH, dW, padH, padW, count_include_pad, out):
    H, W = x.shape
    oH, oW = out.shape
    for oy in range(oH):
        ys = oy * dH - padH
        for ox in range(oW):
            xs = ox * dW - padW
            n = _avg_count(ys, xs, kH, kW, H, W, padH, padW, count_include_pad)
            s = 0.0
            for y in range(max(ys, 0), min(ys + kH, H)):
                for xx in range(max(xs, 0), min(xs + kW, W)):
                    s += x[y, xx]
            out[oy, ox] = s / n


@numba.njit(cache=True, nogil=True)
def _avg_back_plane(gout, kH, kW, dH, dW, padH, padW, count_include_pad, gin):
    H, W = gin.shape
    oH, oW = gout.shape
    for y in range(H):
        for xx in range(W):
            gin[y, xx] = 0
    for oy in range(oH):
        ys = oy * dH - padH
        for ox in range(oW):
            xs = ox * dW - padW
            n = _avg_count(ys, xs, kH, kW, H, W, padH, padW, count_include_pad)
            g = gout[oy, ox] / n
            for y in range(max(ys, 0), min(ys + kH, H)):
                for xx in range(max(xs, 0), min(xs + kW, W)):
                    gin[y, xx] += g


@numba.njit(cache=True, nogil=True)
def _avg_forward_serial(x, kH, kW, dH, dW, padH, padW, count_include_pad, out):
    for p in range(x.shape[0]):
        _avg_plane(x[p], kH, kW, dH, dW, padH, padW, count_include_pad, out[p])


@numba.njit(cache=True, nogil=True)
def _avg_backward_serial(gout, kH, kW, dH, dW, padH, padW, count_include_pad, gin):
    for p in range(gin.shape[0]):
        _avg_back_plane(gout[p], kH, kW, dH, dW, padH, padW, count_include_pad, gin[p])


def avg_forward(x, kH, kW, dH, dW, padH, padW, count_include_pad, out):
    """out[p] = window means of x[p] (the divisor per THNN's count_include_pad rule)."""
    def piece(lo, hi):
        _avg_forward_serial(x[lo:hi], kH, kW, dH, dW, padH, padW, count_include_pad,
                            out[lo:hi])
    workers.split(x.shape[0], piece, _grain(out.size * kH * kW, x.shape[0]))


def avg_backward(gout, kH, kW, dH, dW, padH, padW, count_include_pad, gin):
    """gin[p] = 0, then each window's cells get gout / divisor (avg_forward's adjoint)."""
    def piece(lo, hi):
        _avg_backward_serial(gout[lo:hi], kH, kW, dH, dW, padH, padW, count_include_pad,
                             gin[lo:hi])
    workers.split(gin.shape[0], piece, _grain(gout.size * kH * kW, gin.shape[0]))
