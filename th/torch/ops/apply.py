"""apply, map, map2: call a Lua (or Python) function on every element, in row-major order.

The callback's result is stored when it is a number and ignored when it is nil, as in
Torch7 (so `x:apply(function(v) sum = sum + v end)` only reads). All return self.
"""
import numpy as np

from th.torch.dispatch import method
from th.torch.errors import TorchError, arg_error
from th.torch.ops.operands import operand
from th.torch.args import is_number
from th.torch.tensor import Tensor


def _result(v):
    if type(v) is tuple:                    # several Lua results: the first counts
        v = v[0] if v else None
    if v is None or type(v) is float or type(v) is int:
        return v
    if is_number(v) and not isinstance(v, bool):
        return float(v)
    raise TorchError("given function should return a number or nil")


def _run(self, fn, sources):
    if not callable(fn):
        raise arg_error(len(sources) + 2, "apply", "function expected")
    if not self._size:
        return self
    a = self._np()
    views = [operand(self, s, "src") for s in sources]
    conv = self._type.convert
    # Element-by-element on purpose: the callback may read or write other elements.
    for idx in np.ndindex(a.shape):
        args = [a[idx].item()] + [v[idx].item() for v in views]
        r = _result(fn(*args))
        if r is not None:
            a[idx] = conv(r)
    return self


@method("apply")
def apply(self, fn):
    """x:apply(f): x[i] = f(x[i]) for every element (nil results leave it); returns x.

    Example: x = torch.range(1, 3); x:apply(function(v) return v * v end)  -- 1 4 9
    """
    return _run(self, fn, [])


@method("map")
def map_(self, src, fn):
    """x:map(y, f): x[i] = f(x[i], y[i]) for every element; returns x.

    Example: x:map(y, function(a, b) return a + 2 * b end)
    """
    if not isinstance(src, Tensor):
        raise arg_error(2, "map", "torch.*Tensor expected")
    return _run(self, fn, [src])


@method("map2")
def map2(self, src1, src2, fn):
    """x:map2(y, z, f): x[i] = f(x[i], y[i], z[i]) for every element; returns x.

    Example: x:map2(y, z, function(a, b, c) return a + b * c end)
    """
    if not isinstance(src1, Tensor) or not isinstance(src2, Tensor):
        raise arg_error(2, "map2", "torch.*Tensor expected")
    return _run(self, fn, [src1, src2])
