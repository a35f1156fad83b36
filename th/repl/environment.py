"""What `require 'trepl'` did to Torch7's Lua state, for the console and for scripts.

`install(runtime, printer)` gives a runtime trepl's globals:
- `print` becomes trepl's printer (display.py), the original stays as `print_old`;
- `setprintlevel(n)`, `noColors()`, `who([system])`, `import(pkg [, force])`;
- `_RESULTS = {}`, `_LAST = ''`, `_preloaded_` (the globals `who()` leaves out);
- `torch`, `paths`, `sys` and `xlua` are globals as trepl preloaded them, but lazily: the
  globals table gets an `__index` that requires such a package the first time its name
  is read, so starting th never waits for numpy or numba (`th -e "print(1)"` stays fast)
  and the first `torch.` pays the import once;
- `require './x'` (a name starting with `.`) loads x.lua relative to the folder of the
  file calling require (the current folder at the prompt), as trepl's require did; a
  plain name that `require` cannot find is retried that way too;
- `require 'trepl.colorize'` returns trepl's colour functions;
- strings get Penlight's `%` operator, `"%5.2f" % x` (format_operator.py).
"""
import os

from th.lua import LuaError, LuaTable, tostring
from th.lua import registry, stack
from th.repl import format_operator
from th.repl.style import ANSI

# trepl loaded these with pcall(require, ...) before anything else.
PRELOADED_PACKAGES = ("torch", "paths", "sys", "xlua")


def install(runtime, printer):
    """Give `runtime` trepl's globals, printing through `printer` (a display.Printer)."""
    g = runtime.globals
    if g["print_old"] is None:
        g["print_old"] = g["print"]
    g["print_new"] = printer.print_new
    g["print"] = printer.print_new
    g["setprintlevel"] = _setprintlevel(runtime, printer)
    g["noColors"] = _no_colors(printer)
    g["who"] = _who(runtime, printer)
    g["import"] = _import(runtime)
    g["require"] = _relative_require(runtime, g["require"])
    g["_RESULTS"] = LuaTable()
    g["_LAST"] = ""
    format_operator.install(runtime)
    _install_lazy_packages(runtime)
    # xlua is cheap to load and extends Lua's own `string` (("a,b"):split(",")), which no
    # lazy global can catch, so it loads now as trepl loaded it.
    _require_quietly(runtime, "xlua")
    _register_colorize()
    preloaded = LuaTable()
    for key, _ in g.items():
        preloaded[key] = True
    for name in PRELOADED_PACKAGES + ("_preloaded_",):
        preloaded[name] = True
    g["_preloaded_"] = preloaded


# ---- lazily preloaded packages --------------------------------------------------------


def _install_lazy_packages(runtime):
    g = runtime.globals
    lazy = [name for name in PRELOADED_PACKAGES
            if registry.lookup(name) is not None and g[name] is None]
    if not lazy or g.metatable is not None:
        return

    def lazy_global(table, key):
        # Asked only for names missing from _G: load the package, which then is a plain
        # global (require sets it), so this runs once per package. A package that fails
        # to load raises its error here, where the user first meets it.
        if key not in lazy:
            return None
        before = {k for k, _ in table.items()}
        value = runtime.require(key)
        if table.get(key) is None:
            table[key] = value
        _mark_preloaded(table, before)
        return value

    meta = LuaTable()
    meta["__index"] = lazy_global
    g.metatable = meta


def _require_quietly(runtime, name):
    # trepl used pcall(require, name): a package that fails to load is skipped.
    if registry.lookup(name) is None:
        return
    try:
        runtime.require(name)
    except LuaError:
        pass


def _mark_preloaded(table, before):
    # Globals a preloaded package defines (xlua's xprint, ...) were there before the
    # user typed anything in Torch7, so who() leaves them out here too.
    preloaded = table.get("_preloaded_")
    if type(preloaded) is LuaTable:
        for key, _ in table.items():
            if key not in before:
                preloaded[key] = True


def lazy_names():
    """The globals trepl preloads (they may not be loaded yet; completion offers them)."""
    return [name for name in PRELOADED_PACKAGES if registry.lookup(name) is not None]


# ---- trepl's global functions -------------------------------------------------------------


def _setprintlevel(runtime, printer):
    def setprintlevel(n=None):
        """setprintlevel(n)

        Sets how deep print lists nested tables (5 by default); 0 makes print Lua's
        plain print (print_old), any other level brings trepl's printer back.

        Example: setprintlevel(2)
        """
        if not isinstance(n, (int, float)) or isinstance(n, bool) or n < 0:
            raise LuaError("expected number [0,+)")
        printer.depth = int(n // 1)
        g = runtime.globals
        g["print"] = g["print_old"] if printer.depth == 0 else printer.print_new
    return setprintlevel


def _no_colors(printer):
    def noColors():
        """noColors()

        Turns off the colours of printed values (they are already off when the output
        is not a terminal).

        Example: noColors()
        """
        printer.colors = False
    return noColors


def _who(runtime, printer):
    def who(system=None):
        """who([system])

        Lists your global variables with their types and sizes (like Matlab's who);
        who(true) lists the preloaded system globals first.

        Example: x = torch.zeros(2, 3); who()
        """
        preloaded = runtime.globals["_preloaded_"]
        if type(preloaded) is not LuaTable:
            preloaded = LuaTable()
        printer.who(runtime.globals, preloaded, system=bool(system))
    return who


def _import(runtime):
    def import_(package, forced=None):
        """import(package [, force])

        Requires a package and copies its names into the globals (without replacing
        existing globals unless force is true), as Python's `from pkg import *`.

        Example: import 'torch'; x = zeros(3)
        """
        from th.repl import fields
        result = runtime.require(package)
        g = runtime.globals
        symbols = g[package] if g[package] is not None else result
        if symbols is None:
            return
        imported = g["_torchimport"]
        if type(imported) is not LuaTable:
            imported = LuaTable()
            g["_torchimport"] = imported
        imported[package] = symbols
        for key, value in fields.pairs(symbols):
            if g[key] is None or forced:
                g[key] = value
    return import_


# ---- trepl's require --------------------------------------------------------------------


def _relative_require(runtime, plain_require):
    def require(name=None, *rest):
        """require(name)

        Loads a package once and returns it (th's torch, nn, optim, gnuplot, paths, sys,
        xlua are built in; other names are searched on package.path). As in Torch7's th,
        a name starting with '.' is a file relative to the folder of the file calling
        require (the current folder at the prompt): x.lua, x, or x/init.lua, run each
        time it is required.

        Example: require 'nn'; local model = require './model'
        """
        base = _calling_folder()
        if isinstance(name, str) and name.startswith("."):
            return _require_file(runtime, os.path.join(base, name))
        try:
            return plain_require(name, *rest)
        except LuaError:
            if not isinstance(name, str) or _find_relative(base, "./" + name) is None:
                raise
            return _require_file(runtime, os.path.join(base, "./" + name))
    return require


def _calling_folder():
    """The folder of the Lua file calling require (trepl: debug.getinfo(2).source),
    else the current folder."""
    chunk = stack.caller_chunk(2)
    source = chunk.chunkname if chunk is not None else None
    if source and source.startswith("@") and os.path.isfile(source[1:]):
        return os.path.dirname(os.path.abspath(source[1:]))
    return os.getcwd()


def _find_relative(base, name):
    path = os.path.join(base or os.getcwd(), name)
    for candidate in (path + ".lua", path, os.path.join(path, "init.lua")):
        if os.path.isfile(candidate):
            return candidate
    return None


def _require_file(runtime, path):
    path = os.path.normpath(path)
    found = _find_relative("", path)
    if found is None:
        # A plain exception: the engine words it as a Lua error at the calling line.
        raise RuntimeError(f"module '{path}' not found (no {path}.lua, {path} "
                           f"or {os.path.join(path, 'init.lua')})")
    with open(found, encoding="utf-8", errors="surrogateescape") as f:
        source = f.read()
    if source.startswith("#"):
        source = "--" + source
    results = runtime.call(runtime.load(source, "@" + os.path.normpath(found)))
    return results[0] if results else True


# ---- require 'trepl.colorize' ---------------------------------------------------------------


def _register_colorize():
    if registry.lookup("trepl.colorize") is None:
        registry.register("trepl.colorize", lambda runtime: colorize_table(), set_global=False)


def colorize_table():
    """trepl.colorize: one function per colour name, `c.red('text')`."""
    table = LuaTable()
    for name, code in ANSI.items():
        table[name] = _painter(code)
    return table


def _painter(code):
    def paint(text):
        return code + tostring(text) + ANSI["none"]
    return paint
