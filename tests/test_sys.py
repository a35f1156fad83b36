"""sys: timers, shell commands, split (checked against reference Lua 5.1), colours."""
import math
import time

import pytest

import th.sys as thsys
from th.lua.table import LuaTable

# The pattern split Torch7's sys.split and xlua's string.split share, as an oracle run
# in reference Lua 5.1: the pieces between matches of `(.-)pat`, an empty first piece
# skipped, then the rest of the string if any.
LUA_SPLIT = """
local function split(s, pat)
  local out, from = {}, 1
  local i, j, piece = s:find('(.-)' .. pat, from)
  while i do
    if i ~= 1 or piece ~= '' then out[#out + 1] = piece end
    from = j + 1
    i, j, piece = s:find('(.-)' .. pat, from)
  end
  if from <= #s then out[#out + 1] = s:sub(from) end
  return out
end
return split
"""

CASES = [
    ("a,b,,c", ","), (",a,b,", ","), ("hello world  x", " "), ("abc", "b"), ("", ","),
    (",", ","), ("a", "a"), ("a1b22c333", "%d+"), ("k=v; x = y", "%s*;%s*"),
    ("path/to/file", "/"), ("a.b.c", "%."), ("no separator", ","), ("x--y--z", "%-%-"),
]


@pytest.mark.parametrize("s, pat", CASES)
def test_split_matches_reference_lua(s, pat):
    lupa = pytest.importorskip("lupa.lua51")
    lua = lupa.LuaRuntime()
    expected = list(lua.execute(LUA_SPLIT)(s, pat).values())
    assert thsys.split(s, pat).to_list() == expected


def test_split_never_loops_on_an_empty_separator():
    with pytest.raises(ValueError, match="matches the empty string"):
        thsys.split("a b", "%s*")


def test_execute_returns_trimmed_output_with_stderr():
    assert thsys.execute("echo '  hi  '") == "hi"
    assert "No such file or directory" in thsys.execute("ls /no/such/dir")
    assert thsys.fexecute("printf '\\n x \\n'") == "x"
    assert isinstance(thsys.execute("exit 3"), str)


def test_ls_family(tmp_path):
    (tmp_path / "one").write_text("")
    (tmp_path / ".hidden").write_text("")
    assert thsys.ls(str(tmp_path)) == "one"
    assert ".hidden" in thsys.la(str(tmp_path))
    assert "one" in thsys.ll(str(tmp_path)) and thsys.lla(str(tmp_path)).startswith("total")


def test_clock_tic_toc_sleep(capsys):
    assert abs(thsys.clock() - time.time()) < 1
    thsys.tic()
    thsys.sleep(0.02)
    thsys.usleep(1000)
    elapsed = thsys.toc()
    assert 0.02 <= elapsed < 1
    thsys.toc(True)
    printed = float(capsys.readouterr().out)
    assert printed >= elapsed


def test_is_nan_and_os():
    assert thsys.isNaN(math.nan) and not thsys.isNaN(1.0) and not thsys.isNaN("x")
    assert thsys.uname() == thsys.OS == "linux"
    assert thsys.dirname("/a/b") == "/a" and thsys.concat("/a", "b") == "/a/b"


def test_colors_table():
    assert isinstance(thsys.COLORS, LuaTable)
    assert thsys.COLORS["red"] == "\27[0;31m" and thsys.COLORS["Red"] == "\27[1;31m"
    assert thsys.COLORS["_blue"] == "\27[44m" and thsys.COLORS["none"] == "\27[0m"
    assert len(dict(thsys.COLORS.items())) == 25


def test_fpath_at_the_prompt_is_the_current_directory():
    import os
    assert thsys.fpath() == (os.getcwd(), None)


def test_from_lua(capsys):
    try:
        from th.lua import Runtime
    except ImportError:
        pytest.skip("the Lua engine is not there yet")
    rt = Runtime()
    rt.execute("""
        require 'sys'
        local t = sys.split('a b  c', ' ')
        print(#t, t[3] == '', sys.execute('echo hi'), sys.isNaN(0/0))
        print(pcall(sys.sleep))
    """)
    assert capsys.readouterr().out.splitlines() == [
        "4\ttrue\thi\ttrue",
        "false\tbad argument #1 to 'sleep' (number expected, got no value)"]
