"""Showing images: minmax, toDisplayTensor, display.

Input: an image (H x W, C x H x W), a batch (K x H x W maps, K x 3 x H x W or
K x 1 x H x W images) or a Lua list of images. Output: toDisplayTensor lays them out on
one grid tensor with values in [0, 1]; display shows that grid.

Torch7's image.display drew in a Qt window (it needed qlua). Here it follows gnuplot's
screen (see ?gnuplot.setterm): with a display, a window of its own process (window.py)
that follows later updates; without one (ssh, CI, containers), a PNG file in
$TH_PLOT_DIR (default: the th-plots folder of the temp dir) whose path is printed, and
shown inline on kitty/iTerm2/sixel terminals after gnuplot.setterm('inline').
"""
import io
import math
import os
import tempfile

import numpy as np

from th.image import files
from th.image.args import (ImageError, array, check_number, check_tensor, default_dtype,
                           dok_error, is_tensor, new_tensor, truthy, unpack, write)
from th.lua.table import LuaTable


# ---- minmax ----------------------------------------------------------------------------

def minmax(args=None, *_):
    """image.minmax{tensor=t [, min=, max=, symm=, inplace=, saturate=, tensorOut=]}

    Rescales a tensor to [0, 1]: (t - min) / (max - min), with min and max its own
    extremes unless given. symm=true uses [-m, m], m the largest magnitude (for
    filters). saturate=true clips to [0, 1] (only when min or max is given). The result
    is a new tensor of the default type, or t itself with inplace=true, or tensorOut.

    Example: shown = image.minmax{tensor=torch.randn(8, 8)}
    """
    if not isinstance(args, (LuaTable, dict)):
        raise dok_error("expecting a table of arguments: {tensor=, min=, max=, ...}",
                        "image.minmax")
    get = args.get
    tensor = check_tensor(get("tensor"), 1, "minmax")
    out = get("tensorOut")
    if out is None:
        out = tensor if truthy(get("inplace")) else new_tensor(array(tensor), default_dtype())
    elif out is not tensor:
        write(out, array(tensor))
    _rescale(out, get("min"), get("max"), truthy(get("symm")), truthy(get("saturate")))
    return out


def _rescale(out, lo, hi, symm, saturate):
    """Torch7's minmax arithmetic on `out`, in place, in out's own type."""
    a = array(out)
    if a.size == 0:
        return
    one = a.dtype.type
    if lo is None and hi is None:
        saturate = False
    fmin = 0.0
    if lo is None:
        if symm:
            fmin = max(abs(float(a.min())), abs(float(a.max())))
            lo = -fmin
        else:
            lo = float(a.min())
    if lo != 0:
        a -= one(lo)
    if hi is None:
        hi = fmin * 2 if symm else float(a.max())
    else:
        hi = hi - lo
    if hi != 0:
        a /= one(hi)
    if saturate and a.dtype.kind == "f":
        np.clip(a, 0, 1, out=a)


# ---- toDisplayTensor --------------------------------------------------------------------

_GRID_ARGS = ("input", "padding", "nrow", "scaleeach", "min", "max", "symmetric", "saturate")
_GRID_DEFAULTS = {"padding": 0, "nrow": 6, "scaleeach": False, "symmetric": False,
                  "saturate": True}


def toDisplayTensor(*args):
    """image.toDisplayTensor(input [, padding, nrow, scaleeach, min, max, symmetric,
    saturate])

    One displayable tensor from an image or a batch: a K x 3 x H x W (or K x 1 x H x W)
    batch or a list of images becomes a grid of nrow (default 6) images per row, a
    K x H x W tensor a grid of its K maps, separated by `padding` pixels; values are
    rescaled to [0, 1] (over the whole grid, or each image with scaleeach=true; see
    image.minmax for min, max, symmetric, saturate). Arguments may be named in a table.

    Example: grid = image.toDisplayTensor{input=torch.rand(16, 3, 8, 8), padding=1, nrow=4}
    """
    o = unpack(args, _GRID_ARGS, _GRID_DEFAULTS)
    packed = _pack(o["input"])
    padding = int(check_number(o["padding"], 2, "toDisplayTensor"))
    nrow = int(check_number(o["nrow"], 3, "toDisplayTensor"))
    scaling = dict(lo=o["min"], hi=o["max"], symm=truthy(o["symmetric"]),
                   saturate=truthy(o["saturate"]))
    a = array(packed)
    images = a.ndim == 4 and a.shape[1] in (1, 3)
    maps = a.ndim == 3 and a.shape[0] not in (1, 3)
    if truthy(o["scaleeach"]) and (images or maps):
        for i in range(1, a.shape[0] + 1):
            _rescale(packed.select(1, i), **scaling)
    if a.ndim == 2 or (a.ndim == 3 and not maps):
        _rescale(packed, **scaling)
        return packed
    if not (images or maps):
        raise dok_error("packed must be a HxW or KxHxW or Kx3xHxW tensor, or a list of "
                        "tensors", "image.toDisplayTensor")
    tiled = _tile(a if images else a[:, None], padding, nrow)
    grid = new_tensor(tiled if images else tiled[0], default_dtype())
    if not truthy(o["scaleeach"]):
        _rescale(grid, **scaling)
    return grid


def _pack(inp):
    """The input as one tensor of the default type (a list is stacked: K x C x H x W)."""
    if is_tensor(inp):
        return new_tensor(array(inp), default_dtype())
    if isinstance(inp, LuaTable) and inp.length() > 0:
        items = [check_tensor(inp[i], 1, "toDisplayTensor") for i in range(1, inp.length() + 1)]
        first = array(items[0])
        channels = 1 if first.ndim == 2 else first.shape[0]
        shape = (channels,) + first.shape[-2:]
        try:
            stacked = np.stack([array(t).reshape(shape) for t in items])
        except ValueError:
            raise dok_error("the images of the list must have the same size",
                            "image.toDisplayTensor") from None
        return new_tensor(stacked, default_dtype())
    raise ImageError(f"Unknown or incompatbile type of input: {_torch_type(inp)}")


def _torch_type(v):
    from th import torch
    return torch.type(v)


def _tile(batch, padding, nrow):
    """K x C x H x W images on a grid of min(nrow, K) columns, padding between them,
    the background at the batch's maximum (Torch7 filled the grid with it)."""
    count, channels, h, w = batch.shape
    cols = min(nrow, count)
    rows = math.ceil(count / cols)
    ch, cw = h + padding, w + padding
    grid = np.full((channels, ch * rows, cw * cols), batch.max(), dtype=np.float64)
    for k in range(count):
        y, x = divmod(k, cols)
        top, left = y * ch + padding // 2, x * cw + padding // 2
        grid[:, top:top + h, left:left + w] = batch[k]
    return grid


# ---- display ----------------------------------------------------------------------------

_DISPLAY_ARGS = ("image", "zoom", "min", "max", "legend", "win", "x", "y", "scaleeach",
                 "gui", "offscreen", "padding", "symmetric", "nrow", "saturate")
_DISPLAY_DEFAULTS = {"zoom": 1, "legend": "image.display", "x": 0, "y": 0,
                     "scaleeach": False, "gui": True, "offscreen": False, "padding": 0,
                     "symmetric": False, "nrow": 6, "saturate": True}


class DisplayWindow:
    """What image.display returns: pass it back as win= to redraw the same window."""

    _count = [0]

    def __init__(self, folder, legend):
        DisplayWindow._count[0] += 1
        self.number = DisplayWindow._count[0]
        self.path = os.path.join(folder, f"{os.getpid()}-image{self.number}.png")
        self.legend = legend
        self.viewer = None

    def __str__(self):
        return f"image.display window {self.number}"


def display(*args):
    """image.display(image [, zoom, min, max, legend, win, ...]) / image.display{image=, ...}

    Shows an image, a batch or a list of images (laid out by image.toDisplayTensor:
    padding, nrow, scaleeach, min, max, symmetric, saturate), magnified by zoom. With a
    display it opens a window (legend is its title); without one it writes a PNG file
    and prints its path (see ?gnuplot.setterm for showing it inline in the terminal).
    Returns a window: image.display{image=x, win=w} redraws w.

    Example: w = image.display{image=image.lena(), zoom=0.5, legend='lena'}
    """
    o = unpack(args, _DISPLAY_ARGS, _DISPLAY_DEFAULTS)
    if o["image"] is None:
        raise dok_error("missing argument: image", "image.display")
    grid = toDisplayTensor(LuaTable.from_dict({
        "input": o["image"], "padding": o["padding"], "nrow": o["nrow"],
        "saturate": o["saturate"], "scaleeach": o["scaleeach"], "min": o["min"],
        "max": o["max"], "symmetric": o["symmetric"]}))
    a = array(grid)
    if not (a.ndim == 2 or (a.ndim == 3 and a.shape[0] in (1, 3))):
        raise dok_error("image must be a HxW or KxHxW or Kx3xHxW tensor, or a list of "
                        "tensors", "image.display")
    zoom = check_number(o["zoom"], 2, "display")
    png = _png(a, zoom)
    win = o["win"] if isinstance(o["win"], DisplayWindow) else None
    legend = o["legend"] if isinstance(o["legend"], str) else "image.display"
    return _show(png, win, legend, truthy(o["offscreen"]))


def _png(a, zoom):
    """PNG bytes of a [0, 1] image array, magnified by `zoom` (nearest pixels)."""
    from PIL import Image
    pixels = files.quantize(a)
    pixels = pixels[0] if pixels.ndim == 3 and pixels.shape[0] == 1 else pixels
    picture = Image.fromarray(pixels if pixels.ndim == 2 else pixels.transpose(1, 2, 0))
    if zoom != 1:
        size = (max(1, round(picture.width * zoom)), max(1, round(picture.height * zoom)))
        picture = picture.resize(size, Image.NEAREST)
    buf = io.BytesIO()
    picture.save(buf, format="PNG")
    return buf.getvalue()


def _show(png, win, legend, offscreen):
    """Write the PNG where gnuplot's screen goes, and open or refresh a window."""
    from th.gnuplot import screen
    out = screen.current()
    folder = getattr(out, "folder", None) or os.environ.get("TH_PLOT_DIR") or \
        os.path.join(tempfile.gettempdir(), "th-plots")
    os.makedirs(folder, exist_ok=True)
    new = win is None
    if new:
        win = DisplayWindow(folder, legend)
    files.write_file(win.path, png, "image.display")
    if not offscreen and isinstance(out, screen.WindowScreen):
        from th.image import window
        if window.show(win, out.viewer.backend):
            return win
    inline = getattr(out, "inline", None)
    if inline is not None:
        from th.gnuplot import inline as terminal
        terminal.show_png(win.path, inline)
    if new:
        what = "" if legend == "image.display" else f"{legend} "
        print(f"image.display: {what}drawn to {win.path}")
    return win
