"""numba loops for image.scale and image.rotate: Torch7's C loops, pixel by pixel.

Measured (bench/image_ops.py) as the image functions where numpy's whole-array
arithmetic was 10-40x slower than PyTorch: interpolation gathers a few pixels per
output pixel, which numpy can only do through large temporary arrays. These loops are
transcriptions of generic/image.c (scaleLinear_rowcol, scaleCubic_rowcol, rotate,
rotateBilinear): the same positions and weights in C floats (numpy.float32 here), the
same `float` accumulators, byte results rounded and saturated (FromIntermediate).
Where the C code kept a temporary in `temp_t` (float for float and byte images), the
value is rounded to float32 at the same places.

Arrays: images are C-contiguous (C, H, W) arrays of one of Torch7's types; the wrappers
in geometry.py make them so. Each kernel does a range of rows (or columns), so the
wrappers can share an image between cores (th.torch.workers); nogil lets them. Compiled lazily on first use and cached on disk
(cache=True): this module is imported only when an image is scaled or rotated, so
`require 'image'` never waits on numba.
"""
import math

import numba
import numpy as np

f32 = np.float32


@numba.njit(cache=True, nogil=True)
def _store(v, byte):
    """FromIntermediate: bytes round half up and saturate; others are kept."""
    if byte:
        x = f32(v) + f32(0.5)
        if x <= 0:
            return 0.0
        if x >= 255:
            return 255.0
        return math.floor(x)
    return v


@numba.njit(cache=True, nogil=True)
def _linear_rowcol(src, dst, single, byte):
    """scaleLinear_rowcol: one row (or column) `src` resampled into `dst`."""
    src_len, dst_len = src.shape[0], dst.shape[0]
    if dst_len > src_len:
        if src_len == 1:
            for di in range(dst_len - 1):
                dst[di] = src[0]
        else:
            scale = f32(src_len - 1) / f32(dst_len - 1)
            for di in range(dst_len - 1):
                si_f = f32(di) * scale
                si_i = min(int(si_f), src_len - 2)       # never past the end
                si_f = si_f - f32(si_i)
                v = (f32(1) - si_f) * src[si_i] + si_f * src[si_i + 1]
                if single:
                    v = f32(v)
                dst[di] = _store(v, byte)
        dst[dst_len - 1] = src[src_len - 1]
    elif dst_len < src_len:
        scale = f32(src_len) / f32(dst_len)
        si0_i = 0
        si0_f = f32(0)
        for di in range(dst_len):
            si1_f = f32(di + 1) * scale
            si1_i = int(si1_f)
            si1_f = si1_f - f32(si1_i)
            acc = f32((f32(1) - si0_f) * src[si0_i])       # C: float acc, n
            n = f32(1) - si0_f
            for si in range(si0_i + 1, si1_i):
                acc = f32(acc + src[si])
                n = f32(n + f32(1))
            if si1_i < src_len:
                acc = f32(acc + si1_f * src[si1_i])
                n = f32(n + si1_f)
            dst[di] = _store(f32(acc / n), byte)
            si0_i = si1_i
            si0_f = si1_f
    else:
        for i in range(dst_len):
            dst[i] = src[i]


@numba.njit(cache=True, nogil=True)
def _cubic_rowcol(src, dst, single, byte):
    """scaleCubic_rowcol: Catmull-Rom through the 4 nearest source pixels."""
    src_len, dst_len = src.shape[0], dst.shape[0]
    if dst_len == src_len:
        for i in range(dst_len):
            dst[i] = src[i]
        return
    if src_len == 1:
        for i in range(dst_len - 1):
            dst[i] = src[0]
    else:
        scale = f32(src_len - 1) if dst_len == 1 else f32(src_len - 1) / f32(dst_len - 1)
        for di in range(dst_len - 1):
            si_f = f32(di) * scale
            si_i = min(int(si_f), src_len - 2)           # never past the end
            si_f = si_f - f32(si_i)
            p1 = 1.0 * src[si_i]
            p2 = 1.0 * src[si_i + 1]
            p0 = 1.0 * src[si_i - 1] if si_i > 0 else 2 * p1 - p2
            p3 = 1.0 * src[si_i + 2] if si_i + 2 < src_len else 2 * p2 - p1
            if single:
                p0, p1, p2, p3 = f32(p0), f32(p1), f32(p2), f32(p3)
            a1 = p2 - p0
            a2 = 2 * p0 - 5 * p1 + 4 * p2 - p3
            a3 = 3 * (p1 - p2) + p3 - p0
            x = 1.0 * si_f
            v = p1 + 0.5 * x * (a1 + x * (a2 + x * a3))
            if single:
                v = f32(v)
            dst[di] = _store(v, byte)
    dst[dst_len - 1] = src[src_len - 1]


@numba.njit(cache=True, nogil=True)
def scale_rows(src, dst, lo, hi, cubic, single, byte):
    """Rows lo..hi-1 (numbered across planes) of src resampled into dst's width."""
    height = src.shape[1]
    for r in range(lo, hi):
        k, j = r // height, r % height
        if cubic:
            _cubic_rowcol(src[k, j], dst[k, j], single, byte)
        else:
            _linear_rowcol(src[k, j], dst[k, j], single, byte)


@numba.njit(cache=True, nogil=True)
def scale_columns(src, dst, lo, hi, cubic, single, byte):
    """Rows lo..hi-1 (numbered across planes) of dst: src's columns resampled to dst's
    height. Each destination row is made from a few whole source rows, so memory is
    read along rows; the arithmetic per pixel is that of the column's rowcol call."""
    height = dst.shape[1]
    for k in range(lo // height, (hi - 1) // height + 1):
        a = max(lo - k * height, 0)
        b = min(hi - k * height, height)
        if cubic:
            _cubic_lines(src[k], dst[k], a, b, single, byte)
        else:
            _linear_lines(src[k], dst[k], a, b, single, byte)


@numba.njit(cache=True, nogil=True)
def _linear_lines(src, dst, lo, hi, single, byte):
    """_linear_rowcol down every column of the plane src at once, for dst rows lo..hi-1."""
    src_len, dst_len, width = src.shape[0], dst.shape[0], src.shape[1]
    if dst_len == src_len:
        for di in range(lo, hi):
            dst[di, :] = src[di, :]
    elif dst_len > src_len:
        scale = f32(src_len - 1) / f32(max(dst_len - 1, 1))
        for di in range(lo, hi):
            if di == dst_len - 1 or src_len == 1:
                dst[di, :] = src[src_len - 1 if di == dst_len - 1 else 0, :]
                continue
            si_f = f32(di) * scale
            si_i = min(int(si_f), src_len - 2)
            si_f = si_f - f32(si_i)
            w0 = f32(1) - si_f
            for x in range(width):
                v = w0 * src[si_i, x] + si_f * src[si_i + 1, x]
                if single:
                    v = f32(v)
                dst[di, x] = _store(v, byte)
    else:
        scale = f32(src_len) / f32(dst_len)
        for di in range(lo, hi):
            s0 = f32(di) * scale                     # = the previous row's end
            si0_i = int(s0)
            si0_f = s0 - f32(si0_i)
            s1 = f32(di + 1) * scale
            si1_i = int(s1)
            si1_f = s1 - f32(si1_i)
            n = f32(1) - si0_f
            for si in range(si0_i + 1, si1_i):
                n = f32(n + f32(1))
            last = si1_i < src_len
            if last:
                n = f32(n + si1_f)
            w0 = f32(1) - si0_f
            for x in range(width):
                acc = f32(w0 * src[si0_i, x])
                for si in range(si0_i + 1, si1_i):
                    acc = f32(acc + src[si, x])
                if last:
                    acc = f32(acc + si1_f * src[si1_i, x])
                dst[di, x] = _store(f32(acc / n), byte)


@numba.njit(cache=True, nogil=True)
def _cubic_lines(src, dst, lo, hi, single, byte):
    """_cubic_rowcol down every column of the plane src at once, for dst rows lo..hi-1."""
    src_len, dst_len, width = src.shape[0], dst.shape[0], src.shape[1]
    if dst_len == src_len:
        for di in range(lo, hi):
            dst[di, :] = src[di, :]
        return
    scale = f32(src_len - 1) if dst_len == 1 else f32(src_len - 1) / f32(dst_len - 1)
    for di in range(lo, hi):
        if di == dst_len - 1 or src_len == 1:
            dst[di, :] = src[src_len - 1 if di == dst_len - 1 else 0, :]
            continue
        si_f = f32(di) * scale
        si_i = min(int(si_f), src_len - 2)
        si_f = si_f - f32(si_i)
        x_ = 1.0 * si_f
        for x in range(width):
            p1 = 1.0 * src[si_i, x]
            p2 = 1.0 * src[si_i + 1, x]
            p0 = 1.0 * src[si_i - 1, x] if si_i > 0 else 2 * p1 - p2
            p3 = 1.0 * src[si_i + 2, x] if si_i + 2 < src_len else 2 * p2 - p1
            if single:
                p0, p1, p2, p3 = f32(p0), f32(p1), f32(p2), f32(p3)
            a1 = p2 - p0
            a2 = 2 * p0 - 5 * p1 + 4 * p2 - p3
            a3 = 3 * (p1 - p2) + p3 - p0
            v = p1 + 0.5 * x_ * (a1 + x_ * (a2 + x_ * a3))
            if single:
                v = f32(v)
            dst[di, x] = _store(v, byte)


@numba.njit(cache=True, nogil=True)
def _c_round(x):
    """C's round(): halves away from zero."""
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


@numba.njit(cache=True, nogil=True)
def rotate_simple(src, dst, theta, lo, hi):
    """Main_rotate on rows lo..hi-1: the nearest source pixel, positions in C floats;
    outside is 0."""
    channels, height, width = src.shape
    xc = f32((width - 1) / 2.0)
    yc = f32((height - 1) / 2.0)
    t = f32(theta)
    cos_t = f32(math.cos(t))
    sin_t = f32(math.sin(t))
    for j in range(lo, hi):
        jd = f32(j)
        for i in range(width):
            id_ = f32(i)
            ii = int(_c_round(f32(f32(cos_t * (id_ - xc)) - f32(sin_t * (jd - yc))) + xc))
            jj = int(_c_round(f32(f32(cos_t * (jd - yc)) + f32(sin_t * (id_ - xc))) + yc))
            inside = 0 <= ii < width and 0 <= jj < height
            for k in range(channels):
                dst[k, j, i] = src[k, jj, ii] if inside else 0


@numba.njit(cache=True, nogil=True)
def rotate_bilinear(src, dst, theta, lo, hi, single, byte):
    """Main_rotateBilinear on rows lo..hi-1: the 4 nearest source pixels weighted;
    Torch7's border rules (the nearer pixel on the last row/column, else black); the
    value in a C float."""
    channels, height, width = src.shape
    xc = 1.0 * f32((width - 1) / 2.0)
    yc = 1.0 * f32((height - 1) / 2.0)
    t = 1.0 * f32(theta)
    c, s = math.cos(t), math.sin(t)
    for j in range(lo, hi):
        for i in range(width):
            ri = c * (i - xc) - s * (j - yc)
            rj = c * (j - yc) + s * (i - xc)
            if single:
                ri, rj = 1.0 * f32(ri), 1.0 * f32(rj)
            i0 = int(math.floor(ri + xc))
            j0 = int(math.floor(rj + yc))
            i1, j1 = i0 + 1, j0 + 1
            wi, wj = ri + xc - i0, rj + yc - j0
            if single:
                wi, wj = 1.0 * f32(wi), 1.0 * f32(wj)
            black = False
            if i1 == width and wi < 0.5:
                i1 = i0
            elif i1 >= width:
                black = True
            if j1 == height and wj < 0.5:
                j1 = j0
            elif j1 >= height:
                black = True
            if i0 == -1 and wi > 0.5:
                i0 = i1
            elif i0 < 0:
                black = True
            if j0 == -1 and wj > 0.5:
                j0 = j1
            elif j0 < 0:
                black = True
            for k in range(channels):
                if black:
                    dst[k, j, i] = 0
                else:
                    v = f32((1.0 - wi) * (1.0 - wj) * src[k, j0, i0]
                            + wi * (1.0 - wj) * src[k, j0, i1]
                            + (1.0 - wi) * wj * src[k, j1, i0]
                            + wi * wj * src[k, j1, i1])
                    dst[k, j, i] = _store(v, byte)
