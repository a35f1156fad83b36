"""Engine behaviour beyond what reference Lua 5.1 can check: the Python API, deep
recursion, Ctrl-C, Python interop, and the LuaJIT / Lua 5.2 extensions (goto, \\x, \\z,
rawlen, __pairs, __ipairs, __len, xpcall with arguments, yield across pcall)."""
import threading
import _thread

import pytest

from th.lua import LuaError, LuaTable, Runtime, current_runtime, lua_type, tostring


@pytest.fixture
def rt():
    return Runtime()


def run(rt, src, capsys=None):
    return rt.execute(src, "=test")


# ---- the Python API -----------------------------------------------------------------


def test_execute_eval_call(rt):
    assert rt.execute("return 1, 'a', nil") == (1, "a", None)
    assert rt.execute("x = 5") == ()
    assert rt.eval("x * 2") == 10
    f = rt.eval("function(a, b) return a + b, a * b end")
    assert rt.call(f, 3, 4) == (7, 12)
    assert current_runtime() is rt
    assert rt.globals["x"] == 5


def test_chunk_arguments_are_varargs(rt):
    assert rt.execute("return select('#', ...), ...", args=(1, 2)) == (2, 1, 2)


def test_scope_keeps_locals_between_chunks(rt):
    scope = rt.new_scope()
    rt.execute("local a = 10", scope=scope)
    rt.execute("local function twice(x) return 2 * x end", scope=scope)
    assert rt.execute("return twice(a)", scope=scope) == (20,)
    assert rt.execute("return a") == (None,)       # not a global


def test_print_writes_to_current_stdout(rt, capsys):
    rt.execute("print('hello', 1, nil)")
    assert capsys.readouterr().out == "hello\t1\tnil\n"


def test_error_values_and_traceback(rt):
    with pytest.raises(LuaError) as info:
        rt.execute("error({code = 7})")
    assert type(info.value.value) is LuaTable and info.value.value["code"] == 7
    with pytest.raises(LuaError) as info:
        rt.execute("local function f() error('deep') end\nf()", "@m.lua")
    assert str(info.value) == "m.lua:1: deep"
    assert info.value.lua_traceback.startswith("stack traceback:")
    assert "m.lua:2:" in info.value.lua_traceback


def test_python_exception_in_library_gets_lua_position(rt):
    def boom(*_):
        raise ValueError("bad thing")
    rt.globals["boom"] = boom
    with pytest.raises(LuaError) as info:
        rt.execute("local x = 1\nboom()", "=lib")
    assert str(info.value) == "lib:2: bad thing"
    assert rt.execute("return pcall(boom)") == (False, "bad thing")


# ---- recursion and interruption ---------------------------------------------------------


def test_recursion_15000_deep(rt):
    src = "local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end return d(15000)"
    assert rt.execute(src) == (15000,)


def test_stack_overflow_is_a_lua_error_and_runtime_survives(rt):
    ok, msg = rt.execute("local function f() return 1 + f() end return pcall(f)")
    assert ok is False and msg.endswith("stack overflow")
    with pytest.raises(LuaError, match="stack overflow"):
        rt.execute("local function g() return 1 + g() end g()")
    assert rt.execute("return 1 + 1") == (2,)


def test_keyboard_interrupt_stops_loop_and_passes_pcall(rt):
    timer = threading.Timer(0.2, _thread.interrupt_main)
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        rt.execute("local n = 0 while true do n = pcall(function() return n + 1 end) and n + 1 end")
    timer.cancel()
    assert rt.execute("return 40 + 2") == (42,)


# ---- Python objects ------------------------------------------------------------------------


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __str__(self):
        return f"Point({self.x}, {self.y})"


def test_python_objects_fields_methods_operators(rt):
    rt.globals["Point"] = Point
    r = rt.execute("""
        local p = Point(1, 2)
        local q = p + Point(3, 4)
        p.x = 10
        return p:norm2(), q.x, tostring(q), type(p), Point.norm2(q), p.missing
    """)
    assert r == (104, 4, "Point(4, 6)", "userdata", 52, None)


def test_defining_methods_on_a_python_class(rt):
    class Module:
        pass
    rt.globals["Module"] = Module
    rt.execute("function Module:double(v) return 2 * v end")
    assert Module().double(21) == 42


class Shape:
    """A torch-style class tree: classes with `__typename__`, as th.torch makes them."""
    __typename__ = "geo.Shape"

    def area(self):
        return 0

    def _helper(self):
        return 0


class Square(Shape):
    __typename__ = "geo.Square"

    def __init__(self, side):
        self.side = side


def test_classes_are_constructor_tables(rt):
    # Torch7: nn.Linear is a table whose tostring is `table: 0x...`; pairs on a class
    # gives its own methods, as on Torch7's class metatable
    rt.globals["Square"] = Square
    r = rt.execute("""
        local names = {}
        for k in pairs(Square) do names[#names + 1] = k end
        table.sort(names)
        return type(Square), tostring(Square), #Square, Square[1], table.concat(names, " "),
               type(Square(2))
    """)
    assert r[0] == "table" and r[1] == "table: 0x%08x" % id(Square)
    assert r[2:] == (0, None, "__init __typename", "userdata")
    rt.globals["Shape"] = Shape         # Python's _helper is not a Lua field
    assert rt.execute("local n = {} for k in pairs(Shape) do n[#n + 1] = k end "
                      "table.sort(n) return table.concat(n, ' ')") == ("__typename area",)
    assert tostring(Square).startswith("table: 0x") and lua_type(Square) == "table"


def test_getmetatable_of_a_torch_object_is_its_class(rt):
    rt.globals["Square"] = Square
    rt.globals["Point"] = Point
    r = rt.execute("""
        local s = Square(3)
        local mt = getmetatable(s)
        local chain = {}
        local c = mt
        while c do chain[#chain + 1] = c.__typename; c = getmetatable(c) end
        return mt == Square, mt.__typename, s.__typename, s:area(), mt.area(s),
               table.concat(chain, " < "), getmetatable(Point(1, 2))
    """)
    assert r == (True, "geo.Square", "geo.Square", 0, 0, "geo.Square < geo.Shape", None)


def test_lua_type_and_tostring_helpers():
    assert lua_type(None) == "nil" and lua_type(1.5) == "number" and lua_type(LuaTable()) == "table"
    assert tostring(3.0) == "3" and tostring(1e15) == "1e+15" and tostring(-0.0) == "-0"


# ---- LuaJIT / Lua 5.2 extensions -------------------------------------------------------------


def test_goto_continue(rt):
    r = rt.execute("""
        local out = {}
        for i = 1, 6 do
          if i % 2 == 0 then goto continue end
          out[#out + 1] = i
          ::continue::
        end
        return table.concat(out, ",")""")
    assert r == ("1,3,5",)


def test_goto_forward_out_of_nested_loops(rt):
    r = rt.execute("""
        local hits = 0
        for i = 1, 10 do
          for j = 1, 10 do
            hits = hits + 1
            if i * j == 12 then goto done end
          end
        end
        ::done::
        return hits""")
    assert r == (16,)


def test_goto_backward_loop(rt):
    assert rt.execute("local i = 0 ::top:: i = i + 1 if i < 5 then goto top end return i") == (5,)


def test_hex_and_z_escapes(rt):
    src = 'return "\\x41\\x62", "a\\z\n      b"'
    assert rt.execute(src) == ("Ab", "ab")


def test_rawlen_load_of_strings_and_xpcall_args(rt):
    assert rt.execute("return rawlen({1, 2, 3}), rawlen('abcd')") == (3, 4)
    assert rt.execute("return load('return 6 * 7')()") == (42,)
    assert rt.execute("return xpcall(function(a, b) return a + b end, print, 2, 3)") == (True, 5)


def test_pairs_ipairs_len_metamethods(rt):
    r = rt.execute("""
        local t = setmetatable({}, {
          __pairs = function(t) return function(_, k) if not k then return 1, 'one' end end, t, nil end,
          __ipairs = function(t) return function(_, i) if i < 2 then return i + 1, 'v' end end, t, 0 end,
          __len = function() return 99 end})
        local s = ''
        for k, v in pairs(t) do s = s .. k .. v end
        for i, v in ipairs(t) do s = s .. i .. v end
        return s, #t""")
    assert r == ("1one1v2v", 99)


def test_coroutine_running_and_yield_across_pcall(rt):
    r = rt.execute("""
        local main, ismain = coroutine.running()
        local co = coroutine.create(function()
          local ok, v = pcall(function() return coroutine.yield(1) + 1 end)
          local _, inner_main = coroutine.running()
          return ok, v, inner_main
        end)
        local _, y = coroutine.resume(co)
        return ismain, type(main), y, coroutine.resume(co, 41)""")
    assert r == (True, "thread", 1, True, True, 42, False)


def test_yield_from_python_callback(rt):
    # A yield inside a Python library frame (a sort comparator) suspends the coroutine.
    r = rt.execute("""
        local co = coroutine.wrap(function()
          local t = {3, 1, 2}
          table.sort(t, function(a, b) coroutine.yield('cmp') return a < b end)
          return table.concat(t, ',')
        end)
        local last
        repeat last = co() until last ~= 'cmp'
        return last""")
    assert r == ("1,2,3",)


# ---- chunk names -----------------------------------------------------------------------


def test_chunk_keeps_the_chunkname_given_to_load(rt, tmp_path):
    # Messages shorten a long "@path" to "...<last 52 characters>"; the chunk keeps it
    # whole, so paths.thisfile and sys.fpath can find long paths.
    from th.lua import errors
    deep = tmp_path / ("folder_" * 12) / "scripts"
    deep.mkdir(parents=True)
    script = deep / "train.lua"
    script.write_text("probe()\nreturn require('paths').thisfile(), nil + 1\n")
    seen = []
    rt.globals["probe"] = lambda: seen.append(
        errors.chunk_of(next(errors.lua_frames(1)).f_code).chunkname)
    with pytest.raises(LuaError) as info:
        rt.execute(script.read_text(), "@" + str(script))
    assert seen == ["@" + str(script)]
    assert str(info.value).startswith("..." + str(script)[-52:] + ":2: ")
    script.write_text("probe()\nreturn require('paths').thisfile()\n")
    assert rt.execute("return dofile(...)", args=(str(script),)) == (str(script),)


def test_python_function_called_with_wrong_argument_count_reads_as_lua(rt):
    # Python's "f() missing 1 required positional argument" never reaches a Lua user.
    def pyfunc(a, b):
        return a

    class Thing:
        def method(self, x):
            return x

    rt.globals["pyfunc"] = pyfunc
    rt.globals["thing"] = Thing()
    ok, msg = rt.execute("return pcall(function() return pyfunc(1) end)")
    assert not ok and msg.endswith("wrong number of arguments to 'pyfunc' (argument 'b' missing)")
    ok, msg = rt.execute("return pcall(function() return thing:method(1, 2, 3) end)")
    assert not ok and msg.endswith("wrong number of arguments to 'method' (at most 1 expected, got 3)")
