"""EPS output is clean: no transparency warning, partly transparent colours painted as
they look over the white page (PostScript has no transparency)."""
import logging

import numpy as np
import pytest

import th.gnuplot as gnuplot
from th.gnuplot import figures

PLOTS = {
    "legend": lambda T: gnuplot.plot("a", T(np.arange(5.0)), "-"),
    "filled": lambda T: gnuplot.plot(T(np.arange(5.0)), "filledcurves"),
    "boxes": lambda T: gnuplot.bar(T([1.0, 3.0, 2.0])),
    "hist": lambda T: gnuplot.hist(T(np.linspace(0, 1, 50))),
    "surface": lambda T: gnuplot.splot(T(np.outer(np.arange(4.0), np.arange(4.0)))),
    "scatter3": lambda T: gnuplot.scatter3(T([1.0, 2, 3]), T([3.0, 1, 2]), T([2.0, 3, 1])),
}


@pytest.mark.parametrize("kind", sorted(PLOTS))
def test_eps_files_draw_without_transparency_warnings(T, kind, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    path = tmp_path / "out.eps"
    gnuplot.epsfigure(str(path))
    PLOTS[kind](T)
    gnuplot.title("t")
    gnuplot.figprint(str(tmp_path / "printed.eps"))
    assert path.read_bytes().startswith(b"%!PS-Adobe")
    assert not [r for r in caplog.records if "transparency" in r.getMessage()]


def test_transparent_colours_are_blended_over_white():
    blended = figures._over_white([(0.0, 0.0, 1.0, 0.5), (1.0, 0.0, 0.0, 0.0)])
    np.testing.assert_allclose(blended, [[0.5, 0.5, 1.0, 1.0], [1.0, 0.0, 0.0, 0.0]])
    np.testing.assert_allclose(figures._over_white((0.2, 0.4, 0.6, 1.0), 0.5),
                               [0.6, 0.7, 0.8, 1.0])
    assert figures._over_white("none") == "none"


def test_no_artist_stays_partly_transparent(T):
    gnuplot.plot("a", T(np.arange(5.0)), "filledcurves")
    fig = figures.draw_offscreen(gnuplot._registry.current_figure().plot,
                                 gnuplot._registry.current_figure().settings, (5, 3.5))
    figures.flatten_transparency(fig)
    from matplotlib.colors import to_rgba_array
    for artist in fig.findobj(lambda a: hasattr(a, "get_facecolor")):
        alphas = to_rgba_array(artist.get_facecolor())[:, 3]
        assert np.all((alphas == 0) | (alphas == 1)), artist
