"""Lua's package library: require, package.path / loaded / preload / searchpath.

`require(name)` looks in package.loaded, then th.lua.registry (Python packages such as
torch and nn), then package.preload, then package.path.
"""
import os

from th.lua import errors, registry, runtime
from th.lua.errors import LuaError
from th.lua.lib.args import NOARG, check_string
from th.lua.table import LuaTable

DEFAULT_PATH = "./?.lua;./?/init.lua"


def _searchpath(name, path):
    tried = []
    fname = name.replace(".", os.sep)
    for template in path.split(";"):
        if not template:
            continue
        candidate = template.replace("?", fname)
        if os.path.isfile(candidate):
            return candidate, tried
        tried.append(f"\n\tno file '{candidate}'")
    return None, tried


def make_require(rt, package):
    def pkg_require(name=NOARG, *_):
        """require(name)

        Loads a package once and returns its value (torch, nn, ... or a Lua file found
        through package.path).
        Example: require 'nn'
        """
        name = check_string(name, 1, "require")
        loaded = rt.loaded
        value = loaded.get(name)
        if value is not None:
            return value
        entry = registry.lookup(name)
        if entry is not None:
            loader, set_global = entry
            value = loader(rt)
            loaded[name] = value
            if set_global and rt.globals.get(name) is None:
                rt.globals[name] = value
            return value
        preload = runtime.index(package, "preload")
        loader = runtime.index(preload, name) if preload is not None else None
        if loader is not None:
            return _finish(loaded, name, runtime.first(loader(name)))
        path = runtime.index(package, "path")
        filename, tried = _searchpath(name, path if type(path) is str else DEFAULT_PATH)
        if filename is None:
            msg = (f"module '{name}' not found:\n\tno field package.preload['{name}']"
                   + "".join(tried))
            raise LuaError(errors.where(1) + msg)
        with open(filename, encoding="utf-8", errors="surrogateescape") as fh:
            chunk = rt.load(fh.read(), "@" + filename)
        loaded[name] = True       # a sentinel against require loops
        return _finish(loaded, name, runtime.first(chunk(name)))
    return pkg_require


def _finish(loaded, name, value):
    if value is not None:
        loaded[name] = value
    elif loaded.get(name) is None:
        loaded[name] = True
    return loaded[name]


def pkg_searchpath(name=NOARG, path=NOARG, *_):
    """package.searchpath(name, path)

    The first file matching name in path (templates separated by ';'), or nil and
    the list of files tried.
    Example: package.searchpath("mod", "./?.lua")
    """
    name = check_string(name, 1, "searchpath")
    path = check_string(path, 2, "searchpath")
    found, tried = _searchpath(name, path)
    if found is None:
        return None, "".join(tried)
    return found


def open_lib(rt):
    """The `package` table; also installs the global `require`."""
    package = LuaTable.from_dict({
        "path": os.environ.get("LUA_PATH", DEFAULT_PATH).replace(";;", ";" + DEFAULT_PATH + ";"),
        "cpath": "",
        "loaded": rt.loaded,
        "preload": LuaTable(),
        "searchpath": pkg_searchpath,
        "config": "/\n;\n?\n!\n-",
    })
    rt.globals["require"] = make_require(rt, package)
    return package
