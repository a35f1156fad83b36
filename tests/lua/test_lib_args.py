"""Argument checks (th/lua/lib/args.py): Lua's wording, Lua's conversions (vs lupa.lua51)."""
import math

import pytest

from th.lua.lib import args
from th.lua.lib.args import NOARG, LibError
from th.lua.table import LuaTable

lua51 = pytest.importorskip("lupa.lua51")
L = lua51.LuaRuntime()


NUMBER_STRINGS = [
    "10", " 12 ", "\t5\n", "-7", "+3", "1e5", "1E-2", ".5", "5.", "0x10", "-0x10", "0X1p4",
    "0x1.8", "0xffffffffffffffffff", "1e400", "-1e400", "inf", "-inf", "Infinity", "nan",
    "1e", "", " ", "0x", "1 x", "1_000", "abc", "1.2.3", "--1", "0x.8", "9007199254740993",
    "123456789012345678901234", "1e+5", "3.0", "- 1",
]


@pytest.mark.parametrize("s", NUMBER_STRINGS)
def test_str_to_number_matches_lua(s):
    expected = L.eval(f"tostring(tonumber({s!r}))")
    got = args.str_to_number(s)
    shown = "nil" if got is None else args.number_to_string(got)
    assert shown == expected


@pytest.mark.parametrize("x", [0, 1, -1, 3.0, 0.1, 1 / 3, 1e15, 1e14, 123456789012345,
                               2 ** 53, 1e100, -1e-300, math.inf, -math.inf, 1e15 + 0.5,
                               -0.0, 99999999999999.9])
def test_number_to_string_matches_lua(x):
    lua_literal = repr(float(x)).replace("inf", "(1/0)")
    assert args.number_to_string(x) == L.eval(f"tostring({lua_literal})")


def test_nan_prints_by_sign_bit():
    assert args.number_to_string(float("nan")) == "nan"
    assert args.number_to_string(-float("nan")) == "-nan"
    assert args.number_to_string(args.str_to_number("-nan")) == "-nan"


def test_typename():
    assert args.typename(None) == "nil"
    assert args.typename(True) == "boolean"
    assert args.typename(1) == args.typename(1.5) == "number"
    assert args.typename("x") == "string"
    assert args.typename(LuaTable()) == "table"
    assert args.typename(print) == "function"
    assert args.typename(lambda: 1) == "function"
    assert args.typename(math) == "table"
    assert args.typename(object()) == "userdata"
    assert args.typename(NOARG) == "no value"

    class Thread:
        __lua_type__ = "thread"
    assert args.typename(Thread()) == "thread"


def message(fn, *a):
    with pytest.raises(LibError) as e:
        fn(*a)
    return str(e.value)


def test_messages_word_lua():
    assert message(args.check_table, None, 1, "insert") == \
        "bad argument #1 to 'insert' (table expected, got nil)"
    assert message(args.check_table, NOARG, 1, "insert") == \
        "bad argument #1 to 'insert' (table expected, got no value)"
    assert message(args.check_number, "x", 2, "format") == \
        "bad argument #2 to 'format' (number expected, got string)"
    assert message(args.check_string, LuaTable(), 1, "rep") == \
        "bad argument #1 to 'rep' (string expected, got table)"
    assert message(args.check_any, NOARG, 1, "type") == \
        "bad argument #1 to 'type' (value expected)"
    assert message(args.check_option, "x", 1, "collectgarbage", ("count",)) == \
        "bad argument #1 to 'collectgarbage' (invalid option 'x')"
    assert message(args.check_function, 3, 2, "sort") == \
        "bad argument #2 to 'sort' (function expected, got number)"


def test_conversions():
    assert args.check_number("0x10", 1, "f") == 16
    assert args.check_string(12, 1, "f") == "12"
    assert args.check_string(0.1, 1, "f") == "0.1"
    assert args.check_int(2.9, 1, "f") == 2
    assert args.check_int(-2.9, 1, "f") == -2
    assert args.check_int("3", 1, "f") == 3
    assert args.check_int(2 ** 32 + 1, 1, "f") == 1
    assert args.check_integer(math.nan, 1, "f") == -2 ** 63
    assert args.opt_int(None, 1, "f", 7) == 7
    assert args.opt_int(NOARG, 1, "f", 7) == 7
    assert args.opt_string(NOARG, 1, "f", "") == ""
    assert args.check_option(None, 1, "f", ("a", "b"), default="b") == "b"
