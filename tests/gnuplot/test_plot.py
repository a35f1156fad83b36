"""gnuplot.plot in every Torch7 form and style: the drawn lines hold the tensors' data."""
import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle
from matplotlib.quiver import Quiver

import th.gnuplot as gnuplot
from th.gnuplot.splines import spline_curve
from th.gnuplot.styles import PALETTE
from th.lua.table import LuaTable


def series(*items):
    return LuaTable.from_list(list(items))


def test_plot_y_uses_1_to_n_as_x(T, current_axes):
    y = np.linspace(3, 8, 50)
    gnuplot.plot(T(y))
    (line,) = current_axes().lines
    np.testing.assert_array_equal(line.get_xdata(), np.arange(1, 51))
    np.testing.assert_array_equal(line.get_ydata(), y)


def test_default_style_is_torch7s_lines_with_points(T, current_axes):
    gnuplot.plot(T([1, 3, 2]))
    (line,) = current_axes().lines
    assert line.get_linestyle() == "-" and line.get_marker() == "o"
    assert line.get_color().upper() == PALETTE[0]


def test_plot_x_y(T, current_axes):
    x, y = np.array([1.0, 2, 4]), np.array([5.0, -1, 0.5])
    gnuplot.plot(T(x), T(y))
    (line,) = current_axes().lines
    np.testing.assert_array_equal(line.get_xydata(), np.column_stack([x, y]))


@pytest.mark.parametrize("style, linestyle, marker", [
    ("+", "None", "o"), ("points", "None", "o"), ("-", "-", "None"), ("lines", "-", "None"),
    ("+-", "-", "o"), ("linespoints", "-", "o"), (".", "None", "."), ("dots", "None", "."),
])
def test_line_styles(T, current_axes, style, linestyle, marker):
    gnuplot.plot(T([1, 2, 3]), T([3, 1, 2]), style)
    (line,) = current_axes().lines
    assert line.get_linestyle() == linestyle
    assert line.get_marker() == marker
    np.testing.assert_array_equal(line.get_ydata(), [3, 1, 2])


def test_boxes_style_draws_touching_bars_of_the_data(T, current_axes):
    gnuplot.plot(T([1, 2, 3, 4]), T([4, 0, 2, 1]), "|")
    bars = [p for p in current_axes().patches if isinstance(p, Rectangle)]
    assert [b.get_height() for b in bars] == [4, 0, 2, 1]
    assert [b.get_x() for b in bars] == [0.5, 1.5, 2.5, 3.5]
    assert all(b.get_width() == 1 for b in bars)


def test_smooth_spline_passes_through_the_points(T, current_axes):
    x = np.linspace(0, 3, 10)
    gnuplot.plot(T(x), T(np.sin(x)), "~")
    (line,) = current_axes().lines
    assert len(line.get_xdata()) == 300          # Torch7's `set samples 300`
    xs, ys = spline_curve(x, np.sin(x), samples=10)
    np.testing.assert_allclose(ys, np.sin(x), atol=1e-12)
    np.testing.assert_allclose(line.get_ydata(), np.sin(line.get_xdata()), atol=2e-3)


def test_smoothing_spline_weight_controls_closeness(T, current_axes):
    x = np.arange(12.0)
    y = 2 * x + np.where(np.arange(12) % 2, 1.0, -1.0)
    gnuplot.plot(T(x), T(y), "~1e-6")
    (line,) = current_axes().lines
    # A tiny weight leaves only the least-squares line.
    fit = np.polyval(np.polyfit(x, y, 1), line.get_xdata())
    np.testing.assert_allclose(line.get_ydata(), fit, atol=1e-3)


def test_vectors_from_a_4_column_matrix(T, current_axes):
    m = np.array([[0, 0, 1, 2], [1, 1, -1, 0.5]])
    gnuplot.plot(T(m), "v")
    (quiver,) = [c for c in current_axes().collections if isinstance(c, Quiver)]
    np.testing.assert_array_equal(quiver.U, [1, -1])
    np.testing.assert_array_equal(quiver.V, [2, 0.5])
    np.testing.assert_array_equal(quiver.get_offsets(), [[0, 0], [1, 1]])


def test_pass_through_styles(T, current_axes):
    gnuplot.plot(T([1, 2]), T([3, 4]), "impulses")
    assert any(isinstance(c, LineCollection) for c in current_axes().collections)
    gnuplot.plot(T([1, 2]), T([3, 4]), 'lines lw 5 lc rgb "#00ff00"')
    (line,) = current_axes().lines
    assert line.get_linewidth() == 5 and line.get_color() == "#00ff00"
    assert line.get_marker() == "None"


def test_unknown_style_words_are_reported_once(T, capsys):
    gnuplot.plot(T([1, 2]), T([3, 4]), "lines wiggly")
    gnuplot.plot(T([1, 2]), T([3, 4]), "lines wiggly")
    out = capsys.readouterr().out
    assert out.count("'wiggly' in style 'lines wiggly' is not supported") == 1


def test_several_series_with_legend(T, current_axes):
    x = np.arange(1.0, 6)
    gnuplot.plot(series("squares", T(x), T(x ** 2), "-"), series("cubes", T(x), T(x ** 3)))
    ax = current_axes()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["squares", "cubes"]
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), x ** 2)
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), x ** 3)
    assert ax.lines[0].get_color().upper() == PALETTE[0]
    assert ax.lines[1].get_color().upper() == PALETTE[1]


def test_series_in_one_table_and_legend_with_y_only(T, current_axes):
    gnuplot.plot(LuaTable.from_list([series("a", T([1, 2])), series("b", T([5, 6, 7]))]))
    ax = current_axes()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]
    np.testing.assert_array_equal(ax.lines[1].get_xdata(), [1, 2, 3])


def test_no_legend_without_names(T, current_axes):
    gnuplot.plot(T([1, 2, 3]))
    assert current_axes().get_legend() is None


def test_two_column_matrix_splits_into_x_and_y(T, current_axes):
    m = np.array([[1.0, 10], [2, 20], [3, 15]])
    gnuplot.plot(T(m))
    (line,) = current_axes().lines
    np.testing.assert_array_equal(line.get_xydata(), m)


def test_wide_matrix_plots_columns_against_the_first(T, current_axes):
    m = np.array([[1.0, 10, 5], [2, 20, 6]])
    gnuplot.plot(T(m), "-")
    ax = current_axes()
    assert len(ax.lines) == 2
    np.testing.assert_array_equal(ax.lines[1].get_xydata(), m[:, [0, 2]])


def test_plot_copies_data_when_called(T, current_axes):
    t = T([1.0, 2, 3])
    gnuplot.plot(t)
    t.numpy()[:] = 0
    np.testing.assert_array_equal(current_axes().lines[0].get_ydata(), [1, 2, 3])


def test_bar(T, current_axes):
    gnuplot.bar(T([3, 1, 4]))
    bars = [p for p in current_axes().patches if isinstance(p, Rectangle)]
    assert [b.get_height() for b in bars] == [3, 1, 4]
    gnuplot.bar(T([10, 20]), T([1, 2]))
    bars = [p for p in current_axes().patches if isinstance(p, Rectangle)]
    assert [b.get_x() + b.get_width() / 2 for b in bars] == [10, 20]
