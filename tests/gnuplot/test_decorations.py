"""Titles, labels, grid, logscale, legend, axis and raw: set on the figure, kept across plots."""
import numpy as np
import pytest

import th.gnuplot as gnuplot
from th.lua.table import LuaTable


def test_title_and_labels(T, current_axes):
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.title("Loss")
    gnuplot.xlabel("epoch")
    gnuplot.ylabel("value")
    ax = current_axes()
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("Loss", "epoch", "value")


def test_settings_persist_across_plots_of_a_figure(T, current_axes):
    gnuplot.title("kept")
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.plot(T([3, 2, 1]))
    assert current_axes().get_title() == "kept"


def test_zlabel_on_3d_plots(T, current_axes):
    gnuplot.splot(T(np.ones((3, 3))))
    gnuplot.zlabel("height")
    assert current_axes().get_zlabel() == "height"


def test_grid_any_true_value_turns_it_on(T, current_axes):
    gnuplot.plot(T([1, 2]))
    gnuplot.grid(True)
    assert current_axes().xaxis._major_tick_kw["gridOn"]
    gnuplot.grid("off")           # Torch7 quirk: a string is true
    assert current_axes().xaxis._major_tick_kw["gridOn"]
    gnuplot.grid(False)
    assert not current_axes().xaxis._major_tick_kw["gridOn"]


def test_logscale_is_on_y(T, current_axes):
    gnuplot.plot(T(np.logspace(3, 8, 50)))
    gnuplot.logscale(True)
    ax = current_axes()
    assert ax.get_yscale() == "log" and ax.get_xscale() == "linear"
    gnuplot.logscale(False)
    assert current_axes().get_yscale() == "linear"


@pytest.mark.parametrize("h, v, loc", [("left", "top", 2), ("right", "bottom", 4),
                                       ("center", "middle", 10), ("right", "top", 1)])
def test_movelegend(T, current_axes, h, v, loc):
    gnuplot.plot(LuaTable.from_list(["a", T([1, 2])]))
    gnuplot.movelegend(h, v)
    assert current_axes().get_legend()._loc == loc


def test_movelegend_error_is_torch7s():
    with pytest.raises(gnuplot.GnuplotError) as e:
        gnuplot.movelegend("left", "up")
    assert str(e.value) == ("horizontal location is unknown : plot.movelegend expects 2 "
                            "strings as location {left|right|center}{bottom|top|middle}")


def test_axis_ranges_and_blank_keeps(T, current_axes):
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.axis(LuaTable.from_list([0, 13, -1, 5]))
    ax = current_axes()
    assert ax.get_xlim() == (0, 13) and ax.get_ylim() == (-1, 5)
    gnuplot.axis(LuaTable.from_list([2, 4, 0, ""]))
    assert current_axes().get_xlim() == (2, 4) and current_axes().get_ylim() == (0, 5)
    gnuplot.axis("auto")
    assert current_axes().get_xlim() != (2, 4)


def test_axis_equal_and_fill(T, current_axes):
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.axis("equal")
    assert current_axes().get_aspect() == 1.0
    gnuplot.axis("fill")
    assert current_axes().get_aspect() == "auto"


def test_axis_table_of_wrong_size_prints_torch7s_message(T, capsys):
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.axis(LuaTable.from_list([1, 2]))
    assert "axis should have 4 componets {xmin,xmax,ymin,ymax}" in capsys.readouterr().out


def test_raw_translates_simple_set_commands(T, current_axes):
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.raw('set xtics ("Jan" 1, "Feb" 2, "Mar" 3)')
    gnuplot.raw("set title 'From raw'; set xlabel \"x\"\nset yrange [0:*]")
    gnuplot.raw("set logscale x; set key left bottom; set grid")
    gnuplot.plotflush()
    ax = current_axes()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Jan", "Feb", "Mar"]
    assert ax.get_title() == "From raw" and ax.get_xlabel() == "x"
    assert ax.get_ylim()[0] == 0 and ax.get_xscale() == "log"
    gnuplot.raw("unset title; set key off; set size ratio -1")
    ax = current_axes()
    assert ax.get_title() == "" and ax.get_aspect() == 1.0


def test_raw_says_what_it_ignores(T, capsys):
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.raw("set style fill solid; plot sin(x)")
    out = capsys.readouterr().out
    assert "gnuplot.raw: not translated to matplotlib, ignored: set style fill solid" in out
    assert "gnuplot.raw: not translated to matplotlib, ignored: plot sin(x)" in out


def test_raw_does_not_redraw(T, tmp_path):
    path = str(tmp_path / "f.png")
    gnuplot.pngfigure(path)
    gnuplot.plot(T([1, 2]))
    before = open(path, "rb").read()
    gnuplot.raw("set title 'later'")
    assert open(path, "rb").read() == before
    gnuplot.plotflush()
    assert open(path, "rb").read() != before
