"""Bad arguments give gnuplot's error messages (Lua errors), never a Python traceback."""
import numpy as np
import pytest

import th.gnuplot as gnuplot
from th.lua.table import LuaTable

USAGE = "expecting [string,] tensor [,tensor] [,string]"


def message(fn, *args):
    with pytest.raises(gnuplot.GnuplotError) as e:
        fn(*args)
    return str(e.value)


def test_plot_errors(T):
    assert message(gnuplot.plot) == "no inputs, expecting at least a vector"
    assert message(gnuplot.plot, T([1, 2]), T([1, 2, 3])) == \
        "x and y dims are wrong :  x = 1D y = 1D"
    assert message(gnuplot.plot, T(np.zeros((2, 3, 4)))) == \
        "x and y dims are wrong :  x = 1D y = 3D"
    assert message(gnuplot.plot, T([1, 2]), T(np.zeros((2, 2, 2)))) == \
        "x and y dims are wrong :  x = 1D y = 3D"
    assert message(gnuplot.plot, 5) == USAGE
    assert message(gnuplot.plot, "title only") == USAGE
    assert message(gnuplot.plot, T([1]), "-", "extra") == USAGE
    assert message(gnuplot.plot, LuaTable()) == "empty argument list"
    assert message(gnuplot.plot, LuaTable.from_list([T([1])]), 3) == USAGE


def test_splot_imagesc_scatter3_errors(T):
    assert message(gnuplot.splot) == "no inputs, expecting at least a matrix"
    assert message(gnuplot.splot, T([1, 2, 3])) == \
        "x and y and z are expected to be matrices x = 1D y = 1D z = 1D"
    assert message(gnuplot.imagesc, T([1, 2])) == "x is expected to be matrices x = 1D"
    assert message(gnuplot.imagesc, "m") == "expecting tensor [,string]"
    assert message(gnuplot.imagesc) == "no inputs, expecting at least a matrix"
    assert message(gnuplot.scatter3, T([1]), T([1])) == "expecting [string,] tensor, tensor, tensor"
    assert message(gnuplot.scatter3, T([1]), T([1, 2]), T([1])) == "x, y and z must be the same size"


def test_setterm_unknown():
    assert message(gnuplot.setterm, "dumb") == "gnuplot does not seem to have this term"


def test_failed_command_leaves_the_figure_as_it_was(T, current_axes):
    gnuplot.plot(T([1, 2, 3]))
    with pytest.raises(gnuplot.GnuplotError):
        gnuplot.plot(T([1, 2]), T([1]))
    assert len(current_axes().lines[0].get_ydata()) == 3
