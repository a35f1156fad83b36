"""The Lua language, compiled to Python (Lua source -> Lua AST -> Python AST -> code).

This package knows nothing of torch or nn; packages make themselves `require`-able
through `th.lua.registry`.
"""
from th.lua.table import LuaTable

__all__ = ["LuaTable"]
