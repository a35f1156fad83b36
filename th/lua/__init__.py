"""The Lua language, compiled to Python (Lua source -> Lua AST -> Python AST -> code).

    from th.lua import Runtime, LuaTable, LuaError, LuaSyntaxError
    rt = Runtime()
    rt.execute("x = 1 + 2")          # -> () ; rt.eval("x") -> 3

This package knows nothing of torch or nn; packages make themselves `require`-able
through `th.lua.registry`. Set TH_TRACEBACK=1 to see the Python traceback behind a Lua
error raised by library code.
"""
from th.lua.table import LuaTable
from th.lua.errors import LuaError, LuaSyntaxError
from th.lua.runtime import tostring, tonumber, lua_type, current_runtime

__all__ = ["LuaTable", "LuaError", "LuaSyntaxError", "tostring", "tonumber", "lua_type",
           "current_runtime", "Runtime"]


def __getattr__(name):
    # Runtime pulls in the compiler and the libraries: load it on first use.
    if name == "Runtime":
        from th.lua.state import Runtime
        return Runtime
    raise AttributeError(f"module 'th.lua' has no attribute {name!r}")
