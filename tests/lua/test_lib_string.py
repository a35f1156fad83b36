"""The string library and Lua patterns, compared call by call with reference Lua 5.1."""
import random

import pytest

from lib_oracle import lua_eval, same
from th.lua.lib import string as S
from th.lua.lib.lpattern import compile_pattern
from th.lua.table import LuaTable

FUNCS = {name: fn for name, fn in S.FUNCTIONS.items()}


def case(name, *args):
    return pytest.param(name, args, id=f"{name}{args!r}"[:90])


CASES = [
    # len, sub, upper, lower, reverse, rep
    case("len", "hello"), case("len", ""), case("len", 123), case("len", 1.5), case("len"),
    case("len", None), case("len", True),
    case("sub", "hello", 2), case("sub", "hello", 2, 4), case("sub", "hello", -3),
    case("sub", "hello", -3, -2), case("sub", "hello", 0), case("sub", "hello", 10),
    case("sub", "hello", 3, 2), case("sub", "hello", -100, 100), case("sub", "hello", 2.7, 3.2),
    case("sub", "hello", "2"), case("sub", "hello"), case("sub", "hello", "x"),
    case("sub", "hello", 1, None), case("sub", 12345, 2, 3),
    case("upper", "Torch7 é"), case("lower", "TORCH7 É"), case("upper", 12), case("upper"),
    case("reverse", "abc"), case("reverse", ""), case("reverse", 12.5),
    case("rep", "ab", 3), case("rep", "ab", 0), case("rep", "ab", -1), case("rep", "", 5),
    case("rep", "x", 2.9), case("rep", "x", "3"), case("rep", "x"), case("rep", "x", "3x"),
    case("rep", 1, 3),
    # byte, char
    case("byte", "ABC"), case("byte", "ABC", 2), case("byte", "ABC", 1, -1),
    case("byte", "ABC", 0, 10), case("byte", "ABC", -1), case("byte", ""), case("byte", "ABC", 3, 2),
    case("byte", "\xff\x00"), case("byte", "ABC", 10),
    case("char", 72, 105), case("char"), case("char", 256), case("char", -1), case("char", "65"),
    case("char", 0, 255), case("char", 65.9), case("char", "x"), case("char", 65, None),
    # find
    case("find", "hello world", "o w"), case("find", "hello", "l"), case("find", "hello", "xyz"),
    case("find", "hello", "l", 4), case("find", "hello", "l", -1), case("find", "hello", "l", -100),
    case("find", "hello", "", 10), case("find", "hello", "", 6), case("find", "", ""),
    case("find", "", "", 2), case("find", "a.b", ".", 1, True), case("find", "a.b", "%.", 1),
    case("find", "a+b", "+", 1, True), case("find", "hello", "(l)(l)"), case("find", "hello", "()ll()"),
    case("find", "hello", "h", 0), case("find", "hello"), case("find", nil_ := None, "x"),
    case("find", "hello", "l", "2"), case("find", "hello", "l", 1, False), case("find", 12345, 3),
    case("find", "hello", "^h"), case("find", "hello", "^e"), case("find", "hello", "o$"),
    case("find", "hello", "l$"), case("find", "a$b", "$b"), case("find", "a^b", "a^b"),
    case("find", "hello", "^"), case("find", "hello", "$"),
    # match
    case("match", "key = value", "(%w+)%s*=%s*(%w+)"), case("match", "hello", "l+"),
    case("match", "hello", "xyz"), case("match", "hello", "()"), case("match", "hello", "()", 3),
    case("match", "  trim  ", "^%s*(.-)%s*$"), case("match", "2024-01-15", "(%d+)-(%d+)-(%d+)"),
    case("match", "hello", ".-"), case("match", "hello", ".-l"), case("match", "hello", "h?ello"),
    case("match", "ello", "h?ello"), case("match", "[[x]]", "%[%[(.-)%]%]"),
    case("match", "f(a(b)c)d", "%b()"), case("match", "f(a(b)c", "%b()"), case("match", "THE (quick) fox", "%f[%a]%a+", 5),
    case("match", "hello world", "%f[%w]%w+$"), case("match", "x = 'a' .. \"b\"", "([\"'])(.-)%1"),
    case("match", "aaa", "(a)%1"), case("match", "abab", "(ab)%1"), case("match", "hello", "(h)(e)(l)(l)(o)(h)?"),
    case("match", "a]b", "[]]"), case("match", "a-b", "[a-]+"), case("match", "abc", "[z-a]"),
    case("match", "a^b", "[%^b]+"), case("match", "x1_", "[%w_]+"), case("match", "ab12", "%a+"),
    case("match", "ab12", "%A+"), case("match", "ab12", "%D+"), case("match", "\tx", "%s"),
    case("match", "a\0b", "%z"), case("match", "a\0b", "[%z]"), case("match", "a\0b", "%Z+"),
    case("match", "Hello!", "%p"), case("match", "Hello!", "%u%l+"), case("match", "\1\2x", "%c+"),
    case("match", "ff0A", "%x+"), case("match", "hello", "%g"), case("match", "aXb", "[^%l]"),
    # pattern errors
    case("find", "abc", "%"), case("find", "abc", "x%"), case("find", "abc", "a%"),
    case("find", "abc", "[a"), case("find", "abc", "[^]"), case("find", "a", "(a"),
    case("find", "b", "(a"), case("find", "a)", "a)"), case("find", "b)", "a)"),
    case("find", "abc", "%1"), case("find", "aa", "(a%1)"), case("find", "x", "%f"),
    case("find", "x", "%fx"), case("find", "x", "%b"), case("find", "x", "%bx"),
    case("find", "abc", "(()"), case("match", "abc", "%0"), case("find", "a" * 40, "(a)" * 33),
    case("find", "a" * 40, "(a)" * 32), case("find", "abc", "%bx"), case("find", "bbb", "(" * 33 + "a" + ")" * 33),
    case("gsub", "abc", "%bx", ""), case("match", "a(b)", "((%b()))"), case("gsub", "x(a)y(b)", "%b()", "<%0>", 1),
    # gsub
    case("gsub", "hello world", "o", "0"), case("gsub", "hello world", "o", "0", 1),
    case("gsub", "hello world", "(o)", "[%1]"), case("gsub", "hello", "", "-"),
    case("gsub", "abc", "%w", "%0%0"), case("gsub", "abc", "%w", "%1"), case("gsub", "abc", "%w", "%2"),
    case("gsub", "abc", "(%w)", "%2"), case("gsub", "abc", "%w*", "x"), case("gsub", "abc", "b*", "x"),
    case("gsub", "abxd", "x*", "-"), case("gsub", "abc", "%w", "%%1"), case("gsub", "abc", "%w", "%x"),
    case("gsub", "a", "a", "%"), case("gsub", "a\\b", "\\", "/"), case("gsub", "ab", "a", "\\1"),
    case("gsub", "abc", "b", "x", 0), case("gsub", "abc", "b", "x", -1), case("gsub", "abc", "b", "x", 1.9),
    case("gsub", "abc", "b", 5), case("gsub", "abc", "b", 1.5), case("gsub", "abc", "b"),
    case("gsub", "abc", "b", True), case("gsub", "abc", "b", None), case("gsub", "hello", "^h", "H"),
    case("gsub", "hello", "^x", "H"), case("gsub", "hello", "^", ">"), case("gsub", "hello", "$", "<"),
    case("gsub", "hello world", "%w+", "<%0>"), case("gsub", "abc", "()", "%1"),
    case("gsub", "abc", "a()", "%1"), case("gsub", "f(a)(b)", "%b()", "[]"),
    case("gsub", "THE (quick) fox", "%f[%a]%a+", "W"), case("gsub", "a,b,,c", ",", ";", 2),
    case("gsub", "aaa", "(a)%1", "x"), case("gsub", "a", "(a", "x"), case("gsub", "abc", "", ""),
    case("gsub", "", "", "x"), case("gsub", "", "x*", "y"), case("gsub", "abc", ".", "%0", 2),
    case("gsub", "x", "x", "%1"), case("gsub", "hello", "l+", ""), case("gsub", "a.b.c", ".", "/"),
    case("gsub", "a.b.c", "%.", "/"), case("gsub", 123, 2, 9), case("gsub", "abc", "b", "x", "1"),
    # format
    case("format", "%d", 42), case("format", "%5d|%-5d|%05d", 42, 42, 42), case("format", "%+d % d", 5, 5),
    case("format", "%d", 3.7), case("format", "%d", -3.7), case("format", "%d", "10"),
    case("format", "%d", "x"), case("format", "%d"), case("format", "%.3d", 7), case("format", "%.0d", 0),
    case("format", "%i", 2 ** 31), case("format", "%d", 2.0 ** 63), case("format", "%d", -2.0 ** 63),
    case("format", "%x %X %o", 255, 255, 8), case("format", "%#x %#X %#o", 255, 255, 8),
    case("format", "%#x %#o", 0, 0), case("format", "%x", -1), case("format", "%u", -1),
    case("format", "%o", -1), case("format", "%5.1x", 255), case("format", "%08.3x", 255),
    case("format", "%c%c%c", 76, 117, 97), case("format", "%5c|%-5c|", 65, 66), case("format", "%c", 0),
    case("format", "%c", 321), case("format", "%e", 12345.678), case("format", "%E", 12345.678),
    case("format", "%.3e", 0), case("format", "%f", 3.14159), case("format", "%.2f", 2.675),
    case("format", "%10.3f|%-10.3f|%+.1f", 3.14159, 3.14159, 3.14159), case("format", "%010.3f", -3.14159),
    case("format", "%g %g %g", 1e20, 0.0001, 100000), case("format", "%g", 1e-5), case("format", "%G", 1e-20),
    case("format", "%#g", 1.0), case("format", "%#.0f", 3.0), case("format", "%.14g", 0.1),
    case("format", "%.20f", 0.1), case("format", "%f", float("inf")), case("format", "%f", -float("inf")),
    case("format", "%5.1f|%-6f|%+f|%E", float("inf"), float("inf"), float("inf"), float("inf")),
    case("format", "%05f", float("inf")), case("format", "%.3f", 1e300), case("format", "%g", 2 ** 53),
    case("format", "%s", "x"), case("format", "%s %s", 1, 2.5), case("format", "%10s|%-10s|", "hi", "hi"),
    case("format", "%.2s", "hello"), case("format", "%5.2s|", "abc"), case("format", "%s", "x" * 150),
    case("format", "%.3s", "x" * 150), case("format", "%20s", "x" * 150), case("format", "%s"),
    case("format", "%q", 'a\0b\n\r"\\c'), case("format", "%q", 1 / 3), case("format", "%q", "\t\1"),
    case("format", "%%"), case("format", "100%% %d", 1), case("format", "%5%"), case("format", "%5%", 1),
    case("format", "%", 1), case("format", "abc%"), case("format", "%y", 1), case("format", "%100d", 1),
    case("format", "%------d", 1), case("format", "%-----d", 1), case("format", "%1.100f", 1),
    case("format", "%99.99f", 1), case("format", "no items"), case("format"), case("format", 12),
    case("format", "%d %s", 1), case("format", "%f", "1e2"), case("format", "%f", "abc"),
    case("format", "%q"),
]


@pytest.mark.parametrize("name,args", CASES)
def test_matches_lua51(name, args):
    same(FUNCS[name], f"string.{name}", *args)


def test_format_s_converts_any_value_like_luajit():
    # Lua 5.1 rejects non-strings; LuaJIT (Torch7's Lua) converts them as tostring does.
    assert S.str_format("%s|%s|%s", None, True, 1.5) == "nil|true|1.5"
    t = LuaTable()
    t.metatable = LuaTable.from_dict({"__tostring": lambda self: "T!"})
    assert S.str_format("[%5s]", t) == "[   T!]"
    assert S.str_format("%s", LuaTable()).startswith("table: 0x")


def test_rep_with_separator_luajit():
    assert S.str_rep("ab", 3, ",") == "ab,ab,ab"
    assert S.str_rep("ab", 1, ",") == "ab"
    assert S.str_rep("ab", 0, ",") == ""
    assert S.str_rep("", 3, "-") == "--"


def test_gsub_with_function_and_table():
    assert S.str_gsub("hello world", "(%w+)", lambda w: w.upper()) == ("HELLO WORLD", 2)
    assert S.str_gsub("$x $y $z", "%$(%w+)", LuaTable.from_dict({"x": 1, "y": "Y"})) == ("1 Y $z", 3)
    assert S.str_gsub("abc", "%w", lambda c: None) == ("abc", 3)
    assert S.str_gsub("abc", "%w", lambda c: False) == ("abc", 3)
    assert S.str_gsub("abc", "%w", lambda c: (c + c, "ignored")) == ("aabbcc", 3)
    assert S.str_gsub("a b", "(%w)", lambda c: 1.5) == ("1.5 1.5", 2)
    assert S.str_gsub("abc", "()", lambda p: p) == ("1a2b3c4", 4)
    with pytest.raises(Exception, match=r"invalid replacement value \(a table\)"):
        S.str_gsub("abc", "%w", lambda c: LuaTable())
    with pytest.raises(Exception, match=r"invalid replacement value \(a boolean\)"):
        S.str_gsub("abc", "b", LuaTable.from_dict({"b": True}))
    # Lua-matcher path (%b) with function replacement
    assert S.str_gsub("f(a)(b)", "%b()", lambda s: s.upper()) == ("f(A)(B)", 2)


def test_gsub_table_with_index_metamethod():
    t = LuaTable()
    t.metatable = LuaTable.from_dict({"__index": lambda self, k: k.upper()})
    assert S.str_gsub("ab", "%w", t) == ("AB", 2)


def gmatch_all(s, p):
    it = S.str_gmatch(s, p)
    out = []
    while True:
        v = it()
        if v == ():  # the iterator's end: no value at all
            return out
        out.append(v)


@pytest.mark.parametrize("s,p", [
    ("one two  three", "%a+"), ("k1=v1, k2=v2", "(%w+)=(%w+)"), ("abc", ""), ("abc", "%w*"),
    ("^a^a", "^a"), ("abc", "()"), ("a(b)c(d)", "%b()"), ("hello", "l*"), ("THE (quick) fox", "%f[%a]%a+"),
])
def test_gmatch_matches_lua51(s, p):
    from lib_oracle import lua_literal
    code = (f"(function() local out = {{}} for a, b in string.gmatch({lua_literal(s)}, {lua_literal(p)}) "
            f"do out[#out + 1] = tostring(a) .. '/' .. tostring(b) end return table.concat(out, '|') end)()")
    expected = lua_eval(code)
    got = []
    for v in gmatch_all(s, p):
        a, b = (v + (None,))[:2] if isinstance(v, tuple) else (v, None)
        got.append(f"{S.number_to_string(a) if isinstance(a, int) else a}/{'nil' if b is None else b}")
    assert ("ok", "s:" + "|".join(got)) == expected


def test_string_metatable_is_installed():
    class FakeRuntime:
        string_meta = None
    rt = FakeRuntime()
    lib = S.open_lib(rt)
    assert rt.string_meta.get("__index") is lib
    assert lib.get("rep") is S.str_rep


# ---- property-style differential testing of the pattern engine ----------------------

_ATOMS = ["a", "b", ".", "%a", "%d", "%s", "%w", "%W", "[ab]", "[^a]", "[a-c]", "[%d_]", "%.", "x"]
_QUANT = ["", "", "", "*", "+", "-", "?"]
_SUBJECT_CHARS = "aabbc1 2_.x"


def _random_pattern(rng):
    items = []
    for _ in range(rng.randint(1, 5)):
        r = rng.random()
        if r < 0.1:
            items.append("()")
        elif r < 0.25:
            items.append("(" + rng.choice(_ATOMS) + rng.choice(_QUANT) + ")")
        elif r < 0.3:
            items.append("%b()" if rng.random() < 0.5 else "%f[%w]")
        else:
            items.append(rng.choice(_ATOMS) + rng.choice(_QUANT))
    p = "".join(items)
    if rng.random() < 0.15:
        p = "^" + p
    if rng.random() < 0.15:
        p += "$"
    return p


def test_random_patterns_match_lua51():
    rng = random.Random(20240501)
    for _ in range(300):
        p = _random_pattern(rng)
        s = "".join(rng.choice(_SUBJECT_CHARS) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.2:
            s = "(a(b)c)" + s
        same(S.str_find, "string.find", s, p)
        same(S.str_match, "string.match", s, p, rng.randint(-3, 4))
        same(S.str_gsub, "string.gsub", s, p, "<%0>")
        same(S.str_gsub, "string.gsub", s, p, "%1", rng.randint(1, 3))


def test_regex_and_lua_matcher_agree():
    # The same pattern through re and through the Lua matcher (regex disabled).
    rng = random.Random(7)
    for _ in range(300):
        p = _random_pattern(rng)
        s = "".join(rng.choice(_SUBJECT_CHARS) for _ in range(rng.randint(0, 12)))
        fast = compile_pattern(p)
        slow = type(fast)(p)
        slow.regex = None
        for init in range(len(s) + 1):
            assert fast.search(s, init) == slow.search(s, init), (p, s, init)
