"""The Runtime: one Lua state (globals, string metatable, loaded packages) and its API.

    from th.lua import Runtime
    rt = Runtime()                      # standard library opened; rt.globals is _G
    f = rt.load(src, chunkname=None, scope=None)    # compile only -> callable
    rt.execute(src, chunkname=None, args=(), scope=None) -> tuple of results
    rt.eval("1 + 2") -> 3;  rt.call(fn, *args) -> tuple;  rt.require("nn")

Chunk names follow Lua: None -> the source itself ([string "..."]), "=stdin" -> stdin,
"@file.lua" -> file.lua. `rt.new_scope()` makes a console scope: top-level locals of
chunks loaded with it persist into later chunks (trepl#28).

Errors reaching Python are LuaError (Python exceptions from library code are converted,
with the Lua line prefixed); KeyboardInterrupt passes through untouched.
"""
import sys

from th.lua import errors, runtime
from th.lua.compiler import HELPERS, compile_lua
from th.lua.errors import LuaError
from th.lua.table import LuaTable, unwatch

DEFAULT_HOST = "Python code"

# Python frames per Lua call are few; Lua programs recurse deeply (15,000+ frames).
_RECURSION_LIMIT = 19000


class GlobalsDict(dict):
    """The hash part of an environment table: a missing name reads as nil (or __index)."""
    __slots__ = ("table",)

    def __missing__(self, key):
        mt = self.table.metatable
        if mt is None:
            return None
        return runtime._index_meta(self.table, key, mt)


def make_env(table=None):
    """Give a table a GlobalsDict hash part so compiled code can use it as globals."""
    t = table if table is not None else LuaTable()
    if type(t.hash) is not GlobalsDict:
        unwatch(t)
        d = GlobalsDict(t.hash.items())    # (a weak table gives up its weakness)
        d.table = t
        t.hash = d
        t._keys = None
    return t


class Scope:
    """Console locals that persist from one chunk to the next."""

    def __init__(self):
        self.values = {}


class Runtime:
    """A Lua state with the standard library opened."""

    def __init__(self, open_libs=True):
        self.globals = make_env()
        self.string_meta = None
        self.loaded = LuaTable()        # package.loaded
        self.host = DEFAULT_HOST        # what runs the Lua code (see call)
        runtime._state["runtime"] = self
        if sys.getrecursionlimit() < _RECURSION_LIMIT:
            sys.setrecursionlimit(_RECURSION_LIMIT)
        if open_libs:
            from th.lua.lib import open_libs as _open
            _open(self)

    # ---- compiling -----------------------------------------------------------------

    def new_scope(self):
        """A scope whose top-level locals persist across chunks (for the console)."""
        return Scope()

    def load(self, source, chunkname=None, scope=None, env=None):
        """Compile Lua source to a callable (LuaSyntaxError if it is not valid Lua)."""
        if chunkname is None:
            chunkname = source
        names = set(scope.values) if scope is not None else None
        code, chunk, _ = compile_lua(source, chunkname, names)
        env_table = make_env(env) if env is not None else self.globals
        pyglobals = dict(HELPERS)
        for name in chunk.env_names:    # every function's environment (compiler.env_name)
            pyglobals[name] = env_table.hash
        # The strings' metatable, for the inline s:method() lookup (compiler.method_get).
        pyglobals["λSM"] = self.string_meta if self.string_meta is not None else LuaTable()
        pyglobals["λS"] = scope.values if scope is not None else {}
        exec(code, pyglobals)
        return pyglobals["λmain"]

    # ---- running ---------------------------------------------------------------------

    def call(self, fn, *args, host=None):
        """Call a Lua value from Python; returns all results as a tuple.

        `host` names the caller in the last line of the traceback of an error
        (`[th]: in the console`); Lua code reads it too (debug.traceback)."""
        previous = runtime._state["runtime"]
        runtime._state["runtime"] = self
        outer_host = self.host
        if host is not None:
            self.host = host
        try:
            return runtime.results(fn(*args)) if callable(fn) else runtime.call(fn, *args)
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except LuaError as e:
            e.host = self.host
            raise
        except BaseException as e:
            if _is_greenlet_exit(e):
                raise
            err = errors.to_lua_error(e)
            err.host = self.host
            raise err from e
        finally:
            self.host = outer_host
            runtime._state["runtime"] = previous

    def execute(self, source, chunkname=None, args=(), scope=None, host=None):
        """Compile and run a chunk; returns its results as a tuple."""
        return self.call(self.load(source, chunkname, scope), *args, host=host)

    def eval(self, expr):
        """The first value of a Lua expression."""
        r = self.execute("return " + expr)
        return r[0] if r else None

    def require(self, name):
        """Lua's require(name) from Python."""
        return self.call(self.globals["require"], name)[0]


def _is_greenlet_exit(e):
    return type(e).__name__ == "GreenletExit"
