"""Bit operations: lshift, rshift, bitand, bitor, bitxor (with a number) and their
element-wise forms clshift, crshift, cbitand, cbitor, cbitxor (with a tensor).

Torch7's rules (THTensorMath): shifts work on the element's bit pattern read as
unsigned, so `rshift` of a negative number brings in zeros (CharTensor -4 >> 1 is 126)
and bits shifted out of the type are lost; on Float and Double tensors a shift is a
multiplication (division) by 2^n. The and/or/xor forms exist for integer types only.
Forms, as for add and cmul: `x:f(v)` in place, `x:f(t, v)`, `torch.f([res,] t, v)`.
"""
import numpy as np

from th.torch.dispatch import method, function
from th.torch.errors import TorchError
from th.torch.ops.arith import _scalar_op, _tensor_op, _torch_form


def _unsigned(a):
    """a's elements viewed as the unsigned integers of the same width (no copy)."""
    return a.view(np.dtype(f"u{a.dtype.itemsize}"))


def _shift(left):
    def apply(res, s, v, r):
        if res._type.is_float:
            real = r.dtype.type
            scale = np.power(real(2), v if isinstance(v, np.ndarray) else real(v))
            (np.multiply if left else np.divide)(s, scale, out=r)
            return
        # C leaves shifts by a negative count or by the width or more undefined;
        # numpy gives 0 for the latter, and a negative count is read as huge
        shift = _unsigned(v) if isinstance(v, np.ndarray) else np.uint8(min(int(v) % 256, 255))
        out = _unsigned(r)
        (np.left_shift if left else np.right_shift)(_unsigned(s), shift, out=out,
                                                     casting="unsafe")
    return apply


def _bits(fname, ufunc):
    def apply(res, s, v, r):
        if res._type.is_float:
            raise TorchError(f"{fname} is only supported for integer type tensors")
        ufunc(s, v, out=r, casting="unsafe")
    return apply


_EXAMPLES = {
    "lshift": "torch.IntTensor({1, 3}):lshift(2)  -- 4 12",
    "rshift": "torch.CharTensor({-4, 8}):rshift(1)  -- 126 4",
    "bitand": "torch.IntTensor({6, 5}):bitand(3)  -- 2 1",
    "bitor": "torch.IntTensor({4, 1}):bitor(2)  -- 6 3",
    "bitxor": "torch.IntTensor({6, 5}):bitxor(3)  -- 5 6",
}
_WHAT = {"lshift": "shift left by v bits (times 2^v on Float/Double)",
         "rshift": "shift right by v bits, zeros in (divided by 2^v on Float/Double)",
         "bitand": "bitwise and with v", "bitor": "bitwise or with v",
         "bitxor": "bitwise xor with v"}
_APPLY = {"lshift": _shift(True), "rshift": _shift(False),
          "bitand": _bits("bitand", np.bitwise_and), "bitor": _bits("bitor", np.bitwise_or),
          "bitxor": _bits("bitxor", np.bitwise_xor)}
_C_APPLY = {"clshift": _shift(True), "crshift": _shift(False),
            "cbitand": _bits("cbitand", np.bitwise_and),
            "cbitor": _bits("cbitor", np.bitwise_or),
            "cbitxor": _bits("cbitxor", np.bitwise_xor)}

for _name, _apply in _APPLY.items():
    _op = _scalar_op(_name, _apply)
    _op.__doc__ = (f"x:{_name}(v) / x:{_name}(t, v): {_WHAT[_name]}, in place; returns x.\n\n"
                   f"    torch.{_name}([res,] t, v) returns a new tensor.\n"
                   f"    Example: {_EXAMPLES[_name]}\n    ")
    method(_name)(_op)
    function(_name)(_torch_form(_op, lambda args: len(args) >= 3))

for _name, _apply in _C_APPLY.items():
    _op = _tensor_op(_name, _apply)
    _plain = _name[1:]
    _op.__doc__ = (f"x:{_name}(t) / x:{_name}(t1, t2): element-wise {_plain} by the "
                   f"elements of t, in place; returns x.\n\n"
                   f"    Example: torch.IntTensor({{1, 1}}):{_name}(torch.IntTensor({{1, 2}}))\n    ")
    method(_name)(_op)
    function(_name)(_torch_form(_op, lambda args: len(args) >= 3))
