"""numba kernels for 2-D pooling: max (with argmax indices) and average.

Arrays are planes: `x` (P, H, W) and `out` (P, oH, oW), with P = batch * channels, all
C-contiguous. Windows start at (oy*dH - padH, ox*dW - padW); the padding is never read
(max) or counted only when `count_include_pad` says so (average), as in THNN.
Each thread owns whole planes, so the backward scatters never race.
"""
import numba
import numpy as np


@numba.njit(cache=True, nogil=True, parallel=True)
def max_forward(x, kH, kW, dH, dW, padH, padW, out, ind):
    """out = window maxima; ind = 1-based flat index (y*W + x + 1) of each maximum in
    its plane. A NaN wins (the last one), as in THNN."""
    P, H, W = x.shape
    oH, oW = out.shape[1], out.shape[2]
    for p in numba.prange(P):
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
                        v = x[p, y, xx]
                        if v > best or v != v:
                            best = v
                            where = y * W + xx
                out[p, oy, ox] = best
                ind[p, oy, ox] = where + 1


@numba.njit(cache=True, nogil=True, parallel=True)
def max_backward(gout, ind, gin):
    """gin = 0, then gin[p, index] += gout[p, oy, ox] for every output position."""
    P, H, W = gin.shape
    oH, oW = gout.shape[1], gout.shape[2]
    for p in numba.prange(P):
        for y in range(H):
            for xx in range(W):
                gin[p, y, xx] = 0
        for oy in range(oH):
            for ox in range(oW):
                k = ind[p, oy, ox] - 1
                if k >= 0:
                    gin[p, k // W, k % W] += gout[p, oy, ox]


@numba.njit(cache=True, nogil=True)
def _avg_count(y0, x0, kH, kW, H, W, padH, padW, count_include_pad):
    """The divisor of one window, as THNN's SpatialAveragePooling counts it."""
    y1 = min(y0 + kH, H + padH)
    x1 = min(x0 + kW, W + padW)
    if count_include_pad:
        return (y1 - y0) * (x1 - x0)
    return (min(y1, H) - max(y0, 0)) * (min(x1, W) - max(x0, 0))


@numba.njit(cache=True, nogil=True, parallel=True)
def avg_forward(x, kH, kW, dH, dW, padH, padW, count_include_pad, out):
    """out = mean of each window (the divisor per `_avg_count`)."""
    P, H, W = x.shape
    oH, oW = out.shape[1], out.shape[2]
    for p in numba.prange(P):
        for oy in range(oH):
            ys = oy * dH - padH
            for ox in range(oW):
                xs = ox * dW - padW
                n = _avg_count(ys, xs, kH, kW, H, W, padH, padW, count_include_pad)
                s = 0.0
                for y in range(max(ys, 0), min(ys + kH, H)):
                    for xx in range(max(xs, 0), min(xs + kW, W)):
                        s += x[p, y, xx]
                out[p, oy, ox] = s / n


@numba.njit(cache=True, nogil=True, parallel=True)
def avg_backward(gout, kH, kW, dH, dW, padH, padW, count_include_pad, gin):
    """gin = 0, then each window's inputs get gout / divisor (the adjoint of avg_forward)."""
    P, H, W = gin.shape
    oH, oW = gout.shape[1], gout.shape[2]
    for p in numba.prange(P):
        for y in range(H):
            for xx in range(W):
                gin[p, y, xx] = 0
        for oy in range(oH):
            ys = oy * dH - padH
            for ox in range(oW):
                xs = ox * dW - padW
                n = _avg_count(ys, xs, kH, kW, H, W, padH, padW, count_include_pad)
                g = gout[p, oy, ox] / n
                for y in range(max(ys, 0), min(ys + kH, H)):
                    for xx in range(max(xs, 0), min(xs + kW, W)):
                        gin[p, y, xx] += g
