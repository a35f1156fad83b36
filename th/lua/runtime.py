"""Lua's value operations: index, newindex, call, arithmetic, concat, comparison, length.

Each operation is one public function named for its Lua event. Its first lines are the
fast path under exact type tests (marked `# fast path:`); then one call to a private
`_<name>_meta` for coercion, metamethods and error messages. The compiler inlines some of
these fast paths into generated code and falls back to the same function.

Stable API (library code may rely on it):
    tostring(v), tonumber(v, base=None), lua_type(v), call(f, *args) -> tuple,
    index(o, k), newindex(o, k, v), eq(a, b), lt(a, b), le(a, b), concat(a, b),
    length(v), arith(op, a, b) with op in "+-*/%^", getmetatable(v), metamethod(v, name),
    LuaError(value), LuaSyntaxError, current_runtime(), truth(v).
Python objects follow th/lua/interop.py. This module imports nothing from torch or nn.
"""
import math
import operator
import types

from th.lua.errors import LuaError, LuaSyntaxError, op_error, current_site  # noqa: F401
from th.lua.interop import mangle
from th.lua.lib.args import number_to_string, str_to_number, typename
from th.lua import table as _table_module
from th.lua.table import LuaTable, TableKeyError

lua_type = typename

_state = {"runtime": None}


def current_runtime():
    """The Runtime running the current Lua code (the last one created, outside Lua)."""
    return _state["runtime"]


def truth(v):
    """Lua truthiness: everything but nil and false is true."""
    return v is not None and v is not False


# ---- tostring / tonumber ---------------------------------------------------------


def tostring(v):
    """Lua's tostring: numbers as %.14g, tables by __tostring or "table: 0x...", objects by str()."""
    tv = type(v)
    if tv is str:
        return v
    if tv is int or tv is float:
        return number_to_string(v)
    if v is None:
        return "nil"
    if tv is bool:
        return "true" if v else "false"
    if tv is LuaTable:
        mt = v.metatable
        if mt is not None:
            h = mt.get("__tostring")
            if h is not None:
                s = first(h(v))
                if type(s) is not str:
                    if type(s) in (int, float):
                        return number_to_string(s)
                    raise LuaError("'__tostring' must return a string")
                return s
        return "table: 0x%08x" % id(v)
    return _tostring_other(v)


def _tostring_other(v):
    name = typename(v)
    if name == "function":
        return "function: 0x%08x" % id(v)
    if name == "thread":
        return "thread: 0x%08x" % id(v)
    # Torch7: a package and a class (nn.Linear, a constructor table) are plain tables.
    if isinstance(v, (types.ModuleType, type)):
        return "table: 0x%08x" % id(v)
    return str(v)


def tonumber(v, base=None):
    """Lua's tonumber: a number, or None. With a base, the string's digits in that base."""
    tv = type(v)
    if tv is int or tv is float:
        if base is None or base == 10:
            return v
    if base is None or base == 10:
        if tv is str:
            return str_to_number(v)
        return None
    s = tostring(v).strip().lower() if tv in (str, int, float) else None
    if s is None:
        return None
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    if not s:
        return None
    n = 0
    for ch in s:
        d = int(ch, 36) if ch.isalnum() and ch.isascii() else 99
        if d >= base:
            return None
        n = n * base + d
    return -n if neg else n


# ---- multiple results ------------------------------------------------------------


def first(r):
    """The first of a call's results (a call returns a value, a tuple, or ())."""
    if type(r) is tuple:
        return r[0] if r else None
    return r


def results(r):
    """A call's results as a tuple."""
    if type(r) is tuple:
        return r
    return (r,)


# ---- metatables ------------------------------------------------------------------


def getmetatable(v):
    """The metatable of any value, or None (see interop.py): a table's own, the strings'
    shared one; a torch object's class (Torch7's class metatable: the methods and
    `__typename`); a class's parent class (Torch7: a class metatable's metatable)."""
    tv = type(v)
    if tv is LuaTable:
        return v.metatable
    if tv is str:
        rt = _state["runtime"]
        return rt.string_meta if rt is not None else None
    if isinstance(v, type):
        return parent_class(v)
    if type(getattr(tv, "__typename__", None)) is str:
        return tv
    return getattr(v, "__lua_metatable__", None)


def parent_class(cls):
    """The nearest base class of `cls` that is a torch class (has its own `__typename__`)."""
    for base in cls.__mro__[1:]:
        if "__typename__" in vars(base):
            return base
    return None


def metamethod(v, event):
    """The metamethod `event` of v (raw lookup in its metatable), or None."""
    if type(v) is LuaTable:
        mt = v.metatable
        return mt.get(event) if mt is not None else None
    mt = getmetatable(v)
    if type(mt) is LuaTable:
        return mt.get(event)
    return None


# ---- calls -----------------------------------------------------------------------


def call(f, *args):
    """Call any Lua value (honouring __call); always returns the results as a tuple."""
    # fast path: Python callables (Lua functions included)
    try:
        r = f(*args)
    except TypeError:
        if callable(f):
            raise
        raise op_error("call", f) from None
    if type(r) is tuple:
        return r
    return (r,)


def table_call(t, args):
    """`t(...)` for a table: its __call metamethod, or Lua's error."""
    h = metamethod(t, "__call")
    if h is None:
        raise op_error("call", t)
    return h(t, *args)


_table_module._table_call = table_call


# ---- indexing --------------------------------------------------------------------


def index(o, k):
    """`o[k]` with metamethods (Lua's gettable event)."""
    # fast path: raw hit in a table
    if type(o) is LuaTable:
        if type(k) is int:
            arr = o.arr
            if 0 < k <= len(arr):
                v = arr[k - 1]
            else:
                v = o.hash.get(k)
        elif type(k) is str:
            v = o.hash.get(k)
        else:
            v = o.get(k)
        if v is not None:
            return v
        mt = o.metatable
        if mt is None:
            return None
        return _index_meta(o, k, mt)
    if type(o) is str:
        return _index_string(o, k)
    return _index_other(o, k)


def _index_meta(o, k, mt):
    for _ in range(100):
        h = mt.get("__index")
        if h is None:
            return None
        if type(h) is not LuaTable:
            return first(h(o, k)) if callable(h) else index(h, k)
        v = h.get(k)
        if v is not None:
            return v
        mt = h.metatable
        if mt is None:
            return None
        o = h
    raise LuaError("loop in gettable")


def _index_string(s, k):
    rt = _state["runtime"]
    mt = rt.string_meta if rt is not None else None
    if mt is None:
        raise op_error("index", s)
    h = mt.get("__index")
    if type(h) is LuaTable:
        return index(h, k)
    if h is None:
        return None
    return first(h(s, k))


_FUNC_TYPES = (types.FunctionType, types.BuiltinFunctionType)
_MODULE = types.ModuleType


def _index_other(o, k):
    if o is None or type(o) in (bool, int, float):
        raise op_error("index", o)
    if type(k) is str:
        return _index_attr(o, k)
    if isinstance(o, types.FunctionType):
        raise op_error("index", o)
    if isinstance(o, type):
        return None     # a class is a constructor table: nn.Linear[1] is nil, as in Torch7
    try:
        return o[k]
    except TypeError:
        if not hasattr(o, "__getitem__"):
            raise op_error("index", o) from None
        raise


_mangled = {}     # Lua field name -> Python attribute name (interop.mangle), as met
_FUNCTION = types.FunctionType


def _index_attr(o, k):
    # interop.py: instance fields first, then plain functions of the class (unbound).
    name = _mangled.get(k)
    if name is None:
        name = mangle(k)
        if len(_mangled) < 4096:
            _mangled[k] = name
    tp = type(o)
    if tp.__dictoffset__:       # (objects with __slots__ only have no __dict__ to look in)
        d = getattr(o, "__dict__", None)
        if d is not None and name in d:
            v = d[name]
            if type(v) is _MODULE and is_private_submodule(o, name, v):
                return None
            return v
    if not isinstance(o, type):
        # the class's attribute, found along its MRO as Python finds it (type cache)
        attr = getattr(tp, name, None)
        if type(attr) is _FUNCTION:
            return attr
    if isinstance(o, types.FunctionType) or isinstance(o, types.BuiltinFunctionType):
        raise op_error("index", o)
    try:
        return getattr(o, name, None)
    except Exception:
        return None


def is_private_submodule(package, name, module):
    """True when `module`, found as `package.name`, is a submodule the package does not
    export: importing th/nn/linear.py makes `linear` an attribute of th.nn, which is
    Python plumbing, not a Lua field (so `nn.linear` is nil, as in Torch7)."""
    return (type(package) is types.ModuleType
            and module.__name__ == f"{package.__name__}.{name}"
            and name not in getattr(package, "__all__", ()))


def newindex(o, k, v):
    """`o[k] = v` with metamethods (Lua's settable event)."""
    # fast path: table without metatable
    if type(o) is LuaTable:
        mt = o.metatable
        if mt is None or mt.get("__newindex") is None:
            try:
                o.set(k, v)
            except TableKeyError as e:
                raise op_error_msg(str(e)) from None
            return
        _newindex_meta(o, k, v, mt)
        return
    _newindex_other(o, k, v)


def op_error_msg(msg):
    prefix, _ = current_site()
    return LuaError(prefix + msg)


def _newindex_meta(o, k, v, mt):
    for _ in range(100):
        if o.get(k) is not None:
            o.set(k, v)
            return
        h = mt.get("__newindex")
        if h is None:
            try:
                o.set(k, v)
            except TableKeyError as e:
                raise op_error_msg(str(e)) from None
            return
        if type(h) is not LuaTable:
            if callable(h):
                h(o, k, v)
            else:
                newindex(h, k, v)
            return
        o = h
        mt = h.metatable
        if mt is None or mt.get("__newindex") is None:
            newindex(o, k, v)
            return
    raise LuaError("loop in settable")


def _newindex_other(o, k, v):
    if o is None or type(o) in (bool, int, float, str) or isinstance(o, types.FunctionType):
        raise op_error("index", o)
    if type(k) is str:
        setattr(o, mangle(k), v)
    else:
        o[k] = v


# ---- arithmetic ------------------------------------------------------------------

_NUM = (int, float)


def _tonum(v):
    tv = type(v)
    if tv is int or tv is float:
        return v
    if tv is str:
        return str_to_number(v)
    return None


# x86's default NaN (0/0, inf - inf) has its sign bit set: Lua on Linux prints "-nan".
_DEFAULT_NAN = math.copysign(math.nan, -1.0)


def _div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        if a != a:
            return a
        if a == 0:
            return _DEFAULT_NAN
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    except OverflowError:
        return float(a) / float(b)


def _mod(a, b):
    if type(a) is int and type(b) is int and b != 0:
        return a % b
    a = float(a)
    b = float(b)
    if b == 0:
        return _DEFAULT_NAN if a == a else a
    q = a / b
    if math.isinf(q) or q != q:
        return a - q * b
    return a - math.floor(q) * b


def _pow(a, b):
    try:
        return math.pow(a, b)
    except OverflowError:
        if a < 0 and float(b).is_integer() and int(b) % 2 == 1:
            return -math.inf
        return math.inf
    except ValueError:
        return math.nan


_EXACT = 2 ** 53


def _mul(a, b):
    # Lua numbers are doubles: an integer product past 2^53 is rounded as a double's is.
    r = a * b
    if type(r) is int and not -_EXACT <= r <= _EXACT:
        return float(r)
    return r


_ARITH = {
    "+": (operator.add, "__add"), "-": (operator.sub, "__sub"), "*": (_mul, "__mul"),
    "/": (_div, "__div"), "%": (_mod, "__mod"), "^": (_pow, "__pow"),
}

_PY_OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
           "%": operator.mod, "^": operator.pow}


def arith(op, a, b):
    """`a op b` for op in + - * / % ^, with coercion and metamethods."""
    fn, event = _ARITH[op]
    # fast path: two numbers
    if type(a) in _NUM and type(b) in _NUM:
        return fn(a, b)
    return _arith_meta(op, fn, event, a, b)


def _arith_meta(op, fn, event, a, b):
    na = _tonum(a)
    nb = _tonum(b)
    if na is not None and nb is not None:
        return fn(na, nb)
    h = metamethod(a, event)
    if h is None:
        h = metamethod(b, event)
    if h is not None:
        return first(h(a, b))
    if _is_pyobject(a) or _is_pyobject(b):
        return _PY_OPS[op](a, b)
    bad, which = (b, 1) if na is not None else (a, 0)
    raise op_error("perform arithmetic on", bad, which)


def _is_pyobject(v):
    return not (v is None or type(v) in (bool, int, float, str, LuaTable)
                or isinstance(v, types.FunctionType))


def add(a, b):
    """a + b."""
    # fast path: two numbers
    if type(a) in _NUM and type(b) in _NUM:
        return a + b
    return _arith_meta("+", operator.add, "__add", a, b)


def sub(a, b):
    """a - b."""
    if type(a) in _NUM and type(b) in _NUM:
        return a - b
    return _arith_meta("-", operator.sub, "__sub", a, b)


def mul(a, b):
    """a * b (an integer product past 2^53 rounded to a double, as Lua's)."""
    if type(a) in _NUM and type(b) in _NUM:
        return _mul(a, b)
    return _arith_meta("*", _mul, "__mul", a, b)


def div(a, b):
    """a / b (1/0 is inf, 0/0 is nan)."""
    if type(a) in _NUM and type(b) in _NUM and b:
        return a / b
    return _arith_meta("/", _div, "__div", a, b)


def mod(a, b):
    """a % b = a - floor(a/b)*b."""
    if type(a) is int and type(b) is int and b:
        return a % b
    return _arith_meta("%", _mod, "__mod", a, b)


def pow_(a, b):
    """a ^ b (always a float, as in Lua)."""
    if type(a) in _NUM and type(b) in _NUM:
        return _pow(a, b)
    return _arith_meta("^", _pow, "__pow", a, b)


def unm(a):
    """-a (-0 stays -0, as Lua's doubles do)."""
    ta = type(a)
    if ta is int:
        return -a if a else -0.0
    if ta is float:
        return -a
    n = _tonum(a)
    if n is not None:
        return unm(n)
    h = metamethod(a, "__unm")
    if h is not None:
        return first(h(a, a))
    if _is_pyobject(a):
        return -a
    raise op_error("perform arithmetic on", a, 0)


# ---- concatenation and length ---------------------------------------------------


def concat(a, b):
    """a .. b: strings and numbers join; else __concat or Lua's error."""
    ta = type(a)
    tb = type(b)
    # fast path: strings and numbers
    if ta is str:
        if tb is str:
            return a + b
        if tb is int or tb is float:
            return a + number_to_string(b)
    elif ta is int or ta is float:
        if tb is str or tb is int or tb is float:
            return number_to_string(a) + (b if tb is str else number_to_string(b))
    return _concat_meta(a, b)


def _concat_meta(a, b):
    h = metamethod(a, "__concat")
    if h is None:
        h = metamethod(b, "__concat")
    if h is not None:
        return first(h(a, b))
    f = getattr(a, "__lua_concat__", None) if _is_pyobject(a) else None
    if f is not None:
        return f(b, True)
    f = getattr(b, "__lua_concat__", None) if _is_pyobject(b) else None
    if f is not None:
        return f(a, False)
    ok_a = type(a) in (str, int, float)
    bad, which = (b, 1) if ok_a else (a, 0)
    raise op_error("concatenate", bad, which)


def length(v):
    """#v: string length, table border (or __len), userdata __lua_len__ / len()."""
    tv = type(v)
    # fast path: tables without metatable, strings
    if tv is LuaTable:
        mt = v.metatable
        if mt is not None:
            h = mt.get("__len")
            if h is not None:
                return first(h(v))
        return len(v.arr)
    if tv is str:
        return len(v)
    return _length_other(v)


def _length_other(v):
    if v is None or type(v) in (bool, int, float) or isinstance(v, types.FunctionType):
        raise op_error("get length of", v)
    if isinstance(v, type):
        return 0        # a class is an empty constructor table
    f = getattr(v, "__lua_len__", None)
    if f is not None:
        return f()
    h = metamethod(v, "__len")
    if h is not None:
        return first(h(v))
    try:
        return len(v)
    except TypeError:
        raise op_error("get length of", v) from None


# ---- comparison ------------------------------------------------------------------


def eq(a, b):
    """a == b: raw equality, then __eq for two tables (or __lua_eq__ for objects)."""
    ta = type(a)
    # fast path: numbers, strings, identity
    if ta is int or ta is float:
        tb = type(b)
        return (tb is int or tb is float) and a == b
    if a is b:
        return True
    if ta is str:
        return type(b) is str and a == b
    if ta is LuaTable:
        if type(b) is not LuaTable:
            return False
        h = metamethod(a, "__eq")
        if h is None or h is not metamethod(b, "__eq"):
            return False
        return truth(first(h(a, b)))
    if _is_pyobject(a) and type(b) is ta:
        f = getattr(a, "__lua_eq__", None)
        if f is not None:
            return truth(f(b))
    return False


def lt(a, b):
    """a < b: numbers, strings, else __lt (or __lua_lt__), else Lua's error."""
    ta = type(a)
    tb = type(b)
    # fast path: two numbers or two strings
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a < b
    if ta is str and tb is str:
        return a < b
    return _compare_meta(a, b, "__lt", "__lua_lt__")


def le(a, b):
    """a <= b: numbers, strings, else __le, else not (b < a) by __lt, else Lua's error."""
    ta = type(a)
    tb = type(b)
    # fast path: two numbers or two strings
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a <= b
    if ta is str and tb is str:
        return a <= b
    if ta is LuaTable and tb is LuaTable and metamethod(a, "__le") is None:
        h = metamethod(a, "__lt")
        if h is not None and h is metamethod(b, "__lt"):
            return not truth(first(h(b, a)))
    return _compare_meta(a, b, "__le", "__lua_le__")


def _compare_meta(a, b, event, pyhook):
    ta = typename(a)
    tb = typename(b)
    if ta == tb:
        if type(a) is LuaTable:
            h = metamethod(a, event)
            if h is not None and h is metamethod(b, event):
                return truth(first(h(a, b)))
        elif _is_pyobject(a):
            f = getattr(a, pyhook, None)
            if f is not None:
                return truth(f(b))
    prefix, _ = current_site()
    if ta == tb:
        raise LuaError(f"{prefix}attempt to compare two {ta} values")
    raise LuaError(f"{prefix}attempt to compare {ta} with {tb}")


def gt(a, b):
    """a > b is b < a in Lua."""
    return lt(b, a)


def ge(a, b):
    """a >= b is b <= a in Lua."""
    return le(b, a)


# ---- numeric for ------------------------------------------------------------------


def for_range(start, limit, step):
    """The values of `for v = start, limit, step`: a range when all are integral."""
    a = _tonum(start)
    b = _tonum(limit)
    c = _tonum(step)
    if a is None:
        raise _for_error("initial")
    if b is None:
        raise _for_error("limit")
    if c is None:
        raise _for_error("step")
    if type(a) is int and type(c) is int and c != 0:
        if type(b) is float:
            if b != b:
                return ()
            if math.isinf(b):
                return _float_steps(a, b, c) if (b > 0) == (c > 0) else ()
            b = math.floor(b) if c > 0 else math.ceil(b)
        return range(a, b + 1, c) if c > 0 else range(a, b - 1, c)
    return _float_steps(a, b, c)


def _for_error(what):
    # Lua 5.1: "'for' initial value must be a number", "'for' limit must be a number"
    prefix, _ = current_site()
    what = "initial value" if what == "initial" else what
    return LuaError(f"{prefix}'for' {what} must be a number")


def _float_steps(a, b, c):
    i = a
    if c > 0:
        while i <= b:
            yield i
            i += c
    elif c < 0:
        while i >= b:
            yield i
            i += c
    else:
        while a <= b:   # Lua 5.1 loops forever on a zero step; so do we, interruptibly
            yield i


__all__ = [
    "tostring", "tonumber", "lua_type", "call", "index", "newindex", "eq", "lt", "le",
    "concat", "length", "arith", "getmetatable", "metamethod", "LuaError",
    "LuaSyntaxError", "current_runtime", "truth", "first", "results",
]
