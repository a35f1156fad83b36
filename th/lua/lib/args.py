"""Argument checking for library functions, worded exactly as Lua 5.1's lauxlib.

Library functions receive Lua arguments positionally. Where Lua tells "no value" from
nil, a function declares its parameters with the default `NOARG` (plus `*_` to swallow
extra arguments, which Lua allows):

    def str_rep(s=NOARG, n=NOARG, sep=NOARG, *_):
        s = check_string(s, 1, "rep")          # "bad argument #1 to 'rep' (string
        n = check_int(n, 2, "rep")             #   expected, got no value)"
        sep = opt_string(sep, 3, "rep", "")

Each check returns the converted value (a number given where a string is expected becomes
its Lua string, a numeric string given where a number is expected becomes the number) or
raises `LibError` whose str() is Lua's message; the engine prefixes the calling Lua line.

Also here, because checking arguments needs them: `typename` (Lua's type of a value, per
th/lua/interop.py), `str_to_number` (Lua's string -> number conversion, C's strtod) and
`number_to_string` (Lua's "%.14g"). This module imports nothing from the engine.
"""
import math
import os
import re
import sys
import types

from th.lua.table import LuaTable


class LibError(Exception):
    """An error raised by library code; str() is the Lua message (without position).

    An argument error (arg_error) also keeps its parts, `narg`, `fname` and `extramsg`:
    the engine rewords it as Lua's luaL_argerror would for the call that was made
    (a method call does not count self; the function is named as the call names it)."""

    narg = fname = extramsg = None
    stdlib = False


class _NoArg:
    """The absent argument (Lua's "no value"), distinct from an explicit nil."""
    __slots__ = ()

    def __repr__(self):
        return "NOARG"

    def __bool__(self):
        return False


NOARG = _NoArg()

# ---- Lua types -----------------------------------------------------------------

_TYPE_NAMES = {
    type(None): "nil", bool: "boolean", int: "number", float: "number",
    str: "string", LuaTable: "table",
}


def typename(v):
    """Lua's `type(v)` for any Python value; "no value" for an absent argument."""
    name = _TYPE_NAMES.get(type(v))
    if name is not None:
        return name
    if v is NOARG:
        return "no value"
    if isinstance(v, type):
        return "table"      # a class is Torch7's constructor table (nn.Linear, torch.Tensor)
    lua_type = getattr(v, "__lua_type__", None)
    if isinstance(lua_type, str):
        return lua_type
    if isinstance(v, types.ModuleType):
        return "table"
    if callable(v):
        return "function"
    return "userdata"


# ---- numbers and strings ----------------------------------------------------------

# What C's strtod accepts (decimal, hex with optional binary exponent, inf, nan), with
# the surrounding white space that Lua's luaO_str2d allows.
_NUMBER_RE = re.compile(r"""
    [ \t\n\v\f\r]*
    (?P<num>
      [+-]?
      (?: (?P<hex> 0[xX] (?: [0-9a-fA-F]+\.?[0-9a-fA-F]* | \.[0-9a-fA-F]+ ) (?:[pP][+-]?[0-9]+)? )
        | (?P<dec> (?: [0-9]+\.?[0-9]* | \.[0-9]+ ) (?:[eE][+-]?[0-9]+)? )
        | (?P<inf> (?i:inf(?:inity)?) )
        | (?P<nan> (?i:nan) (?:\([0-9A-Za-z_]*\))? )
      )
    )
    [ \t\n\v\f\r]*
    """, re.VERBOSE)

_INT_EXACT = 2 ** 53


def str_to_number(s):
    """Lua's conversion of a string to a number (`tonumber(s)`), or None if it is not one.

    Integral values below 2^53 come back as int, others as float: "10" -> 10,
    "0x1p4" -> 16, " 1e400 " -> inf, "1e" -> None.
    """
    m = _NUMBER_RE.fullmatch(s)
    if m is None:
        return None
    text = m.group("num")
    if m.group("dec") is not None:
        if text.lstrip("+-").isdigit():
            n = int(text)
            if n == 0 and text[0] == "-":
                return -0.0  # strtod keeps the sign of zero
            return n if -_INT_EXACT < n < _INT_EXACT else float(n)
        x = float(text)
    elif m.group("hex") is not None:
        x = _hex_to_float(text)
    elif m.group("inf") is not None:
        x = -math.inf if text[0] == "-" else math.inf
    else:
        x = math.nan
        # strtod gives "-nan" a negative sign bit, which Lua prints as "-nan".
        x = -x if text[0] == "-" else x
        return x
    if x.is_integer() and -_INT_EXACT < x < _INT_EXACT:
        return int(x)
    return x


def _hex_to_float(text):
    try:
        return float.fromhex(text)
    except OverflowError:
        return -math.inf if text[0] == "-" else math.inf


def number_to_string(x):
    """A number as Lua prints it: "%.14g", "inf", "-inf", "nan" / "-nan" (by sign bit)."""
    if type(x) is int:
        if -10 ** 14 < x < 10 ** 14:
            return str(x)
        try:
            return "%.14g" % x
        except OverflowError:
            return "inf" if x > 0 else "-inf"
    if x != x:
        return "-nan" if math.copysign(1.0, x) < 0 else "nan"
    return "%.14g" % x


def tointeger(x):
    """C's cast of a double to a 64-bit lua_Integer (truncation; out of range -> INT64_MIN)."""
    if type(x) is int:
        if -2 ** 63 <= x < 2 ** 63:
            return x
        return -2 ** 63
    if x != x or not -9.2233720368547758e18 <= x < 9.2233720368547758e18:
        return -2 ** 63
    return int(x)


def toint32(x):
    """C's cast of a lua_Integer to `int`, as luaL_checkint does (keeps the low 32 bits)."""
    n = tointeger(x)
    if -2 ** 31 <= n < 2 ** 31:
        return n
    n &= 0xFFFFFFFF
    return n - 2 ** 32 if n >= 2 ** 31 else n


# ---- errors -------------------------------------------------------------------------

def arg_error(n, fname, extramsg):
    """The error "bad argument #n to 'fname' (extramsg)" (luaL_argerror); n counts self
    for a method, as the C functions of Lua's libraries do (file:seek's whence is #2)."""
    err = LibError(f"bad argument #{n} to '{fname}' ({extramsg})")
    err.narg, err.fname, err.extramsg = n, fname, extramsg
    err.stdlib = _called_from_stdlib()
    return err


_LIB_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _called_from_stdlib():
    # Is the function checking its arguments one of Lua's libraries (th/lua/lib), whose
    # errors the engine rewords for the call made? Other packages word their own.
    f = sys._getframe(2)
    while f is not None and f.f_code.co_filename == __file__:
        f = f.f_back
    return f is not None and f.f_code.co_filename.startswith(_LIB_DIR)


def type_error(v, n, fname, expected):
    """The error "bad argument #n to 'fname' (expected expected, got <type of v>)"."""
    return arg_error(n, fname, f"{expected} expected, got {typename(v)}")


# ---- checks -------------------------------------------------------------------------

def check_any(v, n, fname):
    """Any value, nil included, but not an absent one ("value expected")."""
    if v is NOARG:
        raise arg_error(n, fname, "value expected")
    return v


def check_table(v, n, fname):
    """A table (LuaTable), else "table expected, got ..."."""
    if type(v) is not LuaTable:
        raise type_error(v, n, fname, "table")
    return v


def check_function(v, n, fname):
    """A function (any callable Lua sees as a function), else "function expected"."""
    if typename(v) != "function":
        raise type_error(v, n, fname, "function")
    return v


def check_string(v, n, fname):
    """A string; a number becomes its Lua string ("%.14g"), as lua_tolstring does."""
    tv = type(v)
    if tv is str:
        return v
    if tv is int or tv is float:
        return number_to_string(v)
    raise type_error(v, n, fname, "string")


def check_number(v, n, fname):
    """A number; a string convertible to a number becomes that number."""
    tv = type(v)
    if tv is int or tv is float:
        return v
    if tv is str:
        x = str_to_number(v)
        if x is not None:
            return x
    raise type_error(v, n, fname, "number")


def check_integer(v, n, fname):
    """A number truncated to a 64-bit integer (luaL_checkinteger)."""
    if type(v) is int and -2 ** 63 <= v < 2 ** 63:
        return v
    return tointeger(check_number(v, n, fname))


def check_int(v, n, fname):
    """A number truncated to a C int (luaL_checkint)."""
    if type(v) is int and -2 ** 31 <= v < 2 ** 31:
        return v
    return toint32(check_number(v, n, fname))


def opt_string(v, n, fname, default):
    """`default` when the argument is nil or absent, else check_string."""
    if v is None or v is NOARG:
        return default
    return check_string(v, n, fname)


def opt_number(v, n, fname, default):
    """`default` when the argument is nil or absent, else check_number."""
    if v is None or v is NOARG:
        return default
    return check_number(v, n, fname)


def opt_integer(v, n, fname, default):
    """`default` when the argument is nil or absent, else check_integer."""
    if v is None or v is NOARG:
        return default
    return check_integer(v, n, fname)


def opt_int(v, n, fname, default):
    """`default` when the argument is nil or absent, else check_int."""
    if v is None or v is NOARG:
        return default
    return check_int(v, n, fname)


def check_option(v, n, fname, options, default=None):
    """One of the strings `options` (luaL_checkoption): "invalid option 'x'" otherwise."""
    if default is not None and (v is None or v is NOARG):
        return default
    name = check_string(v, n, fname)
    if name not in options:
        raise arg_error(n, fname, f"invalid option '{name}'")
    return name
