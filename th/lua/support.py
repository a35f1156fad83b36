"""Runtime support bound into every compiled chunk: the `λ` names generated code uses.

`HELPERS` maps each reserved name (Lua names are ASCII, so `λ...` never clashes) to the
object generated code calls: Python builtins it needs (`λtype`, `λint`), the value
operations of th/lua/runtime.py, and the small helpers below, written for the shapes the
compiler emits (a constant-key field read, a table constructor, a generic for). Each has
its fast path first. This module imports nothing from torch or nn.
"""
from th.lua import errors, runtime
from th.lua.table import LuaTable, method_cache

# Names bound in every chunk's Python globals (the reserved prefix is λ).
HELPERS = {
    "λtype": type, "λint": int, "λfloat": float, "λstr": str, "λtuple": tuple,
    "λLuaTable": LuaTable, "λlen": len,
    "λadd": runtime.add, "λsub": runtime.sub, "λmul": runtime.mul, "λdiv": runtime.div,
    "λmod": runtime.mod, "λpow": runtime.pow_, "λunm": runtime.unm,
    "λeq": runtime.eq, "λlt": runtime.lt, "λle": runtime.le, "λgt": runtime.gt,
    "λge": runtime.ge, "λconcat": runtime.concat, "λlength": runtime.length,
    "λindex": runtime.index, "λnewindex": runtime.newindex, "λfirst": runtime.first,
    "λfor_range": runtime.for_range, "λNUMT": frozenset((int, float)), "λrange": range,
}


errors.internal_module(__file__)
errors.internal_module(runtime.__file__)


def _helper(fn):
    HELPERS["λ" + fn.__name__] = fn
    return fn


# ---- helpers used only by generated code ---------------------------------------------


@_helper
def mv(r):
    """A call's results as a tuple (for expansion at the end of a list)."""
    return r if type(r) is tuple else (r,)


@_helper
def adjust(values, n):
    """Exactly n values: truncated or padded with nil."""
    if len(values) >= n:
        return values[:n]
    return values + (None,) * (n - len(values))


@_helper
def pack(values):
    """Return values: one value stands for itself, several are a tuple."""
    return values[0] if len(values) == 1 else values


@_helper
def getfield(o, k):
    """o.k for a constant string k: table hit, then a class-style __index table."""
    # fast path: own field, or a method found in a metatable's __index table
    if type(o) is LuaTable:
        v = o.hash.get(k)
        if v is not None:
            return v
        mt = o.metatable
        if mt is None:
            return None
        h = mt.hash.get("__index")
        if type(h) is LuaTable:
            v = h.hash.get(k)
            if v is not None or h.metatable is None:
                return v
        return runtime._index_meta(o, k, mt)
    if type(o) in _NOT_USERDATA:
        return runtime.index(o, k)
    return runtime._index_attr(o, k)     # a Python object's field or method


_NOT_USERDATA = frozenset((str, type(None), bool, int, float))


@_helper
def getmethod(o, k):
    """o:k's function when the inline lookup (compiler.method_get) missed: as getfield,
    remembering a class's method in the metatable's cache (table.method_cache)."""
    if type(o) is LuaTable:
        mt = o.metatable
        if o.hash.get(k) is not None:
            mt = None
    elif type(o) is str:
        rt = runtime.current_runtime()      # strings share one metatable per Lua state
        mt = rt.string_meta if rt is not None else None
    elif type(o) in _NOT_USERDATA:
        return runtime.index(o, k)          # (an error: nil, booleans and numbers)
    else:
        return runtime._index_attr(o, k)    # a Python object's method
    if mt is not None:
        cls = mt.hash.get("__index")
        if type(cls) is LuaTable:
            v = cls.hash.get(k)
            if v is not None:
                method_cache(mt, cls, k, v)
                return v
    return getfield(o, k)


@_helper
def setfield(o, k, v):
    """o.k = v for a constant string k."""
    # fast path: a table without __newindex
    if type(o) is LuaTable:
        mt = o.metatable
        if mt is None or mt.hash.get("__newindex") is None:
            h = o.hash
            if v is None:
                h.pop(k, None)
            else:
                if o._keys is not None and k not in h:
                    o._keys = None
                h[k] = v
            return
    runtime.newindex(o, k, v)


@_helper
def setindex(o, k, v):
    """o[k] = v."""
    # fast path: append to, or overwrite inside, the array part of a plain table
    if type(o) is LuaTable and type(k) is int and v is not None:
        arr = o.arr
        if k == len(arr) + 1:
            if not o.hash and o.metatable is None:
                arr.append(v)
                return
        elif 0 < k <= len(arr) and o.metatable is None:
            arr[k - 1] = v
            return
    runtime.newindex(o, k, v)


@_helper
def getindex(o, k):
    """o[k] (non-constant key)."""
    # fast path: integer key inside the array part
    if type(o) is LuaTable and type(k) is int:
        arr = o.arr
        if 0 < k <= len(arr):
            v = arr[k - 1]
            if v is not None or o.metatable is None:
                return v
    return runtime.index(o, k)


@_helper
def setglobal(env, name, v):
    """A global assignment (honours a metatable on the environment table)."""
    t = env.table
    if t.metatable is None:
        if v is None:
            env.pop(name, None)
        else:
            if t._keys is not None and name not in env:
                t._keys = None
            env[name] = v
    else:
        runtime.newindex(t, name, v)


@_helper
def mktable(arr, kv):
    """A table constructor: positional values `arr`, then key/value pairs `kv`."""
    t = LuaTable.from_list(arr) if arr else LuaTable()
    n = len(t.arr)
    for i in range(0, len(kv), 2):
        k = kv[i]
        if type(k) is int and 0 < k <= n:
            continue        # positional items win (Lua stores them last)
        v = kv[i + 1]
        if k is None:
            raise runtime.op_error_msg("table index is nil")
        if v is not None:
            t.set(k, v)
    return t


@_helper
def concatn(*parts):
    """a .. b .. c: one join when all parts are strings or numbers."""
    for p in parts:
        if type(p) is not str:
            break
    else:
        return "".join(parts)
    r = parts[-1]
    for p in reversed(parts[:-1]):
        r = runtime.concat(p, r)
    return r


@_helper
def forin(n, f, s=None, ctl=None, *_):
    """The values of a generic for with n variables, as a Python iterator."""
    fast = _FAST_ITERS.get(f) if type(s) is LuaTable else None
    if fast is not None and s.metatable is None:
        return fast(s, n)
    return _generic_iter(n, f, s, ctl)


def _generic_iter(n, f, s, ctl):
    while True:
        r = f(s, ctl)
        if type(r) is tuple:
            if not r or r[0] is None:
                return
            ctl = r[0]
            if n == 1:
                yield ctl
            elif len(r) == n:
                yield r
            else:
                yield (r + (None,) * n)[:n]
        else:
            if r is None:
                return
            ctl = r
            yield r if n == 1 else (r,) + (None,) * (n - 1)


_FAST_ITERS = {}     # base library's `next` / ipairs iterator -> Python generator


def register_fast_iter(f, gen):
    """Let `for ... in f, t` run `gen(t, n)` directly (used for pairs and ipairs)."""
    _FAST_ITERS[f] = gen


class GotoSignal(Exception):
    """Raised by `goto` to reach a label in an enclosing block: args[0] is the label's
    number (th/lua/gotos.py); the label's block catches it, in the same function."""


HELPERS["λGoto"] = GotoSignal
