"""The io library: files, formats, default input/output; compared with Lua 5.1 where it can be."""
import io
import sys

import pytest

from lib_oracle import lua_eval, lua_literal, lua_run, py_eval, show, th_eval, th_run
from th.lua.lib import io as IO
from th.lua.lib.args import LibError


def drain(iterator):
    """Call a Lua iterator until it returns nothing (Lua's for-in loop)."""
    out = []
    while True:
        v = iterator()
        if v is None or v == ():
            return out
        out.append(v)


@pytest.fixture
def lib():
    return IO.open_lib(None)


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "data.txt")


def reads_both(path, content, formats_list):
    """Read `content` from a file by successive f:read(formats) calls, here and in Lua 5.1."""
    with open(path, "wb") as fh:
        fh.write(content.encode("latin-1"))
    calls = "".join(f"out[#out + 1] = __show_all(f:read({', '.join(map(lua_literal, fmts))})) "
                    for fmts in formats_list)
    program = f"""
        local function __show_all(...)
          local t = {{}}
          for i = 1, select('#', ...) do t[i] = __show((select(i, ...))) end
          return table.concat(t, ',')
        end
        local f = io.open({lua_literal(path)}) local out = {{}} {calls} f:close()
        return table.concat(out, '|')"""
    assert th_run(program) == lua_run(program)


@pytest.mark.parametrize("content,formats_list", [
    ("line1\nline2\n\nlast", [(), ("*l",), ("*l",), ("*l",), ("*l",), ()]),
    ("line1\nline2\n", [("*a",), ("*a",), ("*l",)]),
    ("abcdef", [(2,), (0,), (10,), (0,), (1,)]),
    ("  12 0x1F -3.5e2 .5 abc", [("*n",), ("*n", "*n"), ("*n",), ("*n",), ("*l",)]),
    ("1e5x 7", [("*n",), ("*a",)]),
    ("12\n34\n", [("*n", "*n", "*n")]),
    ("x", [("*n",), ("*l",)]),
    ("a\nb\n", [("*l", "*l", "*l")]),
    ("data", [("*x",)]),
    ("data", [("x",)]),
    ("data", [(None,)]),
    ("data", [(2, "*l", 5)]),
    ("", [(), ("*a",), (0,), (5,), ("*n",)]),
])
def test_read_formats_match_lua51(path, content, formats_list):
    reads_both(path, content, formats_list)


def test_luajit_read_formats(path):
    with open(path, "w") as fh:
        fh.write("one\ntwo\n3\n")
    f = IO.io_open(path)
    assert f.read("*L") == "one\n"
    assert f.read("l") == "two"
    assert f.read("n") == 3
    assert f.read("a") == "\n"
    f.close()


def test_open_errors_match_lua51(path):
    for args in [("/nonexistent/x",), (path, "z"), ("/nonexistent/x", "w"), (None,), ()]:
        code = f"io.open({', '.join(map(lua_literal, args))})"
        assert py_eval(IO.io_open, *args) == lua_eval(code), code


def test_write_read_round_trip_and_modes(path):
    f = IO.io_open(path, "w")
    assert f.write("a", 1, " ", 2.5, "\n") is f
    assert f.close() is True
    assert IO.io_open(path).read("*a") == "a1 2.5\n"
    f = IO.io_open(path, "a")
    f.write("more\n")
    f.close()
    assert IO.io_open(path, "rb").read("*a") == "a1 2.5\nmore\n"
    f = IO.io_open(path, "r+")
    f.write("A")
    f.seek("set", 0)
    assert f.read("*l") == "A1 2.5"
    f.close()
    f = IO.io_open(path, "w+")
    f.write("xyz")
    assert f.seek("set") == 0
    assert f.read("*a") == "xyz"
    assert f.seek("end") == 3 and f.seek("cur", -1) == 2 and f.seek() == 2
    f.close()


def test_non_utf8_bytes_survive_a_round_trip(path):
    with open(path, "wb") as fh:
        fh.write(bytes(range(256)))
    data = IO.io_open(path, "rb").read("*a")
    f = IO.io_open(path + "2", "wb")
    f.write(data)
    f.close()
    with open(path + "2", "rb") as fh:
        assert fh.read() == bytes(range(256))


def test_closed_file_and_bad_self(path):
    f = IO.io_open(path, "w")
    f.close()
    assert str(f) == "file (closed)"
    assert IO.io_type(f) == "closed file"
    for method, args in [("read", ()), ("write", ("x",)), ("lines", ()), ("seek", ()), ("close", ())]:
        with pytest.raises(LibError, match="attempt to use a closed file"):
            getattr(IO.LuaFile, method)(f, *args)
    # From Python, arguments count self as Lua's C functions do (file:seek's whence is #2);
    # from Lua, a method call does not count it, and names the method as the call does.
    with pytest.raises(LibError, match=r"bad argument #1 to 'write' \(FILE\* expected, got string\)"):
        IO.LuaFile.write("x")
    with pytest.raises(LibError, match=r"bad argument #2 to 'write' \(string expected, got nil\)"):
        IO.STDOUT.write(None)
    with pytest.raises(LibError, match=r"bad argument #3 to 'write' \(string expected, got table\)"):
        IO.STDOUT.write("", IO.LuaTable())
    with pytest.raises(LibError, match=r"bad argument #2 to 'seek' \(invalid option 'x'\)"):
        IO.STDOUT.seek("x")
    for code in ["io.stderr:write({})", "io.stderr.write(io.stderr, {})", "io.stderr:seek('x')",
                 "io.stderr.seek(io.stderr, 'x')", "io.stderr:seek('set', 'y')",
                 "io.stderr:setvbuf('x')", "io.stderr.read(nil)", "io.stderr:read('*x')",
                 "io.stderr.read(io.stderr, '*x')", "setmetatable({}, {__index = io.stderr}):seek()",
                 "({seek = io.stderr.seek}):seek()", "io.read('*x')", "io.write({})"]:
        assert th_eval(code) == lua_eval(code), code


def test_type_and_tostring(lib):
    assert IO.io_type(lib["stdout"]) == "file"
    assert IO.io_type(42) is None
    assert str(lib["stdout"]).startswith("file (0x")
    with pytest.raises(LibError, match=r"bad argument #1 to 'type' \(value expected\)"):
        IO.io_type()


def test_standard_files_cannot_be_closed(lib):
    assert lib["close"]() == (None, "cannot close standard file")
    assert IO.LuaFile.close(lib["stderr"]) == (None, "cannot close standard file")


def test_write_goes_to_current_sys_stdout(lib, capsys):
    assert lib["write"]("a", 1, "\n") is lib["stdout"]
    print("b")
    lib["stdout"].write("c\n")
    lib["stderr"].write("err\n")
    captured = capsys.readouterr()
    assert captured.out == "a1\nb\nc\n"
    assert captured.err == "err\n"


def test_read_from_current_sys_stdin(lib, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("first\n42 7\nrest\n"))
    assert lib["read"]() == "first"
    assert lib["read"]("*n", "*n") == (42, 7)
    assert lib["read"]("*l") == ""
    assert drain(lib["lines"]()) == ["rest"]


def test_lines(path, lib):
    with open(path, "w") as fh:
        fh.write("a\nb\n\nc")
    assert drain(lib["lines"](path)) == ["a", "b", "", "c"]
    f = IO.io_open(path)
    it = f.lines()
    assert [it(), it()] == ["a", "b"]
    f.close()
    with pytest.raises(LibError, match="file is already closed"):
        it()
    assert drain(lib["lines"](path, "*n")) == []  # "a" is not a number
    with pytest.raises(LibError, match=r"bad argument #1 to 'lines' \(/nonexistent: No such file or directory\)"):
        lib["lines"]("/nonexistent")


def test_default_input_output(path, lib, capsys):
    out = lib["output"](path)
    assert IO.io_type(out) == "file" and lib["output"]() is out
    lib["write"]("to file\n")
    assert lib["close"]() is True
    with pytest.raises(LibError, match="standard output file is closed"):
        lib["write"]("x")
    lib["output"](lib["stdout"])
    lib["input"](path)
    assert lib["read"]("*a") == "to file\n"
    with pytest.raises(LibError, match=r"bad argument #1 to 'input' \(/nonexistent: No such file or directory\)"):
        lib["input"]("/nonexistent")
    with pytest.raises(LibError, match=r"bad argument #1 to 'output' \(FILE\* expected, got table\)"):
        lib["output"](IO.LuaTable())
    assert capsys.readouterr().out == ""


def test_setvbuf_and_flush(path):
    f = IO.io_open(path, "w")
    assert f.setvbuf("no") is True
    f.write("now")
    with open(path) as fh:
        assert fh.read() == "now"
    assert f.flush() is True
    with pytest.raises(LibError, match=r"bad argument #2 to 'setvbuf' \(invalid option 'x'\)"):
        f.setvbuf("x")
    f.close()


def test_popen_and_tmpfile():
    f = IO.io_popen("echo hello; echo world")
    assert f.read("*l") == "hello" and f.read("*a") == "world\n"
    assert f.close() is True
    t = IO.io_tmpfile()
    t.write("tmp")
    t.seek("set")
    assert t.read("*a") == "tmp"
    t.close()


def test_reading_a_write_only_file_fails_as_in_c(path):
    f = IO.io_open(path, "w")
    assert f.read("*l") == (None, "Bad file descriptor", 9)
    f.close()
