"""Lua errors: the exception classes, chunk positions, and turning Python errors into Lua's.

Compiled chunks register here (`register_chunk`): each gets a unique Python filename, a
Lua chunk name for messages (`stdin`, `x.lua`, `[string "..."]`) and a table of "sites".
The compiler gives every operation that can fail (call, index, arithmetic, ...) a site
number and stores it as the Python node's `col_offset`; so the failing bytecode of any
Lua frame leads back, through `co_positions()`, to the Lua line *and* to the variable
names Lua puts in its messages ("attempt to call global 'foo' (a nil value)").

Errors are positioned lazily where possible: a Python TypeError raised by the
interpreter inside Lua code (calling nil, say) is converted at the boundary that catches
it (pcall, Runtime.execute, coroutine.resume) by `to_lua_error`.
"""
import linecache
import os
import re
import sys

from th.lua.lib.args import LibError, typename

# ---- the exception classes ------------------------------------------------------


class LuaError(Exception):
    """A Lua error: `.value` is the Lua error value (usually a message string).

    `.lua_traceback` is Lua's "stack traceback:" text of the levels the error went
    through, once it has reached Python (Runtime.call names the host running the Lua
    code, `.host`); it is worked out when read, since most errors are caught by pcall."""

    def __init__(self, value, traceback=None):
        super().__init__(value)
        self.value = value
        self.host = None
        self._lua_traceback = traceback

    @property
    def lua_traceback(self):
        if self._lua_traceback is None and self.host is not None:
            from th.lua import stack
            return stack.error_traceback(self, self.host)
        return self._lua_traceback

    @lua_traceback.setter
    def lua_traceback(self, text):
        self._lua_traceback = text

    def __str__(self):
        v = self.value
        if type(v) is str:
            return v
        from th.lua.runtime import tostring
        if v is None:
            return "nil"
        try:
            return tostring(v)
        except Exception:
            return object.__repr__(v)


class LuaSyntaxError(LuaError):
    """A syntax error: `.chunkname`, `.line`, `.at_eof` (input merely unfinished)."""

    def __init__(self, message, chunkname, line, at_eof=False):
        super().__init__(message)
        self.chunkname = chunkname
        self.line = line
        self.at_eof = at_eof


class CompilerBug(Exception):
    """An internal error of the compiler (never the user's fault)."""


# ---- chunk registry -------------------------------------------------------------


class Chunk:
    """What the runtime knows about one compiled chunk."""
    __slots__ = ("key", "name", "chunkname", "sites", "source", "env_names", "function_ends")

    def __init__(self, key, name, source, chunkname=None):
        self.key = key          # unique Python co_filename
        self.name = name        # the name Lua messages show (shortened as Lua does)
        self.chunkname = chunkname  # the name given to load, in full: "@/path/file.lua"
        self.sites = [None]     # site number -> (kind, names...)
        self.source = source
        self.env_names = []     # the globals naming its functions' environments
        self.function_ends = {}     # (Python name, first line) -> line of the `end`


_chunks = {}
_counter = [0]


def display_chunkname(chunkname):
    """Lua's luaO_chunkid: '=stdin' -> 'stdin', '@f.lua' -> 'f.lua', else [string "..."]."""
    if chunkname.startswith("="):
        return chunkname[1:60]
    if chunkname.startswith("@"):
        name = chunkname[1:]
        if len(name) > 52:
            name = "..." + name[-52:]
        return name
    n = min(len(chunkname), 43)     # LUA_IDSIZE less the decoration
    nl = chunkname.find("\n")
    if 0 <= nl < n:
        n = nl
    if n < len(chunkname):
        return '[string "' + chunkname[:n] + '..."]'
    return '[string "' + chunkname + '"]'


def register_chunk(chunkname, source):
    """A new Chunk for `chunkname` (Lua style); its key is unique per compilation."""
    _counter[0] += 1
    base = chunkname[1:] if chunkname[:1] in "=@" else "string"
    key = f"<lua:{os.path.basename(base)[:40]}#{_counter[0]}>"
    chunk = Chunk(key, display_chunkname(chunkname), source, chunkname)
    _chunks[key] = chunk
    # Tracebacks and pdb show the Lua source lines.
    lines = source.splitlines(True)
    linecache.cache[key] = (len(source), None, lines, key)
    return chunk


def chunk_of(code):
    """The Chunk a Python code object was compiled from, or None (not Lua)."""
    return _chunks.get(code.co_filename)


def is_lua_frame(frame):
    return frame.f_code.co_filename in _chunks


# ---- positions ------------------------------------------------------------------


def code_position(code, lasti):
    """(Lua line, site) of the instruction at `lasti` in a compiled Lua code object."""
    chunk = _chunks.get(code.co_filename)
    if chunk is None or lasti < 0:
        return None, None
    for i, pos in enumerate(code.co_positions()):
        if i == lasti // 2:
            line, _, col, _ = pos
            site = chunk.sites[col] if col is not None and 0 < col < len(chunk.sites) else None
            return line, site
    return None, None


def frame_position(frame):
    """(line, site) of the instruction a Lua frame is executing."""
    line, site = code_position(frame.f_code, frame.f_lasti)
    if line is None:
        line = frame.f_lineno
    return line, site


def lua_frames(level=1):
    """Lua frames on the current Python stack, innermost first, from `level` frames up."""
    f = sys._getframe(level + 1)
    while f is not None:
        if f.f_code.co_filename in _chunks:
            yield f
        f = f.f_back


_INTERNAL_FILES = set()


def internal_module(filename):
    """Frames of this file are not Lua levels (helpers between Lua code and callees)."""
    _INTERNAL_FILES.add(filename)


def is_internal(code):
    """True for the code of a runtime helper (see internal_module)."""
    return code.co_filename in _INTERNAL_FILES


def where(level=1):
    """Lua's luaL_where for a library function: "chunk:line: " of the level-th caller.

    Level 1 is the function that called the library function. A caller that is not Lua
    (pcall, say: a C function in Lua) has no position, as in Lua.
    """
    f = sys._getframe(2)      # the caller of the library function that called where()
    n = 1
    while f is not None:
        filename = f.f_code.co_filename
        if filename in _INTERNAL_FILES:
            f = f.f_back
            continue
        if n == level:
            chunk = _chunks.get(filename)
            if chunk is None:
                return ""
            line, _ = frame_position(f)
            return f"{chunk.name}:{line}: "
        n += 1
        f = f.f_back
    return ""


def current_site():
    """(prefix "chunk:line: ", site) for the innermost Lua frame, from a runtime helper."""
    for f in lua_frames(2):
        line, site = frame_position(f)
        return f"{_chunks[f.f_code.co_filename].name}:{line}: ", site
    return "", None


# ---- messages with variable names ------------------------------------------------


def describe(site, operand=0):
    """Lua's variable description for an operand of a site: "local 'x'", or ''."""
    if site is None:
        return ""
    names = site[1]
    if operand < len(names) and names[operand]:
        return names[operand] + " "
    return ""


def type_error_message(op, value, site, operand=0):
    """"attempt to <op> <local 'x' >(a <type> value)"."""
    name = describe(site, operand)
    if name:
        return f"attempt to {op} {name}(a {typename(value)} value)"
    return f"attempt to {op} a {typename(value)} value"


def op_error(op, value, operand=0):
    """A positioned LuaError for a runtime helper: attempt to `op` `value`."""
    prefix, site = current_site()
    return LuaError(prefix + type_error_message(op, value, site, operand))


# ---- converting Python exceptions ------------------------------------------------

_PY_TYPES = {"NoneType": "nil", "int": "number", "float": "number", "str": "string",
             "bool": "boolean", "LuaTable": "table", "function": "function",
             "builtin_function_or_method": "function", "module": "table"}

_SITE_VERBS = {"call": "call", "index": "index", "arith": "perform arithmetic on"}


def _innermost_lua(tb):
    """(frame, lasti, is_last) of the innermost Lua frame in a traceback."""
    found = None
    last = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in _chunks:
            found = (tb.tb_frame, tb.tb_lasti)
        last = tb
        tb = tb.tb_next
    if found is None:
        return None, None, False
    return found[0], found[1], last.tb_frame is found[0]


def to_lua_error(exc):
    """The LuaError that a Python exception caught at a Lua boundary stands for.

    LuaErrors pass unchanged. RecursionError becomes "stack overflow". A TypeError raised
    by the interpreter inside Lua code (e.g. calling nil) gets Lua's wording with the
    variable name; any other library exception gets the calling Lua line prefixed.
    """
    if isinstance(exc, LuaError):
        return exc
    frame, lasti, in_lua = _innermost_lua(exc.__traceback__)
    prefix = ""
    site = None
    if frame is not None:
        line, site = code_position(frame.f_code, lasti)
        if line is None:
            line = frame.f_lineno
        prefix = f"{_chunks[frame.f_code.co_filename].name}:{line}: "
    if isinstance(exc, RecursionError):
        err = LuaError(prefix + "stack overflow")
    elif in_lua and isinstance(exc, TypeError) and site is not None:
        err = LuaError(prefix + _interpreter_type_error(exc, site))
    elif type(exc) is LibError and exc.stdlib and _called_by(exc.__traceback__):
        err = LuaError(prefix + _argerror(exc, site if frame is not None else None))
    else:
        msg = str(exc)
        if isinstance(exc, (KeyError,)) and exc.args:
            msg = str(exc.args[0])
        elif isinstance(exc, TypeError) and _raised_calling_from_lua(exc.__traceback__):
            msg = _binding_error(msg) or msg
        err = LuaError(prefix + msg)
    err.__cause__ = exc
    if os.environ.get("TH_TRACEBACK"):
        err.python_traceback = exc
    return err


_STDLIB_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib") + os.sep


def _called_by(tb):
    """Was a standard-library argument error raised in the function the innermost Lua
    frame called (the first frame after it, runtime helpers skipped, is in th/lua/lib),
    or in one called from Python (pcall, say: a C function calling it, in Lua)?"""
    called = None
    lua_seen = False
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in _chunks:
            lua_seen, called = True, None
        elif called is None and filename not in _INTERNAL_FILES:
            called = filename
        tb = tb.tb_next
    return not lua_seen or called is not None and called.startswith(_STDLIB_DIR)


_NAMED = ("global '", "local '", "field '", "upvalue '", "method '")


def _argerror(exc, site):
    """luaL_argerror's message for the call at `site` (None: not called from Lua).

    The function is named as the call names it ('?' when the call gives no name, or when
    the function was called from Python, as C functions calling it are in Lua); a method
    call does not count self: "bad argument #1 to 'rep'" for `s:rep()`, "calling 'rep'
    on bad self (...)" when self itself is wrong."""
    narg, name = exc.narg, "?"
    what = site[1][0] if site is not None and site[0] == "call" and site[1] else None
    if what == "for iterator":
        name = "(for generator)"
    elif what is not None and what.startswith(_NAMED):
        name = what[what.index("'") + 1:-1]
        if what.startswith("method '"):
            narg -= 1
            if narg == 0:
                return f"calling '{name}' on bad self ({exc.extramsg})"
    return f"bad argument #{narg} to '{name}' ({exc.extramsg})"


def _interpreter_type_error(exc, site):
    text = str(exc)
    kind = site[0]
    if kind == "call" and "not callable" in text:
        pytype = text.split("'")[1] if "'" in text else ""
        tname = _PY_TYPES.get(pytype, "userdata")
        name = describe(site, 0)
        return f"attempt to call {name}(a {tname} value)" if name else f"attempt to call a {tname} value"
    if kind == "call":
        return _binding_error(text) or text
    return text


# Python's own words when a call's arguments do not fit a Python function's parameters.
_MISSING = re.compile(r"^([\w.<>]+)\(\) missing \d+ required (?:positional|keyword-only) "
                      r"arguments?: '(\w+)'")
_TOO_MANY = re.compile(r"^([\w.<>]+)\(\) takes (?:from \d+ to )?(\d+) positional "
                       r"arguments? but (\d+) (?:was|were) given")


def _binding_error(text):
    """Lua's wording for a Python function called from Lua with too few or too many
    arguments (`nn.Concat()`), instead of Python's "__init__() missing 1 required ...".
    Method counts leave `self` out, as a Lua user counts the arguments of `t:m(a)`."""
    missing = _MISSING.match(text)
    if missing:
        func, param = missing.groups()
        return f"wrong number of arguments to '{_lua_name(func)}' (argument '{param}' missing)"
    too_many = _TOO_MANY.match(text)
    if too_many:
        func, most, given = too_many.groups()
        self_count = 1 if "." in func else 0
        return (f"wrong number of arguments to '{_lua_name(func)}' "
                f"(at most {int(most) - self_count} expected, got {int(given) - self_count})")
    return None


_LUA_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
_CALL_BOUNDARIES = set()


def call_boundary(func):
    """Mark `func` as a hand-over from Lua to Python (like a metaclass's __call__ that
    runs a constructor): a call it makes that fails to bind its arguments is worded as
    Lua's "wrong number of arguments". Returns func (usable as a decorator)."""
    _CALL_BOUNDARIES.add(func.__code__)
    return func


def _raised_calling_from_lua(tb):
    """Did the call fail while binding its arguments, made by Lua code, the runtime's
    call helpers or a marked call boundary (the innermost frame is theirs, so the callee
    never started)?"""
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    filename = code.co_filename
    return filename in _chunks or filename.startswith(_LUA_DIR) or code in _CALL_BOUNDARIES


def _lua_name(qualname):
    # "Concat.__init__" is the constructor nn.Concat; "Tensor.narrow" the method narrow.
    parts = qualname.split(".")
    if parts[-1] == "__init__" and len(parts) > 1:
        return parts[-2]
    return parts[-1]
