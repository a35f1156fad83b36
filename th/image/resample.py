"""Resampling one axis of an image: the 1-D passes behind image.scale.

Input: a numpy array whose last axis is a row (or column) of `src_len` pixels, and the
length wanted. Output: float values along `dst_len` positions, for the caller to store
in the image's type (Torch7 stores the horizontal pass in the image's type before the
vertical pass, so byte images are rounded in between).

The positions and weights are Torch7's (generic/image.c, scaleLinear_rowcol and
scaleCubic_rowcol), computed in C floats as it did, so every image lands on the same
pixels with the same weights:
- bilinear, enlarging: dst[i] interpolates src at i * (src_len-1)/(dst_len-1); the last
  pixel is copied. Shrinking: dst[i] is the mean of the source interval
  [i*s, (i+1)*s), s = src_len/dst_len, partial pixels weighted by their overlap.
- bicubic: Catmull-Rom through the 4 nearest pixels at the same positions as the
  bilinear enlargement (also when shrinking), ends extrapolated linearly.
- simple: the pixel at floor(i * src_len/dst_len).
"""
import numpy as np

f32 = np.float32


def linear(x, dst_len, work):
    """Bilinear pass along the last axis of x; `work` is the C type of the sums."""
    src_len = x.shape[-1]
    if dst_len == src_len:
        return x.astype(work)
    if dst_len > src_len:
        return _enlarge_linear(x, dst_len, work)
    return _shrink_linear(x, dst_len)


def _positions(src_len, dst_len):
    """(integer index, float32 fraction) of dst pixels 0..dst_len-2 in the source."""
    scale = f32(src_len - 1) / f32(dst_len - 1 if dst_len > 1 else 1)
    si = np.arange(dst_len - 1, dtype=f32) * scale
    index = si.astype(np.int64)                  # (long) truncates, si >= 0
    index = np.minimum(index, src_len - 1)
    return index, si - index.astype(f32)


def _enlarge_linear(x, dst_len, work):
    src_len = x.shape[-1]
    out = np.empty(x.shape[:-1] + (dst_len,), dtype=work)
    out[..., -1] = x[..., -1]
    if src_len == 1:
        out[..., :-1] = x[..., :1]
        return out
    index, frac = _positions(src_len, dst_len)
    nxt = np.minimum(index + 1, src_len - 1)
    w0, w1 = (f32(1) - frac).astype(work), frac.astype(work)
    xs = x.astype(work)
    out[..., :-1] = w0 * xs[..., index] + w1 * xs[..., nxt]
    return out


def _shrink_linear(x, dst_len):
    """Area averaging, with Torch7's float accumulator (acc and n are C floats)."""
    src_len = x.shape[-1]
    scale = f32(src_len) / f32(dst_len)
    ends = np.arange(1, dst_len + 1, dtype=f32) * scale
    end_i = ends.astype(np.int64)
    end_f = ends - end_i.astype(f32)
    start_i = np.concatenate(([0], end_i[:-1]))
    start_f = np.concatenate(([f32(0)], end_f[:-1])).astype(f32)
    xs = x.astype(np.float64)
    start_i = np.minimum(start_i, src_len - 1)

    first = (f32(1) - start_f)
    acc = (first.astype(np.float64) * xs[..., start_i]).astype(f32)
    n = first.copy()
    inner = end_i - start_i - 1                   # whole pixels strictly inside
    for k in range(1, int(inner.max()) + 1 if inner.size else 1):
        use = inner >= k
        idx = np.minimum(start_i + k, src_len - 1)
        acc = np.where(use, (acc.astype(np.float64) + xs[..., idx]).astype(f32), acc)
        n = np.where(use, (n + f32(1)).astype(f32), n)
    last = end_i < src_len
    idx = np.minimum(end_i, src_len - 1)
    tail = end_f.astype(np.float64) * xs[..., idx]
    if x.dtype != np.float64:
        tail = tail.astype(f32).astype(np.float64)     # a float product in C
    acc = np.where(last, (acc.astype(np.float64) + tail).astype(f32), acc)
    n = np.where(last, (n + end_f).astype(f32), n)
    return (acc / n).astype(f32)


def cubic(x, dst_len, work):
    """Bicubic pass along the last axis of x."""
    src_len = x.shape[-1]
    if dst_len == src_len:
        return x.astype(work)
    out = np.empty(x.shape[:-1] + (dst_len,), dtype=work)
    out[..., -1] = x[..., -1]
    if src_len == 1:
        out[..., :-1] = x[..., :1]
        return out
    if dst_len == 1:
        return out
    index, frac = _positions(src_len, dst_len)
    xs = x.astype(work)
    p1 = xs[..., index]
    p2 = xs[..., np.minimum(index + 1, src_len - 1)]
    p0 = np.where(index > 0, xs[..., np.maximum(index - 1, 0)], 2 * p1 - p2)
    p3 = np.where(index + 2 < src_len, xs[..., np.minimum(index + 2, src_len - 1)],
                  2 * p2 - p1)
    t = frac.astype(work)
    a1 = p2 - p0
    a2 = 2 * p0 - 5 * p1 + 4 * p2 - p3
    a3 = 3 * (p1 - p2) + p3 - p0
    out[..., :-1] = p1 + 0.5 * t * (a1 + t * (a2 + t * a3))
    return out


def nearest_index(src_len, dst_len):
    """The source pixel of each destination pixel for the 'simple' mode."""
    scale = f32(src_len) / f32(dst_len)
    index = (np.arange(dst_len, dtype=f32) * scale).astype(np.int64)
    return np.minimum(index, src_len - 1)
