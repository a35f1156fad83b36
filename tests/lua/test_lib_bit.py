"""LuaJIT's bit library (plain Lua 5.1 has none: values from the LuaJIT BitOp manual)."""
import pytest

from th.lua.lib import bit as B
from th.lua.lib.args import LibError


def s32(u):
    return u - 2 ** 32 if u >= 2 ** 31 else u


@pytest.mark.parametrize("call,expected", [
    ("tobit(0xffffffff)", -1), ("tobit(0xffffffff + 1)", 0), ("tobit(2^40 + 1234)", 1234),
    ("tobit(1.5)", 2), ("tobit(2.5)", 2), ("tobit(-1.5)", -2), ("tobit(-0.5)", 0), ("tobit('10')", 10),
    ("tobit(-2^31)", -2 ** 31), ("tobit(2^31)", -2 ** 31),
    ("tohex(1)", "00000001"), ("tohex(-1)", "ffffffff"), ("tohex(0xffffffff)", "ffffffff"),
    ("tohex(-1, -8)", "FFFFFFFF"), ("tohex(0x21, 4)", "0021"), ("tohex(0x87654321, 4)", "4321"),
    ("tohex(255, 0)", ""), ("tohex(255, 20)", "000000ff"), ("tohex(0xabc, -3)", "ABC"),
    ("bnot(0)", -1), ("bnot(-1)", 0), ("bnot(0xffffffff)", 0),
    ("bor(1, 2, 4, 8)", 15), ("band(0x12345678, 0xff)", 0x78), ("band(7)", 7),
    ("bxor(0xa5a5f0f0, 0xaa55ff00)", 0x0ff00ff0), ("band(-1, 0xffffffff)", -1),
    ("lshift(1, 0)", 1), ("lshift(1, 8)", 256), ("lshift(1, 40)", 256), ("lshift(1, 31)", -2 ** 31),
    ("rshift(256, 8)", 1), ("rshift(-256, 8)", 16777215), ("arshift(256, 8)", 1),
    ("arshift(-256, 8)", -1), ("lshift(0x87654321, 12)", 0x54321000),
    ("rshift(0x87654321, 12)", 0x00087654), ("arshift(0x87654321, 12)", s32(0xfff87654)),
    ("rol(0x12345678, 12)", 0x45678123), ("ror(0x12345678, 12)", 0x67812345),
    ("rol(0x12345678, 0)", 0x12345678), ("ror(0x12345678, 32)", 0x12345678),
    ("bswap(0x12345678)", 0x78563412), ("bswap(0x78563412)", 0x12345678), ("bswap(0xff)", s32(0xff000000)),
])
def test_bitop_manual_values(call, expected):
    name, _, rest = call.partition("(")
    args = eval("(" + rest[:-1].replace("^", "**") + ",)")  # "f(a, b)" -> (a, b)
    assert B.FUNCTIONS[name](*args) == expected


def test_results_are_signed_32_bit_ints():
    for fn in B.FUNCTIONS.values():
        r = fn(0x87654321, 3)
        assert type(r) is int or type(r) is str
        if type(r) is int:
            assert -2 ** 31 <= r < 2 ** 31


@pytest.mark.parametrize("name", sorted(B.FUNCTIONS))
def test_errors_word_lua(name):
    with pytest.raises(LibError, match=rf"bad argument #1 to '{name}' \(number expected, got no value\)"):
        B.FUNCTIONS[name]()
    with pytest.raises(LibError, match=rf"bad argument #1 to '{name}' \(number expected, got string\)"):
        B.FUNCTIONS[name]("x", 1)
