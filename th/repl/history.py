"""The console's history file: ~/.luahistory (or $TREPL_HISTORY), as Torch7's th kept it.

trepl saved readline's history: one entry per line, multi-line entries broken apart.
th keeps that file, readable by readline, and keeps multi-line entries whole by writing
readline's timestamp lines (`#1700000000`) before each entry: readline (and th) read the
lines between two timestamps as one entry. A file written by Torch7 (no timestamps)
still loads, one entry per line.

`read_entries(path)` and `append_entry(path, text)` are plain functions; `LuaHistory`
adapts them to prompt_toolkit (imported only by the interactive shell).
"""
import os
import re
import time

_STAMP = re.compile(r"^#\d{9,}$")


def history_path():
    """$TREPL_HISTORY, else ~/.luahistory (trepl's choice), or None without a home."""
    path = os.environ.get("TREPL_HISTORY")
    if path:
        return path
    home = os.environ.get("HOME") or os.environ.get("USERPROFILE")
    return os.path.join(home, ".luahistory") if home else None


def read_entries(path):
    """The entries of a history file, oldest first (missing file: none)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
    except OSError:
        return []
    if lines and lines[-1] == "":
        lines.pop()
    entries, current, stamped = [], None, False
    for line in lines:
        if _STAMP.match(line):
            if current is not None:
                entries.append("\n".join(current))
            current, stamped = [], True
        elif stamped:
            current.append(line)
        elif line:
            entries.append(line)          # an unstamped (Torch7 / readline) line
    if current:
        entries.append("\n".join(current))
    return [e for e in entries if e.strip()]


def append_entry(path, text):
    """Add one entry (possibly multi-line) at the end of the history file."""
    if not text.strip():
        return
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"#{int(time.time())}\n{text}\n")


def make_history(path):
    """A prompt_toolkit History over the file at `path` (in memory when path is None)."""
    from prompt_toolkit.history import History, InMemoryHistory

    if path is None:
        return InMemoryHistory()

    class LuaHistory(History):
        """prompt_toolkit history stored in trepl's ~/.luahistory."""

        def load_history_strings(self):
            return reversed(read_entries(path))     # newest first, as prompt_toolkit wants

        def store_string(self, string):
            try:
                append_entry(path, string)
            except OSError:
                pass                                # a read-only home must not stop the console

    return LuaHistory()
