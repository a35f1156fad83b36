"""Reference loops for the image tests: Torch7's C and Lua code, pixel by pixel.

Each function is a plain transcription of one routine of Torch7's image package
(generic/image.c, init.lua), one pixel at a time with scalar arithmetic, C floats kept
as numpy.float32 where the C code declared `float`. th.image computes the same things
vectorised; the tests compare the two. Nothing here imports th.
"""
import math

import numpy as np

F = np.float32


def from_intermediate_byte(x):
    x = float(x) + 0.5
    return 0 if x <= 0 else 255 if x >= 255 else int(x)


# ---- image.scale ------------------------------------------------------------------------

def scale_linear_rowcol(src, dst_len, byte=False):
    """scaleLinear_rowcol on a 1-D list; doubles unless byte (then temp_t float)."""
    src_len = len(src)
    dst = [0.0] * dst_len
    store = from_intermediate_byte if byte else (lambda v: v)
    if dst_len > src_len:
        scale = F(src_len - 1) / F(dst_len - 1)
        if src_len == 1:
            for di in range(dst_len - 1):
                dst[di] = src[0]
        else:
            for di in range(dst_len - 1):
                si_f = F(di) * scale
                si_i = int(si_f)
                si_f = F(si_f - F(si_i))
                if byte:
                    v = F(F(1 - si_f) * F(src[si_i]) + si_f * F(src[si_i + 1]))
                else:
                    v = float(F(1) - si_f) * src[si_i] + float(si_f) * src[si_i + 1]
                dst[di] = store(v)
        dst[dst_len - 1] = src[src_len - 1]
    elif dst_len < src_len:
        scale = F(src_len) / F(dst_len)
        si0_i, si0_f = 0, F(0)
        for di in range(dst_len):
            si1_f = F(di + 1) * scale
            si1_i = int(si1_f)
            si1_f = F(si1_f - F(si1_i))
            acc = F(float(F(1) - si0_f) * src[si0_i])
            n = F(1) - si0_f
            for si in range(si0_i + 1, si1_i):
                acc = F(float(acc) + src[si])
                n = F(n + F(1))
            if si1_i < src_len:
                acc = F(float(acc) + float(si1_f) * src[si1_i])
                n = F(n + si1_f)
            dst[di] = store(float(F(acc / n)))
            si0_i, si0_f = si1_i, si1_f
    else:
        dst = list(src)
    return dst


def cubic_interpolate(p0, p1, p2, p3, x):
    a0 = p1
    a1 = p2 - p0
    a2 = 2 * p0 - 5 * p1 + 4 * p2 - p3
    a3 = 3 * (p1 - p2) + p3 - p0
    return a0 + 0.5 * x * (a1 + x * (a2 + x * a3))


def scale_cubic_rowcol(src, dst_len):
    """scaleCubic_rowcol on a 1-D list of doubles."""
    src_len = len(src)
    dst = [0.0] * dst_len
    if dst_len == src_len:
        return list(src)
    if src_len == 1:
        return [src[0]] * dst_len
    scale = F(src_len - 1) if dst_len == 1 else F(src_len - 1) / F(dst_len - 1)
    for di in range(dst_len - 1):
        si_f = F(di) * scale
        si_i = int(si_f)
        si_f = F(si_f - F(si_i))
        p1, p2 = src[si_i], src[si_i + 1]
        p0 = src[si_i - 1] if si_i > 0 else 2 * p1 - p2
        p3 = src[si_i + 2] if si_i + 2 < src_len else 2 * p2 - p1
        dst[di] = cubic_interpolate(p0, p1, p2, p3, float(si_f))
    dst[dst_len - 1] = src[src_len - 1]
    return dst


def scale_separable(img, height, width, rowcol):
    """Rows first into a temporary, then columns, as Main_scaleBilinear/Bicubic."""
    img = np.asarray(img, dtype=np.float64)
    tmp = np.array([rowcol(list(row), width) for row in img])
    out = np.array([rowcol(list(col), height) for col in tmp.T]).T
    return out


def scale_simple(img, height, width):
    src_h, src_w = img.shape
    scx, scy = F(src_w) / F(width), F(src_h) / F(height)
    out = np.zeros((height, width))
    for j in range(height):
        for i in range(width):
            ii = min(int(F(i) * scx), src_w - 1)
            jj = min(int(F(j) * scy), src_h - 1)
            out[j, i] = img[jj, ii]
    return out


# ---- image.rotate -----------------------------------------------------------------------

def c_round(x):
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def rotate_simple(img, theta):
    h, w = img.shape
    xc, yc = F((w - 1) / 2.0), F((h - 1) / 2.0)
    theta = F(theta)
    cos_t, sin_t = F(math.cos(theta)), F(math.sin(theta))
    out = np.zeros_like(img)
    for j in range(h):
        jd = F(j)
        for i in range(w):
            id_ = F(i)
            ii = c_round(float(F(F(cos_t * F(id_ - xc)) - F(sin_t * F(jd - yc))) + xc))
            jj = c_round(float(F(F(cos_t * F(jd - yc)) + F(sin_t * F(id_ - xc))) + yc))
            if 0 <= ii < w and 0 <= jj < h:
                out[j, i] = img[jj, ii]
    return out


def rotate_bilinear(img, theta):
    h, w = img.shape
    xc, yc = float(F((w - 1) / 2.0)), float(F((h - 1) / 2.0))   # C floats, used in doubles
    theta = float(F(theta))
    out = np.zeros_like(img)
    for j in range(h):
        for i in range(w):
            val = None
            ri = math.cos(theta) * (i - xc) - math.sin(theta) * (j - yc)
            rj = math.cos(theta) * (j - yc) + math.sin(theta) * (i - xc)
            ii0, jj0 = math.floor(ri + xc), math.floor(rj + yc)
            ii1, jj1 = ii0 + 1, jj0 + 1
            wi, wj = ri + xc - ii0, rj + yc - jj0
            if ii1 == w and wi < 0.5:
                ii1 = ii0
            elif ii1 >= w:
                val = 0
            if jj1 == h and wj < 0.5:
                jj1 = jj0
            elif jj1 >= h:
                val = 0
            if ii0 == -1 and wi > 0.5:
                ii0 = ii1
            elif ii0 < 0:
                val = 0
            if jj0 == -1 and wj > 0.5:
                jj0 = jj1
            elif jj0 < 0:
                val = 0
            if val is None:
                val = ((1.0 - wi) * (1.0 - wj) * img[jj0, ii0] + wi * (1.0 - wj) * img[jj0, ii1]
                       + (1.0 - wi) * wj * img[jj1, ii0] + wi * wj * img[jj1, ii1])
            out[j, i] = float(F(val))
    return out


# ---- convolutions -----------------------------------------------------------------------

def conv2_valid(x, k):
    """Full-precision 2-D convolution (kernel flipped), 'valid' part."""
    kh, kw = k.shape
    oh, ow = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    out = np.zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            s = 0.0
            for a in range(kh):
                for b in range(kw):
                    s += x[i + a, j + b] * k[kh - 1 - a, kw - 1 - b]
            out[i, j] = s
    return out


def conv2_full(x, k):
    kh, kw = k.shape
    padded = np.zeros((x.shape[0] + 2 * (kh - 1), x.shape[1] + 2 * (kw - 1)))
    padded[kh - 1:kh - 1 + x.shape[0], kw - 1:kw - 1 + x.shape[1]] = x
    return conv2_valid(padded, k)


# ---- kernels ----------------------------------------------------------------------------

def naive_gaussian(width, height, amplitude=1, normalize=False, sigma_horz=0.25,
                   sigma_vert=0.25, mean_horz=0.5, mean_vert=0.5):
    """The old Lua gaussian that Torch7's own test compares image.gaussian with."""
    cx, cy = mean_horz * width + 0.5, mean_vert * height + 0.5
    g = np.zeros((height, width))
    for i in range(1, height + 1):
        for j in range(1, width + 1):
            g[i - 1, j - 1] = amplitude * math.exp(-(((j - cx) / (sigma_horz * width)) ** 2 / 2
                                                     + ((i - cy) / (sigma_vert * height)) ** 2 / 2))
    if normalize:
        g /= g.sum()
    return g


# ---- colour spaces, one pixel at a time (Wikipedia's formulas, as image.c) ---------------

def rgb2hsl_pixel(r, g, b):
    mx, mn = max(r, g, b), min(r, g, b)
    if mx == mn:
        return 0.0, 0.0, mx
    d = mx - mn
    if mx == r:
        h = (g - b) / d + (6 if g < b else 0)
    elif mx == g:
        h = (b - r) / d + 2
    else:
        h = (r - g) / d + 4
    h /= 6
    lum = (mx + mn) / 2
    s = d / (2 - mx - mn) if lum > 0.5 else d / (mx + mn)
    return h, s, lum


def rgb2hsv_pixel(r, g, b):
    mx, mn = max(r, g, b), min(r, g, b)
    if mx == mn:
        return 0.0, 0.0, mx
    d = mx - mn
    if mx == r:
        h = (g - b) / d + (6 if g < b else 0)
    elif mx == g:
        h = (b - r) / d + 2
    else:
        h = (r - g) / d + 4
    return h / 6, d / mx, mx


def srgb_to_lab_pixel(r, g, b):
    def expand(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = expand(r), expand(g), expand(b)
    x = (0.412453 * r + 0.357580 * g + 0.180423 * b) / 0.950456
    y = 0.212671 * r + 0.715160 * g + 0.072169 * b
    z = (0.019334 * r + 0.119193 * g + 0.950227 * b) / 1.088754
    eps, kappa = 216 / 24389, 24389 / 27

    def f(v):
        return v ** (1 / 3) if v > eps else (kappa * v + 16) / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))
