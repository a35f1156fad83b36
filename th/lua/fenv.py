"""Function environments (Lua 5.1's getfenv / setfenv) for compiled Lua functions.

Each function of a chunk reads its globals through a chunk global of its own
(compiler.env_name: "λG" for the main chunk, "λG_<function>" for the others), all bound
at load time to the hash part of the same table; a global access costs nothing more.

setfenv(f, t) gives the function object f a copy of its code in which those names (its
own and those of the functions it creates) are fresh ("λE<n>") and bound to t. So f, and
the functions it creates from then on, see t; other functions, and closures it made
before, keep theirs, as in Lua 5.1. (An invocation of f already running goes on with the
old code: Python cannot switch a running frame to another code object.)

setfenv(level, t) changes the environment of a running function, which must take effect
at once: its names (and those of the functions it creates) are rebound to t. Closures
made earlier from the same code, or the functions in it, change with it, where Lua would
leave them alone: the usual `setfenv(1, M)` at the top of a module is exact.

This module knows compiled code only through those names; it imports nothing else.
"""
import itertools
import types

_fresh = itertools.count(1)


def is_env_name(name):
    return name == "λG" or name.startswith("λG_") or name.startswith("λE")


def is_lua_function(f):
    g = getattr(f, "__globals__", None)
    return g is not None and "λG" in g and isinstance(f, types.FunctionType)


def env_name_of(code):
    """The chunk global naming the environment of the function compiled to `code`."""
    for name in code.co_names:
        if is_env_name(name):
            return name
    # A function that reads no global has the name the compiler gave it (env_name).
    return "λG" if code.co_name == "λmain" else "λG_" + code.co_name


def _codes(code):
    yield code
    for c in code.co_consts:
        if type(c) is types.CodeType:
            yield from _codes(c)


def function_env(f):
    """The environment (a LuaTable) of a compiled Lua function."""
    name = f.__dict__.get("λenv") or env_name_of(f.__code__)
    return f.__globals__[name].table


def frame_env(frame):
    """The environment of the Lua function running in `frame`."""
    return frame.f_globals[env_name_of(frame.f_code)].table


def set_function_env(f, env_hash):
    """Give the Lua function f (and the functions it creates) the environment env_hash."""
    g = f.__globals__
    fresh = {}

    def rename(code):
        consts = tuple(rename(c) if type(c) is types.CodeType else c for c in code.co_consts)
        own = env_name_of(code)
        fresh.setdefault(own, f"λE{next(_fresh)}")
        names = tuple(fresh.get(n, n) if is_env_name(n) else n for n in code.co_names)
        return code.replace(co_names=names, co_consts=consts)

    own = env_name_of(f.__code__)
    code = rename(f.__code__)
    for name in fresh.values():
        g[name] = env_hash
    f.__code__ = code
    f.__dict__["λenv"] = fresh[own]


def set_frame_env(frame, env_hash):
    """Give the running function of `frame` (and the functions it creates) env_hash."""
    g = frame.f_globals
    for code in _codes(frame.f_code):
        g[env_name_of(code)] = env_hash
