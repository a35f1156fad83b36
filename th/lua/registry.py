"""The registry through which Python packages become `require`-able from Lua.

`th.lua` knows nothing of torch or nn: a package registers a loader under its Lua name,
and `require` asks this registry before searching `package.path`.

    from th.lua import registry
    registry.register_module("nn", "th.nn")          # lazy: imported on first require
    registry.register("mypkg", lambda runtime: obj)   # any loader taking the runtime

A loader returns the package's value (a Python module is fine: Lua indexes it by
attribute). Packages registered with `set_global=True` (the default, as Torch7's
packages do) also become a global of the runtime that required them.
"""
import importlib

_loaders = {}


def register(name, loader, set_global=True):
    """Make `require(name)` call `loader(runtime)` and use its result."""
    _loaders[name] = (loader, set_global)


def register_module(name, module_path, set_global=True):
    """Make `require(name)` import the Python module `module_path` (lazily)."""
    register(name, lambda runtime: importlib.import_module(module_path), set_global)


def lookup(name):
    """Return (loader, set_global) for `name`, or None when nothing is registered."""
    return _loaders.get(name)


def names():
    """The registered package names, sorted (for completion and help)."""
    return sorted(_loaders)
