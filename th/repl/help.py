"""`?name` help at the th prompt, built in (Torch7 needed a separate doc package).

`?torch.randn`, `? nn.Linear`, `?print`, `?x` (a value of yours) all work:
- the name is evaluated as the expression it is (`a:b` reads as `a.b`), so help follows
  your own variables too; a registered package that is not loaded yet (`?nn.Linear`
  before `require 'nn'`) is loaded for the occasion;
- the Lua standard library is documented by lua_docs.py (`?string` lists a library's
  functions); torch, nn, optim, gnuplot,
  paths, sys, xlua and the console's own globals by their docstrings (first line the Lua
  signature, then the text, then an `Example:`);
- a value with no docs of its own (a tensor, a module instance) shows its type and the
  docs of its class; an unknown name says so and suggests the closest names.

`overview()` is the page that `?` alone prints.
"""
import inspect
import re

from th import lua as _lua
from th.lua import LuaError, LuaSyntaxError, LuaTable
from th.lua import registry
from th.repl import fields, hints
from th.repl.display import typename
from th.repl.lua_docs import LIBRARIES, LUA_DOCS

RULE = "+" * 69


def overview(palette):
    """The page `?` prints: what the console does and how to get help."""
    m = palette.magenta
    return f"""{palette.red('th')} is Torch7's interactive console, rebuilt in Python.

{palette.blue('Help:')}
   {m('?torch.randn')} or {m('? nn.Linear')}   help on any name (torch, nn, optim, gnuplot,
                                  paths, sys, xlua, the Lua standard library, yours)
   {m('?')}                             this page

{palette.blue('Typing:')}
   Each entry is Lua. An expression prints its values; a statement runs.
   A trailing {m(';')} stops the printing. An unfinished chunk continues on {m('..>')}.
   Tab completes globals, fields after {m('.')}, methods after {m(':')}, require names.
   Up/Down recall whole entries (history in ~/.luahistory), Ctrl-R searches them.
   Locals stay defined from one entry to the next.

{palette.blue('Results:')}
   {m('_RESULTS')} keeps every printed value, {m('_LAST')} the newest one.
   {m('who()')} lists your globals; {m('setprintlevel(n)')} sets the listing depth
   (0: plain Lua print); {m('print_old')} is Lua's plain print.

{palette.blue('Also:')}
   {m('$ ls -l')}        runs a shell command (its output lands in _LAST)
   {m("import 'nn'")}    copies a package's names into the globals
   Ctrl-C stops running code; Ctrl-L clears the screen; Ctrl-D (or exit) leaves.
   The timing line after each entry can be turned off: th --no-timing, or TH_TIMING=0.
"""


def help_text(name, runtime, scope=None, palette=None):
    """The help page for `name` (a Lua expression such as `torch.randn`), as text."""
    name = name.strip()
    if name.startswith("(") and name.endswith(")"):
        name = name[1:-1].strip()
    if name.endswith("()"):              # `?torch.randn()`, as the lecture types it
        name = name[:-2].rstrip()
    path = name.replace(":", ".").replace(" ", "")
    try:
        value = _resolve(path, runtime, scope)
    except (LuaError, LuaSyntaxError) as err:
        return f"help: cannot evaluate {name}: {err}\n"
    if value is None:
        suggestion = hints.suggest_path(path, runtime)
        text = f"{name} is nil: no help for it."
        if suggestion:
            text += f" Did you mean {suggestion}?"
        return text + "\n"
    doc = documentation(value, path, runtime)
    if doc is None:
        return f"{name}: undocumented ({describe(value)})\n"
    return render(doc, palette)


def _resolve(path, runtime, scope):
    root = re.split(r"[.:]", path, 1)[0]
    if runtime.globals[root] is None and registry.lookup(root) is not None:
        runtime.require(root)
    chunk = runtime.load("return " + path, "=help", scope=scope)
    results = runtime.call(chunk)
    return results[0] if results else None


def documentation(value, path, runtime):
    """The help text of a value found under `path`, or None when it has none."""
    name = lua_name(value, runtime)
    if name is None and path in LUA_DOCS and _lua.lua_type(value) == "function":
        name = path
    if name is not None:
        return LUA_DOCS[name]
    library = _library_of(value, runtime)
    if library is not None:
        return library_page(library, value)
    if _is_documented_object(value):
        return _with_signature(inspect.getdoc(value), path)
    klass = type(value)
    if typename(value) and inspect.getdoc(klass):     # a torch object: its class's docs
        heading = f"{path}: {describe(value)}"
        return heading + "\n\n" + inspect.getdoc(klass)
    return None


def _library_of(value, runtime):
    """The name of the standard library that `value` is (`string`), or None."""
    if type(value) is not LuaTable:
        return None
    for lib in LIBRARIES:
        if runtime.globals[lib] is value:
            return lib
    return None


def library_page(lib, table):
    """`?string`: the library's functions, each with its signature (lua_docs, else the
    first line of its docstring)."""
    names = sorted(k for k, v in table.items() if type(k) is str and callable(v))
    lines = [f"{lib}: Lua's {lib} library", ""]
    for key in names:
        doc = LUA_DOCS.get(f"{lib}.{key}") or inspect.getdoc(table[key]) or f"{lib}.{key}(...)"
        lines.append("   " + doc.split("\n", 1)[0])
    if names:
        lines.append(f"Example: ?{lib}.{names[0]}")
    return "\n".join(lines)


def _is_documented_object(value):
    """Functions, classes and modules of th (and the console) carry help docstrings."""
    if not (inspect.isroutine(value) or inspect.isclass(value) or inspect.ismodule(value)):
        return False
    module = getattr(value, "__module__", None) or getattr(value, "__name__", "")
    return module.startswith("th") and bool(inspect.getdoc(value))


def _with_signature(doc, path):
    first = doc.split("\n", 1)[0]
    last = path.rsplit(".", 1)[-1]
    if last in first:
        return doc
    return path + "\n\n" + doc


def lua_name(value, runtime):
    """The standard-library name of a function (`string.format`), found by identity."""
    if _lua.lua_type(value) != "function":
        return None
    g = runtime.globals
    for lib in LIBRARIES:
        table = g[lib]
        if type(table) is not LuaTable:
            continue
        for key, member in table.items():
            if member is value and f"{lib}.{key}" in LUA_DOCS:
                return f"{lib}.{key}"
    for key in LUA_DOCS:
        if "." not in key and g[key] is value:
            return key
    return None


def describe(value):
    """A short description of a value's type: `torch.DoubleTensor of size 2x3`."""
    kind = _lua.lua_type(value)
    name = typename(value)
    if name and hasattr(value, "dim") and hasattr(value, "size") and "Tensor" in name:
        dims = value.dim()
        size = "x".join(str(value.size(i)) for i in range(1, dims + 1)) if dims else "0"
        return f"{name} of size {size}"
    if name:
        return name
    if kind == "table":
        return f"a table with {len(fields.pairs(value))} fields"
    return f"a {kind} value"


def render(doc, palette=None):
    """A docstring laid out as a help page: rule, signature, text, examples, rule."""
    paint = palette.paint if palette is not None else (lambda _c, t: t)
    lines = doc.strip("\n").split("\n")
    out = [paint("Black", RULE), paint("Magenta", lines[0])]
    in_example = False
    for line in lines[1:]:
        if line.startswith("Example"):
            in_example = True
            head, _, rest = line.partition(":")
            out.append(paint("Blue", head + ":") + paint("green", rest))
            continue
        if in_example and line.strip() and (line.startswith(" ") or line.startswith("\t")):
            out.append(paint("green", line))
            continue
        in_example = False
        out.append(line)
    out.append(paint("Black", RULE))
    return "\n".join(out) + "\n"
