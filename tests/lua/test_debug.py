"""The Lua stack as th shows it where reference Lua cannot be the oracle: tracebacks of
errors reaching Python (their last line names the host, never `[C]: ?`), hooks,
coroutines, errors from Python library code. (tests/lua/cases/lib_debug.lua compares
the rest with Lua 5.1.)"""
import pytest

from th.lua import LuaError, Runtime


@pytest.fixture
def rt():
    return Runtime()


def error_of(rt, src, chunkname="@t.lua", **kw):
    with pytest.raises(LuaError) as info:
        rt.execute(src, chunkname, **kw)
    return info.value


NESTED = """local function inner(x)
  error("boom " .. x)
end
function outer(y)
  inner(y)
end
local t = {}
function t:go() outer(1) end
t:go()
"""


def test_error_traceback_reads_like_luas(rt):
    err = error_of(rt, NESTED)
    assert str(err) == "t.lua:2: boom 1"
    assert err.lua_traceback.split("\n") == [
        "stack traceback:",
        "\t[C]: in function 'error'",
        "\tt.lua:2: in function 'inner'",
        "\tt.lua:5: in function 'outer'",
        "\tt.lua:8: in function 'go'",
        "\tt.lua:9: in main chunk",
        "\t[th]: in Python code",
    ]


def test_the_host_names_what_ran_the_code(rt):
    err = error_of(rt, "local x = nil + 1", "=stdin", host="the console")
    assert err.lua_traceback.split("\n") == [
        "stack traceback:", "\tstdin:1: in main chunk", "\t[th]: in the console"]
    assert rt.host == "Python code"       # the host lasts as long as the call
    assert rt.execute("return debug.traceback('x')", "=stdin", host="a test") == (
        "x\nstack traceback:\n\tstdin:1: in main chunk\n\t[th]: in a test",)


def test_python_library_functions_are_c_levels(rt):
    def explode(n):
        raise ValueError(f"bad size {n}")
    rt.globals["explode"] = explode
    err = error_of(rt, "local function f()\n  explode(3)\nend\nf()")
    assert str(err) == "t.lua:2: bad size 3"
    assert err.lua_traceback.split("\n")[1:4] == [
        "\t[C]: in function 'explode'", "\tt.lua:2: in function 'f'", "\tt.lua:4: in main chunk"]


def test_python_operators_are_metamethod_levels(rt):
    class Vec:
        def __add__(self, other):
            raise ValueError("bad operand")
    rt.globals["v"] = Vec()
    err = error_of(rt, "local w = v + 1")
    assert err.lua_traceback.split("\n")[1:3] == [
        "\t[C]: in metamethod 'add'", "\tt.lua:1: in main chunk"]


def test_a_lua_callback_called_from_python_is_unnamed(rt):
    rt.globals["apply"] = lambda f: f()
    err = error_of(rt, "apply(function()\n  error('in callback')\nend)")
    assert err.lua_traceback.split("\n")[1:5] == [
        "\t[C]: in function 'error'", "\tt.lua:2: in function <t.lua:1>",
        "\t[C]: in function 'apply'", "\tt.lua:1: in main chunk"]


def test_errors_through_a_nested_runtime_call_keep_every_level(rt):
    # require of a Lua file runs it through Runtime.call, from Python, from Lua
    rt.globals["run"] = lambda src: rt.execute(src, "@inner.lua")[0]
    err = error_of(rt, "local function f()\n  return (run('local x = {} .. 1'))\nend\nf()")
    lines = err.lua_traceback.split("\n")
    assert lines[1:5] == ["\tinner.lua:1: in main chunk", "\t[C]: in function 'run'",
                          "\tt.lua:2: in function 'f'", "\tt.lua:4: in main chunk"]


def test_a_deep_stack_is_elided_as_luas(rt):
    err = error_of(rt, "local function deep(n)\n  if n == 0 then error('deep') end\n"
                       "  deep(n - 1)\nend\ndeep(40)")
    lines = err.lua_traceback.split("\n")
    # Lua's db_errorfb from level 2: ten levels, "...", the last ten, then the host
    assert lines[1] == "\t[C]: in function 'error'" and lines[11] == "\t..."
    assert len(lines) == 1 + 10 + 1 + 10 + 1
    assert lines[-2] == "\tt.lua:5: in main chunk" and lines[-1] == "\t[th]: in Python code"


def test_traceback_of_a_coroutine(rt):
    r = rt.execute("""local co = coroutine.create(function()
  local function wait() coroutine.yield() end
  wait()
end)
coroutine.resume(co)
return debug.traceback(co), debug.traceback(co, "msg")""", "@c.lua")
    assert r[0].split("\n")[:4] == [
        "stack traceback:", "\t[C]: in function 'yield'",
        "\tc.lua:2: in function 'wait'", "\tc.lua:3: in function <c.lua:1>"]
    assert r[1].startswith("msg\nstack traceback:\n")
    assert r[0].endswith("\tc.lua:3: in function <c.lua:1>")      # no host under it


def test_line_hook_sees_lines_calls_and_returns(rt):
    # the same events as Lua 5.1 for Lua functions (it also reports C functions' calls)
    r = rt.execute("""local lines = {}
local function f(a)
  local b = a + 1
  for i = 1, 2 do
    b = b + i
  end
  return b
end
debug.sethook(function(event, line) lines[#lines + 1] = event .. ":" .. tostring(line) end, "crl")
f(1)
debug.sethook()
return table.concat(lines, " "), debug.gethook()""", "@h.lua")
    assert r[0] == ("line:10 call:nil line:3 line:4 line:5 line:4 line:5 line:4 line:7 "
                    "return:nil line:11")
    assert r[1:] == (None, "", 0)


def test_getinfo_of_the_end_line_and_active_lines(rt):
    r = rt.execute("""local function f(a)
  local b = a

  return b
end
local i = debug.getinfo(f, "SL")
local lines = {}
for k in pairs(i.activelines) do lines[#lines + 1] = k end
table.sort(lines)
local function g() return 1 end
local j = debug.getinfo(g, "L")
local l2 = {}
for k in pairs(j.activelines) do l2[#l2 + 1] = k end
return i.linedefined, i.lastlinedefined, table.concat(lines, ","), table.concat(l2, ",")""",
                   "@g.lua")
    assert r == (1, 5, "2,4,5", "10")      # as Lua 5.1
