"""The Lua call stack read from Python frames: levels, function names, tracebacks.

A Lua function runs as a Python frame of its chunk (errors.chunk_of). A Python callable
that Lua called (a library function, a torch method) is what Lua calls a C function.
The stack Lua sees is made of those two kinds of frames, innermost first: its "levels",
level 0 being the running function. Runtime helpers between them
(errors.internal_module) and Python code that Lua did not call are not levels.

As in Lua, a function is named by the call that called it (`global 'f'`, `method
'forward'`): the caller's site (errors.py) at the instruction it is executing.

Users: debug.traceback / debug.getinfo (lib/debug.py); the "stack traceback:" of errors
that reach Python (Runtime.call, read lazily through LuaError.lua_traceback); trepl's
relative require (the calling file). While an xpcall handler runs, the stack is seen as
Lua sees it: the frames the error went through sit between the handler and xpcall.
This module imports nothing from torch or nn.
"""
import contextlib
import os
import sys
import traceback as _pytraceback
import types

from th.lua import errors

_LEVELS_TOP = 12        # Lua's traceback shows the first 12 levels and the last 10
_LEVELS_BOTTOM = 10
_C_SOURCE = "=[C]"


class Level:
    """One level of the Lua stack: a Lua function (`chunk` set) or a C function."""
    __slots__ = ("frame", "lasti", "chunk", "name", "namewhat", "event")

    def __init__(self, frame, lasti, chunk, event=None):
        self.frame = frame
        self.lasti = lasti
        self.chunk = chunk      # errors.Chunk, or None for a C (Python) function
        self.name = None
        self.namewhat = ""
        self.event = event      # "add" when a runtime helper called it as a metamethod

    @property
    def is_lua(self):
        return self.chunk is not None

    @property
    def what(self):
        """Lua's `what`: "main", "Lua" or "C"."""
        if self.chunk is None:
            return "C"
        return "main" if self.frame.f_code.co_name == "λmain" else "Lua"

    def position(self):
        """(line, site) of the instruction this level is executing (-1 for C)."""
        if self.chunk is None:
            return -1, None
        line, site = errors.code_position(self.frame.f_code, self.lasti)
        return (line if line is not None else self.frame.f_lineno), site

    def call_name(self):
        """(namewhat, name) of the function this Lua level is calling, as Lua's
        getfuncname reads it from the calling instruction, or None."""
        if self.chunk is None:
            return None
        _, site = self.position()
        if site is None or site[0] != "call" or not site[1] or not site[1][0]:
            return None
        what = site[1][0]
        if "'" not in what:
            return what, what          # "for iterator"
        kind, name = what.split(" ", 1)
        return kind, name.strip("'")

    def describe(self):
        """The text after the tab of this level's traceback line."""
        if self.chunk is None:
            if self.name:
                return f"[C]: in function '{self.name}'"
            if self.event:
                return f"[C]: in metamethod '{self.event}'"      # as Lua 5.2 says
            return f"[C]: in function <{_c_name(self.frame.f_code)}>"
        line, _ = self.position()
        where = f"{self.chunk.name}:{line}:"
        if self.name:
            return f"{where} in function '{self.name}'"
        if self.what == "main":
            return f"{where} in main chunk"
        return f"{where} in function <{self.chunk.name}:{self.frame.f_code.co_firstlineno}>"


def _c_name(code):
    return getattr(code, "co_qualname", code.co_name)


# ---- building the levels ----------------------------------------------------------------


def live_levels(frame):
    """The levels of the running stack, from `frame` (level 0) outwards."""
    raw = []
    while frame is not None:
        handled = _handled_at(frame)
        if handled is not None:     # the error's frames, inside xpcall's
            raw.extend(f for f in _exception_frames(handled) if f[0] is not frame)
        raw.append((frame, frame.f_lasti))
        frame = frame.f_back
    return _levels(raw)


def exception_levels(exc):
    """The levels an exception went through, innermost first (following the Python
    exception it was converted from, `__cause__`, where the engine converted one)."""
    return _levels(_exception_frames(exc))


def _exception_frames(exc):
    """(frame, lasti) of the traceback of `exc` and its causes, innermost first."""
    frames = []
    seen = set()
    while exc is not None:
        tb = exc.__traceback__
        while tb is not None:
            if id(tb.tb_frame) not in seen:
                seen.add(id(tb.tb_frame))
                frames.append((tb.tb_frame, tb.tb_lasti))
            tb = tb.tb_next
        exc = exc.__cause__
    frames.reverse()
    return frames


def _levels(raw):
    """Levels from Python frames (innermost first): Lua frames, and the Python frames
    that Lua called (or that are standard-library functions, as pcall's callee)."""
    library = _library_codes()
    levels = []
    for i, (frame, lasti) in enumerate(raw):
        code = frame.f_code
        chunk = errors.chunk_of(code)
        if chunk is not None:
            if code.co_name != "<module>":
                levels.append(Level(frame, lasti, chunk))
        elif not errors.is_internal(code):
            if code in library or _called_from_lua(raw, i):
                levels.append(Level(frame, lasti, None, _metamethod_event(raw, i)))
    for level, caller in zip(levels, levels[1:] + [None]):
        named = caller.call_name() if caller is not None else None
        if named is not None:
            level.namewhat, level.name = named
        elif level.chunk is None:
            level.name = library.get(level.frame.f_code)
            level.namewhat = "global" if level.name else ""
    return levels


def _metamethod_event(raw, i):
    """The event ("add") of the runtime helper that called raw[i], if it was one
    (runtime.py's `_<event>_meta` helpers keep it in their `event` argument)."""
    for frame, _ in raw[i + 1:]:
        if not errors.is_internal(frame.f_code):
            return None
        event = frame.f_locals.get("event")
        if type(event) is str and event.startswith("__"):
            return event[2:]
    return None


def _called_from_lua(raw, i):
    """Is the first frame outside raw[i], runtime helpers skipped, a Lua function's?"""
    for frame, _ in raw[i + 1:]:
        if not errors.is_internal(frame.f_code):
            return errors.chunk_of(frame.f_code) is not None
    return False


def _library_codes():
    """code object -> Lua name, for the functions of the standard library."""
    from th.lua.runtime import current_runtime
    from th.lua.table import LuaTable
    rt = current_runtime()
    found = {}
    if rt is None:
        return found
    from th.lua.lib import LIBRARIES
    g = rt.globals
    for lib, _ in LIBRARIES:
        table = g.hash.get(lib) if lib != "_G" else g
        if type(table) is not LuaTable:
            continue
        prefix = "" if lib == "_G" else lib + "."
        for key, value in table.items():
            code = _code_of(value)
            if code is not None and type(key) is str:
                found.setdefault(code, prefix + key)
    return found


def _code_of(f):
    if isinstance(f, types.MethodType):
        f = f.__func__
    code = getattr(f, "__code__", None) if isinstance(f, types.FunctionType) else None
    if code is None or errors.chunk_of(code) is not None:
        return None
    return code


# ---- xpcall handlers see the error's frames ---------------------------------------------

_handling = []      # (frame of xpcall, exception) while its handler runs


@contextlib.contextmanager
def handling(exc, xpcall_frame):
    """While an xpcall handler runs: the stack seen from it includes the frames the
    error went through (Lua calls the handler where the error happened)."""
    _handling.append((xpcall_frame, exc))
    try:
        yield
    finally:
        _handling.pop()


def _handled_at(frame):
    for xpcall_frame, exc in reversed(_handling):
        if xpcall_frame is frame:
            return exc
    return None


# ---- traceback text -------------------------------------------------------------------


def host_line():
    """The last line of a traceback: what ran the Lua code (Lua's own shows `[C]: ?`)."""
    from th.lua.runtime import current_runtime
    rt = current_runtime()
    host = getattr(rt, "host", None) or "Python code"
    return f"\t[th]: in {host}"


def elide(levels, start):
    """The levels a traceback shows, None standing for the "..." line: Lua's db_errorfb
    walk from stack level `start` (the first of `levels`), which keeps the levels up to
    the 12th and the last 10 of a deep stack."""
    end = start + len(levels)       # lua_getstack(L, k) succeeds for k < end
    shown = []
    level = start
    first_part = True
    while level < end:
        current = level
        level += 1
        if level > _LEVELS_TOP and first_part:
            first_part = False
            if level + _LEVELS_BOTTOM < end:
                shown.append(None)
                level = end - _LEVELS_BOTTOM
            else:
                level -= 1
            continue
        shown.append(levels[current - start])
    return shown


def format_levels(shown, host=None):
    """"stack traceback:", a line per level (None: the "..." of an elided middle) and
    the host line (`host`, else the running one's; "" for none, as under a coroutine)."""
    lines = ["stack traceback:"]
    for level in shown:
        lines.append("\t..." if level is None else "\t" + level.describe())
    host = host if host is not None else host_line()
    if host:
        lines.append(host)
    return "\n".join(lines)


def error_traceback(exc, host):
    """The traceback text of an error that reached Python (Runtime.call), as Lua's
    standalone interpreter and trepl print it: from the function that raised it on
    (their message handler calls debug.traceback(msg, 2))."""
    text = format_levels(elide(exception_levels(exc), 2), f"\t[th]: in {host}")
    if os.environ.get("TH_TRACEBACK"):
        cause = exc.__cause__ if exc.__cause__ is not None else exc
        text += ("\nPython traceback (TH_TRACEBACK=1):\n"
                 + "".join(_pytraceback.format_exception(cause)).rstrip())
    return text


def caller_chunk(depth=1):
    """The Chunk of the innermost Lua function on the stack, seen from the caller of the
    function calling this (None when no Lua code is running)."""
    frame = sys._getframe(depth + 1)
    while frame is not None:
        chunk = errors.chunk_of(frame.f_code)
        if chunk is not None and frame.f_code.co_name != "<module>":
            return chunk
        frame = frame.f_back
    return None
