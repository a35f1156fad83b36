"""trepl's `%` operator on strings (Penlight's text.format_operator), end to end through
the `th` command, and its absence from a bare Lua runtime."""
import subprocess
import sys

import pytest

from th.lua import LuaError, Runtime

SCRIPT = r'''
print("%5.2f" % 3.14159)
print("%s = %5.3f" % {"PI", math.pi})
print("$name = $value" % {name = "dog", value = "Pluto"})
print("${a}b $c" % {a = 1})
print("%d%%" % 50)
print("7" % 4)
print("x" % nil)
print("$x-$y" % function(n) return n:upper() end)
print(pcall(function() return "%d" % "abc" end))
'''

EXPECTED = [" 3.14\t", "PI = 3.142\t", "dog = Pluto\t", "1b $c\t", "50%\t", "3\t", "x\t",
            "X-Y\t"]


def test_strings_format_with_percent_in_th_scripts(tmp_path):
    script = tmp_path / "fmt.lua"
    script.write_text(SCRIPT)
    out = subprocess.run([sys.executable, "-m", "th.cli", str(script)], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[:8] == EXPECTED
    assert lines[8].startswith("false\t") and lines[8].endswith(
        ":10: bad argument #2 to 'format' (number expected, got string)\t")


def test_plain_lua_has_no_string_percent():
    # Lua 5.1 itself has no such operator: only th's trepl environment adds it.
    with pytest.raises(LuaError, match="attempt to perform arithmetic on a string value"):
        Runtime().execute('return "%d" % 1')
