"""Convolution by unfolding: im2col and its adjoint col2im.

Torch7's SpatialConvolutionMM turns a convolution into one matrix product: `im2col`
copies every kH x kW patch of the (zero-padded) input into a column of `col`, so that
output = weight (nOut x C*kH*kW) @ col (C*kH*kW x oH*oW). `col2im` scatters columns
back onto the image, adding overlaps: the gradient of im2col, and the forward pass of a
transposed (full) convolution.

Arrays: `x` is (B, C, H, W) and `col` is (C*kH*kW, B*oH*oW), both C-contiguous and of
one float dtype. Rows of `col` are ordered (c, i, j) with j fastest, as Torch7's
`unfolded_copy`; the columns of sample b are the b-th block of oH*oW. Putting the whole
batch side by side makes each pass one large matrix product, which BLAS runs faster
than B small ones. For one sample (B = 1) `col` is exactly Torch7's `finput`.

Measured on the LeNet shapes (bench/conv_kernels.py, one thread): unfolding plus BLAS
runs a forward pass 1.0-2.9x faster than a direct numba convolution loop (the loop
wins, 0.85x, only on the 3-channel first layer in float32). im2col is a single numpy
strided copy (0.8-1.5x the speed of a numba copy loop, faster on the big layers);
col2im, an accumulation numpy can only do in kH*kW separate passes, is a numba loop
over a zero-padded plane, 1.5-2.5x faster than numpy.
"""
import numba
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from th.torch import workers


def im2col(x, kH, kW, dH, dW, padH, padW, oH, oW, col):
    """col[(c*kH + i)*kW + j, b*oH*oW + oy*oW + ox] =
    x[b, c, oy*dH - padH + i, ox*dW - padW + j] (0 in the padding)."""
    B, C = x.shape[:2]
    if padH or padW:
        x = np.pad(x, ((0, 0), (0, 0), (padH, padH), (padW, padW)))
    win = sliding_window_view(x, (kH, kW), axis=(2, 3))[:, :, ::dH, ::dW][:, :, :oH, :oW]
    np.copyto(col.reshape(C, kH, kW, B, oH, oW), win.transpose(1, 4, 5, 0, 2, 3))


PARALLEL_WORK = 1 << 19      # col entries per thread at least


def col2im(col, kH, kW, dH, dW, padH, padW, oH, oW, x):
    """x = the sum, over every column entry, of col placed back where im2col took it
    (entries that came from the padding are dropped): the adjoint of im2col."""
    B, C, H, W = x.shape
    xp = x if not (padH or padW) else \
        np.empty((B, C, H + 2 * padH, W + 2 * padW), x.dtype)

    def piece(lo, hi):     # planes b*C + c in [lo, hi): each thread owns whole planes
        _col2im_planes(col, kH, kW, dH, dW, oH, oW, xp, lo, hi)
    planes = B * C
    workers.split(planes, piece, max(1, PARALLEL_WORK * planes // max(col.size, 1)))
    if xp is not x:
        x[...] = xp[:, :, padH:padH + H, padW:padW + W]


@numba.njit(cache=True, nogil=True)
def _col2im_plane(col, b, c, kH, kW, dH, dW, oH, oW, plane):
    # Every window lies inside the (padded) plane, so no bounds tests; unsigned column
    # indices spare numba's negative-index wraparound test, which would stop LLVM
    # vectorising the inner loop.
    H, W = plane.shape
    N = oH * oW
    for y in range(H):
        for xx in range(W):
            plane[y, xx] = 0
    for i in range(kH):
        for j in range(kW):
            row = (c * kH + i) * kW + j
            for oy in range(oH):
                base = b * N + oy * oW
                y = oy * dH + i
                for ox in range(oW):
                    plane[y, np.uintp(ox * dW + j)] += col[row, base + ox]


@numba.njit(cache=True, nogil=True)
def _col2im_planes(col, kH, kW, dH, dW, oH, oW, xp, lo, hi):
    C = xp.shape[1]
    for bc in range(lo, hi):
        _col2im_plane(col, bc // C, bc % C, kH, kW, dH, dW, oH, oW, xp[bc // C, bc % C])
