"""The running Lua environment, as the parts of torch that Torch7 wrote in Lua use it.

torch.CmdLine and torch.Tester were Lua code in Torch7: they wrote with `io.write`,
printed with the global `print` (trepl's, in th), exited with `os.exit` and replaced
`print` to tee it into a log. Here they are Python classes that do the same through the
current Lua runtime (th.lua.current_runtime()), so a script's redirections and its
own `print` are honoured. Without a runtime (plain Python use) they fall back to
sys.stdout, print, sys.exit and time.strftime.
Imports th.lua only (never th.nn or the console).
"""
import sys
import time

from th.lua import LuaTable, current_runtime, lua_type, tonumber, tostring  # noqa: F401

def _globals():
    rt = current_runtime()
    g = getattr(rt, "globals", None) if rt is not None else None
    if g is not None and not isinstance(g, LuaTable) and callable(g):
        g = g()
    return g if isinstance(g, LuaTable) else None


def get_global(name):
    """The Lua global `name` (None without a runtime)."""
    g = _globals()
    return g.get(name) if g is not None else None


def set_global(name, value):
    """Set the Lua global `name`; returns False without a runtime."""
    g = _globals()
    if g is None:
        return False
    g[name] = value
    return True


def _library(table, name):
    lib = get_global(table)
    return lib.get(name) if isinstance(lib, LuaTable) else None


def write(*parts):
    """io.write(...)."""
    f = _library("io", "write")
    if f is not None:
        f(*parts)
    else:
        sys.stdout.write("".join(tostring(p) for p in parts))


def write_stderr(text):
    """io.stderr:write(text)."""
    err = _library("io", "stderr")
    w = getattr(err, "write", None)
    if w is not None:
        w(text)
    else:
        sys.stderr.write(text)


def flush():
    """io.flush()."""
    f = _library("io", "flush")
    if f is not None:
        f()
    else:
        sys.stdout.flush()


def lua_print(*args):
    """The global print(...) (trepl's in the th console)."""
    p = get_global("print")
    if p is not None:
        p(*args)
    else:
        print("\t".join(tostring(a) for a in args))


def exit(code):
    """os.exit(code): SystemExit, after io's buffers are flushed."""
    f = _library("os", "exit")
    if f is not None:
        f(code)
    raise SystemExit(code)


def date(fmt=None):
    """os.date([fmt]) (strftime; default "%c")."""
    f = _library("os", "date")
    if f is not None:
        return f(fmt) if fmt is not None else f()
    return time.strftime(fmt or "%c")


def item(t, i):
    """t[i] for a Lua table or a Python sequence (1-based; 0 is Lua's arg[0])."""
    if isinstance(t, LuaTable):
        return t.get(i)
    if isinstance(t, (list, tuple)):
        return t[i - 1] if 1 <= i <= len(t) else None
    return None


def length(t):
    """#t for a Lua table or a Python sequence."""
    if isinstance(t, LuaTable):
        return t.length()
    return len(t) if isinstance(t, (list, tuple)) else 0


def protected_call(f, *args, traceback=False):
    """pcall(f, ...) from Python: (True, result) or (False, the Lua error value); with
    traceback, the message is followed by Lua's "stack traceback:" when the engine kept
    one (as xpcall(f, debug.traceback) gives)."""
    try:
        return True, f(*args)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:
        from th.lua.errors import to_lua_error
        err = to_lua_error(e)
        if not traceback:
            return False, err.value
        from th.lua import stack
        levels = stack.exception_levels(e)
        return False, tostring(err.value) + "\n" + stack.format_levels(stack.elide(levels, 0))


def lua_find(s, pattern):
    """string.find(s, pattern) ~= nil: does the Lua pattern match somewhere in s?"""
    f = _library("string", "find")
    if f is not None:
        result = f(s, pattern)
        return (result[0] if isinstance(result, tuple) and result else result) is not None
    import re
    return re.search(pattern, s) is not None


def where():
    """A Lua traceback line for the innermost Lua function on the stack, or ""."""
    from th.lua import errors
    for frame in errors.lua_frames(1):
        chunk = errors.chunk_of(frame.f_code)
        line, _ = errors.frame_position(frame)
        return f"\t{chunk.name}:{line}: in function <{chunk.name}:{frame.f_code.co_firstlineno}>"
    return ""
