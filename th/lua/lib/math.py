"""Lua's `math` library (Lua 5.1's lmathlib, plus `math.log(x, base)` from Lua 5.2/LuaJIT).

Results follow C's libm as Lua 5.1 on x86-64 Linux shows them: overflow gives inf
(Python would raise), domain errors give NaN with glibc's sign ("-nan" for sqrt(-1),
"nan" for log(-1)), a NaN argument comes back with its sign (Python's math drops it),
`math.ceil(-0.5)` is -0. `floor` and `ceil` return Python ints for
finite results below 2^53, so Python APIs taking sizes accept them.

`math.random` is Lua 5.1's formula over C's `rand()`; glibc's generator is reproduced
(per runtime), so `math.randomseed(42); print(math.random(100))` prints what Lua 5.1 on
Linux prints.
"""
import math

from th.lua.lib.args import (
    NOARG, LibError, arg_error, check_int, check_number, toint32,
)
from th.lua.table import LuaTable

_INF = math.inf
_NAN = math.nan
_NEG_NAN = -math.nan  # glibc's invalid-operation result has the sign bit set
_EXACT = 2 ** 53
_EXACT_F = 2.0 ** 53    # compared with floats (a float-int comparison is much slower)
_floor, _sqrt, _fabs = math.floor, math.sqrt, math.fabs
_RADIANS_PER_DEGREE = math.pi / 180.0


def _num(x, name):
    return check_number(x, 1, name)


def _as_int(r):
    """A finite integral result as int when exact, else as float (as Lua holds it)."""
    if -_EXACT < r < _EXACT:
        return int(r)
    return float(r)


# ---- rounding and parts -------------------------------------------------------------


def math_floor(x=NOARG, *_):
    """math.floor(x)

    The largest integer not above x.
    Example: math.floor(3.7)  --> 3
    """
    if type(x) is float and -_EXACT_F < x < _EXACT_F and x != 0.0:
        return _floor(x)  # fast path: a finite float
    x = _num(x, "floor")
    if type(x) is int:
        return x
    if not math.isfinite(x) or x == 0:
        return x  # inf, nan and -0 stay themselves
    return _as_int(math.floor(x))


def math_ceil(x=NOARG, *_):
    """math.ceil(x)

    The smallest integer not below x.
    Example: math.ceil(3.2)  --> 4
    """
    if type(x) is float and (-_EXACT_F < x <= -1.0 or 0.0 < x < _EXACT_F):
        return -_floor(-x)  # fast path: a finite float whose ceiling is not -0
    x = _num(x, "ceil")
    if type(x) is int:
        return x
    if not math.isfinite(x) or x == 0:
        return x
    if -1.0 < x < 0.0:
        return -0.0  # C's ceil keeps the sign
    return _as_int(math.ceil(x))


def math_abs(x=NOARG, *_):
    """math.abs(x)

    The absolute value of x.
    Example: math.abs(-2.5)  --> 2.5
    """
    if type(x) is int:
        return x if x >= 0 else -x
    return _fabs(_num(x, "abs"))


def math_modf(x=NOARG, *_):
    """math.modf(x)

    The integral part of x and its fractional part (both with x's sign).
    Example: math.modf(3.7)  --> 3  0.7
    """
    x = _num(x, "modf")
    if x != x:
        return x, x
    frac, whole = math.modf(x)
    return whole, frac


def math_fmod(x=NOARG, y=NOARG, *_):
    """math.fmod(x, y)

    The remainder of x / y rounded towards zero (C's fmod; its sign is x's).
    Example: math.fmod(-7, 3)  --> -1
    """
    return _fmod(x, y, "fmod")


def math_mod(x=NOARG, y=NOARG, *_):
    """math.mod(x, y)

    Lua 5.0's name for math.fmod, kept by Lua 5.1.
    Example: math.mod(7, 3)  --> 1
    """
    return _fmod(x, y, "mod")


def _fmod(x, y, fname):
    x = check_number(x, 1, fname)
    y = check_number(y, 2, fname)
    if x != x or y != y:
        if x != x and y != y:
            return x if math.copysign(1.0, x) > 0 else y  # glibc's choice between two NaNs
        return x if x != x else y
    try:
        return math.fmod(x, y)
    except ValueError:
        return _NEG_NAN


def math_frexp(x=NOARG, *_):
    """math.frexp(x)

    m and e with x = m * 2^e and 0.5 <= |m| < 1 (m = 0 when x is 0).
    Example: math.frexp(8)  --> 0.5  4
    """
    x = _num(x, "frexp")
    return (x, 0) if x != x else math.frexp(x)


def math_ldexp(m=NOARG, e=NOARG, *_):
    """math.ldexp(m, e)

    m * 2^e (e an integer).
    Example: math.ldexp(0.5, 4)  --> 8
    """
    m = float(check_number(m, 1, "ldexp"))
    e = check_int(e, 2, "ldexp")
    if m != m:
        return m
    try:
        return math.ldexp(m, e)
    except OverflowError:
        return math.copysign(_INF, m)


# ---- powers and logarithms ------------------------------------------------------------


def math_sqrt(x=NOARG, *_):
    """math.sqrt(x)

    The square root of x (NaN for negative x).
    Example: math.sqrt(16)  --> 4
    """
    if (type(x) is float or type(x) is int) and x >= 0:
        return _sqrt(x)  # fast path
    x = _num(x, "sqrt")
    if x != x:
        return x
    return math.sqrt(x) if x >= 0 else _NEG_NAN


def math_pow(x=NOARG, y=NOARG, *_):
    """math.pow(x, y)

    x raised to the power y (same as x ^ y).
    Example: math.pow(2, 10)  --> 1024
    """
    x = float(check_number(x, 1, "pow"))
    y = float(check_number(y, 2, "pow"))
    return c_pow(x, y)


def c_pow(x, y):
    """C's pow(x, y) on floats: inf on overflow and at zero, NaN for negative ** fraction."""
    if x != x or y != y:
        if y == 0 or x == 1:
            return 1.0
        if x != x:
            # glibc computes x*x, negated for an odd integer y when x's sign bit is set
            odd = y == y and y.is_integer() and y % 2 == 1
            return _NAN if odd and math.copysign(1.0, x) < 0 else x
        return y
    try:
        return math.pow(x, y)
    except OverflowError:
        odd = y.is_integer() and y % 2 == 1
        return -_INF if x < 0 and odd else _INF
    except ValueError:
        if x == 0 and y < 0:
            odd = y.is_integer() and y % 2 == 1
            return math.copysign(_INF, x) if odd else _INF
        return _NEG_NAN


def math_exp(x=NOARG, *_):
    """math.exp(x)

    e raised to the power x.
    Example: math.exp(0)  --> 1
    """
    x = _num(x, "exp")
    if x != x:
        return x
    try:
        return math.exp(x)
    except OverflowError:
        return _INF


def _log(x, fn):
    if x != x:
        return x
    if x > 0:
        return fn(x)
    if x == 0:
        return -_INF
    return _NAN


def math_log(x=NOARG, base=NOARG, *_):
    """math.log(x [, base])

    The logarithm of x, natural by default (base is Lua 5.2's / LuaJIT's extension).
    Example: math.log(8, 2)  --> 3
    """
    x = _num(x, "log")
    if base is NOARG or base is None:
        return _log(x, math.log)
    b = check_number(base, 2, "log")
    if b == 2:
        return _log(x, math.log2)
    if b == 10:
        return _log(x, math.log10)
    return _ieee_div(_log(x, math.log), _log(b, math.log))


def _ieee_div(a, b):
    """a / b on floats as the FPU does it (Python raises at b == 0)."""
    if a != a or b != b:
        return a if a != a else b
    if b != 0:
        return a / b
    if a == 0:
        return _NEG_NAN
    return math.copysign(_INF, a) * math.copysign(1.0, b)


def math_log10(x=NOARG, *_):
    """math.log10(x)

    The base-10 logarithm of x.
    Example: math.log10(1000)  --> 3
    """
    return _log(_num(x, "log10"), math.log10)


# ---- trigonometry -----------------------------------------------------------------------


def _periodic(fn, x):
    if x != x:
        return x
    try:
        return fn(x)
    except ValueError:  # sin(inf): an invalid operation
        return _NEG_NAN


def math_sin(x=NOARG, *_):
    """math.sin(x)

    The sine of x (radians).
    Example: math.sin(math.pi / 2)  --> 1
    """
    return _periodic(math.sin, _num(x, "sin"))


def math_cos(x=NOARG, *_):
    """math.cos(x)

    The cosine of x (radians).
    Example: math.cos(0)  --> 1
    """
    return _periodic(math.cos, _num(x, "cos"))


def math_tan(x=NOARG, *_):
    """math.tan(x)

    The tangent of x (radians).
    Example: math.tan(math.pi / 4)  --> 1
    """
    return _periodic(math.tan, _num(x, "tan"))


def _inverse(fn, x):
    if x != x:
        return x
    try:
        return fn(x)
    except ValueError:
        return _NAN


def math_asin(x=NOARG, *_):
    """math.asin(x)

    The arc sine of x, in radians (NaN outside [-1, 1]).
    Example: math.asin(1)  --> 1.5707963267949
    """
    return _inverse(math.asin, _num(x, "asin"))


def math_acos(x=NOARG, *_):
    """math.acos(x)

    The arc cosine of x, in radians (NaN outside [-1, 1]).
    Example: math.acos(1)  --> 0
    """
    return _inverse(math.acos, _num(x, "acos"))


def math_atan(x=NOARG, *_):
    """math.atan(x)

    The arc tangent of x, in radians.
    Example: math.atan(1)  --> 0.78539816339745
    """
    x = _num(x, "atan")
    return x if x != x else math.atan(x)


def math_atan2(y=NOARG, x=NOARG, *_):
    """math.atan2(y, x)

    The angle of the point (x, y), in radians, using both signs for the quadrant.
    Example: math.atan2(1, -1)  --> 2.3561944901923
    """
    y = check_number(y, 1, "atan2")
    x = check_number(x, 2, "atan2")
    if x != x or y != y:
        return x if x != x else y  # glibc returns x + y: the first NaN operand
    return math.atan2(y, x)


def _hyperbolic(fn, x, overflow):
    if x != x:
        return x
    try:
        return fn(x)
    except OverflowError:
        return overflow


def math_sinh(x=NOARG, *_):
    """math.sinh(x)

    The hyperbolic sine of x.
    Example: math.sinh(0)  --> 0
    """
    x = _num(x, "sinh")
    return _hyperbolic(math.sinh, x, math.copysign(_INF, x))


def math_cosh(x=NOARG, *_):
    """math.cosh(x)

    The hyperbolic cosine of x.
    Example: math.cosh(0)  --> 1
    """
    return _hyperbolic(math.cosh, _num(x, "cosh"), _INF)


def math_tanh(x=NOARG, *_):
    """math.tanh(x)

    The hyperbolic tangent of x.
    Example: math.tanh(0)  --> 0
    """
    x = _num(x, "tanh")
    return x if x != x else math.tanh(x)


def math_deg(x=NOARG, *_):
    """math.deg(x)

    The angle x (radians) in degrees.
    Example: math.deg(math.pi)  --> 180
    """
    return _num(x, "deg") / _RADIANS_PER_DEGREE


def math_rad(x=NOARG, *_):
    """math.rad(x)

    The angle x (degrees) in radians.
    Example: math.rad(180)  --> 3.1415926535898
    """
    return _num(x, "rad") * _RADIANS_PER_DEGREE


# ---- min, max -------------------------------------------------------------------------


def math_min(a=NOARG, b=NOARG, *more):
    """math.min(x, ...)

    The smallest of the arguments.
    Example: math.min(3, 1, 2)  --> 1
    """
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float) and not more:
        return b if b < a else a  # fast path: two numbers
    args = (a,) if b is NOARG else (a, b) + more
    best = check_number(a, 1, "min")
    for i in range(1, len(args)):
        d = check_number(args[i], i + 1, "min")
        if d < best:
            best = d
    return best


def math_max(a=NOARG, b=NOARG, *more):
    """math.max(x, ...)

    The largest of the arguments.
    Example: math.max(3, 1, 2)  --> 3
    """
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float) and not more:
        return b if b > a else a  # fast path: two numbers
    args = (a,) if b is NOARG else (a, b) + more
    best = check_number(a, 1, "max")
    for i in range(1, len(args)):
        d = check_number(args[i], i + 1, "max")
        if d > best:
            best = d
    return best


# ---- random ---------------------------------------------------------------------------

_RAND_MAX = 2147483647


class GlibcRandom:
    """glibc's rand()/srand() (the TYPE_3 additive feedback generator), state per object."""

    __slots__ = ("r", "i")

    def __init__(self, seed=1):
        self.seed(seed)

    def seed(self, seed):
        """srand(seed): seed is taken modulo 2^32 (0 acts as 1, as in glibc)."""
        seed &= 0xFFFFFFFF
        if seed == 0:
            seed = 1
        r = [0] * 34
        r[0] = seed
        word = seed - 2 ** 32 if seed >= 2 ** 31 else seed  # glibc keeps it in an int32_t
        for i in range(1, 31):
            # word = (16807 * word) % 2147483647 without overflow, in C's truncating division
            hi = abs(word) // 127773 * (1 if word >= 0 else -1)
            lo = word - hi * 127773
            word = 16807 * lo - 2836 * hi
            if word < 0:
                word += 2147483647
            r[i] = word
        for i in range(31, 34):
            r[i] = r[i - 31]
        self.r = r
        self.i = 0  # r is a ring: r[i % 34] is the oldest of the last 34 values
        for _ in range(310):  # glibc discards the first 310 outputs
            self._next()

    def _next(self):
        r = self.r
        i = self.i
        v = (r[(i + 3) % 34] + r[(i + 31) % 34]) & 0xFFFFFFFF  # r[k-31] + r[k-3]
        r[i] = v
        self.i = (i + 1) % 34
        return v

    def rand(self):
        """The next rand() value, 0 <= v <= RAND_MAX."""
        return self._next() >> 1


def _make_random(gen):
    def math_random(*args):
        """math.random([m [, n]])

        A pseudo-random float in [0, 1); with m, an integer in [1, m]; with m and n, in [m, n].
        Example: math.randomseed(42); print(math.random(1, 6))
        """
        r = (gen.rand() % _RAND_MAX) / _RAND_MAX
        nargs = len(args)
        if nargs == 0:
            return r
        if nargs == 1:
            u = check_int(args[0], 1, "random")
            if u < 1:
                raise arg_error(1, "random", "interval is empty")
            return math.floor(r * u) + 1
        if nargs == 2:
            lo = check_int(args[0], 1, "random")
            u = check_int(args[1], 2, "random")
            if lo > u:
                raise arg_error(2, "random", "interval is empty")
            return math.floor(r * (u - lo + 1)) + lo
        raise LibError("wrong number of arguments")

    def math_randomseed(x=NOARG, *_):
        """math.randomseed(x)

        Seeds math.random's generator (the same seed gives the same sequence).
        Example: math.randomseed(os.time())
        """
        gen.seed(toint32(check_number(x, 1, "randomseed")) & 0xFFFFFFFF)
        return ()

    return math_random, math_randomseed


# ---- the library table ----------------------------------------------------------------

FUNCTIONS = {
    "abs": math_abs, "acos": math_acos, "asin": math_asin, "atan": math_atan,
    "atan2": math_atan2, "ceil": math_ceil, "cos": math_cos, "cosh": math_cosh,
    "deg": math_deg, "exp": math_exp, "floor": math_floor, "fmod": math_fmod,
    "frexp": math_frexp, "ldexp": math_ldexp, "log": math_log, "log10": math_log10,
    "max": math_max, "min": math_min, "mod": math_mod, "modf": math_modf, "pow": math_pow,
    "rad": math_rad, "sin": math_sin, "sinh": math_sinh, "sqrt": math_sqrt, "tan": math_tan,
    "tanh": math_tanh,
}


def open_lib(runtime_):
    """The `math` table, with its own random generator (seeded as C's rand is: 1)."""
    lib = LuaTable.from_dict(FUNCTIONS)
    random, randomseed = _make_random(GlibcRandom())
    lib.set("random", random)
    lib.set("randomseed", randomseed)
    lib.set("pi", math.pi)
    lib.set("huge", _INF)
    return lib
