"""Argument helpers shared by the tensor core and the ops: numbers, dimensions, sizes.

They check Lua arguments on entry and word errors as Torch7 (luaL_argerror / THArgCheck)
did: "bad argument #2 to 'narrow' (out of range)". Dimensions and sizes are 1-based
from the caller, 0-based once returned.
"""
import numpy as np

from th.torch.errors import TorchError, arg_error, lua_typename
from th.torch.storage import Storage


def numel(size):
    """The number of elements of a tensor of these sizes (0 for no dimensions)."""
    n = 1
    for s in size:
        n *= s
    return n if size else 0


def is_number(v):
    return (type(v) is int or type(v) is float
            or (isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)))


def number_arg(v, argn, fname):
    if type(v) is float or type(v) is int:
        return v
    if is_number(v):
        return v.item() if hasattr(v, "item") else v
    raise arg_error(argn, fname, f"number expected, got {lua_typename(v)}")


def int_arg(v, argn, fname):
    if type(v) is int:
        return v
    if is_number(v):
        return int(v)
    raise arg_error(argn, fname, f"number expected, got {lua_typename(v)}")


def dim_arg(t, dim, argn, fname):
    d = int_arg(dim, argn, fname) - 1
    if d < 0 or d >= len(t._size):
        raise arg_error(argn, fname, "out of range" if t._size else "empty tensor")
    return d


def dim_index(t, dim, fname):
    d = int_arg(dim, 2, fname) - 1
    if d < 0 or d >= len(t._size):
        raise arg_error(2, fname, f"dimension {d + 1} out of range of {len(t._size)}D tensor")
    return d


def check_tensor(v, argn, fname):
    if getattr(type(v), "_type", None) is None or not hasattr(v, "_storage"):
        raise arg_error(argn, fname, f"torch.*Tensor expected, got {lua_typename(v)}")
    return v


def size_list(v):
    if isinstance(v, Storage):
        return v._array.tolist()
    if hasattr(v, "to_list"):
        return v.to_list()
    return list(v)


def read_sizes(args, fname, allow_neg=False):
    """Sizes given as numbers, one LongStorage, or (from Python) one list/tuple.

    Torch7's rule applies: the list ends at the first size <= 0 (so size 0 = empty).
    """
    for v in args:
        # fast path: positive Python ints, the common case
        if type(v) is not int or v <= 0:
            break
    else:
        return tuple(args)
    if len(args) == 1 and not is_number(args[0]):
        vals = size_list(args[0])
    else:
        vals = args
    out = []
    for i, v in enumerate(vals):
        n = int_arg(v, i + 1, fname)
        if n == -1 and allow_neg:
            out.append(-1)
            continue
        if n <= 0:
            break
        out.append(n)
    return tuple(out)


def infer_size(size, total, t):
    if -1 not in size:
        return size
    if size.count(-1) > 1:
        raise TorchError("only one dimension can be at -1")
    known = numel(tuple(s for s in size if s != -1)) if len(size) > 1 else 1
    if known == 0 or total % known:
        raise TorchError("Wrong size for view. Input size: "
                         f"{fmt_size(t, 'x')}. Output size: {'x'.join(map(str, size))}")
    return tuple(total // known if s == -1 else s for s in size)


def fmt_size(t, sep=" x "):
    return sep.join(str(s) for s in t._size)


