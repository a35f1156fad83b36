"""numba kernels for convolution by unfolding: im2col and its adjoint col2im.

Torch7's SpatialConvolutionMM turns a convolution into one matrix product: `im2col`
copies every kH x kW patch of the (zero-padded) input into a column of `col`, so that
output = weight (nOut x C*kH*kW) @ col (C*kH*kW x oH*oW). `col2im` scatters columns
back onto the image, adding overlaps: the gradient of im2col, and the forward pass of a
transposed (full) convolution.

Arrays: `x` is (B, C, H, W) and `col` is (C*kH*kW, B*oH*oW), both C-contiguous and of
one float dtype. Rows of `col` are ordered (c, i, j) with j fastest, as Torch7's
`unfolded_copy`; the columns of sample b are the b-th block of oH*oW. Putting the whole
batch side by side makes each pass one large matrix product, which BLAS runs several
times faster than B small ones (bench/conv_kernels.py). For one sample (B = 1) `col`
is exactly Torch7's `finput`. The work is split over the B*C planes: each plane reads
(im2col) or writes (col2im) only its own rows and columns, so threads never race.
"""
import numba


@numba.njit(cache=True, nogil=True, parallel=True)
def im2col(x, kH, kW, dH, dW, padH, padW, oH, oW, col):
    """col[(c*kH + i)*kW + j, b*oH*oW + oy*oW + ox] = x[b, c, oy*dH - padH + i, ox*dW - padW + j]
    (0 outside the image)."""
    B, C, H, W = x.shape
    for bc in numba.prange(B * C):
        b = bc // C
        c = bc % C
        cb = b * oH * oW
        for i in range(kH):
            for j in range(kW):
                row = (c * kH + i) * kW + j
                # output columns ox whose input column lies inside [0, W)
                lo = 0
                while lo < oW and lo * dW - padW + j < 0:
                    lo += 1
                hi = oW
                while hi > lo and (hi - 1) * dW - padW + j >= W:
                    hi -= 1
                for oy in range(oH):
                    y = oy * dH - padH + i
                    base = oy * oW
                    if y < 0 or y >= H:
                        for ox in range(oW):
                            col[row, cb + base + ox] = 0
                        continue
                    for ox in range(lo):
                        col[row, cb + base + ox] = 0
                    xs = lo * dW - padW + j
                    for ox in range(lo, hi):
                        col[row, cb + base + ox] = x[b, c, y, xs]
                        xs += dW
                    for ox in range(hi, oW):
                        col[row, cb + base + ox] = 0


@numba.njit(cache=True, nogil=True, parallel=True)
def col2im(col, kH, kW, dH, dW, padH, padW, oH, oW, x):
    """x = 0, then x[b, c, oy*dH - padH + i, ox*dW - padW + j] += col[row, b*oH*oW + oy*oW + ox]
    for every position inside the image (the adjoint of im2col)."""
    B, C, H, W = x.shape
    for bc in numba.prange(B * C):
        b = bc // C
        c = bc % C
        for y in range(H):
            for xx in range(W):
                x[b, c, y, xx] = 0
        cb = b * oH * oW
        for i in range(kH):
            for j in range(kW):
                row = (c * kH + i) * kW + j
                lo = 0
                while lo < oW and lo * dW - padW + j < 0:
                    lo += 1
                hi = oW
                while hi > lo and (hi - 1) * dW - padW + j >= W:
                    hi -= 1
                for oy in range(oH):
                    y = oy * dH - padH + i
                    if y < 0 or y >= H:
                        continue
                    base = oy * oW
                    xs = lo * dW - padW + j
                    for ox in range(lo, hi):
                        x[b, c, y, xs] += col[row, cb + base + ox]
                        xs += dW
