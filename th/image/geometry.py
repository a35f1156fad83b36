"""Geometry: crop, scale, rotate, translate, hflip, vflip, flip.

Input: images as H x W or C x H x W tensors, with Torch7's argument forms (each
function also takes a destination tensor first). Coordinates are 0-based pixels with
exclusive ends (image.crop(img, 10, 20, 50, 60) keeps columns 10..49, rows 20..59), x
horizontal, y vertical. Output: a new tensor of the source's type, or the destination
(resized where Torch7 resized it).

Interpolated values follow Torch7's arithmetic (positions and weights computed in C
floats, byte images rounded and saturated); pixels that are only moved (crop, flips,
translate, nearest-neighbour modes) are copied exactly, where Torch7 passed them
through a C float and so cut double images to 7 digits.
"""
import re

import numpy as np

from th.image.args import (ImageError, array, check_image, check_long, check_number,
                           check_tensor, compute_dtype, dok_error, dtype_of, is_tensor,
                           like, write)
from th.lua.lib.args import str_to_number
from th.torch import workers

f32 = np.float32
PARALLEL_PIXELS = 1 << 16      # interpolated pixels worth waking another core for


def _size_wh(t):
    """(width, height) of an H x W or C x H x W tensor."""
    shape = array(t).shape
    return shape[-1], shape[-2]


def _result(dst, src, values):
    return like(src, values) if dst is None else write(dst, values)


# ---- crop -------------------------------------------------------------------------------

def crop(*args):
    """image.crop([dst,] src, x1, y1 [, x2, y2]) / image.crop([dst,] src, format, w, h)

    Cuts the rectangle from (x1, y1) (0-based, included) to (x2, y2) (excluded) out of
    an H x W or C x H x W image. Without x2, y2 the size is dst's. With a format
    ('c' centre, 'tl', 'tr', 'bl', 'br' corners) it cuts a w x h rectangle there. When
    dst is given with x2, y2, the crop is scaled (bilinear) to dst's size.

    Example: face = image.crop(image.lena(), 'c', 200, 200)
    """
    dst, src, x1, y1, x2, y2, fmt, w, h = _crop_args(args)
    check_image(src, 2 if dst is not None else 1, "crop")
    if fmt is not None:
        iw, ih = _size_wh(src)
        w, h = check_long(w, 3, "crop"), check_long(h, 4, "crop")
        corners = {"c": ((iw - w) // 2, (ih - h) // 2), "tl": (0, 0), "tr": (iw - w, 0),
                   "bl": (0, ih - h), "br": (iw - w, ih - h)}
        if fmt not in corners:
            raise ImageError('crop format must be "c"|"tl"|"tr"|"bl"|"br"')
        x1, y1 = corners[fmt]
        x2, y2 = x1 + w, y1 + h
    x1, y1 = check_long(x1, 2, "crop"), check_long(y1, 3, "crop")
    if x2 is None:
        width, height = _size_wh(check_image(dst, 1, "crop"))
        return write(dst, _cut(src, x1, y1, width, height))
    x2, y2 = check_long(x2, 4, "crop"), check_long(y2, 5, "crop")
    piece = like(src, _cut(src, x1, y1, x2 - x1, y2 - y1))
    if dst is None:
        return piece
    _scale_into(dst, piece, "bilinear")
    return dst


def _crop_args(args):
    """Torch7's dispatch on the number of arguments (and a string third or second)."""
    n = len(args)
    a = list(args) + [None] * 6
    if n == 6:
        return a[0], a[1], a[2], a[3], a[4], a[5], None, None, None
    if n == 5 and isinstance(a[2], str):
        return a[0], a[1], None, None, None, None, a[2], a[3], a[4]
    if n == 5:
        return None, a[0], a[1], a[2], a[3], a[4], None, None, None
    if n == 4 and isinstance(a[1], str):
        return None, a[0], None, None, None, None, a[1], a[2], a[3]
    if n == 4:
        return a[0], a[1], a[2], a[3], None, None, None, None, None
    if n == 3:
        return None, a[0], a[1], a[2], None, None, None, None, None
    raise dok_error("incorrect arguments", "image.crop")


def _cut(src, x, y, width, height):
    iw, ih = _size_wh(src)
    if x < 0 or y < 0 or width <= 0 or height <= 0 or x + width > iw or y + height > ih:
        raise ImageError("image.crop: crop goes outside bounds of src")
    return array(src)[..., y:y + height, x:x + width]


# ---- scale ------------------------------------------------------------------------------

_MODES = ("bilinear", "bicubic", "simple")


def scale(*args):
    """image.scale(src, width, height [, mode]) / image.scale(src, size [, mode]) /
    image.scale(dst, src [, mode])

    Resizes an H x W or C x H x W image. mode: 'bilinear' (default; averages areas
    when shrinking), 'bicubic' or 'simple' (nearest pixel). size is a number (the
    longer side, keeping proportions) or a string: 'WxH' ('640x480'), '^MIN' (the
    shorter side), '*SC' (a factor, '*0.5') or '*N/D' ('*3/4'). With dst, its size is
    the target.

    Example: small = image.scale(image.lena(), 128, 128); half = image.scale(image.lena(), '*1/2')
    """
    dst, src, width, height, size, mode = _scale_args(args)
    check_image(src, 2 if dst is not None else 1, "scale")
    if size is not None:
        width, height = _size_from_string(src, size)
    if dst is None and (width is None or height is None):
        raise dok_error("could not find valid dest size", "image.scale")
    mode = "bilinear" if mode is None else mode
    if mode not in _MODES:
        raise dok_error("mode must be one of: simple | bicubic | bilinear", "image.scale")
    if dst is None:
        width, height = check_long(width, 2, "scale"), check_long(height, 3, "scale")
        if width <= 0 or height <= 0:
            raise dok_error(f"destination size must be at least 1x1, got {width}x{height}",
                            "image.scale")
        shape = array(src).shape[:-2] + (height, width)
        return like(src, _scaled(array(src), shape, mode, dtype_of(src)))
    _scale_into(check_image(dst, 1, "scale"), src, mode)
    return dst


def _scale_args(args):
    n = len(args)
    a = list(args) + [None] * 4
    if n == 4:
        return None, a[0], a[1], a[2], None, a[3]
    if n == 3 and isinstance(a[2], str):
        if _is_size(a[1]):
            return None, a[0], None, None, a[1], a[2]
        return a[0], a[1], None, None, None, a[2]
    if n == 3:
        return None, a[0], a[1], a[2], None, None
    if n == 2 and _is_size(a[1]):
        return None, a[0], None, None, a[1], None
    if n == 2:
        return a[0], a[1], None, None, None, None
    raise dok_error("incorrect arguments", "image.scale")


def _is_size(v):
    """Torch7's test for the size argument: a string or a number."""
    return isinstance(v, (str, int, float)) and not isinstance(v, bool)


def _size_from_string(src, size):
    """(width, height) for a size number or string: MAX, 'WxH', '^MIN', '*N/D', '*SC'."""
    iw, ih = _size_wh(src)
    number = size if not isinstance(size, str) else str_to_number(size)
    if number is not None:
        top = max(iw, ih)
        return iw * number / top, ih * number / top
    m = re.search(r"(\d+)x(\d+)", size)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.search(r"\^(\d+)", size)
    if m:
        low = min(iw, ih)
        return iw * int(m.group(1)) / low, ih * int(m.group(1)) / low
    m = re.search(r"\*(\d+)/(\d+)", size)
    if m:
        return iw * int(m.group(1)) / int(m.group(2)), ih * int(m.group(1)) / int(m.group(2))
    m = re.search(r"\*(.+)", size)
    factor = str_to_number(m.group(1)) if m else None
    if factor is not None:
        return iw * factor, ih * factor
    return None, None


def _scale_into(dst, src, mode):
    sd, dd = array(src), array(dst)
    if sd.ndim != dd.ndim or (sd.ndim == 3 and sd.shape[0] != dd.shape[0]):
        raise ImageError("image.scale: src and dst depths do not match")
    write(dst, _scaled(sd, dd.shape, mode, dtype_of(src)))


def _scaled(a, shape, mode, dtype):
    """The image array `a` resized to `shape`, horizontally then vertically."""
    height, width = shape[-2:]
    if mode == "simple":
        rows = _nearest(a.shape[-2], height)
        cols = _nearest(a.shape[-1], width)
        return a[..., rows[:, None], cols[None, :]]
    from th.image import loops
    src = _planes(a)
    planes = src.shape[0]
    # Torch7's order: every row resized into a temporary of the image's type, then
    # every column of it; rows (then columns) are shared between cores.
    tmp = np.empty((planes, src.shape[1], width), dtype=src.dtype)
    dst = np.empty((planes, height, width), dtype=src.dtype)
    opts = (mode == "bicubic",) + _precision(dtype)

    def rows(lo, hi):
        loops.scale_rows(src, tmp, lo, hi, *opts)

    def columns(lo, hi):
        loops.scale_columns(tmp, dst, lo, hi, *opts)
    workers.split(planes * src.shape[1], rows, _grain(max(src.shape[2], width)))
    workers.split(planes * height, columns, _grain(width))
    return dst.reshape(a.shape[:-2] + (height, width))


def _grain(pixels_per_line):
    """Lines per thread at least: waking a helper is worth ~64k pixels of work."""
    return max(1, PARALLEL_PIXELS // max(pixels_per_line, 1))


def _nearest(src_len, dst_len):
    """Torch7's scaleSimple: the source pixel floor(i * src_len / dst_len), in floats."""
    scale = f32(src_len) / f32(dst_len)
    index = (np.arange(dst_len, dtype=f32) * scale).astype(np.int64)
    return np.minimum(index, src_len - 1)


def _planes(a):
    """A C-contiguous C x H x W array of the image (H x W becomes 1 x H x W)."""
    return np.ascontiguousarray(a.reshape((-1,) + a.shape[-2:]))


def _precision(dtype):
    """(single, byte): C's temp_t is a float for all but double images; bytes round."""
    dtype = np.dtype(dtype)
    return compute_dtype(dtype) == np.float32, dtype == np.uint8


# ---- rotate, translate ------------------------------------------------------------------

def rotate(*args):
    """image.rotate([dst,] src, theta [, mode])

    Rotates an image by theta radians (counter-clockwise as shown) about its centre,
    keeping its size; corners that come from outside are black. mode: 'simple' (nearest
    pixel, default) or 'bilinear'.

    Example: tilted = image.rotate(image.lena(), math.pi / 6, 'bilinear')
    """
    n = len(args)
    if n == 4:
        dst, src, theta, mode = args
    elif n == 3 and not is_tensor(args[1]):
        dst, (src, theta, mode) = None, args
    elif n == 3:
        (dst, src, theta), mode = args, None
    elif n == 2:
        dst, mode, (src, theta) = None, None, args
    else:
        raise dok_error("incorrect arguments", "image.rotate")
    check_image(src, 2 if dst is not None else 1, "rotate")
    theta = check_number(theta, 3 if dst is not None else 2, "rotate")
    mode = "simple" if mode is None else mode
    if mode not in ("simple", "bilinear"):
        raise dok_error("mode must be one of: simple | bilinear", "image.rotate")
    if dst is not None:
        check_tensor(dst, 1, "rotate")
        if dst is src or (array(dst).size and np.may_share_memory(array(dst), array(src))):
            raise ImageError("image.rotate: in-place rotate not supported")
    from th.image import loops
    a = array(src)
    planes = _planes(a)
    out = np.empty_like(planes)
    height, width = planes.shape[1:]
    if mode == "simple":
        work = lambda lo, hi: loops.rotate_simple(planes, out, theta, lo, hi)   # noqa: E731
    else:
        opts = _precision(a.dtype)
        work = lambda lo, hi: loops.rotate_bilinear(planes, out, theta, lo, hi, *opts)  # noqa: E731
    workers.split(height, work, _grain(width * planes.shape[0]))
    return _result(dst, src, out.reshape(a.shape))


def _shift(n, d):
    """(source slice, destination slice) of n pixels moved by d (some may fall off)."""
    if d >= 0:
        return slice(0, max(0, n - d)), slice(min(n, d), n)
    return slice(min(n, -d), n), slice(0, max(0, n + d))


def translate(*args):
    """image.translate([dst,] src, x, y)

    Shifts an image by x pixels right and y pixels down (negative: left, up), keeping
    its size; the uncovered part is black.

    Example: moved = image.translate(image.lena(), 50, -20)
    """
    if len(args) == 4:
        dst, src, x, y = args
    elif len(args) == 3:
        dst, (src, x, y) = None, args
    else:
        raise dok_error("incorrect arguments", "image.translate")
    first = 2 if dst is not None else 1
    check_image(src, first, "translate")
    x, y = check_long(x, first + 1, "translate"), check_long(y, first + 2, "translate")
    a = array(src)
    out = np.zeros_like(a)
    (sy, dy), (sx, dx) = _shift(a.shape[-2], y), _shift(a.shape[-1], x)
    out[..., dy, dx] = a[..., sy, sx]
    return _result(dst, src, out)


# ---- flips ------------------------------------------------------------------------------

def _flip_args(args, fname):
    if len(args) == 2:
        return check_tensor(args[0], 1, fname), check_tensor(args[1], 2, fname)
    if len(args) == 1:
        return None, check_tensor(args[0], 1, fname)
    raise dok_error("incorrect arguments", f"image.{fname}")


def hflip(*args):
    """image.hflip([dst,] src)

    Mirrors an image left to right (dst may be src: in place).

    Example: mirrored = image.hflip(image.lena())
    """
    dst, src = _flip_args(args, "hflip")
    check_image(src, 2 if dst is not None else 1, "hflip")
    return _result(dst, src, array(src)[..., ::-1].copy())


def vflip(*args):
    """image.vflip([dst,] src)

    Flips an image upside down (dst may be src: in place).

    Example: upside_down = image.vflip(image.lena())
    """
    dst, src = _flip_args(args, "vflip")
    check_image(src, 2 if dst is not None else 1, "vflip")
    return _result(dst, src, array(src)[..., ::-1, :].copy())


def flip(*args):
    """image.flip([dst,] src, dim)

    Reverses a tensor of up to 5 dimensions along dimension dim (1-based).

    Example: y = image.flip(torch.range(1, 6):view(2, 3), 2)
    """
    if len(args) == 3:
        dst, src, dim = check_tensor(args[0], 1, "flip"), args[1], args[2]
    elif len(args) == 2:
        dst, (src, dim) = None, args
    else:
        raise dok_error("incorrect arguments", "image.flip")
    check_tensor(src, 2 if dst is not None else 1, "flip")
    dim = check_long(dim, 3 if dst is not None else 2, "flip")
    if src.dim() > 5:
        raise ImageError("too many input dims (up to 5D supported)")
    if not 1 <= dim <= src.dim():
        raise ImageError("Bad flip dimension")
    if dst is not None and dst is src:
        raise ImageError("image.flip: in-place flip not supported")
    return _result(dst, src, np.flip(array(src), axis=dim - 1).copy())
