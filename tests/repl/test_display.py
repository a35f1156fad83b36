"""trepl's printer (th/repl/display.py) on Lua values built in Python.

Expected texts follow trepl/init.lua's print_new and the golden trepl_print.out.
"""
import io

from th.lua import LuaTable
from th.repl.display import Printer, describe_global

from repl_fakes import FakeTensor


def printed(*values, colors=False, depth=5):
    out = io.StringIO()
    Printer(colors=colors, depth=depth, out=out).print_new(*values)
    return out.getvalue()


def table(**fields):
    return LuaTable.from_dict(fields)


def test_scalars_end_with_a_tab_and_nil_prints():
    assert printed("x") == "x\t\n"
    assert printed(1, None, 2) == "1\tnil\t2\t\n"
    assert printed(None) == "nil\t\n"
    assert printed(True, False, 3.5, "s") == "true\tfalse\t3.5\ts\t\n"


def test_numbers_print_as_lua_does():
    assert printed(3.0, 1 / 3, 1e15) == "3\t0.33333333333333\t1e+15\t\n"


def test_print_without_arguments_prints_nothing():
    assert printed() == ""


def test_empty_and_array_tables():
    assert printed(LuaTable()) == "{}\n"
    assert printed(LuaTable.from_list([1, 2, 3])) == "{\n  1 : 1\n  2 : 2\n  3 : 3\n}\n"


def test_nested_listing_stops_at_five_levels():
    deep = table(a=table(b=table(c=table(d=table(e=table(f=1))))))
    assert printed(deep) == (
        "{\n  a : \n    {\n      b : \n        {\n          c : \n            {\n"
        "              d : \n                {\n                  e : {...}\n"
        "                }\n            }\n        }\n    }\n}\n")


def test_setprintlevel_depth_is_respected():
    assert printed(table(a=table(b=1)), depth=1) == "{\n  a : {...}\n}\n"


def test_nested_values_strings_quoted_and_empty_tables_elided():
    out = printed(LuaTable.from_list([1, "two", LuaTable.from_list([3]), LuaTable()]))
    assert out == ('{\n  1 : 1\n  2 : "two"\n  3 : \n    {\n      1 : 3\n    }\n'
                   "  4 : {...}\n}\n")


def test_cycles_do_not_loop():
    t = LuaTable()
    t["self"] = t
    lines = printed(t).splitlines()
    assert lines[-1] == "}" and "self : {...}" in printed(t)


def test_tensors_print_through_tostring_and_nested_as_sizes():
    t = FakeTensor(2, 3)
    assert printed(t, 5) == "[torch.DoubleTensor of size 2x3]\n\n5\t\n"
    out = printed(table(t=t, e=FakeTensor()))
    assert "  t : DoubleTensor - size: 2x3\n" in out
    assert "  e : DoubleTensor - empty\n" in out


class Module:
    """A torch.class-style object: Lua type "table", fields in vars(), a __tostring."""

    __lua_type__ = "table"
    __typename__ = "nn.Linear"

    def __init__(self):
        self.weight = FakeTensor(2, 3)
        self._type = "torch.DoubleTensor"

    def __str__(self):
        return "nn.Linear(3 -> 2)"


def test_objects_print_through_tostring_but_list_their_fields_when_nested():
    lin = Module()
    assert printed(lin) == "nn.Linear(3 -> 2)\n"
    out = printed(LuaTable.from_list([lin]))
    assert out.splitlines() == [
        "{", "  1 : ", "    {", "      weight : DoubleTensor - size: 2x3",
        '      _type : "torch.DoubleTensor"', "    }", "}"]


def test_tables_with_tostring_use_it():
    t = LuaTable()
    t.metatable = table(__tostring=lambda self: "custom")
    assert printed(t) == "custom\n"


def test_colours_follow_trepl():
    assert printed(1, colors=True) == "\x1b[0;36m1\x1b[0m\t\n"
    assert printed(None, colors=True) == "\x1b[1;30mnil\x1b[0m\t\n"
    assert printed(True, colors=True) == "\x1b[0;34mtrue\x1b[0m\t\n"
    assert printed("s", colors=True) == "\x1b[0ms\x1b[0m\t\n"
    nested = printed(table(s="x"), colors=True)
    assert '\x1b[1;30m"\x1b[0m\x1b[0;32mx\x1b[0m\x1b[1;30m"\x1b[0m' in nested


def test_who_lists_user_globals_only():
    out = io.StringIO()
    g = table(x=FakeTensor(2, 3), name="a\nb", t=LuaTable.from_list([1, 2]), torch=table())
    Printer(out=out).who(g, table(torch=True))
    lines = out.getvalue().splitlines()
    assert lines[0] == "== User Variables ==\t" and lines[-1] == "==\t"
    assert sorted(lines[1:-1]) == sorted([
        "[x]     = DoubleTensor - size: 2x3\t",
        '[name]  = string : "a\\nb"\t',
        "[t]     = table - size: 2\t",
    ])


def test_who_describes_long_strings_and_objects():
    assert describe_global("s", "y" * 50, 1) == '[s] = string : "' + "y" * 40 + '..."'
    assert describe_global("lin", Module(), 5) == "[lin]   = nn.Linear"
    assert describe_global("Lin", Module, 5) == "[Lin]   = table - size: 0"   # the class
