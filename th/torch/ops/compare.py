"""Comparisons lt, le, gt, ge, eq, ne (ByteTensor results), all, any, equal.

`x:lt(v | t)` and `torch.lt([res,] x, v | t)` return a ByteTensor of 0/1 (or fill a
given result tensor, which may be a ByteTensor or of x's type).
"""
import numpy as np

from th.torch import types
from th.torch.dispatch import method, function
from th.torch.errors import TorchError, invalid_arguments
from th.torch.ops.operands import operand, short
from th.torch.args import is_number
from th.torch.tensor import Tensor, new_of

_OPS = {"lt": np.less, "le": np.less_equal, "gt": np.greater, "ge": np.greater_equal,
        "eq": np.equal, "ne": np.not_equal}


def _compare(name, ufunc):
    def op(self, a, b=None):
        if b is None:
            res, src, other = None, self, a
        else:
            res, src, other = self, a, b
        if not isinstance(src, Tensor) or not (is_number(other) or isinstance(other, Tensor)):
            t = short(self)
            raise invalid_arguments((self, a) if b is None else (self, a, b),
                                    f"[*ByteTensor*] {t} {self._type.real} | *{t}* {t} "
                                    f"{self._type.real} | [*ByteTensor*] {t} {t} | *{t}* {t} {t}")
        if res is None:
            res = new_of(types.Byte, src._size)
        else:
            res._resize(src._size)
        s = src._np()
        if isinstance(other, Tensor):
            if type(other) is not type(src):
                raise invalid_arguments((self, a, b), f"{short(src)} {short(src)}")
            o = operand(src, other, "src")
        else:
            o = other
        np.copyto(res._np(), ufunc(s, o), casting="unsafe")
        return res
    op.__name__ = name
    op.__doc__ = (f"x:{name}(v | t): a ByteTensor with 1 where x {name} v (or t), else 0.\n\n"
                  f"    torch.{name}([res,] x, v | t) may write into res.\n"
                  f"    Example: torch.Tensor({{1, 2, 3}}):{name}(2)\n    ")
    return op


for _name, _ufunc in _OPS.items():
    # torch.lt(x, v) and torch.lt(res, x, v) are the method's two forms
    function(_name)(method(_name)(_compare(_name, _ufunc)))


@method("all")
def all_(self):
    """x:all(): true when every element is non-zero (Torch7 has it for ByteTensor).

    Example: torch.ByteTensor({1, 1}):all()  -- true
    """
    return bool(np.all(self._np())) if self._size else True


@method("any")
def any_(self):
    """x:any(): true when some element is non-zero. Example: torch.ByteTensor({0, 1}):any()  -- true"""
    return bool(np.any(self._np())) if self._size else False


function("all")(all_)
function("any")(any_)


@function("equal")
def equal(a, b):
    """torch.equal(a, b) / a:equal(b): true when both tensors have the same sizes and elements.

    Example: torch.equal(torch.ones(2), torch.ones(2))  -- true
    """
    if not isinstance(a, Tensor) or not isinstance(b, Tensor):
        raise TorchError("bad argument #2 to 'equal' (torch.*Tensor expected)")
    if a._size != b._size:
        return False
    if not a._size:
        return True
    return bool(np.array_equal(a._np(), b._np()))


method("equal")(equal)
