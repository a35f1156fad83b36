"""How nn's modules read and write tensors: numpy views, in-place resizes, Lua tables.

Every module keeps Torch7's buffers (`output`, `gradInput`, `weight`, ...) as tensors and
does its maths on their numpy views: `out(t, shape)` resizes a tensor in place (Lua code
keeps references to it) and returns the view to write into. Table inputs arrive as
LuaTables from Lua and as lists from Python; `items` reads both, `table` makes the
LuaTables that modules hand back. Imports th.torch and th.lua only.
"""
import numpy as np

from th.lua.table import LuaTable
from th.torch.errors import TorchError
from th.torch.tensor import Tensor


def is_tensor(v):
    """True for a tensor of any type."""
    return isinstance(v, Tensor)


def out(t, shape):
    """Resize tensor t in place to `shape` (a tuple) and return its numpy view."""
    if t._size != shape:
        t._resize(shape)
    return t._np()


def out_like(t, src):
    """Resize tensor t to the sizes of tensor src and return t's numpy view."""
    return out(t, src._size)


def new(t):
    """A new empty tensor of t's type (Torch7's `t.new()`)."""
    return t._type.tensor_class()


def check_tensor(v, what="input"):
    """v itself when it is a tensor, else Torch7's error about the argument."""
    if not isinstance(v, Tensor):
        from th.torch.errors import lua_typename
        raise TorchError(f"{what} must be a Tensor (got {lua_typename(v)})")
    return v


def axpy(y, a, x):
    """y += a * x for tensors with the same number of elements (parameter updates)."""
    ya, xa = y._np(), x._np()
    if ya.shape != xa.shape:
        xa = xa.reshape(ya.shape)
    if a == 1:
        np.add(ya, xa, out=ya)
    elif a == -1:
        np.subtract(ya, xa, out=ya)
    else:
        ya += a * xa


# ---- Lua tables ---------------------------------------------------------------------

def items(tbl):
    """The values at 1..#t of a Lua table (or a Python list/tuple), as a Python list."""
    if type(tbl) is LuaTable:
        return tbl.arr
    if isinstance(tbl, (list, tuple)):
        return list(tbl)
    raise TorchError(f"table expected, got {_lua_type(tbl)}")


def is_table(v):
    """True for a Lua table or a Python list/tuple (what table layers accept)."""
    return type(v) is LuaTable or isinstance(v, (list, tuple))


def table(values=()):
    """A new LuaTable holding `values` at 1..n."""
    return LuaTable.from_list(values)


def _lua_type(v):
    from th.lua.runtime import lua_type
    return lua_type(v)
