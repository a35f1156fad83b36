"""Raw views of Lua values for the console: their fields, read without running Lua code.

The printer lists a table's fields, completion walks `a.b.c` and offers names, help and
the did-you-mean hints look for near-miss names. All of them need the same thing: the
fields of a Lua value as Lua's `pairs` and indexing see them (th/lua/interop.py), read
*raw*: no `__index` function, no property getter, no call is ever run, so pressing Tab
or printing a table can never have side effects.

Input: any Lua value (LuaTable, Python module, class, or object). Output: Python values.
"""
import types

from th.lua.fenv import is_lua_function
from th.lua.interop import mangle, unmangle
from th.lua.runtime import is_private_submodule
from th.lua.table import LuaTable

_MAX_CHAIN = 20  # trepl follows at most 20 `__index` tables


def is_identifier(name):
    """True when `name` can follow a `.` in Lua source (`t.name`)."""
    return (isinstance(name, str) and name.isidentifier() and name.isascii()
            and name not in _LUA_KEYWORDS)


# Lua's reserved words: a field with such a name needs t["end"], not t.end.
_LUA_KEYWORDS = frozenset(
    "and break do else elseif end false for function goto if in local nil not or "
    "repeat return then true until while".split())


def _module_names(module):
    """A module's Lua-visible names: `__all__`, else its public non-module attributes
    (a Lua user never meant the Python modules it imports, such as numpy)."""
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n, v in vars(module).items()
                 if not n.startswith("_") and not isinstance(v, types.ModuleType)]
    return names


def _static_attr(obj, attr):
    """obj.attr without running getters; a property or other descriptor gives None."""
    import inspect      # not at module level: `th -e` start-up does not need it
    try:
        value = inspect.getattr_static(obj, attr)
    except AttributeError:
        return None
    if isinstance(value, (staticmethod, classmethod)):
        return value.__func__
    if isinstance(value, (property, types.GetSetDescriptorType, types.MemberDescriptorType)):
        return None
    return value


def raw_get(obj, key):
    """`obj.key` read raw: table lookups follow `__index` *tables* only, never functions.

    Example (Python): raw_get(LuaTable.from_dict({"a": 1}), "a") == 1
    """
    if type(obj) is LuaTable:
        for _ in range(_MAX_CHAIN):
            value = obj.get(key)
            if value is not None:
                return value
            obj = _index_table(obj)
            if obj is None:
                return None
        return None
    if not isinstance(key, str) or obj is None or isinstance(obj, (bool, int, float, str)):
        return None
    if isinstance(obj, types.ModuleType):
        value = vars(obj).get(mangle(key))
        if type(value) is types.ModuleType and is_private_submodule(obj, mangle(key), value):
            return None                 # as the runtime: `nn.linear` is nil
        return value
    return _static_attr(obj, mangle(key))


def _index_table(table):
    """The table a table's metatable sends missing keys to (`__index` or `__metatable`)."""
    mt = table.metatable
    if type(mt) is not LuaTable:
        return None
    for name in ("__index", "__metatable"):
        target = mt.get(name)
        if type(target) is LuaTable:
            return target
    return None


def pairs(obj):
    """(key, value) pairs in `pairs` order (interop: tables, modules, torch objects).

    Example (Python): list(pairs(LuaTable.from_list(["a"]))) == [(1, "a")]
    """
    if type(obj) is LuaTable:
        return list(obj.items())
    custom = getattr(type(obj), "__lua_pairs__", None)
    if custom is not None:
        return list(custom(obj))
    if isinstance(obj, types.ModuleType):
        found = []
        for name in _module_names(obj):
            value = vars(obj).get(name)
            if value is not None:
                found.append((unmangle(name), value))
        return found
    if isinstance(obj, type):
        # Torch7: a class such as nn.Linear is an empty constructor table whose methods
        # live in its metatable, so trepl lists it as `Linear : {...}`.
        return []
    try:
        fields = vars(obj)
    except TypeError:
        return []
    return [(unmangle(k), v) for k, v in fields.items() if v is not None]


def is_empty(obj):
    """True when `next(obj)` would be nil."""
    if type(obj) is LuaTable:
        return obj.next(None) is None
    return not pairs(obj)


def names(obj, methods_only=False):
    """The identifier keys offered after `obj.` (or `obj:` when methods_only), raw.

    Tables contribute their string keys and those of their `__index` tables; Python
    objects their instance fields and class attributes, modules their public names.
    `_private` Python names are included; callers hide them unless asked for.
    """
    found = {}
    if type(obj) is LuaTable:
        table = obj
        for _ in range(_MAX_CHAIN):
            for k, v in table.items():
                if isinstance(k, str) and k not in found:
                    found[k] = v
            table = _index_table(table)
            if table is None:
                break
    elif isinstance(obj, types.ModuleType):
        for name in _module_names(obj):
            found[unmangle(name)] = vars(obj).get(name)
    elif obj is not None and not isinstance(obj, (bool, int, float, str)):
        for attr in _attribute_names(obj):
            found.setdefault(unmangle(attr), _static_attr(obj, attr))
    result = {}
    for name, value in found.items():
        if not is_identifier(name):
            continue
        if methods_only and not callable(value):
            continue
        result[name] = value
    return result


def _attribute_names(obj):
    """The Lua-visible attribute names of a Python object: its fields (Torch7 objects'
    `_type` included), then its class's, without Python's own (`__len__`, `_helper`)."""
    attrs = [a for a in (getattr(obj, "__dict__", {}) or {}) if not _is_dunder(a)]
    classes = obj.__mro__ if isinstance(obj, type) else type(obj).__mro__
    for cls in classes:
        if cls is object or cls is type:
            continue
        attrs.extend(a for a, value in vars(cls).items() if _is_lua_class_attr(a, value))
    return attrs


def _is_dunder(attr):
    return attr.startswith("__") and attr.endswith("__") and unmangle(attr) == attr


def _is_lua_class_attr(attr, value):
    """A class attribute Lua code sees by name: public, a Lua name in Python dress
    (`__init__` is `__init`), or one that Lua code defined (`function Foo:_helper()`)."""
    if not attr.startswith("_") or unmangle(attr) != attr:
        return True
    return is_lua_function(value)
