"""Lua's number arithmetic where Python's differs, for the line searches and step rules.

Torch7's optim is Lua code run by LuaJIT on x86-64: 1/0 is inf and 0/0 is nan instead
of an exception, math.sqrt(-1) is nan, and math.min / math.max compile to the SSE
minsd / maxsd instructions, which return their second operand when either is nan
(Python's min and max keep whichever comes first). Using these keeps a step that meets
a nan or a zero denominator on Torch7's path (cg and polyinterp test for it).
"""
import math

from th.lua.runtime import div  # noqa: F401  (Lua's `/`: 1/0 = inf, 0/0 = nan)

# x86's default nan has its sign bit set (Lua prints it as -nan).
NAN = math.copysign(math.nan, -1.0)


def sqrt(v):
    """math.sqrt: nan for a negative number."""
    return math.sqrt(v) if v >= 0 else NAN


def pow(a, b):  # noqa: A001  (Lua's name)
    """math.pow / `a^b`: nan for a negative base with a fractional power, inf on overflow."""
    try:
        return math.pow(a, b)
    except ValueError:
        return NAN
    except OverflowError:
        return math.inf if a > 0 or float(b).is_integer() and b % 2 == 0 else -math.inf


def min2(a, b):
    """math.min(a, b) as LuaJIT computes it (minsd: b when either is nan)."""
    return a if a < b else b


def max2(a, b):
    """math.max(a, b) as LuaJIT computes it (maxsd: b when either is nan)."""
    return a if a > b else b
