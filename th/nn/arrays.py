"""How nn's modules read and write tensors: numpy views, in-place resizes, Lua tables.

Every module keeps Torch7's buffers (`output`, `gradInput`, `weight`, ...) as tensors and
does its maths on their numpy views: `out(t, shape)` resizes a tensor in place (Lua code
keeps references to it) and returns the view to write into. Table inputs arrive as
LuaTables from Lua and as lists from Python; `items` reads both, `table` makes the
LuaTables that modules hand back. Imports th.torch and th.lua only.

What a method receives is checked where it is read: `input_array(self, input)` is the
input's numpy view or Lua's "bad argument #1 to 'Tanh' (torch.*Tensor expected, got
nil)"; `grad_array` checks gradOutput's element count as THNN did; `tensor_items`
reads a table of tensors. So bad input from Lua reads as a Lua error naming the
module, never as a numpy message.
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


# ---- what a module's methods receive ---------------------------------------------------

def module_name(module):
    """The name argument errors give a module: 'Tanh' for nn.Tanh."""
    return getattr(type(module), "__typename__", type(module).__name__).rpartition(".")[2]


def bad_argument(module, argn, expected, got):
    """Lua's 'bad argument #n to 'Module' (expected expected, got got)'."""
    return TorchError(f"bad argument #{argn} to '{module_name(module)}' ({expected} "
                      f"expected, got {got})")


def check_input(module, v, argn=1, any_type=False):
    """v when it is a Float or Double tensor (any tensor with any_type), else the
    module's 'bad argument' error: 'torch.*Tensor expected, got nil', or
    'torch.DoubleTensor expected, got torch.LongTensor' for a tensor nn cannot
    compute with."""
    if isinstance(v, Tensor) and (any_type or v._type.is_float):
        return v
    if isinstance(v, Tensor):
        raise bad_argument(module, argn, module.__dict__.get("_type", "torch.DoubleTensor"),
                           v.__typename__)
    raise bad_argument(module, argn, "torch.*Tensor", _lua_type(v))


def check_args(module, input, gradOutput, any_type=False):
    """updateGradInput's two tensors checked by `check_input` (arguments #1 and #2)."""
    check_input(module, input, 1, any_type)
    check_input(module, gradOutput, 2, any_type)


def input_array(module, input, argn=1):
    """The numpy view of a module's tensor argument, checked by `check_input`."""
    return check_input(module, input, argn)._np()


def grad_array(module, gradOutput, like, like_name="input"):
    """gradOutput's numpy view shaped as tensor `like` (the input or the output), after
    THNN's check that both have as many elements."""
    check_input(module, gradOutput, 2)
    return _shaped_like(gradOutput, like, lambda: (
        f"{like_name} and gradOutput have different number of elements: {like_name}"
        f"{size_desc(like)} has {like.nElement()} elements, while gradOutput"
        f"{size_desc(gradOutput)} has {gradOutput.nElement()} elements"))


def like_array(res, t, name="src"):
    """Tensor t's numpy view shaped as tensor res, or the tensor core's 'inconsistent
    tensor size' error (what Torch7's t:add / t:copy said) when their element counts
    differ."""
    return _shaped_like(t, res, lambda: (
        f"inconsistent tensor size, expected r_ {size_desc(res)} and {name} {size_desc(t)} "
        f"to have the same number of elements, but got {res.nElement()} and "
        f"{t.nElement()} elements respectively"))


def _shaped_like(t, like, mismatch):
    """t's numpy view with tensor like's shape; TorchError(mismatch()) when their element
    counts differ."""
    a = t._np()
    if t._size != like._size:
        if t.nElement() != like.nElement():
            raise TorchError(mismatch())
        a = a.reshape(like._np().shape)
    return a


def table_items(module, tbl, argn=1, count=0):
    """The entries of a table argument as a list (at least `count` of them), else the
    module's 'bad argument' error."""
    if not is_table(tbl):
        got = tbl.__typename__ if isinstance(tbl, Tensor) else _lua_type(tbl)
        raise bad_argument(module, argn, "table", got)
    values = items(tbl)
    if len(values) < count:
        raise bad_argument(module, argn, f"table of {count} entries", f"{len(values)}")
    return values


def tensor_items(module, tbl, argn=1, count=None, any_type=False):
    """The tensors of a table argument as a list: its first `count` entries (None: all,
    at least one), each a Float or Double tensor (any tensor with any_type)."""
    values = table_items(module, tbl, argn, 1 if count is None else count)
    for i, v in enumerate(values if count is None else values[:count], 1):
        if not (isinstance(v, Tensor) and (any_type or v._type.is_float)):
            got = v.__typename__ if isinstance(v, Tensor) else _lua_type(v)
            raise bad_argument(module, argn, "table of tensors", f"{got} at index {i}")
    return values


def number_arg(v, name="scale", default=1):
    """A scale or learning rate: `default` for nil, else a number, or Lua's error for
    arithmetic on it ("attempt to perform arithmetic on local 'scale' (a string value)")."""
    if v is None:
        return default
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    raise TorchError(f"attempt to perform arithmetic on local '{name}' (a {_lua_type(v)} value)")


def size_desc(t):
    """THTensor_sizeDesc: '[2 x 3 x 4]'."""
    return "[" + " x ".join(str(s) for s in t._size) + "]"


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
    got = tbl.__typename__ if isinstance(tbl, Tensor) else _lua_type(tbl)
    raise TorchError(f"table expected, got {got}")


def is_table(v):
    """True for a Lua table or a Python list/tuple (what table layers accept)."""
    return type(v) is LuaTable or isinstance(v, (list, tuple))


def table(values=()):
    """A new LuaTable holding `values` at 1..n."""
    return LuaTable.from_list(values)


def _lua_type(v):
    from th.lua.runtime import lua_type
    return lua_type(v)
