"""LuaJIT's `bit` library: bitwise operations on 32-bit integers.

Every argument is first normalised as LuaJIT's `bit.tobit` does: numbers are rounded to
the nearest integer (ties to even; LuaJIT adds 2^52 + 2^51 and keeps the low 32 bits of
the double) and wrapped to 32 bits; numeric strings are accepted. Every result is a
signed 32-bit integer, so `bit.bnot(0)` is -1 and `bit.tohex(-1)` is "ffffffff".
"""
import struct

from th.lua.lib.args import NOARG, check_number
from th.lua.table import LuaTable

_BIAS = 6755399441055744.0  # 2^52 + 2^51
_pack_double = struct.Struct("<d").pack
_unpack_low = struct.Struct("<II").unpack  # (low word, high word)


def _signed(u):
    return u - 0x100000000 if u & 0x80000000 else u


def tobit32(x):
    """A Lua number as LuaJIT's bit operations see it: a signed 32-bit integer."""
    if type(x) is int and -0x80000000 <= x <= 0x7FFFFFFF:
        return x
    return _signed(_unpack_low(_pack_double(float(x) + _BIAS))[0])


def _arg(v, n, fname):
    if type(v) is int and -0x80000000 <= v <= 0x7FFFFFFF:
        return v
    return tobit32(check_number(v, n, fname))


def bit_tobit(x=NOARG, *_):
    """bit.tobit(x)

    x normalised to a signed 32-bit integer (rounded, wrapped).
    Example: bit.tobit(0xffffffff)  --> -1
    """
    return _arg(x, 1, "tobit")


def bit_tohex(x=NOARG, n=NOARG, *_):
    """bit.tohex(x [, n])

    x as n hex digits (default 8; negative n gives upper case).
    Example: bit.tohex(255, 4)  --> "00ff"
    """
    b = _arg(x, 1, "tohex") & 0xFFFFFFFF
    n = 8 if n is NOARG else _arg(n, 2, "tohex")
    digits = "%08x"
    if n < 0:
        n = -n
        digits = "%08X"
    if n > 8:
        n = 8
    return (digits % b)[8 - n:] if n else ""


def bit_bnot(x=NOARG, *_):
    """bit.bnot(x)

    The bitwise not of x.
    Example: bit.bnot(0)  --> -1
    """
    return ~_arg(x, 1, "bnot")


def _fold(fname, op):
    def fn(x=NOARG, *rest):
        r = _arg(x, 1, fname)
        for i, v in enumerate(rest, 2):
            r = op(r, _arg(v, i, fname))
        return r
    return fn


bit_band = _fold("band", lambda a, b: a & b)
bit_band.__doc__ = """bit.band(x1 [, x2 ...])

    The bitwise and of all arguments.
    Example: bit.band(0xff, 0x0f0)  --> 240
    """
bit_bor = _fold("bor", lambda a, b: a | b)
bit_bor.__doc__ = """bit.bor(x1 [, x2 ...])

    The bitwise or of all arguments.
    Example: bit.bor(1, 2, 4)  --> 7
    """
bit_bxor = _fold("bxor", lambda a, b: a ^ b)
bit_bxor.__doc__ = """bit.bxor(x1 [, x2 ...])

    The bitwise exclusive or of all arguments.
    Example: bit.bxor(0xff, 0x0f)  --> 240
    """


def bit_lshift(x=NOARG, n=NOARG, *_):
    """bit.lshift(x, n)

    x shifted left by n bits (n taken modulo 32).
    Example: bit.lshift(1, 31)  --> -2147483648
    """
    x = _arg(x, 1, "lshift")
    n = _arg(n, 2, "lshift") & 31
    return _signed((x << n) & 0xFFFFFFFF)


def bit_rshift(x=NOARG, n=NOARG, *_):
    """bit.rshift(x, n)

    x shifted right by n bits, filling with zeros (logical shift).
    Example: bit.rshift(-1, 28)  --> 15
    """
    x = _arg(x, 1, "rshift")
    n = _arg(n, 2, "rshift") & 31
    return _signed((x & 0xFFFFFFFF) >> n)


def bit_arshift(x=NOARG, n=NOARG, *_):
    """bit.arshift(x, n)

    x shifted right by n bits, copying the sign bit (arithmetic shift).
    Example: bit.arshift(-256, 4)  --> -16
    """
    x = _arg(x, 1, "arshift")
    n = _arg(n, 2, "arshift") & 31
    return x >> n


def bit_rol(x=NOARG, n=NOARG, *_):
    """bit.rol(x, n)

    x rotated left by n bits.
    Example: bit.rol(0x12345678, 8)  --> 878082066   (0x34567812)
    """
    u = _arg(x, 1, "rol") & 0xFFFFFFFF
    n = _arg(n, 2, "rol") & 31
    return _signed(((u << n) | (u >> (32 - n))) & 0xFFFFFFFF)


def bit_ror(x=NOARG, n=NOARG, *_):
    """bit.ror(x, n)

    x rotated right by n bits.
    Example: bit.ror(0x12345678, 8)  --> 2014458966   (0x78123456)
    """
    u = _arg(x, 1, "ror") & 0xFFFFFFFF
    n = _arg(n, 2, "ror") & 31
    return _signed(((u >> n) | (u << (32 - n))) & 0xFFFFFFFF)


def bit_bswap(x=NOARG, *_):
    """bit.bswap(x)

    x with its four bytes in reverse order.
    Example: bit.tohex(bit.bswap(0x12345678))  --> "78563412"
    """
    u = _arg(x, 1, "bswap") & 0xFFFFFFFF
    return _signed(int.from_bytes(u.to_bytes(4, "little"), "big"))


FUNCTIONS = {
    "arshift": bit_arshift, "band": bit_band, "bnot": bit_bnot, "bor": bit_bor,
    "bswap": bit_bswap, "bxor": bit_bxor, "lshift": bit_lshift, "rol": bit_rol,
    "ror": bit_ror, "rshift": bit_rshift, "tobit": bit_tobit, "tohex": bit_tohex,
}


def open_lib(runtime_):
    """The `bit` table."""
    return LuaTable.from_dict(FUNCTIONS)
