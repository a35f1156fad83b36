"""Figures: numbering, selection, closing, and file output in each format."""
import struct

import pytest

import th.gnuplot as gnuplot

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path):
    data = open(path, "rb").read()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_figure_numbers_follow_torch7(T):
    assert gnuplot.figure() == 1
    assert gnuplot.figure() == 2
    assert gnuplot.figure(5) == 5
    assert gnuplot.figure() == 3
    assert gnuplot.figure(1) == 1
    assert gnuplot._registry.current == 1


def test_plot_without_figure_creates_one(T):
    gnuplot.plot(T([1, 2]))
    assert list(gnuplot._registry.figures) == [1]


def test_each_figure_keeps_its_own_plot(T, current_axes):
    gnuplot.figure(1)
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.figure(2)
    gnuplot.plot(T([7, 8]))
    gnuplot.title("two")
    assert len(current_axes(1).lines[0].get_ydata()) == 3
    assert current_axes(1).get_title() == ""
    assert current_axes(2).get_title() == "two"


def test_close_leaves_no_current_figure(T):
    gnuplot.figure(1)
    gnuplot.figure(2)
    gnuplot.close(1)
    assert gnuplot._registry.current is None and list(gnuplot._registry.figures) == [2]
    gnuplot.plot(T([1, 2]))           # a new figure gets number 1 again
    assert gnuplot._registry.current == 1
    gnuplot.close()
    assert list(gnuplot._registry.figures) == [2]
    gnuplot.close(42)                 # unknown: nothing happens


def test_closeall(T):
    gnuplot.plot(T([1, 2]))
    gnuplot.figure(3)
    gnuplot.closeall()
    assert gnuplot._registry.figures == {} and gnuplot._registry.current is None


def test_plotflush_without_figure_prints_torch7s_message(capsys):
    gnuplot.plotflush()
    gnuplot.plotflush(4)
    assert capsys.readouterr().out == "no figure nil\nno figure 4\n"


def test_pngfigure_writes_a_640x480_png(T, tmp_path):
    path = tmp_path / "loss.png"
    n = gnuplot.pngfigure(str(path))
    assert n == 1
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.plotflush()
    assert png_size(path) == (640, 480)
    assert path.stat().st_size > 5000


@pytest.mark.parametrize("make, name, magic", [
    ("epsfigure", "f.eps", b"%!PS-Adobe"), ("pdffigure", "f.pdf", b"%PDF"),
    ("svgfigure", "f.svg", b"<?xml"),
])
def test_vector_file_figures(T, tmp_path, make, name, magic):
    path = tmp_path / name
    getattr(gnuplot, make)(str(path))
    gnuplot.plot(T([3, 1, 2]), "-")
    gnuplot.title("vector")
    data = path.read_bytes()
    assert data.startswith(magic) and len(data) > 1000
    if name.endswith(".svg"):
        assert b"<svg" in data and b"vector" in data


def test_file_figure_is_rewritten_on_each_change(T, tmp_path):
    path = tmp_path / "f.png"
    gnuplot.pngfigure(str(path), 7)
    gnuplot.plot(T([1, 2]))
    first = path.read_bytes()
    gnuplot.title("changed")
    assert path.read_bytes() != first
    assert gnuplot._registry.current == 7


def test_figprint_png_is_1024x768_and_other_formats(T, tmp_path):
    gnuplot.plot(T([1, 2, 3]))
    gnuplot.figprint(str(tmp_path / "p.png"))
    assert png_size(tmp_path / "p.png") == (1024, 768)
    for name, magic in (("p.eps", b"%!PS-Adobe"), ("p.pdf", b"%PDF"), ("p.svg", b"<?xml")):
        gnuplot.figprint(str(tmp_path / name))
        assert (tmp_path / name).read_bytes().startswith(magic)


def test_file_errors(T, tmp_path):
    with pytest.raises(gnuplot.GnuplotError) as e:
        gnuplot.pngfigure(str(tmp_path / "missing" / "f.png"))
    assert str(e.value) == f"cannot save to {tmp_path / 'missing' / 'f.png'}: directory does not exist"
    with pytest.raises(gnuplot.GnuplotError, match="only eps, png, pdf and svg for figprint"):
        gnuplot.figprint(str(tmp_path / "f.jpg"))
    with pytest.raises(Exception, match=r"bad argument #1 to 'pngfigure' \(string expected, got nil\)"):
        gnuplot.pngfigure(None)
