"""Reading gnuplot's argument forms into data series (numpy arrays), with gnuplot's errors.

Input: the Lua values given to gnuplot.plot / splot / scatter3 / imagesc: tensors
(anything whose `__typename__` ends in 'Tensor' and that has `numpy()`), strings and
LuaTables of those. Output: `Series` records holding float64 numpy copies (gnuplot got
a copy of the data when the command ran, so later changes to the tensor do not show).
Errors are `GnuplotError`s worded as Torch7's gnuplot worded them.

Imports numpy and th.lua.table only; never matplotlib.
"""
from dataclasses import dataclass

import numpy as np

from th.lua.table import LuaTable


class GnuplotError(Exception):
    """A bad call to a gnuplot function; str() is the Lua error message."""


PLOT_USAGE = "expecting [string,] tensor [,tensor] [,string]"
SPLOT_USAGE = "expecting [string,] tensor [,tensor] [,tensor]"
SCATTER3_USAGE = "expecting [string,] tensor, tensor, tensor"
IMAGESC_USAGE = "expecting tensor [,string]"


@dataclass
class Series:
    """One curve (or surface) to draw: its legend title, data columns and style text."""
    legend: str = ""
    x: np.ndarray = None
    y: np.ndarray = None
    z: np.ndarray = None
    style: str = ""


def istensor(v):
    """True for a Torch tensor (Torch7's test: the typename ends in 'Tensor')."""
    name = getattr(v, "__typename__", None)
    return isinstance(name, str) and name.endswith("Tensor") and hasattr(v, "numpy")


def to_array(t):
    """A float64 numpy copy of tensor `t` (shape as the tensor's sizes)."""
    return np.array(t.numpy(), dtype=np.float64, copy=True)


def lua_items(t):
    """The values t[1..#t] of a LuaTable, a Python sequence or an argument tuple."""
    if isinstance(t, LuaTable):
        return t.to_list()
    items = list(t)
    while items and items[-1] is None:    # Lua's {...} drops trailing nils from #
        items.pop()
    return items


def series_list(args, read_one, empty_message):
    """Split a call's arguments into series: `f(a, b)`, `f({..}, {..})` or `f({{..}, {..}})`.

    `read_one(items)` reads one series from its list of values.
    """
    if not args:
        raise GnuplotError(empty_message)
    if isinstance(args[0], LuaTable):
        groups = args
        if isinstance(args[0].get(1), LuaTable):
            groups = args[0].to_list()
        result = []
        for group in groups:      # ipairs: stops at the first nil
            if group is None:
                break
            if not isinstance(group, LuaTable):
                raise GnuplotError(PLOT_USAGE)
            result.append(read_one(lua_items(group)))
        return result
    return [read_one(lua_items(args))]


# ---- plot ----------------------------------------------------------------------------------

def read_plot_series(t):
    """One `[legend,] x [, y] [, style]` series (Torch7's getvars), as a Series."""
    legend, x, y, style = _split_plot_args(t)
    xa = to_array(x)
    ya = to_array(y) if y is not None else None
    if ya is None:
        xa, ya = _columns(xa, style)
    if xa.ndim not in (1, 2) or ya.ndim not in (1, 2) or len(ya) != len(xa) or _bad_x(xa, style):
        raise GnuplotError(f"x and y dims are wrong :  x = {xa.ndim}D y = {ya.ndim}D")
    return Series(legend=legend, x=xa, y=ya, style=style)


def _split_plot_args(t):
    n = len(t)
    if n == 0:
        raise GnuplotError("empty argument list")
    legend = x = y = style = None
    a = t[0]
    if isinstance(a, str):
        legend = a
    elif istensor(a):
        x = a
    else:
        raise GnuplotError(PLOT_USAGE)
    if n >= 2:
        b = t[1]
        if x is not None and isinstance(b, str):
            style = b
        elif x is not None and istensor(b):
            y = b
        elif legend is not None and istensor(b):
            x = b
        else:
            raise GnuplotError(PLOT_USAGE)
    if n >= 3:
        c = t[2]
        if legend is not None and x is not None and istensor(c):
            y = c
        elif legend is not None and x is not None and isinstance(c, str):
            style = c
        elif x is not None and y is not None and isinstance(c, str):
            style = c
        else:
            raise GnuplotError(PLOT_USAGE)
    if n == 4:
        if legend is not None and x is not None and y is not None and isinstance(t[3], str):
            style = t[3]
        else:
            raise GnuplotError(PLOT_USAGE)
    if x is None:
        raise GnuplotError(PLOT_USAGE)
    return legend or "", x, y, style or ""


def _columns(xa, style):
    """x and y from a single tensor: a vector, or a matrix's columns (Torch7's rules)."""
    if xa.ndim == 2 and xa.shape[1] == 2:
        return xa[:, 0], xa[:, 1]
    if xa.ndim == 2 and xa.shape[1] == 4 and style in ("v", "V", "vectors"):
        return xa[:, [0, 2]], xa[:, [1, 3]]
    if xa.ndim == 2 and xa.shape[1] > 1:
        return xa[:, 0], xa[:, 1:]
    if xa.ndim == 0 or xa.size == 0:
        return xa, xa
    return np.arange(1, len(xa) + 1, dtype=np.float64), xa


def _bad_x(xa, style):
    # A matrix x only makes sense for vectors ({x, x+dx} columns).
    vectors = style in ("v", "V", "vectors")
    return (xa.ndim == 2) != vectors or xa.size == 0


# ---- splot, scatter3, imagesc --------------------------------------------------------------------

def read_splot_series(t):
    """One `[legend,] z` or `[legend,] x, y, z` surface (Torch7's getsplotvars)."""
    n = len(t)
    if n == 0:
        raise GnuplotError("empty argument list")
    legend = x = y = z = None
    if isinstance(t[0], str):
        legend = t[0]
    elif istensor(t[0]):
        x = t[0]
    else:
        raise GnuplotError(SPLOT_USAGE)
    at = lambda i: t[i] if i < n else None    # noqa: E731 -- t[i] or nil, as Lua indexes
    if 2 <= n <= 4:
        if x is not None and istensor(at(1)) and istensor(at(2)):
            y, z = at(1), at(2)
        elif legend is not None and istensor(at(1)) and istensor(at(2)) and istensor(at(3)):
            x, y, z = at(1), at(2), at(3)
        elif legend is not None and istensor(at(1)):
            x = at(1)
        else:
            raise GnuplotError(SPLOT_USAGE)
    elif n > 4:
        raise GnuplotError(SPLOT_USAGE)
    if x is None:
        raise GnuplotError(SPLOT_USAGE)
    if z is None:
        za = to_array(x)
        if za.ndim != 2:
            raise GnuplotError(_matrices_message(za, za, za))
        rows, cols = np.meshgrid(np.arange(1, za.shape[0] + 1), np.arange(1, za.shape[1] + 1),
                                 indexing="ij")
        xa, ya = rows.astype(np.float64), cols.astype(np.float64)
    else:
        xa, ya, za = to_array(x), to_array(y), to_array(z)
    if xa.ndim != 2 or ya.ndim != 2 or za.ndim != 2:
        raise GnuplotError(_matrices_message(xa, ya, za))
    if not xa.shape == ya.shape == za.shape:
        raise GnuplotError("x, y and z must be the same size")
    return Series(legend=legend or "", x=xa, y=ya, z=za)


def _matrices_message(x, y, z):
    return (f"x and y and z are expected to be matrices x = {x.ndim}D y = {y.ndim}D "
            f"z = {z.ndim}D")


def read_scatter3_series(t):
    """One `[legend,] x, y, z` cloud of points (Torch7's getscatter3vars)."""
    n = len(t)
    if n not in (3, 4):
        raise GnuplotError(SCATTER3_USAGE)
    if isinstance(t[0], str):
        if n != 4 or not all(istensor(v) for v in t[1:]):
            raise GnuplotError(SCATTER3_USAGE)
        legend, x, y, z = t
    elif istensor(t[0]):
        if n != 3 or not all(istensor(v) for v in t):
            raise GnuplotError(SCATTER3_USAGE)
        legend, (x, y, z) = "", t
    else:
        raise GnuplotError(SCATTER3_USAGE)
    xa, ya, za = to_array(x), to_array(y), to_array(z)
    if not (xa.ndim == ya.ndim == za.ndim == 1):
        raise GnuplotError("x, y and z must be 1D")
    if not (xa.shape == ya.shape == za.shape):
        raise GnuplotError("x, y and z must be the same size")
    return Series(legend=legend, x=xa, y=ya, z=za)


def read_imagesc_args(args):
    """(matrix as numpy, palette) from `imagesc(matrix [, palette])`."""
    t = lua_items(args)
    if not t:
        raise GnuplotError("no inputs, expecting at least a matrix")
    if not istensor(t[0]) or len(t) > 2 or (len(t) == 2 and not isinstance(t[1], str)):
        raise GnuplotError(IMAGESC_USAGE)
    image = to_array(t[0])
    if image.ndim != 2:
        raise GnuplotError(f"x is expected to be matrices x = {image.ndim}D")
    return image, t[1] if len(t) == 2 else "gray"
