"""What a Lua error from library code must look like: positioned, and in Lua's words.

Shared by the bad-input sweeps of nn, optim and gnuplot: `assert_lua_message` passes
when the call succeeded, or failed with a message that starts at the calling Lua line
and gives no Python or numpy words away ('NoneType', "'int' object", 'cannot reshape
array', 'list index out of range', ...).
"""
import re

PYTHON_WORDS = re.compile(
    r"NoneType|ndarray|numpy|\barray\b|shape \(|axis|broadcast|dtype|float64|int64|"
    r"object|attribute|subscriptable|iterable|positional|keyword|unsupported operand|"
    r"Traceback|LuaTable|(?<!argument )\blist\b|tuple|instances|'int'|'float'|'str'|__|"
    r"takes|Python|unpack|ufunc|argmax|argmin|sequence|out of bounds for|AxisError|"
    r"invalid index|could not convert|math domain|Errno|matplotlib|Unable to allocate")


def assert_lua_message(what, ok, msg, where="test:1: "):
    """`msg` (when not `ok`) is a Lua error raised at `where`, without Python words."""
    if ok:
        return
    assert msg.startswith(where), f"{what}: not a positioned Lua error: {msg!r}"
    assert not PYTHON_WORDS.search(msg), f"{what}: Python words in {msg!r}"
