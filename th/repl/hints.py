""""Did you mean" hints for misspelt names (ours; Torch7 had none).

When an error is about a nil global, field or method that is a near miss of a real name
(`nn.linear(3, 2)`, `torch.one(4)`, `Torch.zeros(3)`, `net:zeroAccParameters()`), the
console adds a line naming the real one (`did you mean nn.Linear?`); `require nn`, a
syntax error in Lua, gets `did you mean require 'nn'?`; a package used before it is
required gets `nn is not loaded: require 'nn' first`. A lone expression
that prints nothing because it is nil (`lin.Bias`) gets the same help.

How: the error message names the missing name; the source of the entry (or the script
line the message points at) gives the whole path (`net:zeroAccParameters`); the path is
walked from the globals with raw reads (fields.py, nothing runs), and each segment that
is missing is replaced by the closest existing name: same name in another case first
(`linear` -> `Linear`), else the most similar by difflib (`one` -> `ones`).
"""
import difflib
import linecache
import re

from th.lua import registry
from th.repl import fields

_MISSING = re.compile(
    r"attempt to (?:call|index) (global|field|method) '([A-Za-z_]\w*)' \(a nil value\)")
_CALLED_TABLE = re.compile(r"attempt to call global '([A-Za-z_]\w*)' \(a table value\)")
_POSITION = re.compile(r"^(.+?):(\d+): ")
_PATH = r"[A-Za-z_]\w*(?:\s*[.:]\s*[A-Za-z_]\w*)*"
_PATH_ONLY = re.compile(rf"^\s*({_PATH})\s*$")
_SEGMENTS = re.compile(r"([.:]?)\s*([A-Za-z_]\w*)")

# `require nn` (the lecture types it so): Lua reads a call without parentheses only
# with a string or table argument, and says "'=' expected near 'nn'".
_BARE_REQUIRE = re.compile(r"^\s*(require|import)\s+([A-Za-z_][\w.]*)\s*;?\s*$")
_NAME_EXPECTED = re.compile(r"'=' expected near ")
_NIL_REQUIRE = re.compile(r"\brequire\s*\(\s*([A-Za-z_][\w.]*)\s*\)")

# Packages people call as if they were their main function.
_CALLED_PACKAGES = {"gnuplot": "gnuplot.plot"}


def closest(name, candidates):
    """The candidate most like `name`, or None: a case-only difference wins first."""
    pool = [c for c in candidates if isinstance(c, str) and c != name]
    if not name.startswith("_"):
        pool = [c for c in pool if not c.startswith("_")]
    lowered = name.lower()
    for candidate in pool:
        if candidate.lower() == lowered:
            return candidate
    by_lower = {}
    for candidate in pool:
        by_lower.setdefault(candidate.lower(), candidate)
    found = difflib.get_close_matches(lowered, list(by_lower), n=1, cutoff=0.75)
    return by_lower[found[0]] if found else None


def suggest_path(path, runtime):
    """The path with each missing segment replaced by its closest real name, or None.

    Example (Python): suggest_path("nn.linear", rt) == "nn.Linear" once nn is loaded.
    """
    segments = _SEGMENTS.findall(path)
    if not segments:
        return None
    fixed, changed, value = [], False, None
    for index, (sep, name) in enumerate(segments):
        if index == 0:
            value, name, fixed_here = _fix_global(name, runtime)
        elif value is _UNLOADED:
            fixed_here = False         # a package not loaded yet: take the rest as typed
        else:
            value, name, fixed_here = _fix_field(value, sep, name)
        if name is None:
            return None
        changed = changed or fixed_here
        fixed.append(sep + name)
    return "".join(fixed) if changed else None


_UNLOADED = object()


def _fix_global(name, runtime):
    g = runtime.globals
    value = fields.raw_get(g, name)
    if value is not None:
        return value, name, False
    if registry.lookup(name) is not None:
        return _UNLOADED, name, False
    names = [k for k, _ in g.items() if isinstance(k, str)] + registry.names()
    candidate = closest(name, names)
    if candidate is None:
        return None, None, False
    value = fields.raw_get(g, candidate)
    return (value if value is not None else _UNLOADED), candidate, True


def _fix_field(container, sep, name):
    value = fields.raw_get(container, name)
    if value is not None:
        return value, name, False
    candidate = closest(name, fields.names(container, methods_only=(sep == ":")))
    if candidate is None:
        return None, None, False
    return fields.raw_get(container, candidate), candidate, True


def error_hint(message, source, runtime, files=()):
    """A hint line for a Lua error message, or None.

    `source`: the entry's text, if known; else the line the message points at is read
    from its file (`files`: paths that a chunk name shortened to `...tail` may stand for).
    """
    line = _line_of(message, source, files) or ""
    bare = _BARE_REQUIRE.match(line)
    if bare and _NAME_EXPECTED.search(message):
        return f"did you mean {bare.group(1)} '{bare.group(2)}'?"
    unquoted = _NIL_REQUIRE.search(line)
    if unquoted and "to 'require' (string expected, got nil)" in message:
        return f"did you mean require '{unquoted.group(1)}'?"
    called = _CALLED_TABLE.search(message)
    if called and called.group(1) in _CALLED_PACKAGES:
        return f"did you mean {_CALLED_PACKAGES[called.group(1)]}(...)?"
    missing = _MISSING.search(message)
    if missing is None:
        return None
    kind, name = missing.groups()
    if kind == "global" and _unloaded(name, runtime):
        return f"{name} is not loaded: require '{name}' first"
    text = source if source is not None else _source_line(message, files)
    path = _path_in(text or "", kind, name)
    suggestion = suggest_path(path, runtime) if path else None
    if suggestion is None:
        return None
    return f"did you mean {suggestion}?"


def nil_hint(text, runtime):
    """A hint when an entry that is just a name or path printed nothing (it is nil)."""
    match = _PATH_ONLY.match(text)
    if match is None:
        return None
    path = match.group(1)
    root = _SEGMENTS.match(path).group(2)
    if _unloaded(root, runtime):
        return f"{root} is not loaded: require '{root}' first"
    suggestion = suggest_path(path, runtime)
    if suggestion is None:
        return None
    return f"{path} is nil; did you mean {suggestion}?"


def _unloaded(name, runtime):
    """A package th has (nn, gnuplot, optim) that is not a global yet (Torch7 users
    forget `require 'nn'`); the lazily preloaded ones (torch) load when read."""
    from th.repl.environment import lazy_names
    return (registry.lookup(name) is not None and name not in lazy_names()
            and fields.raw_get(runtime.globals, name) is None)


def _path_in(text, kind, name):
    """The path in `text` that ends with the missing name (`net:zeroAccParameters`)."""
    if kind == "global":
        pattern = rf"(?<![\w.:])({re.escape(name)}(?:\s*[.:]\s*[A-Za-z_]\w*)*)"
    else:
        sep = ":" if kind == "method" else r"\."
        pattern = rf"(?<![\w.:])({_PATH}?\s*{sep}\s*{re.escape(name)})(?!\w)"
    match = re.search(pattern, text)
    return match.group(1) if match else None


def _line_of(message, source, files=()):
    """The line of `source` (else of the file) that an error message points at."""
    if source is None:
        return _source_line(message, files)
    match = _POSITION.match(message)
    lines = source.splitlines()
    number = int(match.group(2)) if match else 1
    return lines[number - 1] if 0 < number <= len(lines) else None


def _source_line(message, files=()):
    """The source line an error message points at (`file.lua:7: ...`), if readable."""
    match = _POSITION.match(message)
    if match is None:
        return None
    path = match.group(1)
    if path.startswith("..."):          # Lua shortens long chunk names from the left
        path = next((f for f in files if f.endswith(path[3:])), path)
    line = linecache.getline(path, int(match.group(2)))
    return line or None
