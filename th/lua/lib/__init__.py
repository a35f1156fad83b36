"""The standard library, opened in order by `open_libs` (Lua's linit.c).

Each library module exposes `open_lib(runtime) -> LuaTable`; the table becomes the global
of that name (base's functions become globals themselves). Modules of the library that
are not written yet are skipped, so the engine works while they are being built.
"""
import importlib

# (global name, module): the order matters (string's metatable before anything prints).
LIBRARIES = [
    ("_G", "th.lua.lib.base"),
    ("package", "th.lua.lib.package"),
    ("coroutine", "th.lua.lib.coroutine"),
    ("string", "th.lua.lib.string"),
    ("table", "th.lua.lib.table"),
    ("math", "th.lua.lib.math"),
    ("io", "th.lua.lib.io"),
    ("os", "th.lua.lib.os"),
    ("bit", "th.lua.lib.bit"),
    ("debug", "th.lua.lib.debug"),
    ("jit", "th.lua.lib.jit"),
]


def open_libs(runtime):
    """Open every library into runtime.globals, and record them in package.loaded."""
    g = runtime.globals
    for name, module_path in LIBRARIES:
        try:
            module = importlib.import_module(module_path)
        except ModuleNotFoundError as e:
            if e.name != module_path:
                raise
            continue        # not written yet
        lib = module.open_lib(runtime)
        if name != "_G":
            g[name] = lib
        runtime.loaded[name] = lib
