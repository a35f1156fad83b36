"""Lua's coroutine library, stackful, on greenlets: a coroutine may yield from any depth
of nested calls, Python library frames included (e.g. a yield inside a gsub callback).
"""
import greenlet

from th.lua import errors, runtime
from th.lua.errors import LuaError
from th.lua.lib.args import NOARG, arg_error, check_function
from th.lua.table import LuaTable


class Coroutine:
    """A Lua thread: `type(co)` is "thread"."""
    __lua_type__ = "thread"

    def __init__(self, fn):
        self.fn = fn
        self.status = "suspended"
        self.resumer = None
        self.glet = greenlet.greenlet(self._body) if fn is not None else None
        self.started = False

    def _body(self, *args):
        try:
            return ("done", runtime.results(self.fn(*args)))
        except LuaError as e:
            return ("error", e.value)
        except (KeyboardInterrupt, SystemExit, greenlet.GreenletExit):
            raise
        except Exception as e:
            return ("error", errors.to_lua_error(e).value)

    def __str__(self):
        return "thread: 0x%08x" % id(self)


_MAIN = Coroutine(None)
_MAIN.status = "running"
_current = [_MAIN]


def resume(co, *args):
    """Run `co` until it yields or ends: (True, values...) or (False, error value)."""
    if co.status == "dead":
        return False, "cannot resume dead coroutine"
    if co.status != "suspended":
        return False, "cannot resume non-suspended coroutine"
    previous = _current[0]
    previous.status = "normal"
    co.status = "running"
    _current[0] = co
    here = greenlet.getcurrent()
    co.resumer = here
    co.glet.parent = here
    try:
        kind, values = co.glet.switch(*args)
    except BaseException:
        co.status = "dead"      # Ctrl-C (or exit) went through it: it cannot go on
        raise
    finally:
        _current[0] = previous
        previous.status = "running"
    if kind == "yield":
        co.status = "suspended"
        return (True,) + values
    co.status = "dead"
    if kind == "done":
        return (True,) + values
    return False, values


def co_create(f=NOARG, *_):
    """coroutine.create(f)

    A new coroutine running f.
    Example: co = coroutine.create(function(a) print(coroutine.yield(a + 1)) end)
    """
    if not callable(f):
        raise arg_error(1, "create", "Lua function expected")
    return Coroutine(f)


def co_resume(co=NOARG, *args):
    """coroutine.resume(co, ...)

    Starts or continues co: true and the values it yields or returns, or false and
    the error.
    Example: print(coroutine.resume(co, 1)) --> true 2
    """
    if not isinstance(co, Coroutine) or co is _MAIN:
        raise arg_error(1, "resume", "coroutine expected")
    return resume(co, *args)


def co_yield(*values):
    """coroutine.yield(...)

    Suspends the running coroutine; its resume returns true and these values.
    Example: coroutine.yield(1, 2)
    """
    co = _current[0]
    if co is _MAIN:
        raise LuaError("attempt to yield from outside a coroutine")
    return co.resumer.switch(("yield", values))


def co_status(co=NOARG, *_):
    """coroutine.status(co)

    "running", "suspended", "normal" or "dead".
    Example: coroutine.status(co) --> "suspended"
    """
    if not isinstance(co, Coroutine):
        raise arg_error(1, "status", "coroutine expected")
    return co.status


def co_running(*_):
    """coroutine.running()

    The running coroutine and whether it is the main one (LuaJIT / Lua 5.2).
    Example: co, ismain = coroutine.running()
    """
    co = _current[0]
    return co, co is _MAIN


def co_isyieldable(*_):
    """coroutine.isyieldable()

    True inside a coroutine.
    Example: coroutine.isyieldable() --> false
    """
    return _current[0] is not _MAIN


def co_wrap(f=NOARG, *_):
    """coroutine.wrap(f)

    A function that resumes a new coroutine running f and returns what it yields;
    errors propagate to the caller.
    Example: gen = coroutine.wrap(function() coroutine.yield(1) end); print(gen())
    """
    check_function(f, 1, "wrap")
    co = Coroutine(f)

    def wrapped(*args):
        r = resume(co, *args)
        if r[0] is True:
            return r[1:]
        value = r[1]
        if type(value) is str and value.startswith("cannot resume"):
            value = errors.where(1) + value
        raise LuaError(value)
    return wrapped


FUNCTIONS = {
    "create": co_create, "resume": co_resume, "yield": co_yield, "status": co_status,
    "running": co_running, "wrap": co_wrap, "isyieldable": co_isyieldable,
}


def open_lib(rt):
    """The `coroutine` table."""
    return LuaTable.from_dict(FUNCTIONS)

