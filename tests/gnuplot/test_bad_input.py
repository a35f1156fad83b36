"""Every public gnuplot function, given wrong arguments from Lua, fails (or not) with a
Lua error in gnuplot's or Lua's words, never Python's or matplotlib's.

Each name in gnuplot.__all__ is called (under pcall) with each bad value alone, after
a good vector, and twice; figure files go to a temporary folder. (test_gnuplot_errors.py
checks the exact wordings.)
"""
import pytest

import th.gnuplot as gnuplot
from lua_errors import assert_lua_message
from th.lua import Runtime

BAD_VALUES = ["nil", "-1", "0", "'abc'", "''", "{}", "{1, 2}", "{{}}", "true",
              "function() end", "torch.Tensor()", "torch.rand(2, 2, 2)",
              "torch.LongTensor{1, 2}", "torch.Tensor{0/0, 1/0}", "torch.rand(1, 3)",
              "{'a', torch.rand(3), torch.rand(2)}", "{torch.rand(3), 'b', 5}"]
FILE_FIGURES = ("pngfigure", "epsfigure", "pdffigure", "svgfigure", "figprint")


@pytest.fixture
def lua(tmp_path):
    rt = Runtime()
    rt.execute("require 'gnuplot'", "=setup")

    def run(call):
        return rt.execute(f"local ok, e = pcall(function() return {call} end) "
                          f"return ok, tostring(e)", "=test")
    yield run
    rt.execute("gnuplot.closeall()", "=teardown")


@pytest.mark.parametrize("name", gnuplot.__all__)
def test_bad_arguments(lua, name, tmp_path, capsys):
    for value in BAD_VALUES:
        if name in FILE_FIGURES and value == "'abc'":
            value = repr(str(tmp_path / "abc.png"))
        for call in (f"gnuplot.{name}({value})", f"gnuplot.{name}(torch.rand(3), {value})",
                     f"gnuplot.{name}({value}, {value})"):
            ok, msg = lua(call)
            assert_lua_message(call, ok, msg)


def test_too_many_bins_is_a_lua_error(lua):
    ok, msg = lua("gnuplot.histc(torch.rand(3), 2^62)")
    assert (ok, msg) == (False, "test:1: not enough memory: cannot allocate "
                                "4611686018427387904 bins")


def test_require_loads_torch_and_paths_first():
    # as Torch7's gnuplot/init.lua: the sweep above relies on it
    rt = Runtime()
    assert rt.execute("require 'gnuplot'; return type(torch), type(paths)", "=t") == \
        ("table", "table")
