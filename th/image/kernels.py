"""Filter kernels: image.gaussian, image.gaussian1D, image.laplacian.

Input: Torch7's arguments, in order or as one table of named arguments (dok.unpack):
sizes in pixels; sigmas and means relative to the kernel's size (mean 0.5 is the
centre, sigma 0.25 a quarter of the width). Output: a tensor of the default type (or
the `tensor` given). The formulas are Torch7's, down to the order of operations, so
the numbers are Torch7's: for the 2-D gaussian, element (v, u) (1-based) is
amplitude * exp(-((u - mean_u)^2 / (sigma_u * width)^2 + (v - mean_v)^2 / ...) / 2)
with mean_u = mean_horz * width + 0.5, computed in the kernel's C type.
"""
import numpy as np

from th.image.args import (ImageError, array, check_number, check_tensor, compute_dtype,
                           default_dtype, dtype_of, from_intermediate, new_tensor,
                           truthy, unpack, write)

_GAUSSIAN_ARGS = ("size", "sigma", "amplitude", "normalize", "width", "height",
                  "sigma_horz", "sigma_vert", "mean_horz", "mean_vert", "tensor")
_LAPLACIAN_ARGS = _GAUSSIAN_ARGS[:-1]


def _numbers(opts, names, fname, skip=("normalize", "tensor")):
    """Check the numeric named arguments (Torch7 failed later, obscurely)."""
    for i, name in enumerate(names):
        if name not in skip:
            opts[name] = check_number(opts[name], i + 1, fname)
    return opts


def _sequential_sum(values):
    """A sum in element order, as Torch7's C loops added (numpy's sum pairs terms)."""
    flat = np.ravel(values)
    return np.cumsum(flat)[-1] if flat.size else flat.dtype.type(0)


def gaussian(*args):
    """image.gaussian([size, sigma, amplitude, normalize, width, height, sigma_horz,
    sigma_vert, mean_horz, mean_vert, tensor])

    A 2-D gaussian kernel of height x width (both default to size, default 3). Its peak
    is `amplitude` (default 1) unless `normalize` is true (then it sums to 1). sigma
    (default 0.25) and the means (default 0.5, the centre) are relative to the kernel's
    size. A 2-D `tensor` given is filled instead (its size wins). Arguments may be
    named in a table.

    Example: k = image.gaussian(5)  -- or image.gaussian{size=5, sigma=0.2, normalize=true}
    """
    o = unpack(args, _GAUSSIAN_ARGS, {
        "size": 3, "sigma": 0.25, "amplitude": 1, "normalize": False,
        "width": ("=", "size"), "height": ("=", "size"), "sigma_horz": ("=", "sigma"),
        "sigma_vert": ("=", "sigma"), "mean_horz": 0.5, "mean_vert": 0.5})
    _numbers(o, _GAUSSIAN_ARGS, "gaussian")
    dst = o["tensor"]
    if dst is not None:
        check_tensor(dst, 11, "gaussian")
        if dst.dim() != 2:
            raise ImageError("expecting 2D tensor")
        if dst.nElement() == 0:
            raise ImageError("expecting non-empty tensor")
        height, width = array(dst).shape
        dtype = dtype_of(dst)
    else:
        height, width = _size(o["height"], "gaussian"), _size(o["width"], "gaussian")
        dtype = default_dtype()
    values = _gaussian_values(height, width, dtype, o)
    return write(dst, values) if dst is not None else new_tensor(values, dtype)


def _size(n, fname):
    n = int(n)       # torch.Tensor(h, w) truncates sizes, as a C cast does
    if n <= 0:
        raise ImageError(f"<image.{fname}> kernel size must be positive, got {n}")
    return n


def _gaussian_values(height, width, dtype, o):
    """generic/image.c's gaussian: the arithmetic in temp_t (float, or double)."""
    ft = compute_dtype(dtype)
    amplitude = ft(o["amplitude"])
    mean_u = ft(np.float64(ft(o["mean_horz"]) * ft(width)) + 0.5)
    mean_v = ft(np.float64(ft(o["mean_vert"]) * ft(height)) + 0.5)
    over_u = ft(1.0 / np.float64(ft(o["sigma_horz"]) * ft(width)))
    over_v = ft(1.0 / np.float64(ft(o["sigma_vert"]) * ft(height)))
    du = (np.arange(1, width + 1).astype(ft) - mean_u) * over_u
    dv = (np.arange(1, height + 1).astype(ft) - mean_v) * over_v
    squares = (dv * dv)[:, None] + (du * du)[None, :]
    value = ft(amplitude) * np.exp(-0.5 * squares.astype(np.float64))
    stored = from_intermediate(value.astype(ft), dtype)
    if truthy(o["normalize"]):
        one_over_sum = ft(1.0 / np.float64(_sequential_sum(stored.astype(ft))))
        scaled = stored * one_over_sum
        stored = scaled.astype(dtype) if np.dtype(dtype).kind == "f" else np.trunc(scaled)
    return stored


def gaussian1D(*args):
    """image.gaussian1D([size, sigma, amplitude, normalize, mean, tensor])

    A 1-D gaussian kernel of `size` taps (default 3): amplitude * exp(-((i - c) /
    (sigma * size))^2 / 2) with c = mean * size + 0.5 (defaults: sigma 0.25, mean 0.5,
    the centre, amplitude 1). `normalize` true makes it sum to 1. A 1-D `tensor` given
    is filled instead. Arguments may be named in a table.

    Example: k = image.gaussian1D(7)  -- or image.gaussian1D{size=7, normalize=true}
    """
    names = ("size", "sigma", "amplitude", "normalize", "mean", "tensor")
    o = unpack(args, names, {"size": 3, "sigma": 0.25, "amplitude": 1,
                             "normalize": False, "mean": 0.5})
    _numbers(o, names, "gaussian1D")
    dst, size = o["tensor"], o["size"]
    if dst is not None:
        check_tensor(dst, 6, "gaussian1D")
        if dst.dim() != 1:
            raise ImageError("expecting 1D tensor")
        if dst.nElement() == 0:
            raise ImageError("expecting non-empty tensor")
        size = dst.size(1)
    center = o["mean"] * size + 0.5
    taps = np.arange(1, int(size) + 1, dtype=np.float64)
    values = o["amplitude"] * np.exp(-(((taps - center) / (o["sigma"] * size)) ** 2 / 2))
    return _finish(values, dst, o["normalize"])


def _finish(values, dst, normalize):
    """Store as Lua would (`gauss[i] = v`), then `gauss:div(gauss:sum())` if asked."""
    dtype = dtype_of(dst) if dst is not None else default_dtype()
    if values.size == 0:
        raise ImageError("expecting non-empty tensor")
    stored = from_intermediate(values, dtype) if np.dtype(dtype).kind == "f" \
        else np.trunc(values).astype(dtype)
    if truthy(normalize):
        total = _sequential_sum(stored.astype(np.float64))
        if np.dtype(dtype).kind == "f":
            stored = (stored / np.dtype(dtype).type(total)).astype(dtype)
        else:
            stored = np.trunc(stored / total).astype(dtype)
    return write(dst, stored) if dst is not None else new_tensor(stored, dtype)


def laplacian(*args):
    """image.laplacian([size, sigma, amplitude, normalize, width, height, sigma_horz,
    sigma_vert, mean_horz, mean_vert])

    A 2-D Laplacian-of-gaussian ("Mexican hat") kernel of height x width (default
    size 3, sigma 0.1, amplitude 1, means 0.5): (1 - r2) * amplitude * exp(-r2) with
    r2 the squared, halved, relative distance to the centre. As in Torch7, rows use the
    horizontal mean and sigma and columns the vertical ones. `normalize` true makes it
    sum to 1. Arguments may be named in a table.

    Example: k = image.laplacian(5)
    """
    o = unpack(args, _LAPLACIAN_ARGS, {
        "size": 3, "sigma": 0.1, "amplitude": 1, "normalize": False,
        "width": ("=", "size"), "height": ("=", "size"), "sigma_horz": ("=", "sigma"),
        "sigma_vert": ("=", "sigma"), "mean_horz": 0.5, "mean_vert": 0.5})
    _numbers(o, _LAPLACIAN_ARGS, "laplacian")
    width, height = o["width"], o["height"]
    rows = np.arange(1, _size(height, "laplacian") + 1, dtype=np.float64)
    cols = np.arange(1, _size(width, "laplacian") + 1, dtype=np.float64)
    # Torch7: i (the row) goes with the horizontal centre and sigma, j with the vertical.
    xsq = ((rows - (o["mean_horz"] * width + 0.5)) / (o["sigma_horz"] * width)) ** 2 / 2
    ysq = ((cols - (o["mean_vert"] * height + 0.5)) / (o["sigma_vert"] * height)) ** 2 / 2
    r2 = xsq[:, None] + ysq[None, :]
    values = (1 - r2) * o["amplitude"] * np.exp(-r2)
    return _finish(values, None, o["normalize"])
