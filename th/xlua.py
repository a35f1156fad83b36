"""xlua: Torch7's console helpers (Lua name `xlua`): the progress bar and friends.

`xlua.progress(i, n)` draws Torch7's one-line bar, redrawn in place with '\\r' and ended
with a newline when i reaches n. Loading xlua into a Lua runtime (`require 'xlua'`, which
the console does at start-up, as trepl did) also installs, as Torch7's xlua did,
`string.split`, `string.tosymbol`, `table.splice`, `table.prune` and the globals
`xprint`, `xerror`, `xrequire`; `open_lib(runtime)` does that installing.

Imports th.sys (Torch7's xlua required sys) and the Lua value types; the Lua engine is
reached through the runtime that loads the package or `th.lua.current_runtime()`.
"""
import builtins as _builtins
import math as _math
import sys as _pysys
import time as _time

from th import paths as _paths
from th import sys as _thsys
from th.lua.lib.args import (NOARG, check_number as _check_number,
                             check_string as _check_string,
                             number_to_string as _number_to_string,
                             typename as _typename)
from th.lua.table import LuaTable as _LuaTable

__all__ = [
    "progress", "formatTime", "require", "error", "log", "trycatch", "installed",
    "print", "who", "clear", "clearall", "usage", "unpack",
]


# ---- time ------------------------------------------------------------------------------

def formatTime(seconds=NOARG, *_):
    """xlua.formatTime(seconds)

    A short human-readable duration, at most its two largest units: '1D3h', '2m5s',
    '340ms' ('0ms' for less than a millisecond).

    Example: xlua.formatTime(3725)   --> '1h2m'
    """
    seconds = _check_number(seconds, 1, "formatTime")
    units = []
    for size, unit in ((86400, "D"), (3600, "h"), (60, "m"), (1, "s")):
        count = _math.floor(seconds / size)
        seconds -= count * size
        units.append((count, unit))
    units.append((_math.floor(seconds * 1000), "ms"))
    shown = [f"{_number_to_string(count)}{unit}" for count, unit in units if count > 0]
    return "".join(shown[:2]) or "0ms"


# ---- the progress bar --------------------------------------------------------------------

class _Bar:
    """The state of the bar being drawn (one at a time, as in Torch7)."""
    done = True
    previous = -1
    width = 80
    times = []
    indices = []
    start = 0.0


def _terminal_width():
    import shutil
    return min(shutil.get_terminal_size((80, 24)).columns, 120)


def progress(current=NOARG, goal=NOARG, *_):
    """xlua.progress(current, goal)

    Draws a progress bar ` [====> 12/100 ......] ETA: 3s | Step: 30ms` on one line,
    redrawn in place at each call; a new line follows when `current` reaches `goal`.
    The bar is as wide as the terminal (at most 120 columns).

    Example: for i = 1, 100 do xlua.progress(i, 100) end
    """
    current = _check_number(current, 1, "progress")
    goal = _check_number(goal, 2, "progress")
    bar = _Bar
    if bar.done and (bar.previous == -1 or _percent(current, goal) < bar.previous):
        bar.width = _terminal_width()
        bar.done, bar.previous = False, -1
        bar.start = _time.perf_counter()
        bar.times, bar.indices = [0.0], [current]
        out = []
    else:
        out = ["\r"]
    if bar.done:
        _pysys.stdout.write("".join(out))
        return ()
    length = bar.width - 34
    percent = _percent(current, goal, length)
    bar.previous = percent
    out.append(" [" + "".join("=" if i < percent else ">" if i == percent else "."
                              for i in range(1, length + 1)) + "] ")
    pad = bar.width - length - 4
    out.append(" " * pad + "\b" * pad)
    out.append(_timing(bar, current, goal, percent, length))
    if percent == length:
        bar.done = True
        out.append("\n")
    out.append("\r")
    _pysys.stdout.write("".join(out))
    _pysys.stdout.flush()
    return ()


def _percent(current, goal, length=None):
    length = length if length is not None else _Bar.width - 34
    return _math.floor(current * length / goal) if goal else length


def _timing(bar, current, goal, percent, length):
    """' ETA: ... | Step: ...', then the cursor moved back to print 'i/n' mid-bar."""
    elapsed = _time.perf_counter() - bar.start
    step = 0.0
    if current != bar.indices[0]:
        step = (elapsed - bar.times[0]) / (current - bar.indices[0])
    remaining = max(0.0, (goal - current) * step)
    bar.indices.append(current)
    bar.times.append(elapsed)
    if len(bar.indices) > 100:   # smooth the step time over the last 100 calls
        bar.indices, bar.times = bar.indices[1:], bar.times[1:]
    if percent < length:
        tm = " ETA: " + formatTime(remaining)
    else:
        tm = " Tot: " + formatTime(elapsed)
    tm += " | Step: " + formatTime(step)
    back = "\b" * int(5 + len(tm) + length / 2)
    return f"{tm}{back} {_number_to_string(current)}/{_number_to_string(goal)} "


# ---- loading packages ---------------------------------------------------------------------

def require(package=NOARG, *_):
    """xlua.require(name)

    Loads package `name` like `require`, but prints a warning and returns false instead
    of raising an error when it cannot be loaded.

    Example: if not xlua.require('image') then print('no image package') end
    """
    package = _check_string(package, 1, "require")
    try:
        return _runtime().require(package)
    except Exception as err:    # noqa: BLE001 -- any failure to load becomes the warning
        _builtins.print(str(err))
        _builtins.print(f"warning: <{package}> could not be loaded (is it installed?)")
        return False


def installed(package=NOARG, *_):
    """xlua.installed(name)

    True and where it is when package `name` can be loaded, else false and the search
    path.

    Example: print(xlua.installed('nn'))   --> true  nn
    """
    package = _check_string(package, 1, "installed")
    from th.lua import registry
    if registry.lookup(package) is not None:
        return True, package
    search = _lua_package_path()
    for template in search.split(";"):
        path = template.replace("?", package)
        if template and _paths.filep(path):
            return True, path
    return False, search


def _lua_package_path():
    runtime = _runtime()
    package = runtime.globals.get("package")
    if not isinstance(package, _LuaTable):
        return ""
    parts = [package.get("path"), package.get("cpath")]
    return ";".join(p for p in parts if isinstance(p, str))


# ---- errors -------------------------------------------------------------------------------

class XluaError(Exception):
    """The error raised by xlua.error (its message is already coloured)."""


def error(message=None, domain=None, usage=None, *_):
    """xlua.error(message [, domain [, usage]])

    Raises an error with `message` in red, prefixed by `<domain>` and followed by the
    `usage` text when given.

    Example: xlua.error('file not found', 'loader')
    """
    colors = _thsys.COLORS
    text = _tostring(message)
    if domain is not None:
        text = f"<{_tostring(domain)}> {text}"
    text = colors["Red"] + text + colors["none"]
    if usage is not None:
        text += "\n" + _tostring(usage)
    raise XluaError(text)


def trycatch(try_=NOARG, catch=None, *_):
    """xlua.trycatch(try, catch)

    Calls function `try`; if it raises an error, calls `catch(err)` instead of failing.
    (Torch7's version never called `try`; this one does what it promised.)

    Example: xlua.trycatch(function() error('boom') end, function(e) print('caught', e) end)
    """
    from th.lua import LuaError
    try:
        _call(try_)
    except LuaError as err:
        if catch is not None:
            _call(catch, err.value)
    return ()


# ---- printing and the session -------------------------------------------------------------

def print(obj=None, *more):  # noqa: A001 -- Torch7's name
    """xlua.print(value, ...)

    Prints a value; a table is listed one `[key] = value` per line (long values cut at
    40 characters). Installed as the global `xprint`.

    Example: xlua.print({a = 1, b = 'two'})
    """
    out = _pysys.stdout
    if isinstance(obj, _LuaTable):
        out.write(_table_listing(obj))
    else:
        out.write(_tostring(obj))
    if more:
        out.write("    ")
        print(*more)
    else:
        out.write("\n")
    return ()


def _table_listing(t):
    lines = []
    for k, v in t.items():
        prefix = "" if not lines else " "
        if _typename(v) == "userdata":
            lines.append(f"{prefix}[{_tostring(k)}] = <userdata>")
            continue
        text = _tostring(v).replace("\n", "\\n")
        if len(text) > 40:
            text = text[:40] + _thsys.COLORS["none"] + " ... "
        lines.append(f"{prefix}[{_tostring(k)}] = {text}")
    return "{" + ",\n".join(lines) + "}"


def who(*_):
    """xlua.who()

    Lists the global libraries and the global variables defined since xlua was loaded.

    Example: x = 1; xlua.who()
    """
    runtime = _runtime()
    libs, user = [], _LuaTable()
    loaded = _loaded_names(runtime)
    for k, v in runtime.globals.items():
        if k in loaded and k != "_G":
            libs.append(k)
        elif k not in _protected(runtime):
            user[k] = v
    for value in ("", "Global Libs:", _LuaTable.from_list(libs), "", "Global Vars:", user, ""):
        print(value)
    return ()


def clear(name=None, *_):
    """xlua.clear(name)

    Removes the global variable `name`.

    Example: x = torch.rand(1000, 1000); xlua.clear('x')
    """
    _runtime().globals[name] = None
    return ()


def clearall(*_):
    """xlua.clearall()

    Removes every global variable defined since xlua was loaded (and unloads packages
    required since then).

    Example: xlua.clearall()
    """
    runtime = _runtime()
    protected = _protected(runtime)
    loaded_table = _package_loaded(runtime)
    for k, _v in list(runtime.globals.items()):
        if k in protected:
            continue
        runtime.globals[k] = None
        if loaded_table is not None and loaded_table.get(k) is not None:
            loaded_table[k] = None
    return ()


def log(filename=NOARG, *_):
    """xlua.log(file)

    From now on, copies everything printed to the console into `file` as well.

    Example: xlua.log('/tmp/session.txt')
    """
    filename = _check_string(filename, 1, "log")
    _paths.mkdir(_paths.dirname(filename))
    _pysys.stdout = _Tee(_pysys.stdout, open(filename, "w"))
    return ()


class _Tee:
    """A text stream writing to the console stream and to a log file."""

    def __init__(self, stream, logfile):
        self._stream = stream
        self._logfile = logfile

    def write(self, text):
        self._logfile.write(text)
        self._logfile.flush()
        return self._stream.write(text)

    def flush(self):
        self._stream.flush()

    def __getattr__(self, name):
        return getattr(self._stream, name)


# ---- named-argument helpers (dok style) --------------------------------------------------------

_BANNER = "+" * 69


def usage(funcname=NOARG, description=None, example=None, *defs):
    """xlua.usage(funcname, description, example, {arg=, type=, help=, req=, default=}, ...)

    The help text of a function taking those arguments, in Torch7's boxed format.

    Example: print(xlua.usage('load', 'loads a file', nil, {arg='path', type='string', help='file', req=true}))
    """
    c = _thsys.COLORS
    funcname = _check_string(funcname, 1, "usage")
    text = f"{_BANNER}\n{c['Magenta']}{funcname}{c['none']}\n"
    if description is not None:
        text += f"\n{_tostring(description)}\n"
    text += f"\n{c['blue']}> {c['none']}usage:\n{c['cyan']}"
    if defs and isinstance(defs[0], _LuaTable) and defs[0].get("tabled") is not None:
        defs = tuple(defs[0]["tabled"].to_list())
    if defs and isinstance(defs[0], _LuaTable) and defs[0].get("arg") is not None:
        text += funcname + "{\n" + "".join(_named_param(p) for p in defs) + "}\n"
    else:
        text += funcname + "(\n" + "".join(_positional_param(p) for p in defs) + ")\n"
    text += c["none"]
    if example is not None:
        text += f"\n{c['cyan']}{_tostring(example)}{c['none']}\n"
    return text + _BANNER


def _named_param(p):
    key = f"    {p['arg']} = {p['type']}" if p.get("req") else f"    [{p['arg']} = {p['type']}]"
    line = key.ljust(40) + "-- " + _tostring(p.get("help"))
    if p.get("default") is not None:
        line += f"  [default = {_tostring(p['default'])}]"
    elif p.get("defaulta") is not None:
        line += f"  [default == {_tostring(p['defaulta'])}]"
    return line + "\n"


def _positional_param(p):
    if not isinstance(p, _LuaTable):
        return ""
    key = f"    {p['type']}" if p.get("req") else f"    [{p['type']}]"
    return key.ljust(40) + "-- " + _tostring(p.get("help")) + "\n"


def unpack(args=NOARG, funcname=None, description=None, *defs):
    """xlua.unpack(args, funcname, description, {arg=, type=, help=, req=, default=}, ...)

    Reads a function's arguments given either in order or as one table of named
    arguments; fills defaults; on a missing required argument prints the usage and
    raises an error. Returns the table of arguments, then each argument in order.

    Example: local args, path = xlua.unpack({...}, 'load', 'loads a file', {arg='path', type='string', help='file', req=true})
    """
    if not isinstance(args, _LuaTable):
        raise ValueError("bad argument #1 to 'unpack' (table expected, got "
                         + _typename(args) + ")")
    text = usage(funcname, description, None, _LuaTable.from_dict(
        {"tabled": _LuaTable.from_list(list(defs))}))
    if args.length() == 0:
        _builtins.print(text)
        raise XluaError("error")
    first = args.get(1)
    if args.length() == 1 and isinstance(first, _LuaTable) and first.length() == 0:
        given = first
    else:
        given = _LuaTable.from_dict({d["arg"]: args.get(i + 1) for i, d in enumerate(defs)
                                     if args.get(i + 1) is not None})
    result = _LuaTable()
    for i, d in enumerate(defs):
        name = d["arg"]
        value = given.get(name)
        if d.get("req") and value is None:
            c = _thsys.COLORS
            _builtins.print(f"{c['Red']}missing argument: {name}{c['none']}")
            _builtins.print(text)
            raise XluaError("error")
        if value is None:
            value = d.get("default")
        if value is None and d.get("defaulta") is not None:
            value = result.get(d["defaulta"])
        result[name] = value
        result[i + 1] = value
    result["usage"] = text
    return (result,) + tuple(result.get(i + 1) for i in range(len(defs)))


# ---- what xlua adds to Lua's string and table libraries --------------------------------------

def _string_split(s=NOARG, pattern=NOARG, *_):
    """string.split(str, pattern)   (added by xlua)

    A table of the pieces of `str` between matches of the Lua pattern `pattern`; an
    empty first or last piece is dropped. Also a method: `("a,b"):split(",")`.

    Example: ("a,b,,c"):split(",")   --> {'a', 'b', '', 'c'}
    """
    return _thsys.split(s, pattern)


def _string_tosymbol(s=NOARG, *_):
    """string.tosymbol(str)   (added by xlua)

    The value the Lua expression `str` names (e.g. a dotted global path); an error if it
    is nil.

    Example: string.tosymbol('nn.Linear') == nn.Linear   --> true
    """
    s = _check_string(s, 1, "tosymbol")
    runtime = _runtime()
    value = runtime.eval(s)
    if value is None or value is False:
        raise XluaError(f'symbol "{s}" does not exist')
    return value


def _table_splice(tbl=NOARG, start=None, length=None, *_):
    """table.splice(tbl, start [, length])   (added by xlua)

    Splits the array `tbl`: returns a table without the `length` (default 1) elements
    from index `start` (default 1), and a table of those elements.

    Example: kept, removed = table.splice({1, 2, 3, 4}, 2, 2)   --> {1, 4}, {2, 3}
    """
    if not isinstance(tbl, _LuaTable):
        raise ValueError("bad argument #1 to 'splice' (table expected, got "
                         + _typename(tbl) + ")")
    start = 1 if start is None else start
    end = start + (1 if length is None else length)
    kept, removed = [], []
    for i, v in _ipairs(tbl):
        (kept if i < start or i >= end else removed).append(v)
    return _LuaTable.from_list(kept), _LuaTable.from_list(removed)


def _table_prune(tbl=NOARG, hashfunc=None, merge=None, *_):
    """table.prune(tbl [, hash [, merge]])   (added by xlua)

    The elements of the array `tbl` without duplicates (compared by `hash(v)` when
    given); `merge(new, old)` decides what to keep for duplicates.

    Example: table.prune({1, 2, 2, 3})   --> {1, 2, 3} (in some order)
    """
    if not isinstance(tbl, _LuaTable):
        raise ValueError("bad argument #1 to 'prune' (table expected, got "
                         + _typename(tbl) + ")")
    seen = _LuaTable()
    for _i, v in _ipairs(tbl):
        key = _call(hashfunc, v) if hashfunc is not None else v
        if merge is not None and seen.get(key) is not None:
            seen[key] = _call(merge, v, seen.get(key))
        else:
            seen[key] = v
    return _LuaTable.from_list([v for _k, v in seen.items()])


def _ipairs(t):
    i = 1
    while t.get(i) is not None:
        yield i, t.get(i)
        i += 1


# ---- installing into a runtime -----------------------------------------------------------------

_PROTECTED_KEY = "_protect_"


def open_lib(runtime):
    """Install xlua's additions into `runtime` (string/table functions, xprint, ...).

    Called by the package registry when Lua code runs `require 'xlua'`; returns the
    module, which becomes the global `xlua`.
    """
    g = runtime.globals
    if g.get(_PROTECTED_KEY) is None:
        names = [k for k, _v in g.items()] + [_PROTECTED_KEY, "xlua"]
        g[_PROTECTED_KEY] = _LuaTable.from_list(names)
    _install(g.get("string"), {"split": _string_split, "tosymbol": _string_tosymbol})
    _install(g.get("table"), {"splice": _table_splice, "prune": _table_prune})
    g["xprint"], g["xerror"], g["xrequire"] = print, error, require
    return _pysys.modules[__name__]


def _install(library, functions):
    if isinstance(library, _LuaTable):
        for name, fn in functions.items():
            library[name] = fn


def _protected(runtime):
    names = runtime.globals.get(_PROTECTED_KEY)
    return set(names.to_list()) if isinstance(names, _LuaTable) else set()


def _package_loaded(runtime):
    package = runtime.globals.get("package")
    return package.get("loaded") if isinstance(package, _LuaTable) else None


def _loaded_names(runtime):
    loaded = _package_loaded(runtime)
    return {k for k, _v in loaded.items()} if isinstance(loaded, _LuaTable) else set()


# ---- reaching the Lua engine ----------------------------------------------------------------

def _runtime():
    from th.lua import current_runtime
    runtime = current_runtime()
    if runtime is None:
        raise RuntimeError("no Lua runtime is running")
    return runtime


def _call(fn, *args):
    """Call a Lua value from Python; its first result."""
    from th.lua import runtime as rt
    results = rt.call(fn, *args)
    if isinstance(results, tuple):
        return results[0] if results else None
    return results


def _tostring(v):
    if isinstance(v, str):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return _number_to_string(v)
    try:
        from th.lua import tostring
    except ImportError:
        return "nil" if v is None else str(v).lower() if isinstance(v, bool) else str(v)
    return tostring(v)
