"""Element-wise functions: exp, log, sqrt, sigmoid, tanh, trigonometry, rounding, ...

Forms (Torch7's): `x:f()` in place, `x:f(src)` writes f(src) into x, `torch.f([res,]
t)` returns res or a new tensor, `torch.f(number)` returns a number. Most exist for
Float and Double tensors only; abs, sign and neg exist for every signed type.

Paths, measured in bench/tensor_ops.py: numpy's SIMD loops, split across threads for
big tensors (ops/parallel.py), except for sigmoid on contiguous tensors: its fused numba
kernel (kernels/pointwise.py, with a vectorised exp of its own) makes one pass over
memory where numpy makes four, at every size; exp and tanh of big contiguous tensors use
numba kernels built on the same exp. The backward passes nn uses
(`sigmoid_backward`, `tanh_backward`) are fused numba kernels too. Big contiguous work
is cut into slices that th.torch.workers runs on several threads.
"""
import math

import numpy as np

from th.torch import adaptive, kernels, workers
from th.torch.dispatch import method, function
from th.torch.errors import TorchError, invalid_arguments
from th.torch.ops import parallel
from th.torch.ops.operands import operand, same_type, new_like, short
from th.torch.args import is_number
from th.torch.tensor import Tensor

# Elements per thread at least, for the numba kernels: below two grains one call is
# quicker (measured: sigmoid gains from 2^18 elements, the backward passes from 2^19).
SIGMOID_GRAIN = 1 << 17
BACKWARD_GRAIN = 1 << 18


def _round(x, out):
    # C's round(): halves go away from zero (numpy's rint rounds halves to even).
    t = np.trunc(x)
    np.add(t, np.copysign((np.abs(x - t) >= 0.5).astype(x.dtype), x), out=out)
    return out


def _split(name, grain, *arrays):
    """The pointwise kernel `name` on contiguous arrays of one size, across threads:
    its prange twin on numba's spinning threads or slices on th.torch.workers, as
    th.torch.adaptive decides (the same bits either way)."""
    k = kernels.load("pointwise")
    kernel = getattr(k, name)
    flat = arrays if arrays[0].ndim == 1 else [a.reshape(-1) for a in arrays]
    n = flat[0].shape[0]
    if n < 2 * grain:
        kernel(*flat)
        return

    def robust():
        workers.split(n, lambda lo, hi: kernel(*[a[lo:hi] for a in flat]), grain)
    adaptive.run((name, flat[0].dtype.char), n, lambda: getattr(k, name + "_par")(*flat), robust)


def _sigmoid_numpy(x, out):
    np.negative(x, out=out)
    np.exp(out, out=out)
    np.add(out, 1, out=out)
    return np.reciprocal(out, out=out)


def _vectorised(name, numpy_fn, numba_from):
    """x, out -> out: the numba kernel `name` of kernels/pointwise.py (a SIMD loop of
    its own, within a few ulp of C's libm) on contiguous arrays from `numba_from`
    elements, numpy_fn otherwise; big work on several threads either way."""
    def apply(x, out):
        if x.size >= numba_from and x.flags.c_contiguous and out.flags.c_contiguous:
            if kernels.DEBUG:
                kernels.trace(name, "numba")
            _split(name, SIGMOID_GRAIN, x, out)
            return out
        if kernels.DEBUG:
            kernels.trace(name, "numpy")
        return parallel.run(numpy_fn, out, x)
    apply.__name__ = "_" + name
    return apply


# At 1e6 doubles on 2 threads, numpy's exp and tanh took 1.74x and 1.34x PyTorch's
# time, the numba kernels' prange twins 1.42x and 0.71x. One thread of numpy's exp
# (SVML) beats ours (6.4 against 7.8 us at 1e4), so exp turns to numba only where work
# is shared between threads; tanh from a few thousand elements (9.0 against 11.5 us).
# sigmoid: one pass over memory where numpy makes four, so numba at every size.
_sigmoid = _vectorised("sigmoid", _sigmoid_numpy, 0)
_exp = _vectorised("exp", np.exp, 2 * SIGMOID_GRAIN)
_tanh = _vectorised("tanh", np.tanh, 4096)


def _rsqrt(x, out):
    np.sqrt(x, out=out)
    return np.reciprocal(out, out=out)


def _frac(x, out):
    return np.subtract(x, np.trunc(x), out=out)


def _cinv(x, out):
    return np.reciprocal(x, out=out)


# name -> (array function(x, out), number function, float types only, doc example)
UNARY = {
    "abs": (np.abs, abs, False, "torch.Tensor({-1, 2}):abs()  -- 1 2"),
    "sign": (np.sign, lambda v: float((v > 0) - (v < 0)), False,
             "torch.Tensor({-3, 0, 2}):sign()  -- -1 0 1"),
    "neg": (np.negative, lambda v: -v, False, "torch.Tensor({1, -2}):neg()  -- -1 2"),
    "exp": (_exp, math.exp, True, "torch.Tensor({0, 1}):exp()  -- 1 2.7183"),
    "log": (np.log, lambda v: math.log(v) if v > 0 else (-math.inf if v == 0 else math.nan),
            True, "torch.Tensor({1}):log()  -- 0"),
    "log1p": (np.log1p, math.log1p, True, "torch.Tensor({0}):log1p()  -- 0"),
    "sqrt": (np.sqrt, lambda v: math.sqrt(v) if v >= 0 else math.nan, True,
             "torch.Tensor({4, 9}):sqrt()  -- 2 3"),
    "rsqrt": (_rsqrt, lambda v: 1 / math.sqrt(v), True, "torch.Tensor({4}):rsqrt()  -- 0.5"),
    "sigmoid": (_sigmoid, lambda v: 1 / (1 + math.exp(-v)), True,
                "torch.Tensor({0}):sigmoid()  -- 0.5"),
    "tanh": (_tanh, math.tanh, True, "torch.Tensor({0}):tanh()  -- 0"),
    "sin": (np.sin, math.sin, True, "torch.Tensor({0}):sin()  -- 0"),
    "cos": (np.cos, math.cos, True, "torch.Tensor({0}):cos()  -- 1"),
    "tan": (np.tan, math.tan, True, "torch.Tensor({0}):tan()  -- 0"),
    "asin": (np.arcsin, math.asin, True, "torch.Tensor({1}):asin()  -- 1.5708"),
    "acos": (np.arccos, math.acos, True, "torch.Tensor({1}):acos()  -- 0"),
    "atan": (np.arctan, math.atan, True, "torch.Tensor({1}):atan()  -- 0.7854"),
    "sinh": (np.sinh, math.sinh, True, "torch.Tensor({0}):sinh()  -- 0"),
    "cosh": (np.cosh, math.cosh, True, "torch.Tensor({0}):cosh()  -- 1"),
    "floor": (np.floor, math.floor, True, "torch.Tensor({1.5, -1.5}):floor()  -- 1 -2"),
    "ceil": (np.ceil, math.ceil, True, "torch.Tensor({1.5, -1.5}):ceil()  -- 2 -1"),
    "trunc": (np.trunc, math.trunc, True, "torch.Tensor({1.5, -1.5}):trunc()  -- 1 -1"),
    "round": (_round, lambda v: float(math.floor(abs(v) + 0.5) * (1 if v >= 0 else -1)), True,
              "torch.Tensor({0.5, -2.5}):round()  -- 1 -3"),
    "frac": (_frac, lambda v: v - math.trunc(v), True, "torch.Tensor({1.25}):frac()  -- 0.25"),
    "cinv": (_cinv, lambda v: 1 / v, True, "torch.Tensor({4}):cinv()  -- 0.25"),
}


# Functions that spread big work over threads themselves.
_THREADED = (_sigmoid, _exp, _tanh)


def _make(name, apply, float_only, example):
    sig = "[*T*] T"

    def op(self, src=None):
        if float_only and not self._type.is_float:
            raise TorchError(f"{self.__typename__} does not implement the torch.{name}() function")
        if src is None or src is self:
            a = self._np()
            if apply in _THREADED or a.size < parallel.MIN_ELEMENTS:
                apply(a, a)
            else:
                parallel.run(apply, a, a)
            return self
        if type(src) is not type(self):
            if not isinstance(src, Tensor):
                raise invalid_arguments((self, src), sig.replace("T", short(self)))
            same_type(self, src, name, (self, src), sig)
        if self._size != src._size:
            self._resize(src._size)
        s, r = src._np(), self._np()
        if apply in _THREADED or r.size < parallel.MIN_ELEMENTS:
            apply(s, r)
        else:
            parallel.run(apply, r, s)
        return self
    op.__name__ = name
    op.__doc__ = (f"x:{name}([src]): {name} of every element, in place (or of src into x); "
                  f"returns x.\n\n    torch.{name}([res,] t) returns a new tensor; "
                  f"torch.{name}(number) a number.\n    Example: {example}\n    ")
    return op


def _make_torch(name, meth, number_fn):
    def f(a, b=None):
        if b is None:
            if is_number(a):
                return number_fn(a)
            if not isinstance(a, Tensor):
                raise invalid_arguments((a,), "[*Tensor*] Tensor | number")
            return meth(new_like(a), a)
        return meth(a, b)
    f.__name__ = name
    f.__doc__ = meth.__doc__
    return f


for _name, (_apply, _num, _float_only, _example) in UNARY.items():
    _m = method(_name)(_make(_name, _apply, _float_only, _example))
    function(_name)(_make_torch(_name, _m, _num))


# ---- fused kernels for nn: activation backward passes -----------------------------------

def _backward(name, numpy_fn, grad_input, grad_output, output):
    grad_input._resize(output._size)
    gi, go, o = grad_input._np(), operand(grad_input, grad_output, "gradOutput"), output._np()
    if gi.flags.c_contiguous and go.flags.c_contiguous and o.flags.c_contiguous and \
            gi.dtype == go.dtype == o.dtype:
        if kernels.DEBUG:
            kernels.trace(name, "numba")
        _split(name, BACKWARD_GRAIN, gi, go, o)
    else:
        if kernels.DEBUG:
            kernels.trace(name, "numpy")
        numpy_fn(gi, go, o)
    return grad_input


def sigmoid_backward(grad_input, grad_output, output):
    """grad_input = grad_output * (1 - output) * output (float tensors, equal sizes).

    Python-only helper for nn.Sigmoid. Example (Python): sigmoid_backward(gi, go, out)
    """
    return _backward("sigmoid_backward", lambda gi, go, o: np.multiply(go, (1 - o) * o, out=gi),
                     grad_input, grad_output, output)


def tanh_backward(grad_input, grad_output, output):
    """grad_input = grad_output * (1 - output^2) (float tensors, equal sizes).

    Python-only helper for nn.Tanh. Example (Python): tanh_backward(gi, go, out)
    """
    return _backward("tanh_backward", lambda gi, go, o: np.multiply(go, 1 - o * o, out=gi),
                     grad_input, grad_output, output)
