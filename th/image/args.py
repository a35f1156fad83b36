"""Arguments and results of the image functions: checks, named arguments, tensor <-> numpy.

Input: the Lua arguments of an image function (tensors, numbers, strings, LuaTables).
Output: numpy arrays to compute on, and tensors of the caller's type to return.
Errors are `ImageError`s worded as Torch7's image package worded them: dok.error's
"<image.scale> could not find valid dest size", or Lua's "bad argument #1 to 'scale'
(torch.*Tensor expected, got nil)" where Torch7 would have failed with an obscure
message. Imports th.torch (image sits above torch) and nothing from th.lua but its
table class and type names.
"""
import numpy as np

from th import torch
from th.lua.lib.args import str_to_number, typename
from th.lua.table import LuaTable


class ImageError(RuntimeError):
    """An error of the image package; its message is what Lua shows."""


def dok_error(message, fname):
    """Torch7's dok.error: '<image.crop> incorrect arguments' (without the colours)."""
    return ImageError(f"<{fname}> {message}")


def _argtype(v):
    tn = getattr(type(v), "__typename__", None)
    return tn if tn is not None else typename(v)


def is_tensor(v):
    return isinstance(v, torch.TensorBase)


def check_tensor(v, argn, fname):
    """`v` itself if it is a tensor, else Lua's 'bad argument' error."""
    if not is_tensor(v):
        raise ImageError(f"bad argument #{argn} to '{fname}' "
                         f"(torch.*Tensor expected, got {_argtype(v)})")
    return v


def check_number(v, argn, fname):
    """A Lua number (a numeric string too, as luaL_checknumber accepts)."""
    if isinstance(v, str):
        n = str_to_number(v)
        if n is not None:
            return n
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        return v.item() if hasattr(v, "item") else v
    raise ImageError(f"bad argument #{argn} to '{fname}' (number expected, got {_argtype(v)})")


def check_long(v, argn, fname):
    """A number truncated toward zero, as C's (long) cast in luaL_checklong."""
    return int(check_number(v, argn, fname))


def check_image(t, argn, fname, dims=(2, 3)):
    """A tensor of 2 (HxW) or 3 (CxHxW) dimensions."""
    check_tensor(t, argn, fname)
    if t.dim() not in dims:
        shape = " or ".join(f"{d}D" for d in dims)
        raise ImageError(f"bad argument #{argn} to '{fname}' (expecting a {shape} tensor, "
                         f"got {t.dim()}D)")
    return t


def check_rgb(t, argn, fname):
    """A 3 x H x W tensor (the input of the colour conversions)."""
    check_tensor(t, argn, fname)
    if t.dim() != 3 or t.size(1) != 3:
        raise ImageError(f"<image.{fname}> expecting a 3xHxW image (3 channels), got a "
                         f"{'x'.join(str(s) for s in t.numpy().shape) or 'empty'} tensor")
    return t


# ---- named arguments (dok.unpack) ------------------------------------------------------

def unpack(args, names, defaults=None):
    """dok.unpack: arguments given in order, or as one table of named arguments.

    One plain table (no array part, not a tensor) means named arguments, as in
    `image.gaussian{size=5, sigma=0.2}`; otherwise they are positional in the order of
    `names`. Missing ones take `defaults[name]`: a value, or ('=', other) for "the value
    of argument `other`" (dok's `defaulta`). Returns a dict.
    """
    defaults = defaults or {}
    if len(args) == 1 and isinstance(args[0], LuaTable) and args[0].length() == 0:
        given = {name: args[0].get(name) for name in names}
    else:
        given = {name: (args[i] if i < len(args) else None) for i, name in enumerate(names)}
    result = {}
    for name in names:
        value = given.get(name)
        default = defaults.get(name)
        if value is None and isinstance(default, tuple) and default[:1] == ("=",):
            value = result.get(default[1])
        elif value is None:
            value = default
        result[name] = value
    return result


def truthy(v):
    """Lua's truth: everything but nil and false."""
    return v is not None and v is not False


# ---- tensors <-> numpy -------------------------------------------------------------------

def array(t):
    """The numpy view of tensor `t` (shares memory)."""
    return t.numpy()


def dtype_of(t):
    return t.numpy().dtype


def from_intermediate(values, dtype):
    """Torch7's FromIntermediate: a computed value stored as `dtype`.

    Bytes round half up and saturate to [0, 255]; other integer types truncate toward
    zero, as a C cast does; floats are stored as they are.
    """
    dtype = np.dtype(dtype)
    values = np.asarray(values)
    if dtype == np.uint8:
        return np.clip(np.floor(values + 0.5), 0, 255).astype(np.uint8)
    if dtype.kind in "iu":
        return np.trunc(values).astype(dtype)
    return values.astype(dtype)


def new_tensor(values, dtype):
    """A new tensor holding `values` converted to `dtype` (one of Torch7's types)."""
    return torch.from_numpy(np.ascontiguousarray(from_intermediate(values, dtype)))


def like(t, values):
    """A new tensor of `t`'s type holding `values` (computed results, converted)."""
    return new_tensor(values, dtype_of(t))


def write(dst, values):
    """Resize tensor `dst` to the shape of `values` and store them in it; returns dst."""
    values = from_intermediate(values, dtype_of(dst))
    if tuple(dst.numpy().shape) != values.shape or dst.dim() != values.ndim:
        dst.resize(*values.shape)
    np.copyto(dst.numpy(), values)
    return dst


def default_dtype():
    """The numpy dtype of torch.Tensor (torch.setdefaulttensortype changes it)."""
    return torch.default_type().dtype


def compute_dtype(dtype):
    """The precision Torch7's C code computed in for images of `dtype` (its temp_t):
    float for float and integer images, double for double ones."""
    return np.float64 if np.dtype(dtype) == np.float64 else np.float32
