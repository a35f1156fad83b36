"""Arithmetic: add, csub, mul, div, cmul, cdiv, pow, cpow, fmod, remainder, clamp,
cmax, cmin, lerp, addcmul, addcdiv, atan2, and the operators + - * / % unary-.

Each op is written over th.torch.ops.operands: the method form writes into self, the
torch form into an optional leading result tensor (see that module's docstring).
Integer tensors follow C: scalars are cast to the element type first, division
truncates toward zero.
"""
import numpy as np

from th.torch.dispatch import method, function
from th.torch.errors import TorchError, arg_error, invalid_arguments
from th.torch.ops import parallel
from th.torch.ops.operands import operand, same_type, scalar, new_like, int_div, short
from th.torch.args import is_number
from th.torch.tensor import Tensor, new_of, wrap, EMPTY

_ADD_SIG = "*T* [T] R | *T* [T] [R] T"


def _src(res, src, fname, args, sig):
    """Make res the shape of src (Torch7's resizeAs) and return src's array."""
    if src is res:
        return res._np()
    same_type(res, src, fname, args, sig)
    res._resize(src._size)
    return src._np()


# ---- add / csub ---------------------------------------------------------------------

def _axpy(res, src, value, other, args, sig, fname, sign=1):
    # res = src + sign*value*other   (other None: res = src + sign*value)
    s = _src(res, src, fname, args, sig)
    r = res._np()
    if other is None:
        parallel.run(np.add, r, s, scalar(res, sign * value), casting="unsafe")
        return res
    same_type(res, other, fname, args, sig)
    o = operand(res, other, "src")
    v = scalar(res, value) if value != 1 else 1
    if v == 1 and sign == 1:
        if r.size < parallel.MIN_ELEMENTS:
            np.add(s, o, out=r)
        else:
            parallel.run(np.add, r, s, o)
    elif v == 1:
        parallel.run(np.subtract, r, s, o)
    else:
        np.add(s, np.multiply(o, sign * v), out=r, casting="unsafe")
    return res


def _add_forms(self, args, fname, sign):
    n = len(args)
    all_args = (self,) + tuple(args)
    if n == 1:
        a = args[0]
        if type(a) is float or type(a) is int or is_number(a):
            return _axpy(self, self, a, None, all_args, _ADD_SIG, fname, sign)
        if isinstance(a, Tensor):
            return _axpy(self, self, 1, a, all_args, _ADD_SIG, fname, sign)
    elif n == 2:
        a, b = args
        if isinstance(a, Tensor):
            if is_number(b):
                return _axpy(self, a, b, None, all_args, _ADD_SIG, fname, sign)
            if isinstance(b, Tensor):
                return _axpy(self, a, 1, b, all_args, _ADD_SIG, fname, sign)
        elif is_number(a) and isinstance(b, Tensor):
            return _axpy(self, self, a, b, all_args, _ADD_SIG, fname, sign)
    elif n == 3:
        a, v, b = args
        if isinstance(a, Tensor) and is_number(v) and isinstance(b, Tensor):
            return _axpy(self, a, v, b, all_args, _ADD_SIG, fname, sign)
    raise invalid_arguments((self,) + tuple(args), _ADD_SIG.replace("T", short(self))
                            .replace("R", self._type.real))


@method("add")
def add(self, *args):
    """x:add(v) / x:add(t) / x:add(v, t) / x:add(t1, [v,] t2) / x:add(t, v): in place.

    x:add(v) adds v to every element; x:add([v,] t) adds v*t; with a leading tensor,
    x receives t1 + [v*]t2 (or t + v). Returns x.
    Example: x = torch.ones(3); x:add(2)  -- 3 3 3
    """
    return _add_forms(self, args, "add", 1)


@method("csub")
def csub(self, *args):
    """x:csub(v) / x:csub([v,] t) / x:csub(t1, [v,] t2): subtraction, in place; returns x.

    Example: x = torch.ones(3); x:csub(torch.ones(3))  -- 0 0 0
    """
    return _add_forms(self, args, "csub", -1)


def _torch_form(meth, needs_res):
    """torch.f([res,] src, ...) over the method form: res given when needs_res(args)."""
    def f(*args):
        if needs_res(args):
            return meth(args[0], *args[1:])
        if not args or not isinstance(args[0], Tensor):
            raise TorchError(f"bad argument #1 to '{meth.__name__}' (torch.*Tensor expected)")
        return meth(new_like(args[0]), *args)
    f.__name__ = meth.__name__
    f.__doc__ = meth.__doc__
    return f


def _two_tensors(args):
    return len(args) >= 2 and isinstance(args[0], Tensor) and isinstance(args[1], Tensor)


def _three_args_two_tensors(args):
    # torch.add(res, t, v) / (res, t1, t2) / (res, t1, v, t2), but not (t1, t2) or (t, v, t2)
    return len(args) >= 3 and isinstance(args[0], Tensor) and isinstance(args[1], Tensor)


function("add")(_torch_form(add, _three_args_two_tensors))
function("csub")(_torch_form(csub, _three_args_two_tensors))


# ---- scalar ops: mul, div, fmod, remainder, pow, clamp ------------------------------

def _scalar_op(fname, apply, sig="*T* [T] R"):
    def op(self, a, b=None):
        if b is None:
            src, v = self, a
        else:
            src, v = a, b
        if not isinstance(src, Tensor) or not is_number(v):
            raise invalid_arguments((self, a) if b is None else (self, a, b),
                                    sig.replace("T", short(self)).replace("R", self._type.real))
        s = _src(self, src, fname, (self, a, b), sig)
        apply(self, s, scalar(self, v), self._np())
        return self
    op.__name__ = fname
    return op


def _mul(res, s, v, r):
    parallel.run(np.multiply, r, s, v, casting="unsafe")


def _div(res, s, v, r):
    if res._type.is_float:
        parallel.run(np.divide, r, s, v)
    else:
        int_div(s, v, r)


def _fmod(res, s, v, r):
    np.fmod(s, v, out=r, casting="unsafe")


def _remainder(res, s, v, r):
    if res._type.is_float:
        # TH: a - b * floor(a / b), NaN when b == 0
        np.subtract(s, v * np.floor(s / v), out=r)
    else:
        np.remainder(s, v, out=r, casting="unsafe")


def _pow(res, s, v, r):
    np.power(s, v, out=r, casting="unsafe")


mul = method("mul")(_scalar_op("mul", _mul))
mul.__doc__ = """x:mul(v) / x:mul(t, v): multiply by a number, in place; returns x.

    Example: x = torch.ones(2); x:mul(3)  -- 3 3
    """
div = method("div")(_scalar_op("div", _div))
div.__doc__ = """x:div(v) / x:div(t, v): divide by a number, in place; returns x.

    Integer tensors truncate toward zero. Example: x = torch.Tensor({3, 6}); x:div(3)
    """
fmod = method("fmod")(_scalar_op("fmod", _fmod))
fmod.__doc__ = """x:fmod(v) / x:fmod(t, v): C's fmod remainder (sign of the dividend).

    Example: torch.Tensor({-3, 3}):fmod(2)  -- -1 1
    """
remainder = method("remainder")(_scalar_op("remainder", _remainder))
remainder.__doc__ = """x:remainder(v) / x:remainder(t, v): remainder with the divisor's sign.

    Example: torch.Tensor({-3, 3}):remainder(2)  -- 1 1
    """

for _name, _fn in (("mul", mul), ("div", div), ("fmod", fmod), ("remainder", remainder)):
    function(_name)(_torch_form(_fn, lambda args: len(args) >= 3))
method("mod")(remainder)
function("mod")(_torch_form(remainder, lambda args: len(args) >= 3))


@method("pow")
def pow_(self, a, b=None):
    """x:pow(n) / x:pow(t, n): raise elements to the power n, in place; returns x.

    torch.pow([res,] t, n) and torch.pow([res,] n, t) (n to the power of t) also exist.
    Example: torch.Tensor({2, 3}):pow(2)  -- 4 9
    """
    if b is None:
        src, v = self, a
    else:
        src, v = a, b
    if isinstance(src, Tensor) and is_number(v):
        s = _src(self, src, "pow", (self, a, b), "*T* [T] R")
        np.power(s, scalar(self, v), out=self._np(), casting="unsafe")
        return self
    if is_number(src) and isinstance(v, Tensor):     # tpow: res = n ^ t
        s = _src(self, v, "pow", (self, a, b), "*T* R [T]")
        np.power(scalar(self, src), s, out=self._np(), casting="unsafe")
        return self
    raise invalid_arguments((self, a, b), f"*{short(self)}* [{short(self)}] "
                            f"{self._type.real} | *{short(self)}* {self._type.real} [{short(self)}]")


@function("pow")
def torch_pow(*args):
    """torch.pow([res,] t, n) / torch.pow([res,] n, t): powers (of two numbers too).

    Example: torch.pow(torch.Tensor({1, 2}), 3)  -- 1 8
    """
    if len(args) == 2 and is_number(args[0]) and is_number(args[1]):
        return float(args[0]) ** float(args[1])
    if len(args) == 3:
        return pow_(*args)
    t = args[0] if isinstance(args[0], Tensor) else args[1]
    return pow_(new_like(t), *args)


@method("clamp")
def clamp(self, a, b, c=None):
    """x:clamp(min, max) / x:clamp(t, min, max): limit elements to [min, max]; returns x.

    Example: torch.Tensor({-2, 0, 5}):clamp(-1, 1)  -- -1 0 1
    """
    if c is None:
        src, lo, hi = self, a, b
    else:
        src, lo, hi = a, b, c
    if not isinstance(src, Tensor) or not is_number(lo) or not is_number(hi):
        raise invalid_arguments((self, a, b, c), f"*{short(self)}* [{short(self)}] "
                                f"{self._type.real} {self._type.real}")
    s = _src(self, src, "clamp", (self, a, b, c), "*T* [T] R R")
    np.clip(s, scalar(self, lo), scalar(self, hi), out=self._np())
    return self


function("clamp")(_torch_form(clamp, lambda args: len(args) >= 4))


# ---- tensor-tensor ops: cmul, cdiv, cpow, cfmod, cremainder, atan2, cmax, cmin ----------

def _tensor_op(fname, apply, allow_value=False):
    sig = "*T* [T] T" + (" | *T* [T] R" if allow_value else "")

    def op(self, a, b=None):
        if b is None:
            src, other = self, a
        else:
            src, other = a, b
        if not isinstance(src, Tensor) or not (isinstance(other, Tensor) or
                                               (allow_value and is_number(other))):
            raise invalid_arguments((self, a) if b is None else (self, a, b),
                                    sig.replace("T", short(self)).replace("R", self._type.real))
        s = _src(self, src, fname, (self, a, b), sig)
        if isinstance(other, Tensor):
            same_type(self, other, fname, (self, a, b), sig)
            o = operand(self, other, "src")
        else:
            o = scalar(self, other)
        apply(self, s, o, self._np())
        return self
    op.__name__ = fname
    return op


def _cdiv(res, s, o, r):
    if res._type.is_float:
        parallel.run(np.divide, r, s, o)
    else:
        int_div(s, o, r)


def _cremainder(res, s, o, r):
    if res._type.is_float:
        np.subtract(s, o * np.floor(s / o), out=r)
    else:
        np.remainder(s, o, out=r, casting="unsafe")


_TENSOR_OPS = {
    "cmul": (lambda res, s, o, r: parallel.run(np.multiply, r, s, o), False,
             "x:cmul(t) / x:cmul(t1, t2): element-wise product, in place; returns x.\n\n"
             "    Example: x = torch.Tensor({1, 2}); x:cmul(torch.Tensor({3, 4}))  -- 3 8\n    "),
    "cdiv": (_cdiv, False,
             "x:cdiv(t) / x:cdiv(t1, t2): element-wise division, in place; returns x.\n\n"
             "    Example: torch.Tensor({4, 9}):cdiv(torch.Tensor({2, 3}))  -- 2 3\n    "),
    "cpow": (lambda res, s, o, r: np.power(s, o, out=r, casting="unsafe"), False,
             "x:cpow(t) / x:cpow(t1, t2): element-wise power, in place; returns x.\n\n"
             "    Example: torch.Tensor({2, 3}):cpow(torch.Tensor({3, 2}))  -- 8 9\n    "),
    "cfmod": (lambda res, s, o, r: np.fmod(s, o, out=r, casting="unsafe"), False,
              "x:cfmod(t) / x:cfmod(t1, t2): element-wise fmod, in place; returns x.\n\n"
              "    Example: torch.Tensor({5, -5}):cfmod(torch.Tensor({3, 3}))  -- 2 -2\n    "),
    "cremainder": (_cremainder, False,
                   "x:cremainder(t) / x:cremainder(t1, t2): element-wise remainder.\n\n"
                   "    Example: torch.Tensor({5, -5}):cremainder(torch.Tensor({3, 3}))\n    "),
    "atan2": (lambda res, s, o, r: np.arctan2(s, o, out=r), False,
              "x:atan2(t) / x:atan2(t1, t2): element-wise atan2(x, t), in place.\n\n"
              "    Example: torch.Tensor({1}):atan2(torch.Tensor({1}))  -- 0.7854\n    "),
    "cmax": (lambda res, s, o, r: parallel.run(np.maximum, r, s, o), True,
             "x:cmax(t | v) / x:cmax(t1, t2 | v): element-wise maximum, in place.\n\n"
             "    Example: torch.Tensor({1, 5}):cmax(3)  -- 3 5\n    "),
    "cmin": (lambda res, s, o, r: parallel.run(np.minimum, r, s, o), True,
             "x:cmin(t | v) / x:cmin(t1, t2 | v): element-wise minimum, in place.\n\n"
             "    Example: torch.Tensor({1, 5}):cmin(3)  -- 1 3\n    "),
}

for _name, (_apply, _allow, _doc) in _TENSOR_OPS.items():
    _op = _tensor_op(_name, _apply, _allow)
    _op.__doc__ = _doc
    method(_name)(_op)
    function(_name)(_torch_form(_op, lambda args: len(args) >= 3))


@function("atan2")
def torch_atan2(*args):
    """torch.atan2([res,] y, x): atan2 element-wise, or of two numbers.

    Example: torch.atan2(1, 1)  -- 0.78539816339745
    """
    if len(args) == 2 and is_number(args[0]) and is_number(args[1]):
        return float(np.arctan2(float(args[0]), float(args[1])))
    from th.torch.dispatch import METHODS
    if len(args) >= 3:
        return METHODS["atan2"](*args)
    return METHODS["atan2"](new_like(args[0]), *args)


# ---- lerp / addcmul / addcdiv ---------------------------------------------------------

@method("lerp")
def lerp(self, a, b, c=None):
    """x:lerp(t, w) / x:lerp(t1, t2, w): x + w * (t - x), in place; returns x.

    Example: torch.zeros(2):lerp(torch.ones(2), 0.25)  -- 0.25 0.25
    """
    src, end, w = (self, a, b) if c is None else (a, b, c)
    if not (isinstance(src, Tensor) and isinstance(end, Tensor) and is_number(w)):
        raise invalid_arguments((self, a, b, c), f"*{short(self)}* [{short(self)}] "
                                f"{short(self)} {self._type.real}")
    s = _src(self, src, "lerp", (self, a, b, c), "")
    e = operand(self, end, "src")
    np.add(s, float(w) * (e - s), out=self._np(), casting="unsafe")
    return self


@function("lerp")
def torch_lerp(*args):
    """torch.lerp([res,] a, b, w): a + w * (b - a); on numbers too.

    Example: torch.lerp(0, 10, 0.5)  -- 5
    """
    if len(args) == 3 and all(is_number(v) for v in args):
        a, b, w = (float(v) for v in args)
        return a + w * (b - a)
    if len(args) == 4:
        return lerp(*args)
    return lerp(new_like(args[0]), *args)


def _addc(fname, is_div):
    sig = "*T* [T] [R] T T"

    def op(self, *args):
        a = list(args)
        src = self
        if a and isinstance(a[0], Tensor) and len(a) >= 3 and (
                len(a) == 4 or isinstance(a[1], Tensor) and isinstance(a[2], Tensor)):
            src = a.pop(0)
        v = a.pop(0) if a and is_number(a[0]) else 1
        if len(a) != 2 or not all(isinstance(t, Tensor) for t in a):
            raise invalid_arguments((self,) + args, sig.replace("T", short(self))
                                    .replace("R", self._type.real))
        s = _src(self, src, fname, (self,) + args, sig)
        t1 = operand(self, a[0], "src1")
        t2 = operand(self, a[1], "src2")
        np.add(s, _scaled_product(self, scalar(self, v), t1, t2, is_div), out=self._np(),
               casting="unsafe")
        return self
    op.__name__ = fname
    return op


def _scaled_product(res, v, t1, t2, is_div):
    # Torch7: `*r += value * *src1 / *src2` (or `* *src2`): C evaluates (value * src1)
    # first, in the element type, then divides (multiplies) by src2. The same order
    # gives the same roundings, so optim's adam and adagrad match Torch7 to the bit.
    if res._type.is_float:
        tmp = np.multiply(t1, v)
        return (np.divide if is_div else np.multiply)(tmp, t2, out=tmp)
    tmp = np.multiply(t1, v, dtype=np.int64)        # C promotes small ints to int
    return int_div(tmp, t2, tmp) if is_div else np.multiply(tmp, t2, out=tmp)


addcmul = method("addcmul")(_addc("addcmul", False))
addcmul.__doc__ = """x:addcmul([v,] t1, t2) / x:addcmul(src, [v,] t1, t2): x + v * t1 * t2.

    Example: x = torch.zeros(2); x:addcmul(2, torch.ones(2), torch.Tensor({1, 2}))  -- 2 4
    """
addcdiv = method("addcdiv")(_addc("addcdiv", True))
addcdiv.__doc__ = """x:addcdiv([v,] t1, t2) / x:addcdiv(src, [v,] t1, t2): x + v * t1 / t2.

    Computed as Torch7 does, (v * t1) / t2, so results match it to the last bit.
    Example: x = torch.zeros(2); x:addcdiv(1, torch.ones(2), torch.Tensor({2, 4}))  -- 0.5 0.25
    """


def _addc_torch(meth):
    def f(*args):
        # torch.addcmul([res,] src, [v,] t1, t2): res given when 4+ tensors/values
        tensors = sum(isinstance(a, Tensor) for a in args)
        if tensors == 4:
            return meth(args[0], *args[1:])
        return meth(new_like(args[0]), *args)
    f.__doc__ = meth.__doc__
    return f


function("addcmul")(_addc_torch(addcmul))
function("addcdiv")(_addc_torch(addcdiv))


# ---- operators --------------------------------------------------------------------------

def _operand_error(v):
    from th.torch.errors import lua_typename
    return arg_error(2, "?", f"number expected, got {lua_typename(v)}")


def _binary_operator(self, other, ufunc, reflected=False):
    if not self._size:
        return new_of(self._type, EMPTY)
    a = self._np()
    out = np.empty(a.shape, a.dtype)
    run = ufunc if out.size < parallel.MIN_ELEMENTS else \
        (lambda *args, **kw: parallel.run(ufunc, kw.pop("out"), *args, **kw))
    if type(other) is type(self):
        run(a, operand(self, other, "src"), out=out)
        return wrap(self._type, out)
    if type(other) is float or type(other) is int or is_number(other):
        v = scalar(self, other)
        if reflected:
            run(v, a, out=out, casting="unsafe")
        else:
            run(a, v, out=out, casting="unsafe")
        return wrap(self._type, out)
    raise _operand_error(other)


def _add_op(self, other):
    return _binary_operator(self, other, np.add)


def _sub_op(self, other):
    return _binary_operator(self, other, np.subtract)


def _rsub_op(self, other):
    return _binary_operator(self, other, np.subtract, reflected=True)


def _neg_op(self):
    if not self._size:
        return new_of(self._type, EMPTY)
    return wrap(self._type, np.negative(self._np()))


def _mul_op(self, other):
    if isinstance(other, Tensor):
        from th.torch.ops import blas
        return blas.tensor_product(self, other)
    return _binary_operator(self, other, np.multiply)


def _div_op(self, other):
    if not is_number(other):
        raise _operand_error(other)
    out = new_of(self._type, self._size)
    _div(out, self._np(), scalar(self, other), out._np())
    return out


def _rdiv_op(self, other):
    raise TorchError("attempt to divide a number by a tensor (only tensor / number is "
                     "supported)")


def _mod_op(self, other):
    if not is_number(other):
        raise _operand_error(other)
    out = new_of(self._type, self._size)
    _remainder(out, self._np(), scalar(self, other), out._np())
    return out


Tensor.__add__ = _add_op
Tensor.__radd__ = _add_op
Tensor.__sub__ = _sub_op
Tensor.__rsub__ = _rsub_op
Tensor.__neg__ = _neg_op
Tensor.__mul__ = _mul_op
Tensor.__rmul__ = lambda self, other: _binary_operator(self, other, np.multiply)
Tensor.__truediv__ = _div_op
Tensor.__rtruediv__ = _rdiv_op
Tensor.__mod__ = _mod_op
