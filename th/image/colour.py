"""Colour spaces and colour maps: rgb2yuv, rgb2hsl, rgb2lab, ..., y2jet, jetColormap.

Input: images as 3 x H x W tensors (RGB in [0, 1] for float/double images, [0, 255]
for byte images), given as (input) or (output, input). Output: the converted image, in
`output` (resized) when given, else in a new tensor of the input's type.

The formulas and constants are Torch7's (image/init.lua and generic/image.c): YUV with
the 0.299/0.587/0.114 luma weights and 0.14713... chroma, HSL and HSV after Wikipedia's
formulas with hue in [0, 1], and CIE L*a*b* from sRGB through XYZ under the D65 white
point (L in [0, 100], a and b roughly in [-128, 127], not restricted to [0, 1]).
"""
import math

import numpy as np

from th.image.args import (ImageError, array, check_number, check_rgb, check_tensor,
                           compute_dtype, default_dtype, dok_error, dtype_of,
                           from_intermediate, like, new_tensor, write)


def _io_args(args, fname):
    """(output or None, input) from Torch7's (input) / (output, input) forms."""
    if len(args) == 2:
        output, inp = args
        check_tensor(output, 1, fname)
        return output, check_rgb(inp, 2, fname)
    if len(args) == 1:
        return None, check_rgb(args[0], 1, fname)
    raise dok_error("missing input", f"image.{fname}")


def _deliver(output, inp, channels):
    """Stack the computed channels into `output` (or a new tensor of inp's type)."""
    values = np.stack(channels)
    if output is None:
        return like(inp, values)
    return write(output, values)


def _float_planes(inp):
    """The three planes as floats in [0, 1] (byte images divided by 255, as Torch7 did)."""
    a = array(inp).astype(np.float64)
    if dtype_of(inp) == np.uint8:
        a = a / 255
    return a[0], a[1], a[2]


def _to_range(inp, channels):
    """Back to the input's range: [0, 255] for byte images."""
    if dtype_of(inp) == np.uint8:
        return [c * 255 for c in channels]
    return channels


def _linear(inp, output, rows):
    """A linear map of the planes, summed term by term in the tensor's precision, as
    Torch7's `y:zero():add(0.299, r):add(0.587, g)...` did."""
    dtype = dtype_of(output if output is not None else inp)
    work = dtype.type if dtype.kind == "f" else np.float64
    planes = array(inp).astype(work)
    out = []
    for coefficients in rows:
        acc = None
        for c, plane in zip(coefficients, planes):
            if c is None:
                continue
            term = plane if c == 1 else work(c) * plane
            acc = term.copy() if acc is None else acc + term
        out.append(acc)
    return _deliver(output, inp, out)


# ---- YUV ------------------------------------------------------------------------------

def rgb2yuv(*args):
    """image.rgb2yuv([output,] input)

    Converts an RGB image (3 x H x W) to YUV: Y = 0.299 R + 0.587 G + 0.114 B,
    U = -0.14713 R - 0.28886 G + 0.436 B, V = 0.615 R - 0.51499 G - 0.10001 B.

    Example: yuv = image.rgb2yuv(image.lena())
    """
    output, inp = _io_args(args, "rgb2yuv")
    return _linear(inp, output, ((0.299, 0.587, 0.114),
                                 (-0.14713, -0.28886, 0.436),
                                 (0.615, -0.51499, -0.10001)))


def yuv2rgb(*args):
    """image.yuv2rgb([output,] input)

    Converts a YUV image back to RGB: R = Y + 1.13983 V, G = Y - 0.39465 U - 0.58060 V,
    B = Y + 2.03211 U.

    Example: rgb = image.yuv2rgb(image.rgb2yuv(image.lena()))
    """
    output, inp = _io_args(args, "yuv2rgb")
    return _linear(inp, output, ((1, None, 1.13983),
                                 (1, -0.39465, -0.58060),
                                 (1, 2.03211, None)))


def rgb2y(*args):
    """image.rgb2y([output,] input)

    The luma plane of an RGB image as a 1 x H x W image: 0.299 R + 0.587 G + 0.114 B
    (byte images stay in [0, 255], rounded).

    Example: y = image.rgb2y(image.lena())   -- 1x512x512
    """
    output, inp = _io_args(args, "rgb2y")
    a = array(inp).astype(np.float64)
    y = 0.299 * a[0] + 0.587 * a[1] + 0.114 * a[2]
    if np.dtype(dtype_of(inp)) != np.float64:
        y = y.astype(np.float32)          # Torch7 kept it in a C float (temp_t)
    return _deliver(output, inp, [y])


def rgb2nrgb(*args):
    """image.rgb2nrgb([output,] input)

    Normalised RGB: each channel divided by R + G + B (+ 1e-6, so black stays black).

    Example: n = image.rgb2nrgb(image.lena())
    """
    output, inp = _io_args(args, "rgb2nrgb")
    dtype = dtype_of(output if output is not None else inp)
    work = dtype.type if dtype.kind == "f" else np.float64
    r, g, b = array(inp).astype(work)
    total = r + g + b + work(1e-6)
    return _deliver(output, inp, [r / total, g / total, b / total])


# ---- HSL and HSV ------------------------------------------------------------------------

def _hue(r, g, b, mx, d):
    """Hue in [0, 1] of pixels whose max channel is mx and range d > 0 (Wikipedia)."""
    safe = np.where(d == 0, 1, d)
    h = np.where(mx == r, (g - b) / safe + np.where(g < b, 6, 0),
                 np.where(mx == g, (b - r) / safe + 2, (r - g) / safe + 4))
    return h / 6


def rgb2hsl(*args):
    """image.rgb2hsl([output,] input)

    Converts RGB to HSL (hue, saturation, lightness, each in [0, 1]).

    Example: hsl = image.rgb2hsl(image.lena())
    """
    output, inp = _io_args(args, "rgb2hsl")
    r, g, b = _float_planes(inp)
    mx, mn = np.maximum(np.maximum(r, g), b), np.minimum(np.minimum(r, g), b)
    d = mx - mn
    grey = mx == mn
    lum = (mx + mn) / 2
    den = np.where(lum > 0.5, 2 - mx - mn, mx + mn)
    s = np.where(grey, 0, d / np.where(den == 0, 1, den))
    h = np.where(grey, 0, _hue(r, g, b, mx, d))
    l_ = np.where(grey, mx, lum)
    return _deliver(output, inp, _precision(inp, _to_range(inp, [h, s, l_])))


def _hue2rgb(p, q, t):
    t = np.where(t < 0, t + 1, t)
    t = np.where(t > 1, t - 1, t)
    return np.where(t < 1 / 6, p + (q - p) * 6 * t,
                    np.where(t < 1 / 2, q,
                             np.where(t < 2 / 3, p + (q - p) * (2 / 3 - t) * 6, p)))


def hsl2rgb(*args):
    """image.hsl2rgb([output,] input)

    Converts HSL (each channel in [0, 1]) back to RGB.

    Example: rgb = image.hsl2rgb(image.rgb2hsl(image.lena()))
    """
    output, inp = _io_args(args, "hsl2rgb")
    h, s, l_ = _float_planes(inp)
    q = np.where(l_ < 0.5, l_ * (1 + s), l_ + s - l_ * s)
    p = 2 * l_ - q
    grey = s == 0
    rgb = [np.where(grey, l_, _hue2rgb(p, q, h + shift)) for shift in (1 / 3, 0, -1 / 3)]
    return _deliver(output, inp, _precision(inp, _to_range(inp, rgb)))


def rgb2hsv(*args):
    """image.rgb2hsv([output,] input)

    Converts RGB to HSV (hue, saturation, value, each in [0, 1]).

    Example: hsv = image.rgb2hsv(image.lena())
    """
    output, inp = _io_args(args, "rgb2hsv")
    r, g, b = _float_planes(inp)
    mx, mn = np.maximum(np.maximum(r, g), b), np.minimum(np.minimum(r, g), b)
    d = mx - mn
    grey = mx == mn
    h = np.where(grey, 0, _hue(r, g, b, mx, d))
    s = np.where(grey, 0, d / np.where(mx == 0, 1, mx))
    return _deliver(output, inp, _precision(inp, _to_range(inp, [h, s, mx])))


def hsv2rgb(*args):
    """image.hsv2rgb([output,] input)

    Converts HSV (each channel in [0, 1]) back to RGB.

    Example: rgb = image.hsv2rgb(image.rgb2hsv(image.lena()))
    """
    output, inp = _io_args(args, "hsv2rgb")
    h, s, v = _float_planes(inp)
    i = np.floor(h * 6)
    f = h * 6 - i
    p, q, t = v * (1 - s), v * (1 - f * s), v * (1 - (1 - f) * s)
    sector = np.fmod(i, 6)          # C's %: negative hues fall in no sector (black)
    cases = [(v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q)]
    rgb = []
    for c in range(3):
        value = np.zeros_like(h)
        for k, case in enumerate(cases):
            value = np.where(sector == k, case[c], value)
        rgb.append(value)
    return _deliver(output, inp, _precision(inp, _to_range(inp, rgb)))


def _precision(inp, channels):
    """Torch7 computed these in a C float for float and byte images."""
    if compute_dtype(dtype_of(inp)) == np.float32:
        return [c.astype(np.float32) for c in channels]
    return channels


# ---- CIE L*a*b* --------------------------------------------------------------------------

_EPSILON = 216.0 / 24389.0
_KAPPA = 24389.0 / 27.0
_XN, _ZN = 0.950456, 1.088754          # the D65 white point (Y = 1)


def _no_bytes(inp, fname):
    if dtype_of(inp) == np.uint8:
        raise ImageError(f"image.{fname}: not supported for torch.ByteTensor")


def rgb2lab(*args):
    """image.rgb2lab([output,] input)

    Converts sRGB (in [0, 1]) to CIE L*a*b* under the D65 white point; L is in [0, 100]
    and a, b are not restricted to [0, 1]. Not for byte images.

    Example: lab = image.rgb2lab(image.lena())
    """
    output, inp = _io_args(args, "rgb2lab")
    _no_bytes(inp, "rgb2lab")
    c = array(inp).astype(np.float64)
    r, g, b = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    x = (0.412453 * r + 0.357580 * g + 0.180423 * b) / _XN
    y = 0.212671 * r + 0.715160 * g + 0.072169 * b
    z = (0.019334 * r + 0.119193 * g + 0.950227 * b) / _ZN
    fx, fy, fz = (np.where(v > _EPSILON, np.cbrt(v), (_KAPPA * v + 16) / 116) for v in (x, y, z))
    return _deliver(output, inp, [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)])


def lab2rgb(*args):
    """image.lab2rgb([output,] input)

    Converts CIE L*a*b* (D65) back to sRGB in [0, 1]. Not for byte images.

    Example: rgb = image.lab2rgb(image.rgb2lab(image.lena()))
    """
    output, inp = _io_args(args, "lab2rgb")
    _no_bytes(inp, "lab2rgb")
    l_, a, b = array(inp).astype(np.float64)
    fy = (l_ + 16) / 116
    fz = fy - b / 200
    fx = a / 500 + fy
    x = fx ** 3
    x = np.where(x <= _EPSILON, (116 * fx - 16) / _KAPPA, x) * _XN
    y = np.where(l_ > _KAPPA * _EPSILON, ((l_ + 16) / 116) ** 3, l_ / _KAPPA)
    z = fz ** 3
    z = np.where(z <= _EPSILON, (116 * fz - 16) / _KAPPA, z) * _ZN
    rgb = (3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
           -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
           0.0556434 * x - 0.2040259 * y + 1.0572252 * z)
    with np.errstate(invalid="ignore"):
        out = [np.where(v <= 0.0031308, 12.92 * v, 1.055 * np.power(v, 1 / 2.4) - 0.055)
               for v in rgb]
    return _deliver(output, inp, out)


# ---- colour maps ------------------------------------------------------------------------

def colormap(n=None, *_):
    """image.colormap(n)

    An n x 3 tensor of n well-separated RGB colours, taken around the colour wheel
    (hue steps of 39 degrees, saturations cycling from 0.3 to 1, lightness 0.5).

    Example: colours = image.colormap(8)
    """
    n = check_number(n, 1, "colormap")
    rows = []
    huef = satf = 0.0
    for _ in range(int(n)):
        hue, sat, light = math.fmod(huef, 360), math.fmod(satf, 0.7) + 0.3, 0.5
        huef += 39
        satf += 1 / 9
        rows.append(_hsl_colour(hue, sat, light))
    return new_tensor(np.array(rows, dtype=np.float64).reshape(-1, 3), default_dtype())


def _hsl_colour(hue, sat, light):
    c = (1 - abs(2 * light - 1)) * sat
    huep = hue / 60
    x = c * (1 - abs(math.fmod(huep, 2) - 1))
    sectors = [(c, x, 0), (x, c, 0), (0, c, x), (0, x, c), (x, 0, c), (c, 0, x)]
    r, g, b = sectors[min(int(huep), 5)]
    m = light - c / 2
    return (r + m, g + m, b + m)


def jetColormap(n=None, *_):
    """image.jetColormap(n)

    An n x 3 tensor of the jet colour map: n colours from dark blue through cyan,
    yellow and red to dark red.

    Example: jet = image.jetColormap(64)
    """
    n = check_number(n, 1, "jetColormap")
    return new_tensor(_jet(n), default_dtype())


def _jet(n):
    i = np.arange(1, int(n) + 1, dtype=np.float64)
    four = 4 * i / n
    return np.stack([np.maximum(np.minimum(np.minimum(four - 1.5, -four + 4.5), 1), 0),
                     np.maximum(np.minimum(np.minimum(four - 0.5, -four + 3.5), 1), 0),
                     np.maximum(np.minimum(np.minimum(four + 0.5, -four + 2.5), 1), 0)],
                    axis=1).reshape(-1, 3)


def y2jet(*args):
    """image.y2jet([output,] input)

    Colours a map of integer levels 1..L (an H x W or 1 x H x W tensor, L = its maximum)
    with the jet colour map of L colours: a 3 x H x W image.

    Example: rgb = image.y2jet(torch.Tensor{{1, 2}, {3, 4}})
    """
    if len(args) == 2:
        output, inp = check_tensor(args[0], 1, "y2jet"), check_tensor(args[1], 2, "y2jet")
    elif len(args) == 1:
        output, inp = None, check_tensor(args[0], 1, "y2jet")
    else:
        raise ImageError("Invalid input for image.y2jet()")
    levels = array(inp)
    if levels.ndim == 3 and levels.shape[0] == 1:
        levels = levels[0]
    elif levels.ndim == 1:
        levels = levels[None, :]
    if levels.ndim != 2 or levels.size == 0:
        raise dok_error("expecting an HxW or 1xHxW map of levels", "image.y2jet")
    top = float(levels.max())
    colours = _jet(top) if top >= 1 else np.zeros((0, 3))
    colours = from_intermediate(np.floor(colours * 255 + 0.5) if dtype_of(inp) == np.uint8 else colours,
                                dtype_of(inp))
    ids = np.trunc(levels.astype(np.float64) - 1).astype(np.int64)
    if ids.min() < 0 or ids.max() >= len(colours):
        raise dok_error("levels must be numbers from 1 to the maximum", "image.y2jet")
    values = colours[ids].transpose(2, 0, 1)
    return like(inp, values) if output is None else write(output, values)
