"""Compiler unit tests: one compile_ method per node class, Lua lines as Python lines,
syntax errors as Lua words them, fast paths and their fallbacks agreeing."""
import ast as py
import time

import pytest

from th.lua import LuaSyntaxError, Runtime
from th.lua import ast as A
from th.lua.compiler import Compiler, compile_lua, to_python


def test_every_node_class_has_its_compile_method():
    for cls in A.ALL_NODES:
        assert callable(getattr(Compiler, "compile_" + cls.__name__, None)), cls.__name__
        assert getattr(Compiler, "compile_" + cls.__name__).__doc__ or cls in (A.Call, A.MethodCall)


def test_python_line_numbers_are_lua_lines():
    src = "local a = 1\n\nlocal b = a + 2\nprint(b)\n\n\nreturn b\n"
    code, chunk, _ = compile_lua(src, "=lines")
    main = next(c for c in code.co_consts if hasattr(c, "co_code"))
    lines = {ln for _, _, ln in main.co_lines() if ln is not None}
    assert {1, 3, 4, 7} <= lines
    assert lines <= {1, 3, 4, 7}


def test_traceback_points_at_lua_line():
    rt = Runtime()
    f = rt.load("local x = 1\nlocal y = nil\nreturn x + y\n", "@t.lua")
    with pytest.raises(Exception) as info:
        rt.call(f)
    assert str(info.value) == "t.lua:3: attempt to perform arithmetic on local 'y' (a nil value)"
    assert "t.lua:3:" in info.value.lua_traceback


def test_to_python_is_readable_python():
    text = to_python("local s = 0 for i = 1, 10 do s = s + i end return s")
    py.parse(text)
    assert "for i in λrange(1, 11, 1)" in text
    assert "s = s + i" in text       # both operands known numbers: plain Python


@pytest.mark.parametrize("src, message, at_eof", [
    ("x = ", "[string \"x = \"]:1: unexpected symbol near '<eof>'", True),
    ("function f()", "[string \"function f()\"]:1: 'end' expected near '<eof>'", True),
    ("function f()\nreturn 1", "[string \"function f()...\"]:2: 'end' expected (to close 'function' at line 1) near '<eof>'", True),
    ("x = = 1", "[string \"x = = 1\"]:1: unexpected symbol near '='", False),
    ("for i = 1 do end", "[string \"for i = 1 do end\"]:1: ',' expected near 'do'", False),
    ("return return", "[string \"return return\"]:1: unexpected symbol near 'return'", False),
    ("x = [[abc", "[string \"x = [[abc\"]:1: unfinished long string near '<eof>'", True),
    ("return +", "[string \"return +\"]:1: unexpected symbol near '+'", False),
])
def test_syntax_errors(src, message, at_eof):
    with pytest.raises(LuaSyntaxError) as info:
        Runtime().load(src)
    assert str(info.value) == message
    assert info.value.at_eof is at_eof
    assert info.value.line >= 1


def test_syntax_error_chunkname_forms():
    rt = Runtime()
    with pytest.raises(LuaSyntaxError) as info:
        rt.load("x =", "=stdin")
    assert str(info.value).startswith("stdin:1:")
    with pytest.raises(LuaSyntaxError) as info:
        rt.load("x =", "@dir/file.lua")
    assert str(info.value).startswith("dir/file.lua:1:")


OPERAND_KINDS = ["1", "2.5", "'3'", "x", "t.v", "f()"]


@pytest.mark.parametrize("op", ["+", "-", "*", "/", "%", "^", "<", "<=", ">", ">=", "==", "~=", ".."])
def test_inline_fast_paths_agree_with_runtime_helpers(op):
    # The same operation on every operand kind, compiled inline (locals, constants) and
    # through the runtime helper (operands read from a table, never inlined).
    rt = Runtime()
    for a in OPERAND_KINDS:
        for b in OPERAND_KINDS:
            src = (f"local x, t = 4, {{v = 7}} local function f() return 3 end "
                   f"local ok1, r1 = pcall(function() return {a} {op} {b} end) "
                   f"local h = {{a = {a}, b = {b}}} "
                   f"local ok2, r2 = pcall(function() return h.a {op} h.b end) "
                   f"return ok1, r1, ok2, r2")
            ok1, r1, ok2, r2 = rt.execute(src)
            assert ok1 == ok2, (a, op, b, r1, r2)
            if ok1:
                assert r1 == r2 or (r1 != r1 and r2 != r2), (a, op, b)
            else:
                assert r1.split(": ", 1)[1] == r2.split(": ", 1)[1].replace("field 'a'", "x")\
                    or "attempt to compare" in r1, (a, op, b, r1, r2)


def test_compiling_a_thousand_lines_finishes():
    # Compile speed is measured by bench/lua_engine.py (about 0.2-0.3 s); this only
    # guards against something pathological, with room for a loaded CI machine.
    lines = []
    for i in range(200):
        lines += [f"local function f{i}(a, b, c)",
                  f"  local t = {{a, b, c, x = {i}}}",
                  "  if a < b then return t.x + a * b elseif c then return #t end",
                  "  for k, v in pairs(t) do t[k] = tostring(v) .. '!' end",
                  "end"]
    src = "\n".join(lines)
    rt = Runtime()
    t = time.perf_counter()
    rt.load(src, "=big")
    assert time.perf_counter() - t < 5.0


def test_products_are_checked_against_2_53_only_when_they_can_pass_it():
    # A loop variable over numerals times a small numeral cannot leave the exact range.
    text = to_python("local t = {} for i = 1, 100 do t[i] = i * 2 end")
    assert "i * 2" in text and "9007199254740992" not in text
    text = to_python("local x = 1 for i = 1, 100 do x = x * 3 end")
    assert "9007199254740992 <= (λr := (x * 3))" in text
    assert Runtime().execute("local x = 3 for i = 1, 4 do x = x * x end return x") \
        == (3.0 ** 16,)
    assert type(Runtime().execute("local x = 3 for i = 1, 6 do x = x * x end return x")[0]) \
        is float


RECEIVERS = [
    "{x = 1, 10, 20}",
    "setmetatable({}, {__index = {x = 2, 30, m = function(self) return 'm' end}})",
    "setmetatable({}, {__index = function(t, k) return k end})",
    "setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, 'via newindex') end})",
    "setmetatable({1, 2, 3}, {__len = function() return 42 end})",
    "'abc'", "nil", "5",
]
ACCESSES = {
    "o.x": "return o.x", "o[1]": "return o[1]", "o[2]": "return o[2]", "#o": "return #o",
    "o:m()": "return o:m()", "o:upper()": "return o:upper()",
    "o.x = v": "o.x = 'v' return rawget(o, 'x')", "o[1] = v": "o[1] = 'v' return rawget(o, 1)",
    "o[4] = v": "o[4] = 'v' return rawget(o, 4)",
}


@pytest.mark.parametrize("access", list(ACCESSES))
def test_inline_accesses_agree_with_runtime_helpers(access):
    # Each access compiled inline, and done by the runtime's index/newindex/length.
    from th.lua import runtime
    rt = Runtime()
    for src in RECEIVERS:
        o = rt.execute(f"return {src}")[0]
        try:
            inline = ("ok", rt.execute("local o = ... " + ACCESSES[access], args=(o,)))
        except Exception as e:
            inline = ("error", str(e).split(": ", 1)[-1])
        o = rt.execute(f"return {src}")[0]
        try:
            if access.endswith("= v"):
                key = "x" if access.startswith("o.x") else int(access[2])
                runtime.newindex(o, key, "v")
                helper = ("ok", (o.get(key),))
            elif access == "#o":
                helper = ("ok", (runtime.length(o),))
            elif access.startswith("o:"):
                name = access[2:-2]
                helper = ("ok", runtime.results(runtime.index(o, name)(o)))
            else:
                key = "x" if access == "o.x" else int(access[2])
                helper = ("ok", (runtime.index(o, key),))
        except Exception as e:
            helper = ("error", str(e).split(": ", 1)[-1])
        assert inline[0] == helper[0], (access, src, inline, helper)
        if inline[0] == "ok":
            assert inline == helper, (access, src)
        else:
            assert "attempt to" in inline[1] or "bad argument" in inline[1], inline
