"""xlua: the progress bar, formatTime, and what loading xlua adds to Lua."""
import io
import os
import sys

import pytest

import th.xlua as xlua
from th.lua.table import LuaTable


def render(text):
    """What a terminal shows for `text` (handles \\r, \\b and \\n)."""
    lines, line, col = [], [], 0
    for ch in text:
        if ch == "\r":
            col = 0
        elif ch == "\b":
            col = max(0, col - 1)
        elif ch == "\n":
            lines.append("".join(line))
            line, col = [], 0
        else:
            line[col:col + 1] = [ch]
            col += 1
    lines.append("".join(line))
    return lines


class Captured:
    """Everything written to stdout so far (through pytest's capsys)."""

    def __init__(self, capsys):
        self.capsys, self.text = capsys, ""

    def getvalue(self):
        self.text += self.capsys.readouterr().out
        return self.text


@pytest.fixture
def bar_output(monkeypatch, capsys):
    monkeypatch.setattr(xlua, "_terminal_width", lambda: 60)
    monkeypatch.setattr(xlua._Bar, "done", True)
    monkeypatch.setattr(xlua._Bar, "previous", -1)
    return Captured(capsys)


def test_progress_bar_draws_in_place_and_ends_with_a_newline(bar_output):
    for i in range(1, 21):
        xlua.progress(i, 20)
        if i == 10:
            middle = render(bar_output.getvalue())[-1]
    assert middle.startswith(" [==========")        # 12 of 26 done, '>' under the count
    assert " 10/20 " in middle and "ETA: " in middle and "| Step: " in middle
    assert len(middle.rstrip()) <= 60
    text = bar_output.getvalue()
    assert text.count("\n") == 1                      # only at completion
    final = render(text)[0]
    bar = final[final.index("[") + 1:final.index("]")]
    assert len(bar) == 60 - 34                        # terminal width - 34
    assert bar.replace(" 20/20 ", "").strip("=>") == ""
    assert "Tot: " in final


def test_progress_starts_a_new_bar_after_completion(bar_output):
    for i in range(1, 4):
        xlua.progress(i, 3)
    xlua.progress(1, 5)
    lines = render(bar_output.getvalue())
    assert len(lines) == 2 and " 1/5 " in lines[1]


def test_progress_width_is_capped_at_120(monkeypatch):
    import shutil
    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback: os.terminal_size((300, 50)))
    assert xlua._terminal_width() == 120


@pytest.mark.parametrize("seconds, text", [
    (0, "0ms"), (0.0004, "0ms"), (0.25, "250ms"), (2.5, "2s500ms"), (65, "1m5s"),
    (3725, "1h2m"), (90061.5, "1D1h"), (86400, "1D"), (59.9999, "59s999ms"),
])
def test_format_time(seconds, text):
    assert xlua.formatTime(seconds) == text


def test_table_splice_and_prune():
    kept, removed = xlua._table_splice(LuaTable.from_list([1, 2, 3, 4]), 2, 2)
    assert kept.to_list() == [1, 4] and removed.to_list() == [2, 3]
    kept, removed = xlua._table_splice(LuaTable.from_list(["a", "b"]))
    assert kept.to_list() == ["b"] and removed.to_list() == ["a"]
    assert sorted(xlua._table_prune(LuaTable.from_list([3, 1, 3, 2, 1])).to_list()) == [1, 2, 3]


def test_print_lists_a_table(capsys):
    xlua.print(LuaTable.from_dict({"a": 1, "b": "x" * 50}))
    out = capsys.readouterr().out
    assert out.startswith("{[a] = 1,\n [b] = " + "x" * 40 + "\27[0m ... }")


def test_usage_and_unpack():
    defs = [LuaTable.from_dict({"arg": "path", "type": "string", "help": "file", "req": True}),
            LuaTable.from_dict({"arg": "n", "type": "number", "help": "count", "default": 3})]
    args, path, n = xlua.unpack(LuaTable.from_list(["f.t7"]), "load", "loads", *defs)
    assert (path, n) == ("f.t7", 3) and args["path"] == "f.t7"
    named = LuaTable.from_list([LuaTable.from_dict({"path": "g", "n": 5})])
    assert xlua.unpack(named, "load", "loads", *defs)[1:] == ("g", 5)
    text = xlua.usage("load", "loads", None, *defs)
    assert "load{" in text and "path = string" in text and "[default = 3]" in text


def test_unpack_missing_argument(capsys):
    d = LuaTable.from_dict({"arg": "path", "type": "string", "help": "file", "req": True})
    with pytest.raises(xlua.XluaError, match="error"):
        xlua.unpack(LuaTable.from_list([LuaTable()]), "load", None, d)
    assert "missing argument: path" in capsys.readouterr().out


def test_error_is_red_with_domain():
    with pytest.raises(xlua.XluaError) as e:
        xlua.error("bad file", "loader", "usage: load(path)")
    assert str(e.value) == "\27[1;31m<loader> bad file\27[0m\nusage: load(path)"


def test_log_copies_output_to_a_file(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    log = tmp_path / "logs" / "session.txt"
    xlua.log(str(log))
    print("hello")
    sys.stdout.write("world\n")
    assert log.read_text() == "hello\nworld\n"


def lua():
    from th.lua import Runtime
    return Runtime()


def test_requiring_xlua_adds_string_split_and_friends(capsys):
    rt = lua()
    rt.execute("""
        require 'xlua'
        local t = ("a,b,,c"):split(",")
        print(#t, t[1], t[3] == '', string.split("x y", " ")[2])
        local kept, removed = table.splice({1, 2, 3}, 2)
        print(#kept, removed[1], xprint == xlua.print, xrequire == xlua.require)
        print(string.tosymbol('xlua.formatTime')(65))
        print(pcall(string.tosymbol, 'no.such.thing'))
    """)
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["4\ta\ttrue\ty", "2\t2\ttrue\ttrue", "1m5s"]
    assert out[3].startswith("false\t") and "no" in out[3]


def test_require_trycatch_installed_from_lua(capsys):
    rt = lua()
    rt.execute("""
        require 'xlua'
        print(xlua.require('no_such_package_here'))
        xlua.trycatch(function() error('boom', 0) end, function(e) print('caught', e) end)
        print(xlua.installed('nn'))
    """)
    out = capsys.readouterr().out
    assert "warning: <no_such_package_here> could not be loaded (is it installed?)\nfalse" in out
    assert "caught\tboom" in out and "true\tnn" in out
