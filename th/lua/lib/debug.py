"""Lua's `debug` library (ldblib.c) as far as Torch7 code and the console meet it.

traceback, getinfo, getlocal, sethook/gethook (call, return and line hooks, through
Python's tracing; counts are not supported), getmetatable/setmetatable (raw),
getfenv/setfenv, getregistry, debug(). The stack is read by th/lua/stack.py: level 0
is the running function, level 1 its caller; a Python callable Lua called counts as a C
function, as Lua's C functions do.

Where th differs: getinfo gives no `func` for a stack level (a Python frame does not
know its function object), getlocal sees the locals of Lua functions only (not their
temporaries) and cannot see a console's persistent locals, setlocal/upvalues are absent.
"""
import sys

from th.lua import errors, runtime, stack
from th.lua.lib import base
from th.lua.lib.args import (NOARG, arg_error, check_int, check_table, opt_string,
                             typename)
from th.lua.table import LuaTable


def _thread_and_rest(args):
    """Lua's getthread: an optional coroutine first, then the other arguments."""
    if args and typename(args[0]) == "thread":
        return args[0], args[1:]
    return None, args


def _thread_levels(co):
    """The levels of a suspended coroutine (none while it runs elsewhere or is dead)."""
    glet = getattr(co, "glet", None)
    frame = getattr(glet, "gr_frame", None) if glet is not None else None
    return stack.live_levels(frame) if frame is not None else []


def _levels(co):
    """The levels of the running thread (level 0: the debug function calling this), or
    of a coroutine (level 0: its innermost function)."""
    if co is not None:
        return _thread_levels(co)
    return stack.live_levels(sys._getframe(1))


# ---- traceback ----------------------------------------------------------------------


def db_traceback(*args):
    """debug.traceback([thread,] [message [, level]])

    The message, a newline and Lua's "stack traceback:" of the running code from
    `level` on (1, the function calling traceback, by default). A message that is not a
    string (nor nil) comes back unchanged. `xpcall(f, debug.traceback)` shows where f
    failed.
    Example: print(debug.traceback("here"))
    """
    co, args = _thread_and_rest(args)
    message = args[0] if args else NOARG
    level = args[1] if len(args) > 1 else NOARG
    start = level if type(level) in (int, float) else (1 if co is None else 0)
    if message is NOARG:
        head = ""
    elif type(message) not in (str, int, float):
        return message
    else:
        head = runtime.tostring(message) + "\n"
    levels = _levels(co)
    start = max(int(start), 0)
    host = None if co is None else ""     # a coroutine's stack ends with its function
    return head + stack.format_levels(stack.elide(levels[start:], start), host)


# ---- getinfo ------------------------------------------------------------------------

_OPTIONS = set("SlnufL")


def db_getinfo(*args):
    """debug.getinfo([thread,] f [, what])

    A table about a function, or about the function running at stack level f (0 is
    getinfo itself, 1 its caller; nil beyond the stack): source, short_src, what,
    linedefined, lastlinedefined (option "S"), currentline ("l"), name and namewhat
    ("n"), nups ("u"), func ("f"), activelines ("L"). All by default.
    Example: print(debug.getinfo(1, "Sl").currentline)
    """
    co, args = _thread_and_rest(args)
    target = args[0] if args else NOARG
    what = opt_string(args[1] if len(args) > 1 else NOARG, 2, "getinfo", "flnSu")
    if not set(what) <= _OPTIONS | {">"}:
        raise arg_error(2, "getinfo", "invalid option")
    if type(target) in (int, float):
        levels = _levels(co)
        n = int(target)
        if not 0 <= n < len(levels):
            return None
        return _level_info(levels[n], what)
    if callable(target) and typename(target) == "function":
        return _function_info(target, what)
    raise arg_error(1, "getinfo", "function or level expected")


def _level_info(level, what):
    info = LuaTable()
    code = level.frame.f_code
    if "S" in what:
        _source_fields(info, level.chunk, code)
    if "l" in what:
        info["currentline"] = level.position()[0]
    if "n" in what and level.name:
        info["name"] = level.name
        info["namewhat"] = level.namewhat
    elif "n" in what:
        info["namewhat"] = ""
    if "u" in what:
        info["nups"] = len(code.co_freevars) if level.chunk is not None else 0
    if "L" in what and level.chunk is not None:
        info["activelines"] = _active_lines(code, level.chunk)
    return info


def _function_info(f, what):
    info = LuaTable()
    code = getattr(f, "__code__", None)
    chunk = errors.chunk_of(code) if code is not None else None
    if "S" in what:
        _source_fields(info, chunk, code)
    if "l" in what:
        info["currentline"] = -1
    if "u" in what:
        info["nups"] = len(code.co_freevars) if chunk is not None else 0
    if "f" in what:
        info["func"] = f
    if "L" in what and chunk is not None:
        info["activelines"] = _active_lines(code, chunk)
    return info


def _source_fields(info, chunk, code):
    if chunk is None:
        info["source"], info["short_src"], info["what"] = "=[C]", "[C]", "C"
        info["linedefined"] = info["lastlinedefined"] = -1
        return
    info["source"] = chunk.chunkname
    info["short_src"] = chunk.name
    if code.co_name == "λmain":
        info["what"], info["linedefined"], info["lastlinedefined"] = "main", 0, 0
    else:
        info["what"] = "Lua"
        info["linedefined"] = code.co_firstlineno
        info["lastlinedefined"] = chunk.function_ends.get(
            (code.co_name, code.co_firstlineno), code.co_firstlineno)


def _active_lines(code, chunk):
    """The lines with code, as Lua's: not the prologue Python puts on the first line,
    and the `end`, where Lua's last return is."""
    table = LuaTable()
    for start, end, line in code.co_lines():
        if line is not None and not (start == 0 and end <= 2):
            table[line] = True
    end_line = chunk.function_ends.get((code.co_name, code.co_firstlineno))
    if end_line:
        table[end_line] = True
    return table


# ---- locals -------------------------------------------------------------------------


def db_getlocal(*args):
    """debug.getlocal([thread,] level, n)

    The name and value of the n-th local variable (parameters first) of the function at
    stack level `level`, or nil when it has fewer.
    Example: function f(a) print(debug.getlocal(1, 1)) end; f(7)  --> a 7
    """
    co, args = _thread_and_rest(args)
    level = check_int(args[0] if args else NOARG, 1, "getlocal")
    n = check_int(args[1] if len(args) > 1 else NOARG, 2, "getlocal")
    levels = _levels(co)
    if not 0 <= level < len(levels):
        raise arg_error(1, "getlocal", "level out of range")
    found = _lua_locals(levels[level])
    if 1 <= n <= len(found):
        return found[n - 1]
    return None


def _lua_locals(level):
    """(name, value) of the live locals of a Lua level, in declaration order."""
    if level.chunk is None:
        return []
    frame = level.frame
    values = frame.f_locals
    found = []
    for pyname in frame.f_code.co_varnames:
        name = _lua_name(pyname)
        if name is None or pyname not in values:
            continue
        value = values[pyname]
        if type(value) is list and len(value) == 1:
            value = value[0]        # a boxed local (captured inside a loop)
        found.append((name, value))
    return found


def _lua_name(pyname):
    """The Lua name of a compiled local (resolve.py's pyname), None for temporaries."""
    if pyname.startswith("λ"):
        rest = pyname[1:].split("λ", 1)[0]
        import keyword
        return rest if keyword.iskeyword(rest) or rest in ("None", "True", "False") else None
    return pyname.split("λ", 1)[0]


# ---- hooks --------------------------------------------------------------------------


class _Hook:
    """The hook set by debug.sethook: Python's trace function, for Lua frames only."""

    def __init__(self):
        self.fn = None
        self.mask = ""
        self.count = 0
        self.busy = False

    def set(self, fn, mask, count):
        self.fn, self.mask, self.count = fn, mask, count
        sys.settrace(self.trace if fn is not None and mask else None)
        frame = sys._getframe(2)
        while frame is not None:        # running Lua functions get line events too
            if errors.chunk_of(frame.f_code) is not None:
                frame.f_trace = self.local if fn is not None else None
            frame = frame.f_back

    def trace(self, frame, event, arg):
        if self.busy or errors.chunk_of(frame.f_code) is None:
            return None
        if event == "call" and "c" in self.mask:
            self.fire("call")
        return self.local if ("l" in self.mask or "r" in self.mask) else None

    def local(self, frame, event, arg):
        if self.busy or self.fn is None:
            return self.local
        if event == "line" and "l" in self.mask:
            self.fire("line", frame.f_lineno)
        elif event == "return" and "r" in self.mask:
            self.fire("return")
        return self.local

    def fire(self, *args):
        self.busy = True        # as in Lua, no hook runs inside a hook
        try:
            self.fn(*args)
        finally:
            self.busy = False


_hook = _Hook()


def db_sethook(*args):
    """debug.sethook([thread,] hook, mask [, count])

    Calls hook("call"), hook("return") or hook("line", line) as Lua code runs, as the
    mask asks ("c", "r", "l"); debug.sethook() turns it off. Counts are not supported.
    Example: debug.sethook(function(e, l) print(e, l) end, "l"); x = 1; debug.sethook()
    """
    _, args = _thread_and_rest(args)
    fn = args[0] if args else None
    mask = args[1] if len(args) > 1 else None
    count = args[2] if len(args) > 2 else 0
    if fn is None or fn is NOARG or not mask:
        _hook.set(None, "", 0)
        return ()
    if not callable(fn):
        raise arg_error(1, "sethook", f"function expected, got {typename(fn)}")
    _hook.set(fn, mask if type(mask) is str else "", count if type(count) is int else 0)
    return ()


def db_gethook(*_):
    """debug.gethook()

    The hook function, mask and count set by debug.sethook (nil, "", 0 when none is).
    Example: print(debug.gethook())
    """
    return _hook.fn, _hook.mask, _hook.count


# ---- raw metatables, environments, registry -------------------------------------------


def db_getmetatable(v=NOARG, *_):
    """debug.getmetatable(v)

    The metatable of v, ignoring a __metatable field (a torch object: its class).
    Example: debug.getmetatable("").__index == string --> true
    """
    if v is NOARG:
        raise arg_error(1, "getmetatable", "value expected")
    mt = runtime.getmetatable(v)
    return mt if type(mt) is LuaTable or isinstance(mt, type) else None


def db_setmetatable(t=NOARG, mt=NOARG, *_):
    """debug.setmetatable(t, mt)

    Sets the metatable of table t (nil removes it), even a protected one; returns true.
    Example: debug.setmetatable({}, {__index = {x = 1}})
    """
    if mt is not None and type(mt) is not LuaTable:
        raise arg_error(2, "setmetatable", "nil or table expected")
    if type(t) is not LuaTable:
        raise errors.LuaError(f"cannot set the metatable of a {typename(t)} value in th")
    t.metatable = mt
    return True


def db_getfenv(o=NOARG, *_):
    """debug.getfenv(o)

    The environment of function o (the global table for other values).
    Example: debug.getfenv(print) == _G
    """
    if o is NOARG:
        raise arg_error(1, "getfenv", "value expected")
    return base.base_getfenv(o) if callable(o) else runtime.current_runtime().globals


def db_setfenv(o=NOARG, t=NOARG, *_):
    """debug.setfenv(o, table)

    Sets the environment of function o; returns o.
    Example: local f = loadstring("return x"); debug.setfenv(f, {x = 1}); print(f())
    """
    check_table(t, 2, "setfenv")
    return base.base_setfenv(o, t)


_registry = LuaTable()


def db_getregistry(*_):
    """debug.getregistry()

    Lua's registry table (in th, a table kept for code that stores things there).
    Example: debug.getregistry().mykey = 1
    """
    return _registry


def db_debug(*_):
    """debug.debug()

    A plain `lua_debug> ` prompt on standard input running each line as Lua, until a
    line that is `cont` (or the end of input).
    Example: debug.debug()
    """
    rt = runtime.current_runtime()
    while True:
        sys.stderr.write("lua_debug> ")
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line or line.strip() == "cont":
            return ()
        try:
            rt.execute(line, "=(debug command)")
        except errors.LuaError as err:
            sys.stderr.write(str(err) + "\n")


FUNCTIONS = {
    "traceback": db_traceback, "getinfo": db_getinfo, "getlocal": db_getlocal,
    "sethook": db_sethook, "gethook": db_gethook, "getmetatable": db_getmetatable,
    "setmetatable": db_setmetatable, "getfenv": db_getfenv, "setfenv": db_setfenv,
    "getregistry": db_getregistry, "debug": db_debug,
}


def open_lib(rt):
    """The `debug` table."""
    return LuaTable.from_dict(FUNCTIONS)
