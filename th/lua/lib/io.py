"""Lua's `io` library (Lua 5.1's liolib, with LuaJIT's readers: "*L", formats without
'*', `lines` with formats, and `write` returning the file so calls chain).

A Lua file is a `LuaFile` (userdata to Lua: `f:read("*l")` calls `LuaFile.read(f, "*l")`
through interop's method lookup). It reads and writes through a stream:
- `_ByteStream`: a real file or pipe, opened in binary mode. Lua strings are Python str
  (the engine reads Lua source as UTF-8), so text crosses as UTF-8, and bytes that are
  not UTF-8 survive a read/write round trip as surrogate escapes.
- `_ConsoleStream`: sys.stdin / sys.stdout / sys.stderr *as they are at each call*, so
  `io.write` and `print` interleave correctly and pytest or the console can swap them.

Failures of the operating system come back as Lua's `nil, "name: message", errno`;
misuse raises Lua's errors ("attempt to use a closed file", "bad argument #1 to 'read'
(invalid format)").
"""
import errno
import io as io_module
import os
import re
import subprocess
import sys
import tempfile
import weakref

from th.lua.lib.args import (
    NOARG, LibError, arg_error, check_any, check_string, number_to_string, opt_integer,
    opt_string, str_to_number, tointeger, type_error,
)
from th.lua.table import LuaTable

_SPACE = " \t\n\v\f\r"
# Any prefix of a number C's "%lf" scan would read (decimal or hex).
_NUMBER_PREFIX = re.compile(
    r"[+-]?(?:0[xX][0-9a-fA-F]*(?:\.[0-9a-fA-F]*)?(?:[pP][+-]?[0-9]*)?"
    r"|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]*)?|\.)?")


def _encode(s):
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogatepass")


def _decode(b):
    return b.decode("utf-8", "surrogateescape")


# ---- streams -----------------------------------------------------------------------


class _ByteStream:
    """A binary file object (and the process behind a pipe), read and written as str."""

    def __init__(self, f, process=None):
        self.f = f
        self.process = process

    def read(self, n=-1):
        return _decode(self.f.read(n))

    def readline(self):
        return _decode(self.f.readline())

    def write(self, s):
        self.f.write(_encode(s))

    def flush(self):
        self.f.flush()

    def seek(self, offset, whence):
        return self.f.seek(offset, whence)

    def close(self):
        self.f.close()
        if self.process is not None:
            self.process.wait()


class _ConsoleStream:
    """One of sys.stdin / sys.stdout / sys.stderr, looked up at every call."""

    def __init__(self, name):
        self.name = name

    def read(self, n=-1):
        return getattr(sys, self.name).read(n)

    def readline(self):
        return getattr(sys, self.name).readline()

    def write(self, s):
        stream = getattr(sys, self.name)
        try:
            stream.write(s)
        except UnicodeEncodeError:  # raw bytes kept as surrogates: write them as bytes
            buffer = getattr(stream, "buffer", None)
            if buffer is None:
                stream.write(_encode(s).decode("utf-8", "replace"))
            else:
                stream.flush()
                buffer.write(_encode(s))

    def flush(self):
        getattr(sys, self.name).flush()

    def seek(self, offset, whence):
        raise OSError(errno.ESPIPE, os.strerror(errno.ESPIPE))

    def close(self):
        raise AssertionError("standard files are never closed")


# ---- file handles -----------------------------------------------------------------------


def _os_error(e, filename=None):
    """Lua's pushresult for a failure: nil, message, errno."""
    if isinstance(e, io_module.UnsupportedOperation):  # reading a write-only file, ...
        e = OSError(errno.EBADF, os.strerror(errno.EBADF))
    code = e.errno if e.errno is not None else 0
    message = e.strerror or str(e)
    if filename is not None:
        message = f"{filename}: {message}"
    return None, message, code


class LuaFile:
    """A Lua file handle. Example: `f = io.open("x.txt", "w"); f:write("hi\\n"); f:close()`."""

    __slots__ = ("_stream", "_closed", "_standard", "_ahead", "_vbuf", "__weakref__")

    def __init__(self, stream, standard=False):
        self._stream = stream
        self._closed = False
        self._standard = standard
        self._ahead = ""     # characters read ahead and given back (C's ungetc)
        self._vbuf = "full"  # setvbuf mode: "no", "line" or "full"
        if not standard:
            _open_files.add(self)

    def __str__(self):
        return "file (closed)" if self._closed else "file (0x%08x)" % id(self)

    __repr__ = __str__

    # ---- reading ----

    def _getc(self):
        if self._ahead:
            c = self._ahead[0]
            self._ahead = self._ahead[1:]
            return c
        return self._stream.read(1)

    def _read_line(self, keep_newline):
        head, self._ahead = self._ahead, ""
        line = head if head.endswith("\n") else head + self._stream.readline()
        if not line:
            return None
        if line.endswith("\n") and not keep_newline:
            return line[:-1]
        return line

    def _read_chars(self, n):
        head = self._ahead[:n]
        self._ahead = self._ahead[n:]
        data = head + self._stream.read(n - len(head)) if n > len(head) else head
        return data if data else None

    def _read_all(self):
        head, self._ahead = self._ahead, ""
        return head + self._stream.read()

    def _test_eof(self):
        c = self._getc()
        if not c:
            return None
        self._ahead = c + self._ahead
        return ""

    def _read_number(self):
        c = self._getc()
        while c and c in _SPACE:
            c = self._getc()
        text = ""
        while c and _NUMBER_PREFIX.fullmatch(text + c):
            text += c
            c = self._getc()
        if c:
            self._ahead = c + self._ahead
        return str_to_number(text) if text else None

    def _read(self, formats, fname, first=1):
        # first: the argument number of the first format (2 for file:read, self being 1)
        if not formats:
            return self._read_line(False)
        out = []
        for k, fmt in enumerate(formats, first):
            if type(fmt) is int or type(fmt) is float:
                n = tointeger(fmt)
                v = self._test_eof() if n <= 0 else self._read_chars(n)
            else:
                v = self._read_format(fmt, k, fname)
            out.append(v)
            if v is None:
                break  # Lua stops at the first failure, which reads as nil
        return out[0] if len(out) == 1 else tuple(out)

    def _read_format(self, fmt, k, fname):
        if type(fmt) is not str or not fmt or (fmt[0] != "*" and fmt[0] not in "nlLa"):
            raise arg_error(k, fname, "invalid option")
        c = fmt[1:2] if fmt[0] == "*" else fmt[0]
        if c == "n":
            return self._read_number()
        if c == "l":
            return self._read_line(False)
        if c == "L":
            return self._read_line(True)
        if c == "a":
            return self._read_all()
        raise arg_error(k, fname, "invalid format")

    # ---- Lua methods ----

    def read(self, *formats):
        """file:read(...)

        Reads by the given formats: "*l" a line (default), "*L" a line with its newline,
        "*n" a number, "*a" the rest of the file, n up to n bytes; nil at end of file.
        Example: local f = io.open("data.txt"); local line = f:read("*l"); f:close()
        """
        _check_open(self, "read")
        try:
            return self._read(formats, "read", 2)
        except OSError as e:
            return _os_error(e)

    def write(self, *values):
        """file:write(...)

        Writes each string or number (numbers as tostring shows them); returns the file.
        Example: io.stdout:write("x = ", 42, "\\n")
        """
        _check_open(self, "write")
        return _write(self, values, 2)

    def lines(self, *formats):
        """file:lines(...)

        An iterator over the file's lines (or over reads by the given formats).
        Example: for line in f:lines() do print(line) end
        """
        _check_open(self, "lines")
        return _lines_iterator(self, formats, close_at_eof=False)

    def seek(self, whence=NOARG, offset=NOARG, *_):
        """file:seek([whence [, offset]])

        Moves to offset from "set" (start), "cur" (default) or "end"; returns the position.
        Example: local size = f:seek("end")
        """
        _check_open(self, "seek")
        if whence is NOARG or whence is None:
            whence = "cur"
        whence = check_string(whence, 2, "seek")
        if whence not in _WHENCE:
            raise arg_error(2, "seek", f"invalid option '{whence}'")
        offset = opt_integer(offset, 3, "seek", 0)
        mode = _WHENCE[whence]
        if mode == os.SEEK_CUR:
            offset -= len(_encode(self._ahead))
        try:
            pos = self._stream.seek(offset, mode)
        except OSError as e:
            return _os_error(e)
        except ValueError:  # a negative position, for some Python streams
            return _os_error(OSError(errno.EINVAL, os.strerror(errno.EINVAL)))
        self._ahead = ""
        return pos

    def setvbuf(self, mode=NOARG, size=NOARG, *_):
        """file:setvbuf(mode [, size])

        Buffering: "no" (write at once), "line" (at each newline) or "full".
        Example: io.stdout:setvbuf("no")
        """
        _check_open(self, "setvbuf")
        mode = check_string(mode, 2, "setvbuf")
        if mode not in ("no", "full", "line"):
            raise arg_error(2, "setvbuf", f"invalid option '{mode}'")
        opt_integer(size, 3, "setvbuf", 1024)
        self._vbuf = mode
        if mode != "full":
            self._stream.flush()
        return True

    def flush(self):
        """file:flush()

        Writes out what is buffered for the file.
        Example: io.stdout:flush()
        """
        _check_open(self, "flush")
        try:
            self._stream.flush()
        except OSError as e:
            return _os_error(e)
        return True

    def close(self):
        """file:close()

        Closes the file (standard files cannot be closed).
        Example: local f = io.open("x.txt", "w"); f:write("hi"); f:close()
        """
        _check_open(self, "close")
        return _close(self)


_WHENCE = {"set": os.SEEK_SET, "cur": os.SEEK_CUR, "end": os.SEEK_END}
_open_files = weakref.WeakSet()


def _check_open(f, fname):
    if type(f) is not LuaFile:
        raise type_error(f, 1, fname, "FILE*")
    if f._closed:
        raise LibError("attempt to use a closed file")


def _write(f, values, first=1):
    # first: the argument number of the first value (2 for file:write, self being 1)
    stream = f._stream
    try:
        for k, v in enumerate(values, first):
            tv = type(v)
            if tv is str:
                stream.write(v)
            elif tv is int or tv is float:
                stream.write(number_to_string(v))
            else:
                raise type_error(v, k, "write", "string")
        if f._vbuf != "full" and (f._vbuf == "no" or any("\n" in v for v in values if type(v) is str)):
            stream.flush()
    except OSError as e:
        return _os_error(e)
    return f


def _close(f):
    if f._standard:
        return None, "cannot close standard file"
    f._closed = True
    try:
        f._stream.close()
    except OSError as e:
        return _os_error(e)
    return True


def _lines_iterator(f, formats, close_at_eof):
    def lines_iter(*_):
        if f._closed:
            raise LibError("file is already closed")
        try:
            r = f._read(formats, "lines")
        except OSError as e:
            raise LibError(e.strerror or str(e)) from None
        if r is None or (type(r) is tuple and r[0] is None):
            if close_at_eof:
                _close(f)
            return ()
        return r
    return lines_iter


def flush_all():
    """Flush every open Lua file and the standard streams (os.exit calls this, as C's exit)."""
    for f in list(_open_files):
        if not f._closed:
            try:
                f._stream.flush()
            except (OSError, ValueError):
                pass
    for name in ("stdout", "stderr"):
        try:
            getattr(sys, name).flush()
        except (OSError, ValueError, AttributeError):
            pass


STDIN = LuaFile(_ConsoleStream("stdin"), standard=True)
STDOUT = LuaFile(_ConsoleStream("stdout"), standard=True)
STDERR = LuaFile(_ConsoleStream("stderr"), standard=True)


# ---- opening files ----------------------------------------------------------------------


def _python_mode(mode):
    """C fopen's mode -> Python's binary mode, or None when fopen would say EINVAL."""
    if not mode or mode[0] not in "rwa":
        return None
    rest = mode[1:]
    plus = "+" in rest
    if mode[0] == "w" and "x" in rest:
        return "xb+" if plus else "xb"
    return mode[0] + "b" + ("+" if plus else "")


def open_file(filename, mode="r"):
    """A LuaFile for `filename`, or raise OSError (as C's fopen fails)."""
    pymode = _python_mode(mode)
    if pymode is None:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
    return LuaFile(_ByteStream(open(filename, pymode)))


def io_open(filename=NOARG, mode=NOARG, *_):
    """io.open(filename [, mode])

    Opens a file in mode "r" (default), "w", "a", "r+", "w+" or "a+" (a "b" is allowed);
    returns the file, or nil, an error message and an error number.
    Example: local f = assert(io.open("out.txt", "w"))
    """
    filename = check_string(filename, 1, "open")
    mode = opt_string(mode, 2, "open", "r")
    try:
        return open_file(filename, mode)
    except OSError as e:
        return _os_error(e, filename)


def io_popen(prog=NOARG, mode=NOARG, *_):
    """io.popen(prog [, mode])

    Runs the shell command prog; returns a file to read its output ("r", default) or to
    write its input ("w").
    Example: local f = io.popen("ls"); print(f:read("*a")); f:close()
    """
    prog = check_string(prog, 1, "popen")
    mode = opt_string(mode, 2, "popen", "r")
    flush_all()
    try:
        if mode.startswith("w"):
            p = subprocess.Popen(prog, shell=True, stdin=subprocess.PIPE)
            return LuaFile(_ByteStream(p.stdin, p))
        p = subprocess.Popen(prog, shell=True, stdout=subprocess.PIPE)
        return LuaFile(_ByteStream(p.stdout, p))
    except OSError as e:
        return _os_error(e, prog)


def io_tmpfile(*_):
    """io.tmpfile()

    A new temporary file opened for update, removed when closed.
    Example: local f = io.tmpfile(); f:write("x"); f:seek("set"); print(f:read("*a"))
    """
    try:
        return LuaFile(_ByteStream(tempfile.TemporaryFile("w+b")))
    except OSError as e:
        return _os_error(e)


def io_type(obj=NOARG, *_):
    """io.type(obj)

    "file" for an open file, "closed file" for a closed one, nil for anything else.
    Example: io.type(io.stdout)  --> "file"
    """
    check_any(obj, 1, "type")
    if type(obj) is not LuaFile:
        return None
    return "closed file" if obj._closed else "file"


# ---- the default input and output ----------------------------------------------------------


class _Defaults:
    """The current default input and output files of one runtime (io.input / io.output)."""

    def __init__(self):
        self.files = {"input": STDIN, "output": STDOUT}

    def get(self, which):
        f = self.files[which]
        if f._closed:
            raise LibError(f"standard {which} file is closed")
        return f

    def switch(self, which, mode, arg):
        if arg is not NOARG and arg is not None:
            tv = type(arg)
            if tv is str or tv is int or tv is float:
                name = check_string(arg, 1, which)
                try:
                    self.files[which] = open_file(name, mode)
                except OSError as e:
                    raise arg_error(1, which, f"{name}: {e.strerror}") from None
            else:
                _check_open(arg, which)
                self.files[which] = arg
        return self.files[which]


def _make_defaults_functions(defaults):
    def io_input(file=NOARG, *_):
        """io.input([file])

        Sets the default input to the named file (opened for reading) or to a file
        handle; returns the current default input.
        Example: io.input("data.txt"); print(io.read("*l"))
        """
        return defaults.switch("input", "r", file)

    def io_output(file=NOARG, *_):
        """io.output([file])

        Sets the default output to the named file (opened for writing) or to a file
        handle; returns the current default output.
        Example: io.output("log.txt"); io.write("done\\n"); io.close()
        """
        return defaults.switch("output", "w", file)

    def io_read(*formats):
        """io.read(...)

        Reads from the default input (see file:read): "*l", "*L", "*n", "*a" or a count.
        Example: local n = io.read("*n")
        """
        f = defaults.get("input")
        try:
            return f._read(formats, "read")
        except OSError as e:
            return _os_error(e)

    def io_write(*values):
        """io.write(...)

        Writes strings and numbers to the default output (no newline added).
        Example: io.write("x = ", 42, "\\n")
        """
        return _write(defaults.get("output"), values)

    def io_lines(filename=NOARG, *formats):
        """io.lines([filename, ...])

        An iterator over the lines of the named file (closed at its end), or of the
        default input.
        Example: for line in io.lines("data.txt") do print(line) end
        """
        if filename is NOARG or filename is None:
            return _lines_iterator(defaults.get("input"), formats, close_at_eof=False)
        name = check_string(filename, 1, "lines")
        try:
            f = open_file(name, "r")
        except OSError as e:
            raise arg_error(1, "lines", f"{name}: {e.strerror}") from None
        return _lines_iterator(f, formats, close_at_eof=True)

    def io_close(file=NOARG, *_):
        """io.close([file])

        Closes the file (default: the default output).
        Example: io.close(f)
        """
        if file is NOARG:
            file = defaults.files["output"]
        _check_open(file, "close")
        return _close(file)

    def io_flush(*_):
        """io.flush()

        Writes out what is buffered for the default output.
        Example: io.write("progress..."); io.flush()
        """
        return LuaFile.flush(defaults.get("output"))

    return {
        "close": io_close, "flush": io_flush, "input": io_input, "lines": io_lines,
        "output": io_output, "read": io_read, "write": io_write,
    }


FUNCTIONS = {
    "open": io_open,
    "popen": io_popen,
    "tmpfile": io_tmpfile,
    "type": io_type,
}


def open_lib(runtime_):
    """The `io` table, with this runtime's own default input and output."""
    lib = LuaTable.from_dict(FUNCTIONS)
    for name, fn in _make_defaults_functions(_Defaults()).items():
        lib.set(name, fn)
    lib.set("stdin", STDIN)
    lib.set("stdout", STDOUT)
    lib.set("stderr", STDERR)
    return lib
