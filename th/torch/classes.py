"""Torch7's class system: torch.class, typenames, isTypeOf, getmetatable.

Every Torch-visible class carries `__typename__` ("torch.DoubleTensor", "nn.Linear").
`TorchObject` is the base of torch.class-style objects (nn modules, criterions, ...):
Lua's type() says "table" for them, and tostring uses `__tostring__` when the class
defines one. `torch.class(name [, parent])` creates a real Python subclass, registers it
by typename and installs it under its dotted name (in the package table found through
the running Lua runtime, or in the loaded Python package). Python subclasses of
TorchObject register themselves (`__init_subclass__`).
This module imports nothing from nn; it reaches the Lua runtime only through
th.lua.runtime.current_runtime().
"""
import importlib
import re

from th.lua.errors import call_boundary
from th.lua.runtime import lua_type
from th.torch.errors import TorchError

# typename -> class, for every class defined with torch.class or subclassing TorchObject.
REGISTRY = {}


class TorchClass(type):
    """The metaclass of torch.class classes: calling a class runs its __init__.

    The return value of __init__ is ignored (a Lua `__init` may return values, and a Lua
    function with no results may come back as an empty tuple), as Torch7 ignores it.
    """

    @call_boundary
    def __call__(cls, *args, **kwargs):
        obj = cls.__new__(cls)
        cls.__init__(obj, *args, **kwargs)
        return obj


class TorchObject(metaclass=TorchClass):
    """Base class of torch.class objects (nn modules, criterions, Timer, ...).

    Example: local Foo, parent = torch.class('Foo'); function Foo:__init(n) self.n = n end
    """

    __lua_type__ = "table"
    __typename__ = "torch.Object"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "__typename__" not in cls.__dict__:
            cls.__typename__ = cls.__name__
        REGISTRY.setdefault(cls.__typename__, cls)

    def __str__(self):
        f = getattr(type(self), "__tostring__", None)
        if f is not None:
            return f(self)
        return type(self).__typename__

    def __repr__(self):
        return str(self)


REGISTRY[TorchObject.__typename__] = TorchObject


def class_(name, parent_name=None, module=None):
    """torch.class(name [, parentName] [, module]): create a class; returns (class, parent).

    The class is callable (`Foo(...)` runs `Foo:__init(...)`) and is installed under its
    dotted name: 'nn.Foo' becomes nn.Foo, 'Foo' becomes a global.
    Example: local MyLayer, parent = torch.class('nn.MyLayer', 'nn.Module')
    """
    if not isinstance(name, str):
        raise TorchError("bad argument #1 to 'class' (string expected)")
    if isinstance(parent_name, str):
        parent = REGISTRY.get(parent_name)
        if parent is None:
            raise TorchError(f"parent class <{parent_name}> not found")
    elif isinstance(parent_name, type):
        parent, module = parent_name, module
    else:
        module = parent_name if module is None else module
        parent = TorchObject
    short = name.rsplit(".", 1)[-1]
    cls = type(short, (parent,), {"__typename__": name, "__module__": "th.torch.classes"})
    REGISTRY[name] = cls
    _install(name, cls, module)
    return cls, parent


def _install(name, cls, module):
    parts = name.split(".")
    if module is not None:
        _set_field(module, parts[-1], cls)
        return
    if len(parts) == 1:
        _set_global(parts[0], cls)
        return
    holder = _get_global(parts[0])
    if holder is None:
        holder = _new_table()
        _set_global(parts[0], holder)
    for p in parts[1:-1]:
        nxt = _get_field(holder, p)
        if nxt is None:
            nxt = _new_table()
            _set_field(holder, p, nxt)
        holder = nxt
    _set_field(holder, parts[-1], cls)


def _runtime():
    try:
        from th.lua.runtime import current_runtime
    except ImportError:
        return None
    return current_runtime()


def _runtime_globals(rt):
    from th.lua.table import LuaTable
    g = getattr(rt, "globals", None)
    if g is None or isinstance(g, LuaTable):
        return g
    return g() if callable(g) else g


def _get_global(name):
    rt = _runtime()
    if rt is not None:
        g = _runtime_globals(rt)
        if g is not None:
            v = g.get(name) if hasattr(g, "get") else None
            if v is not None:
                return v
    # From Python: the registered package of that Lua name (th.nn for "nn").
    from th.lua import registry
    entry = registry.lookup(name)
    if entry is not None:
        from th import _PACKAGES
        path = _PACKAGES.get(name)
        if path is not None:
            try:
                return importlib.import_module(path)
            except ImportError:
                return None
    return _PY_GLOBALS.get(name)


def _set_global(name, value):
    rt = _runtime()
    if rt is not None:
        g = _runtime_globals(rt)
        if g is not None:
            g[name] = value
            return
    _PY_GLOBALS[name] = value


# Globals created by torch.class when no Lua runtime is running (Python use).
_PY_GLOBALS = {}


def _new_table():
    from th.lua.table import LuaTable
    return LuaTable()


def _get_field(holder, key):
    if hasattr(holder, "to_list"):          # a LuaTable
        return holder.get(key)
    return getattr(holder, key, None)


def _set_field(holder, key, value):
    if hasattr(holder, "to_list"):
        holder[key] = value
    else:
        setattr(holder, key, value)


# ---- type queries ---------------------------------------------------------------------

def typename(obj):
    """torch.typename(obj): the class name of a torch object, or nil.

    Example: torch.typename(torch.Tensor())  -- 'torch.DoubleTensor'
    """
    if isinstance(obj, type):
        return None
    return getattr(type(obj), "__typename__", None)


def type_(obj):
    """torch.type(obj): the torch class name, else Lua's type name.

    Example: torch.type(3)  -- 'number'
    """
    tn = typename(obj)
    if tn is not None:
        return tn
    return lua_type(obj)


def isTypeOf(obj, spec):
    """torch.isTypeOf(obj, typeSpec): true when obj's class or a parent matches.

    typeSpec is a class or a typename, which may be a Lua pattern ('nn%..*Module').
    Example: torch.isTypeOf(nn.Linear(2, 2), 'nn.Module')  -- true
    """
    cls = type(obj)
    if not hasattr(cls, "__typename__"):
        return False
    if isinstance(spec, type):
        return isinstance(obj, spec)
    if not isinstance(spec, str):
        raise TorchError("bad argument #2 to 'isTypeOf' (string or class expected)")
    pattern = _lua_pattern(spec)
    for c in cls.__mro__:
        tn = c.__dict__.get("__typename__")
        if tn is None:
            continue
        if tn == spec or (pattern is not None and pattern.search(tn)):
            return True
    return False


def _lua_pattern(spec):
    # Translate the simple Lua patterns users pass here ('torch.*Tensor', 'nn%.Linear').
    out = []
    i = 0
    while i < len(spec):
        c = spec[i]
        if c == "%" and i + 1 < len(spec):
            nxt = spec[i + 1]
            classes = {"a": "[A-Za-z]", "d": "[0-9]", "l": "[a-z]", "u": "[A-Z]",
                       "w": "[A-Za-z0-9]", "s": r"\s"}
            out.append(classes.get(nxt, re.escape(nxt)))
            i += 2
            continue
        if c in ".*+?[]^$-":
            out.append("*?" if c == "-" else c)
        else:
            out.append(re.escape(c))
        i += 1
    try:
        return re.compile("".join(out))
    except re.error:
        return None


def getmetatable(name):
    """torch.getmetatable(typename): the class registered under that name, or nil.

    Example: torch.getmetatable('torch.DoubleTensor')
    """
    return REGISTRY.get(name)


def register(cls):
    """Register a Torch-visible class by its __typename__ (tensors, storages)."""
    REGISTRY[cls.__typename__] = cls
    return cls
