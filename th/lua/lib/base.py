"""Lua's base library (lbaselib.c): print, type, pairs, pcall, error, load, ... as globals.

`open_lib(runtime)` installs the functions into runtime.globals and returns _G. Functions
receive Lua arguments positionally (NOARG marks an absent one) and return None (one nil),
a value, a tuple for several values, or () for none.
"""
import gc
import sys

from th.lua import errors, fenv, runtime, stack
from th.lua.support import register_fast_iter
from th.lua.errors import LuaError, LuaSyntaxError
from th.lua.interop import unmangle
from th.lua.lib.args import (NOARG, arg_error, check_any, check_int, check_table,
                             opt_int, opt_string, type_error, typename)
from th.lua.table import LuaTable, make_weak

_MAX_C_CALLS = 200      # Lua's LUAI_MAXCCALLS: nested pcall/xpcall depth
_depth = [0]


def base_print(*args):
    """print(...)

    Writes its arguments, converted by tostring, separated by tabs, and a newline.
    Example: print("x", 1, nil)
    """
    g = runtime.current_runtime().globals
    ts = g.hash.get("tostring")
    if ts is base_tostring or ts is None:
        text = "\t".join([runtime.tostring(a) for a in args])
    else:
        parts = []
        for a in args:
            s = runtime.first(ts(a))
            if type(s) is not str:
                raise LuaError("'tostring' must return a string to 'print'")
            parts.append(s)
        text = "\t".join(parts)
    sys.stdout.write(text + "\n")
    return ()


def base_type(v=NOARG, *_):
    """type(v)

    The type of v as a string: "nil", "number", "string", "boolean", "table",
    "function", "thread" or "userdata".
    Example: type({}) --> "table"
    """
    check_any(v, 1, "type")
    return typename(v)


def base_tostring(v=NOARG, *_):
    """tostring(v)

    v as a string: numbers as %.14g, tables through __tostring.
    Example: tostring(1/3) --> "0.33333333333333"
    """
    check_any(v, 1, "tostring")
    return runtime.tostring(v)


def base_tonumber(v=NOARG, base=NOARG, *_):
    """tonumber(v [, base])

    v as a number, or nil if it is not convertible; base between 2 and 36.
    Example: tonumber("0x10") --> 16; tonumber("ff", 16) --> 255
    """
    b = opt_int(base, 2, "tonumber", 10)
    if b == 10:
        check_any(v, 1, "tonumber")
        return runtime.tonumber(v)
    if not 2 <= b <= 36:
        raise arg_error(2, "tonumber", "base out of range")
    if type(v) not in (str, int, float):
        raise type_error(v, 1, "tonumber", "string")
    return runtime.tonumber(v, b)


def base_next(t=NOARG, k=None, *_):
    """next(t [, k])

    The key after k in table t and its value, or nil at the end.
    Example: next({10}) --> 1, 10
    """
    check_table(t, 1, "next")
    try:
        r = t.next(k)
    except KeyError:
        raise LuaError("invalid key to 'next'") from None
    return r if r is not None else None


def base_pairs(t=NOARG, *_):
    """pairs(t)

    Iterator triple for `for k, v in pairs(t)`: every key and value of t (__pairs honoured).
    Example: for k, v in pairs({a = 1}) do print(k, v) end
    """
    h = runtime.metamethod(t, "__pairs")
    if h is not None:
        return (runtime.results(h(t)) + (None, None, None))[:3]
    if type(t) is not LuaTable:
        lua_type = typename(t)
        if lua_type == "table" or hasattr(t, "__lua_pairs__"):
            return _object_pairs(t)
        check_table(t, 1, "pairs")
    return base_next, t, None


def _object_pairs(obj):
    items = iter(list(_object_items(obj)))

    def step(*_):
        for k, v in items:
            return k, v
        return None
    return step, obj, None


def _object_items(obj):
    import types
    if isinstance(obj, type):
        # as Torch7's class metatable: the methods the class itself defines (and its
        # __typename, __init), which is what code copying methods between classes wants
        return [(unmangle(k), v) for k, v in vars(obj).items()
                if not k.startswith("_") or unmangle(k) != k]
    f = getattr(obj, "__lua_pairs__", None)
    if f is not None:
        return f()
    if isinstance(obj, types.ModuleType):
        names = getattr(obj, "__all__", None) or [n for n in vars(obj) if not n.startswith("_")]
        return [(n, getattr(obj, n)) for n in names]
    return [(k, v) for k, v in vars(obj).items() if not k.startswith("_")]


def _ipairs_step(t, i):
    i += 1
    v = runtime.index(t, i) if type(t) is not LuaTable else t.get(i)
    if v is None:
        return None
    return i, v


def base_ipairs(t=NOARG, *_):
    """ipairs(t)

    Iterator triple for `for i, v in ipairs(t)`: t[1], t[2], ... up to the first nil.
    Example: for i, v in ipairs({"a", "b"}) do print(i, v) end
    """
    h = runtime.metamethod(t, "__ipairs")
    if h is not None:
        return (runtime.results(h(t)) + (None, None, None))[:3]
    if type(t) is not LuaTable and typename(t) != "table":
        check_table(t, 1, "ipairs")
    return _ipairs_step, t, 0


def _pairs_iter(t, n):
    # `for k, v in pairs(t)` without calling next() each step. Assigning to existing
    # fields (nil included) during the traversal is allowed, as in Lua.
    arr = t.arr
    i = 0
    while i < len(arr):
        v = arr[i]
        i += 1
        if v is not None:
            yield (i, v) if n == 2 else ((i,) if n == 1 else (i, v) + (None,) * (n - 2))
    k = len(arr)
    r = t.next(k if k else None) if not arr else t._next_hash(0)
    while r is not None:
        key, v = r
        yield r if n == 2 else ((key,) if n == 1 else r + (None,) * (n - 2))
        try:
            r = t.next(key)
        except KeyError:
            raise LuaError("invalid key to 'next'") from None


def _pairs_iter_n(t, n):
    if n == 1:
        return (kv[0] for kv in _pairs_iter(t, 2))
    return _pairs_iter(t, n)


def _ipairs_iter(t, n):
    arr = t.arr
    i = 0
    while True:
        v = arr[i] if i < len(arr) else t.hash.get(i + 1)
        if v is None:
            return
        i += 1
        yield i if n == 1 else ((i, v) if n == 2 else (i, v) + (None,) * (n - 2))


register_fast_iter(base_next, _pairs_iter_n)
register_fast_iter(_ipairs_step, _ipairs_iter)


def base_select(n=NOARG, *args):
    """select(n, ...)

    The arguments after the n-th; select('#', ...) is their count.
    Example: select(2, "a", "b", "c") --> "b", "c"
    """
    if n == "#":
        return len(args)
    i = check_int(n, 1, "select")
    if i < 0:
        i = len(args) + i
        if i < 0:
            raise arg_error(1, "select", "index out of range")
        return args[i:]
    if i == 0:
        raise arg_error(1, "select", "index out of range")
    return args[i - 1:]


def base_unpack(t=NOARG, i=NOARG, j=NOARG, *_):
    """unpack(t [, i [, j]])

    The values t[i], ..., t[j] (default 1 and #t).
    Example: unpack({1, 2, 3}) --> 1, 2, 3
    """
    check_table(t, 1, "unpack")
    i = opt_int(i, 2, "unpack", 1)
    j = opt_int(j, 3, "unpack", None) if j is not NOARG and j is not None else t.length()
    if i > j:
        return ()
    if j - i >= 8000000:
        raise LuaError(errors.where(1) + "too many results to unpack")
    if i == 1 and j == len(t.arr):
        return tuple(t.arr)
    get = t.get
    return tuple(get(k) for k in range(i, j + 1))


def base_rawget(t=NOARG, k=NOARG, *_):
    """rawget(t, k)

    t[k] without metamethods.
    Example: rawget(setmetatable({}, {__index = function() return 1 end}), "x") --> nil
    """
    check_table(t, 1, "rawget")
    check_any(k, 2, "rawget")
    return t.get(k)


def base_rawset(t=NOARG, k=NOARG, v=NOARG, *_):
    """rawset(t, k, v)

    t[k] = v without metamethods; returns t.
    Example: rawset({}, "x", 1)
    """
    check_table(t, 1, "rawset")
    check_any(k, 2, "rawset")
    check_any(v, 3, "rawset")
    try:
        t.set(k, v)
    except Exception as e:
        raise LuaError(str(e)) from None
    return t


def base_rawequal(a=NOARG, b=NOARG, *_):
    """rawequal(a, b)

    a == b without metamethods.
    Example: rawequal({}, {}) --> false
    """
    check_any(a, 1, "rawequal")
    check_any(b, 2, "rawequal")
    ta = type(a)
    if ta in (int, float) and type(b) in (int, float):
        return a == b
    if ta is str and type(b) is str:
        return a == b
    return a is b


def base_rawlen(v=NOARG, *_):
    """rawlen(v)

    The length of a table or string without __len.
    Example: rawlen({1, 2}) --> 2
    """
    if type(v) is LuaTable:
        return v.length()
    if type(v) is str:
        return len(v)
    raise arg_error(1, "rawlen", "table or string expected")


def base_setmetatable(t=NOARG, mt=NOARG, *_):
    """setmetatable(t, mt)

    Sets the metatable of table t (nil removes it); returns t.
    Example: setmetatable({}, {__index = function(t, k) return k end})
    """
    check_table(t, 1, "setmetatable")
    if mt is not None and type(mt) is not LuaTable:
        raise arg_error(2, "setmetatable", "nil or table expected")
    if t.metatable is not None and t.metatable.get("__metatable") is not None:
        raise LuaError(errors.where(1) + "cannot change a protected metatable")
    t.metatable = mt
    if mt is not None:
        mode = mt.get("__mode")
        if type(mode) is str:
            make_weak(t, mode)
    return t


def base_getmetatable(v=NOARG, *_):
    """getmetatable(v)

    The metatable of v (or its __metatable field), or nil. For a torch object (a tensor,
    an nn module) it is its class, as Torch7's class metatable: getmetatable(x).__typename
    is "torch.DoubleTensor", and it is torch.getmetatable('torch.DoubleTensor').
    Example: getmetatable("").__index == string --> true
    """
    check_any(v, 1, "getmetatable")
    mt = runtime.getmetatable(v)
    if type(mt) is not LuaTable:
        return mt if isinstance(mt, type) else None     # a torch object's class
    protected = mt.get("__metatable")
    return protected if protected is not None else mt


def _catch(exc):
    """The Lua error value of an exception caught by pcall; re-raises what Lua can't catch."""
    if isinstance(exc, LuaError):
        return exc.value
    if isinstance(exc, (KeyboardInterrupt, SystemExit)) or type(exc).__name__ == "GreenletExit":
        raise exc
    return errors.to_lua_error(exc).value


def base_pcall(f=NOARG, *args):
    """pcall(f, ...)

    Calls f(...) in protected mode: true and its results, or false and the error value.
    Example: pcall(error, "boom") --> false, "boom"
    """
    check_any(f, 1, "pcall")
    if _depth[0] >= _MAX_C_CALLS:
        return False, "C stack overflow"
    if not callable(f) or type(f) is LuaTable and runtime.metamethod(f, "__call") is None:
        return False, f"attempt to call a {typename(f)} value"
    _depth[0] += 1
    try:
        r = f(*args)
    except BaseException as e:
        return False, _catch(e)
    finally:
        _depth[0] -= 1
    if type(r) is tuple:
        return (True,) + r
    return True, r


def base_xpcall(f=NOARG, handler=NOARG, *args):
    """xpcall(f, handler, ...)

    Like pcall, but an error value goes through handler(err) first.
    Example: xpcall(error, function(e) return "handled: " .. e end, "x")
    """
    if _depth[0] >= _MAX_C_CALLS:
        return False, "C stack overflow"
    _depth[0] += 1
    try:
        if callable(f):
            r = f(*args)
        else:
            raise LuaError(f"attempt to call a {typename(f)} value")
    except BaseException as e:
        value = _catch(e)
        try:
            with stack.handling(e, sys._getframe()):   # debug.traceback sees f's frames
                return (False,) + runtime.results(handler(value))[:1]
        except BaseException as e2:
            return False, _catch(e2)
    finally:
        _depth[0] -= 1
    if type(r) is tuple:
        return (True,) + r
    return True, r


def base_error(message=None, level=1, *_):
    """error(message [, level])

    Raises an error; a string message gets the position of the level-th caller.
    Example: error("bad input", 2)
    """
    if type(message) is str and type(level) in (int, float) and level > 0:
        message = errors.where(int(level)) + message
    raise LuaError(message)


def base_assert(v=NOARG, message=NOARG, *rest):
    """assert(v [, message])

    Returns its arguments when v is true; otherwise raises message
    (default "assertion failed!").
    Example: assert(1 == 1, "math works")
    """
    if v is not None and v is not False and v is not NOARG:
        return (v,) + (() if message is NOARG else (message,)) + rest
    if v is NOARG:
        check_any(v, 1, "assert")
    msg = opt_string(message, 2, "assert", "assertion failed!")
    raise LuaError(errors.where(1) + msg)


def _load_source(source, chunkname, env=None):
    rt = runtime.current_runtime()
    try:
        return rt.load(source, chunkname, env=env)
    except LuaSyntaxError as e:
        return None, e.value


def base_loadstring(s=NOARG, chunkname=NOARG, *_):
    """loadstring(s [, chunkname])

    Compiles the string s; returns the chunk as a function, or nil and the message.
    Example: loadstring("return 1 + 1")() --> 2
    """
    from th.lua.lib.args import check_string
    s = check_string(s, 1, "loadstring")
    name = opt_string(chunkname, 2, "loadstring", s)
    return _load_source(s, name)


def base_load(chunk=NOARG, chunkname=NOARG, mode=NOARG, env=NOARG, *_):
    """load(chunk [, chunkname [, mode [, env]]])

    Compiles a string, or the pieces returned by a function until it returns nil or "".
    Example: load("return 2 * 3")() --> 6
    """
    if type(chunk) is str:
        source = chunk
        default = chunk
    else:
        if not callable(chunk):
            raise type_error(chunk, 1, "load", "function")
        pieces = []
        while True:
            piece = runtime.first(chunk())
            if piece is None or piece == "":
                break
            if type(piece) is not str:
                return None, "reader function must return a string"
            pieces.append(piece)
        source = "".join(pieces)
        default = "=(load)"
    name = opt_string(chunkname, 2, "load", default)
    return _load_source(source, name, env if type(env) is LuaTable else None)


def _read_file(path, fname):
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as fh:
            return fh.read(), None
    except OSError as e:
        return None, f"cannot open {path}: {e.strerror}"


def base_loadfile(filename=NOARG, *_):
    """loadfile([filename])

    Compiles a Lua file (standard input when absent); nil and a message on failure.
    Example: f = loadfile("script.lua")
    """
    if filename is NOARG or filename is None:
        return _load_source(sys.stdin.read(), "=stdin")
    text, err = _read_file(filename, "loadfile")
    if text is None:
        return None, err
    return _load_source(text, "@" + filename)


def base_dofile(filename=NOARG, *_):
    """dofile([filename])

    Runs a Lua file and returns its results; errors propagate.
    Example: dofile("init.lua")
    """
    r = base_loadfile(filename)
    if type(r) is tuple:
        raise LuaError(r[1])
    return r()


def _level_frame(level, fname):
    """The frame of the Lua function at stack level `level` (1: the caller)."""
    if level < 0:
        raise arg_error(1, fname, "level must be non-negative")
    for i, frame in enumerate(errors.lua_frames(2)):
        if i == level - 1:
            return frame
    raise arg_error(1, fname, "invalid level")


def base_getfenv(f=1, *_):
    """getfenv([f])

    The environment table of function f (or of the function at stack level f).
    Example: getfenv(1) == _G --> true
    """
    rt = runtime.current_runtime()
    if type(f) in (int, float):
        if f == 0:
            return rt.globals
        return fenv.frame_env(_level_frame(int(f), "getfenv"))
    if fenv.is_lua_function(f):
        return fenv.function_env(f)
    return rt.globals


def base_setfenv(f=NOARG, t=NOARG, *_):
    """setfenv(f, table)

    Sets the environment of f (a function or a stack level): the table its global names
    are read from and written to. The functions it creates from then on inherit it.
    Example: local f = loadstring("x = 1"); local env = {}; setfenv(f, env); f(); print(env.x)
    """
    from th.lua.state import make_env
    check_table(t, 2, "setfenv")
    if type(f) in (int, float):
        if f == 0:
            return ()
        fenv.set_frame_env(_level_frame(int(f), "setfenv"), make_env(t).hash)
        return f
    elif fenv.is_lua_function(f):
        fenv.set_function_env(f, make_env(t).hash)
        return f
    raise LuaError(errors.where(1) + "'setfenv' cannot change environment of given object")


def base_collectgarbage(opt="collect", arg=None, *_):
    """collectgarbage([opt [, arg]])

    "collect" runs a full collection; "count" gives the memory in use in Kbytes.
    Example: collectgarbage("count")
    """
    if opt == "collect" or opt is None:
        gc.collect()
        return 0
    if opt == "count":
        return sys.getallocatedblocks() * 64 / 1024
    if opt in ("step", "stop", "restart", "setpause", "setstepmul"):
        return 0
    raise arg_error(1, "collectgarbage", f"invalid option '{opt}'")


FUNCTIONS = {
    "print": base_print, "type": base_type, "tostring": base_tostring,
    "tonumber": base_tonumber, "next": base_next, "pairs": base_pairs,
    "ipairs": base_ipairs, "select": base_select, "unpack": base_unpack,
    "rawget": base_rawget, "rawset": base_rawset, "rawequal": base_rawequal,
    "rawlen": base_rawlen, "setmetatable": base_setmetatable,
    "getmetatable": base_getmetatable, "pcall": base_pcall, "xpcall": base_xpcall,
    "error": base_error, "assert": base_assert, "loadstring": base_loadstring,
    "load": base_load, "loadfile": base_loadfile, "dofile": base_dofile,
    "getfenv": base_getfenv, "setfenv": base_setfenv,
    "collectgarbage": base_collectgarbage,
}


def open_lib(rt):
    """Install the base functions as globals; returns _G."""
    g = rt.globals
    for name, fn in FUNCTIONS.items():
        g[name] = fn
    g["_G"] = g
    g["_VERSION"] = "Lua 5.1"

    return g
