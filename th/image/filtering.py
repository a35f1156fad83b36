"""Filtering: convolve, lcn (local contrast normalisation), erode, dilate, gaussianpyramid.

Input: images (H x W, C x H x W) and kernels as tensors. Output: new tensors of the
image's type (lcn: a DoubleTensor, as in Torch7).

Convolutions are true convolutions (the kernel flipped), as torch.conv2 computes them:
'valid' keeps the positions where the kernel fits entirely, 'full' every position
where it overlaps the image, 'same' the centre of 'full' at the image's size. They
run as one numpy multiply-add per kernel tap over the whole image, in double precision.
"""
import math

import numpy as np

from th.image import geometry, kernels
from th.image.args import (ImageError, array, check_image, check_tensor, dok_error,
                           dtype_of, from_intermediate, like, new_tensor, write)
from th.lua.table import LuaTable

_CONVOLVE_MODES = ("valid", "full", "same")


def conv2(x, k, full=False):
    """torch.conv2 on arrays: x (..., H, W) with kernel k (kH, kW), or planes of x with
    kernels k (C, kH, kW), or k (O, C, kH, kW) summing over the planes of x (C, H, W)."""
    x = np.asarray(x, dtype=np.float64)
    k = np.asarray(k, dtype=np.float64)
    kh, kw = k.shape[-2:]
    if full:
        pad = [(0, 0)] * (x.ndim - 2) + [(kh - 1, kh - 1), (kw - 1, kw - 1)]
        x = np.pad(x, pad)
    oh, ow = x.shape[-2] - kh + 1, x.shape[-1] - kw + 1
    if oh <= 0 or ow <= 0:
        raise ImageError("conv2: the kernel is larger than the image (use 'full')")
    flipped = k[..., ::-1, ::-1]
    out = np.zeros((k.shape[0],) + (oh, ow) if k.ndim == 4 else x.shape[:-2] + (oh, ow))
    for a in range(kh):
        for b in range(kw):
            window = x[..., a:a + oh, b:b + ow]
            tap = flipped[..., a, b]
            if k.ndim == 4:
                out += np.tensordot(tap, window, axes=(1, 0))     # sum over the planes
            elif k.ndim == 3:
                out += tap[:, None, None] * window
            else:
                out += tap * window
    return out


def convolve(*args):
    """image.convolve([dst,] src, kernel [, mode])

    Convolves an image with a kernel. mode: 'valid' (default: only where the kernel
    fits, so the result is smaller), 'full' (larger) or 'same' (the image's size). A 2-D
    kernel applies to every plane of a C x H x W image; a C x kH x kW kernel gives each
    plane its own; an O x C x kH x kW kernel sums over the planes into O maps.

    Example: blurred = image.convolve(image.lena(), image.gaussian(7, 0.15, 1, true), 'same')
    """
    n = len(args)
    if n == 4:
        dst, src, kernel, mode = args
    elif n == 3 and isinstance(args[2], str):
        (src, kernel, mode), dst = args, None
    elif n == 3:
        (dst, src, kernel), mode = args, None
    elif n == 2:
        (src, kernel), dst, mode = args, None, None
    else:
        raise dok_error("incorrect arguments", "image.convolve")
    if mode is not None and mode not in _CONVOLVE_MODES:
        raise dok_error("mode has to be one of: full | valid | same", "image.convolve")
    first = 2 if dst is not None else 1
    check_image(src, first, "convolve")
    check_tensor(kernel, first + 1, "convolve")
    x, k = array(src), array(kernel)
    if not ((x.ndim == 2 and k.ndim == 2) or (x.ndim == 3 and k.ndim in (2, 3, 4))):
        raise ImageError(f"<image.convolve> a {x.ndim}D image cannot be convolved with a "
                         f"{k.ndim}D kernel")
    if x.ndim == 3 and k.ndim in (3, 4) and k.shape[-3] != x.shape[0]:
        raise ImageError(f"<image.convolve> the kernel has {k.shape[-3]} planes, the image "
                         f"{x.shape[0]}")
    values = from_intermediate(conv2(x, k, full=mode in ("full", "same")), dtype_of(src))
    out = write(dst, values) if dst is not None else like(src, values)
    if mode == "same":
        # Torch7 narrowed the full result: offsets ceil(k/2) (1-based).
        kh, kw = k.shape[-2:]
        out = out.narrow(out.dim() - 1, math.ceil(kh / 2), x.shape[-2])
        out = out.narrow(out.dim(), math.ceil(kw / 2), x.shape[-1])
    return out


def lcn(im=None, ker=None, *_):
    """image.lcn(im [, kernel])

    Local contrast normalisation of a grey image (H x W or 1 x H x W): standardised to
    zero mean and unit deviation, then each pixel minus the kernel-weighted mean of its
    neighbourhood, divided by the weighted deviation there (when above 1). The default
    kernel is image.gaussian{size=9, sigma=1.591/9, normalize=true}. The result is a
    DoubleTensor smaller by the kernel's size minus 1 (the 'valid' part).

    Example: n = image.lcn(image.rgb2y(image.lena()))
    """
    check_tensor(im, 1, "lcn")
    if ker is None:
        ker = kernels.gaussian(LuaTable.from_dict({"size": 9, "sigma": 1.591 / 9,
                                                  "normalize": True}))
    check_tensor(ker, 2, "lcn")
    a = array(im).astype(np.float64)
    if not (a.ndim == 2 or (a.ndim == 3 and a.shape[0] == 1)):
        raise ImageError("grayscale image expected")
    a = a.reshape(a.shape[-2:])
    k = array(ker)
    sd = a.std(ddof=1) if a.size > 1 else 0.0
    a = (a - a.mean()) / sd
    local_mean = conv2(a, k)
    local_var = np.maximum(conv2(a * a, k) - local_mean * local_mean, 0)   # rounding
    local_std = np.maximum(np.sqrt(local_var), 1)
    si, sj = k.shape[0] // 2, k.shape[1] // 2
    centre = a[si:si + local_std.shape[0], sj:sj + local_std.shape[1]]
    return new_tensor((centre - local_mean) / local_std, np.float64)


def _morphology_args(im, kern, pad, fname):
    check_tensor(im, 1, fname)
    a = array(im)
    if a.ndim != 2:
        raise dok_error(f"expecting a 2D image (H x W), got {a.ndim}D", f"image.{fname}")
    k = np.ones((3, 3)) if kern is None else array(check_tensor(kern, 2, fname))
    if k.ndim != 2 or k.shape[0] % 2 == 0 or k.shape[1] % 2 == 0:
        raise dok_error("the kernel must be 2D with odd sizes", f"image.{fname}")
    # Torch7 cast the kernel to the image's type (typeAs) before using it.
    k = from_intermediate(k, dtype_of(im)).astype(np.float64)
    hp, wp = k.shape[0] // 2, k.shape[1] // 2
    padded = np.full((a.shape[0] + 2 * hp, a.shape[1] + 2 * wp), float(pad))
    padded = from_intermediate(padded, dtype_of(im)).astype(np.float64)
    padded[hp:hp + a.shape[0], wp:wp + a.shape[1]] = a
    return padded, k


def erode(im=None, kern=None, pad=None, *_):
    """image.erode(im [, kernel [, pad]])

    Morphological erosion of a binary (0/1) H x W image: a pixel stays 1 where the
    kernel (odd sizes, 0/1, default 3x3 ones) fits entirely inside the 1s. Outside the
    image counts as `pad` (default 1).

    Example: thin = image.erode(torch.Tensor(8, 8):fill(0):narrow(1, 2, 5):fill(1))
    """
    if im is None:
        raise dok_error("missing image", "image.erode")
    padded, k = _morphology_args(im, kern, 1 if pad is None else pad, "erode")
    return like(im, conv2(padded, k) == k.sum())


def dilate(im=None, kern=None, pad=None, *_):
    """image.dilate(im [, kernel [, pad]])

    Morphological dilation of a binary (0/1) H x W image: a pixel becomes 1 where the
    kernel (odd sizes, 0/1, default 3x3 ones) placed on it touches a 1. Outside the
    image counts as `pad` (default 0).

    Example: thick = image.dilate(torch.eye(5))
    """
    if im is None:
        raise dok_error("missing image", "image.dilate")
    padded, k = _morphology_args(im, kern, 0 if pad is None else pad, "dilate")
    return like(im, conv2(padded, k[::-1, ::-1]) > 0)


def gaussianpyramid(*args):
    """image.gaussianpyramid([dst,] src, scales)

    A table of the image resized by each factor in `scales` ({1, 0.5, 0.25}): each
    level is the previous one, blurred by a normalised 3x3 gaussian, then scaled.

    Example: levels = image.gaussianpyramid(image.lena(), {1, 0.5, 0.25})
    """
    if len(args) == 3:
        dst, src, scales = args
    elif len(args) == 2:
        (src, scales), dst = args, LuaTable()
    else:
        raise dok_error("incorrect arguments", "image.gaussianpyramid")
    check_image(src, 2 if len(args) == 3 else 1, "gaussianpyramid")
    if not isinstance(scales, LuaTable) or not isinstance(dst, LuaTable):
        raise dok_error("incorrect arguments", "image.gaussianpyramid")
    shape = array(src).shape
    kernel = kernels.gaussian(LuaTable.from_dict({"width": 3, "normalize": True}))
    level = src
    for i in range(1, scales.length() + 1):
        factor = scales[i]
        size = shape[:-2] + (int(shape[-2] * factor), int(shape[-1] * factor))
        out = dst[i] if dst[i] is not None else src.new()
        if factor == 1:
            write(out, array(level))
        else:
            out.resize(*size)
            geometry.scale(out, level, "simple")
        dst[i] = out
        level = convolve(out, kernel.typeAs(src), "same")
    return dst
