"""The primitives every math op is written over: result/operand resolution and checks.

Torch7's call conventions, in one place:
- method form `x:f(...)` writes into x; `x:f(src, ...)` writes f(src, ...) into x;
- torch form `torch.f([res,] src, ...)` writes into res (resized) or a new tensor.
Binary ops need equal element counts; shapes may differ (elements match in row-major
order, the result takes the first operand's shape). Operands must share the result's
type, as in Torch7.
"""
import numpy as np

from th.torch.errors import TorchError, invalid_arguments
from th.torch.args import numel
from th.torch.tensor import Tensor


def short(t):
    """The type name Torch7 uses in argument lists: 'DoubleTensor'."""
    return t.__typename__[6:]


def fmt_size(t):
    return " x ".join(map(str, t._size))


def operand(res, t, name):
    """The numpy view of tensor operand t, shaped like res (same element count)."""
    a = t._np()
    if t._size != res._size:
        n = numel(res._size)
        if numel(t._size) != n:
            raise TorchError(f"inconsistent tensor size, expected r_ [{fmt_size(res)}] and "
                             f"{name} [{fmt_size(t)}] to have the same number of elements, "
                             f"but got {n} and {numel(t._size)} elements respectively")
        a = a.reshape(res._np().shape)
    return a


def same_type(res, t, fname, args, expected):
    """Raise cwrap's 'invalid arguments' when t is not a tensor of res's type."""
    if type(t) is not type(res):
        args = list(args)
        while args and args[-1] is None:
            args.pop()
        raise invalid_arguments(args, expected.replace("T", short(res)).replace(
            "R", res._type.real))


def is_tensor(v):
    return isinstance(v, Tensor)


def scalar(res, v):
    """A Lua number converted to res's element type (C cast: truncation, wrap-around)."""
    return res._type.convert(v)


def new_like(t):
    """A new empty tensor of t's type (to be resized by the op)."""
    return t._type.tensor_class()


def int_div(a, b, out):
    """C integer division (truncates toward zero) of integer arrays/scalars into out."""
    r = np.fmod(a, b)
    np.subtract(a, r, out=out, casting="unsafe")
    np.floor_divide(out, b, out=out, casting="unsafe")
    return out
