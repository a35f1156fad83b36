"""Completion for the console: globals, keywords, fields after `.`, methods after `:`,
package names inside `require '...'`, file names inside other strings.

`complete(text_before_cursor, runtime)` is plain Python (tests call it directly): it
returns the offset where the completed word starts (negative, from the cursor) and the
candidates as (name, kind) pairs, sorted. The path before the cursor (`nn.Lin`,
`net:zero`) is walked from the globals with raw reads only (fields.py): no `__index`
function, getter or call ever runs while you type. Names starting with `_` are offered
only once you type the `_`, as trepl did. `LuaCompleter` adapts it to prompt_toolkit
(the shell shows a menu when several names match).

Departures from trepl: packages that th preloads lazily (`torch`) are loaded when you
complete inside them, and `require '` completes th's package names.
"""
import os
import re

from th import lua as _lua
from th.lua import registry
from th.repl import fields

KEYWORDS = ("and", "break", "do", "else", "elseif", "end", "false", "for", "function",
            "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
            "true", "until", "while")

_WORD = re.compile(r"([A-Za-z_]\w*(?:\s*[.:]\s*[A-Za-z_]\w*)*\s*[.:]?\s*)$")
_REQUIRE = re.compile(r"\brequire\s*\(?\s*$")


def complete(text, runtime):
    """(start, [(name, kind), ...]) completing the end of `text`; start <= 0."""
    string = _open_string(text)
    if string is _IN_COMMENT:
        return 0, []
    if string is not None:
        quote_pos, prefix = string
        if _REQUIRE.search(text[:quote_pos]):
            return -len(prefix), _package_names(prefix, runtime)
        return _file_names(prefix)
    match = _WORD.search(text)
    word = match.group(1) if match else ""
    before = text[: len(text) - len(word)]
    if before.endswith((".", ":")) and not before.endswith(".."):
        return 0, []                 # a field of something we cannot read raw: `f().x`
    if before and (before[-1].isalnum() or before[-1] == "_"):
        return 0, []                 # inside a number such as 1e5
    word = re.sub(r"\s+", "", word)
    return _complete_word(word, runtime)


def _complete_word(word, runtime):
    cut = max(word.rfind("."), word.rfind(":"))
    partial = word[cut + 1:]
    if cut < 0:
        names = _global_names(runtime)
        found = [(k, "keyword") for k in KEYWORDS if k.startswith(partial)]
        found += [(n, kind) for n, kind in names.items() if n.startswith(partial)]
    else:
        container = _walk(word[:cut], runtime)
        if container is None:
            return 0, []
        members = fields.names(container, methods_only=(word[cut] == ":"))
        found = [(n, _kind(v)) for n, v in members.items() if n.startswith(partial)]
    if not partial.startswith("_"):
        found = [(n, kind) for n, kind in found if not n.startswith("_")]
    return -len(partial), sorted(set(found))


def _global_names(runtime):
    from th.repl.environment import lazy_names
    names = {k: _kind(v) for k, v in runtime.globals.items() if fields.is_identifier(k)}
    for name in lazy_names():
        names.setdefault(name, "table")
    return names


def _walk(path, runtime):
    """The value of a dotted path (`nn`, `net.modules`), read raw; None if unknown."""
    parts = re.split(r"[.:]", path)
    value = fields.raw_get(runtime.globals, parts[0])
    if value is None and parts[0] in _lazy():
        value = runtime.require(parts[0])   # a lazily preloaded package: load it now
    for part in parts[1:]:
        if value is None:
            return None
        value = fields.raw_get(value, part)
    return value


def _lazy():
    from th.repl.environment import lazy_names
    return lazy_names()


def _kind(value):
    try:
        return _lua.lua_type(value)
    except Exception:      # a value the engine cannot classify must not break completion
        return "value"


_IN_COMMENT = (-1, None)


def _open_string(text):
    """(position of the opening quote, text after it) when `text` ends inside a string."""
    quote, start, i = None, 0, 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote, start = c, i
        elif text.startswith("--", i):
            newline = text.find("\n", i)
            if newline < 0:
                return _IN_COMMENT
            i = newline
        i += 1
    if quote is None:
        return None
    return start, text[start + 1:]


def _package_names(prefix, runtime):
    names = set(registry.names())
    loaded = fields.raw_get(fields.raw_get(runtime.globals, "package"), "loaded")
    if loaded is not None:
        names.update(k for k, _ in fields.pairs(loaded) if isinstance(k, str))
    return sorted((n, "package") for n in names if n.startswith(prefix))


def _file_names(prefix):
    directory, partial = os.path.split(prefix)
    try:
        entries = os.listdir(os.path.expanduser(directory) or ".")
    except OSError:
        return 0, []
    found = []
    for entry in entries:
        if entry.startswith(partial) and (partial.startswith(".") or not entry.startswith(".")):
            full = os.path.join(os.path.expanduser(directory) or ".", entry)
            found.append((entry + ("/" if os.path.isdir(full) else ""), "file"))
    return -len(partial), sorted(found)


def _too_short(text):
    """True when the word being typed is a global name of fewer than 2 characters."""
    match = re.search(r"[\w.:]*$", text)
    word = match.group(0) if match else ""
    return len(word) < 2 and not word.endswith((".", ":"))


def make_completer(runtime):
    """A prompt_toolkit Completer over `complete` (imported only by the shell)."""
    from prompt_toolkit.completion import Completer, Completion

    class LuaCompleter(Completer):
        """Completes Lua at the th prompt; never raises (the console must survive)."""

        def get_completions(self, document, complete_event):
            text = document.text_before_cursor
            if not complete_event.completion_requested and _too_short(text):
                return                  # while typing, a lone letter opens no menu
            try:
                start, found = complete(text, runtime)
            except Exception:
                return
            for name, kind in found:
                yield Completion(name, start_position=start, display_meta=kind)

    return LuaCompleter()
