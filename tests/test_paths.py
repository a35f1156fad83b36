"""paths: Torch7's file-name rules (from its C library), directories, and the Lua side."""
import os
import subprocess
import sys

import pytest

import th.paths as paths


@pytest.mark.parametrize("name, suffix, expected", [
    ("/a/b/c.lua", None, "c.lua"), ("/a/b/c.lua", "lua", "c"), ("/a/b/c.lua", ".lua", "c"),
    ("c.lua", "t7", "c.lua"), ("a/b/", None, "b"), ("a//", None, "a"), ("/", None, ""),
    (".lua", "lua", ""), ("net.t7", "", "net.t7"), ("x.t7", "7", "x.t7"),
])
def test_basename(name, suffix, expected):
    assert paths.basename(name, suffix) == expected


@pytest.mark.parametrize("name, expected", [
    ("/a/b/c.lua", "/a/b"), ("c.lua", "."), ("/c", "/"), ("/", "/"), ("a/b/", "a"),
    ("a//b", "a/"), ("//x", "/"), ("", "."), ("a/b//", "a"),
])
def test_dirname(name, expected):
    assert paths.dirname(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("model.t7", "t7"), ("a.b.c", "c"), ("abc", ()), ("dir.x/file", "x/file"), ("a.", ""),
])
def test_extname(name, expected):
    assert paths.extname(name) == expected


def test_concat_starts_from_the_current_directory(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    here = str(tmp_path)
    assert paths.concat() == here
    assert paths.concat("a", "b") == here + "/a/b"
    assert paths.concat("/data", "mnist", "..", "cifar") == "/data/cifar"
    assert paths.concat("/data/", "./x/", "y//") == "/data/x/y"
    assert paths.concat("/a", "..", "..", "x") == "/x"
    assert paths.concat("/") == "/"
    assert paths.concat("a", "/abs") == "/abs"
    assert paths.concat(1, 2) == here + "/1/2"


def test_file_and_directory_tests(tmp_path):
    f = tmp_path / "f.txt"
    f.write_text("x")
    assert paths.filep(str(f)) and not paths.dirp(str(f))
    assert paths.dirp(str(tmp_path)) and not paths.filep(str(tmp_path))
    assert not paths.filep(str(tmp_path / "nope")) and not paths.dirp(str(tmp_path / "nope"))


def test_dir_files_iterdirs_iterfiles(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.lua").write_text("")
    (tmp_path / "b.txt").write_text("")
    names = paths.dir(str(tmp_path))
    assert names.to_list() == [".", "..", "a.lua", "b.txt", "sub"]
    assert paths.dir(str(tmp_path / "a.lua")) is None

    def collect(iterator):
        out = []
        while (name := iterator(None, None)) is not None:
            out.append(name)
        return out

    assert collect(paths.files(str(tmp_path))) == [".", "..", "a.lua", "b.txt", "sub"]
    assert collect(paths.files(str(tmp_path), "%.lua$")) == ["a.lua"]
    assert collect(paths.iterdirs(str(tmp_path))) == ["sub"]
    assert collect(paths.iterfiles(str(tmp_path))) == ["a.lua", "b.txt"]
    assert collect(paths.files(str(tmp_path / "none"))) == []


def test_mkdir_makes_parents_and_reports_errors(tmp_path):
    target = tmp_path / "x" / "y" / "z"
    assert paths.mkdir(str(target)) is True and target.is_dir()
    result = paths.mkdir(str(target))
    assert result[0] is None and result[1] == f"{target}: File exists" and result[2] == 17
    assert paths.rmdir(str(target)) is True and not target.exists()
    assert paths.rmdir(str(target))[1] == f"{target}: No such file or directory"


def test_rmall_needs_yes_and_removes_a_tree(tmp_path):
    root = tmp_path / "tree"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "f").write_text("x")
    assert paths.rmall(str(root)) == (None, "missing second argument ('yes')")
    assert paths.rmall(str(root), "yes") is True and not root.exists()
    assert paths.rmall(str(root), "yes") == (None, "not a file or directory", str(root))


def test_rmall_does_not_follow_symbolic_links(tmp_path):
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "precious").write_text("x")
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(kept)
    assert paths.rmall(str(root), "yes") is True
    assert (kept / "precious").exists()


def test_tmpname_is_removed_when_th_exits():
    code = "import th.paths as p; n = p.tmpname(); import os; print(n, os.path.exists(n))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    name, existed = out.split()
    assert existed == "True" and os.path.basename(name).startswith("luatmp")
    assert not os.path.exists(name)


def test_system_facts(monkeypatch):
    sysname, node, machine = paths.uname()
    assert sysname == os.uname().sysname and machine == os.uname().machine
    assert paths.is_win() is None
    assert paths.is_mac() == ("Darwin" if sysname == "Darwin" else None)
    assert paths.home == (os.environ.get("HOME") or ".")
    assert paths.cwd() == os.getcwd()
    assert paths.findprogram("no-such-program-here", "sh").endswith("/sh")
    assert paths.findprogram("no-such-program-here") is None
    assert os.path.isdir(paths.execdir())


def test_errors_are_worded_as_lua():
    with pytest.raises(Exception, match=r"^bad argument #1 to 'basename' \(string expected, got no value\)$"):
        paths.basename()
    with pytest.raises(Exception, match=r"^bad argument #2 to 'concat' \(string expected, got table\)$"):
        from th.lua.table import LuaTable
        paths.concat("a", LuaTable())


def lua():
    from th.lua import Runtime
    return Runtime()


def test_thisfile_and_dofile_from_a_lua_file(capsys):
    import pathlib
    import tempfile
    # A short path: until the engine keeps a chunk's full name, it shows at most 52
    # characters of it, and paths.thisfile only knows the displayed name.
    tmp_path = pathlib.Path(tempfile.mkdtemp(prefix="thf", dir="/tmp"))
    try:
        (tmp_path / "other.lua").write_text("return 'other ran'")
        script = tmp_path / "main.lua"
        script.write_text("require 'paths'\n"
                          "print(paths.thisfile(), paths.thisfile('data.t7'))\n"
                          "print(paths.dofile('other.lua'))\n")
        rt = lua()
        rt.execute(script.read_text(), "@" + str(script))
        assert capsys.readouterr().out.splitlines() == [
            f"{script}\t{tmp_path / 'data.t7'}", "other ran"]
        rt.execute("print(paths.thisfile())", "=stdin")
        assert capsys.readouterr().out == "nil\n"
    finally:
        paths.rmall(str(tmp_path), "yes")


def test_paths_from_lua(tmp_path, capsys):
    rt = lua()
    rt.execute(f"""
        require 'paths'
        local n = 0
        for f in paths.files('{tmp_path}') do n = n + 1 end
        print(n, paths.basename('/x/y.lua', 'lua'), paths.mkdir('{tmp_path}/made'))
        print(paths.require('paths') == paths)
    """)
    assert capsys.readouterr().out.splitlines() == ["2\ty\ttrue", "true"]
