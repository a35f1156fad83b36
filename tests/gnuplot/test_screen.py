"""Screen figures: PNG files when headless, inline images on request, windows with a display."""
import base64
import os
import re
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

import th.gnuplot as gnuplot
from th.gnuplot import inline, screen

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def printed_paths(out):
    return re.findall(r"gnuplot: figure \d+ drawn to (\S+\.png)", out)


def test_headless_plot_writes_a_png_and_prints_its_path(T, tmp_path, capsys):
    gnuplot.plot(T([1, 2, 3]))
    out = capsys.readouterr().out
    (path,) = printed_paths(out)
    assert path.startswith(str(tmp_path / "plots"))
    assert open(path, "rb").read(8) == PNG_SIGNATURE
    assert "gnuplot.setterm('inline')" in out          # says how to see it


def test_each_plot_gets_a_new_file_decorations_rewrite_it_quietly(T, capsys):
    gnuplot.plot(T([1, 2, 3]))
    (first,) = printed_paths(capsys.readouterr().out)
    before = open(first, "rb").read()
    gnuplot.title("t")
    assert capsys.readouterr().out == ""
    assert open(first, "rb").read() != before
    gnuplot.plot(T([3, 2, 1]))
    (second,) = printed_paths(capsys.readouterr().out)
    assert second != first and os.path.exists(first)


def test_decoration_before_any_plot_draws_nothing(capsys):
    gnuplot.title("nothing yet")
    assert capsys.readouterr().out == ""


def test_default_plot_folder_is_th_plots_in_the_temp_dir(monkeypatch):
    monkeypatch.delenv("TH_PLOT_DIR")
    import tempfile
    assert screen.FileScreen().folder == os.path.join(tempfile.gettempdir(), "th-plots")


def test_no_window_without_a_display(monkeypatch):
    monkeypatch.delenv("MPLBACKEND")
    assert screen.gui_backend() is None
    assert isinstance(screen.current(), screen.FileScreen)
    with pytest.raises(gnuplot.GnuplotError, match="gnuplot does not seem to have this term"):
        gnuplot.setterm("wxt")


def test_non_interactive_mplbackend_means_files(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    assert screen.gui_backend() is None


def test_display_and_tk_mean_windows(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("MPLBACKEND")
    if screen.importlib.util.find_spec("tkinter") is None:
        pytest.skip("tkinter is not installed")
    assert screen.gui_backend() == "TkAgg"


@pytest.mark.parametrize("term, env, protocol", [
    ("kitty", {}, "kitty"), ("iterm", {}, "iterm"), ("sixel", {}, "sixel"),
    ("inline", {"TERM": "xterm-kitty"}, "kitty"),
    ("inline", {"TERM_PROGRAM": "iTerm.app"}, "iterm"),
    ("inline", {"TERM": "xterm"}, "sixel"),
])
def test_setterm_inline_picks_the_protocol(monkeypatch, term, env, protocol):
    for k in ("KITTY_WINDOW_ID", "TERM_PROGRAM", "LC_TERMINAL"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    gnuplot.setterm(term)
    assert screen.current().inline == protocol


def test_inline_from_the_environment(T, monkeypatch, capsys):
    monkeypatch.setenv("TH_GNUPLOT_TERM", "kitty")
    gnuplot.plot(T([1, 2, 3]))
    out = capsys.readouterr().out
    assert out.startswith("\033_Ga=T,f=100,")
    (path,) = printed_paths(out)
    payload = "".join(re.findall(r"\033_G[^;]*;([^\033]*)\033\\", out))
    assert base64.b64decode(payload) == open(path, "rb").read()


def test_kitty_chunks():
    data = bytes(range(256)) * 40
    text = inline.kitty(data)
    chunks = re.findall(r"\033_G([^;]*);([^\033]*)\033\\", text)
    assert chunks[0][0] == "a=T,f=100,m=1" and chunks[-1][0] == "m=0"
    assert all(len(c[1]) <= inline.KITTY_CHUNK for c in chunks)
    assert base64.b64decode("".join(c[1] for c in chunks)) == data


def test_iterm_escape():
    text = inline.iterm(b"abc")
    assert text == "\033]1337;File=inline=1;size=3;preserveAspectRatio=1:YWJj\a"


def test_sixel_encodes_every_pixel():
    palette = np.array([[0, 0, 0], [255, 255, 255]], dtype=np.uint8)
    index = np.zeros((7, 5), dtype=np.uint8)
    index[0, 0] = index[6, 4] = 1
    text = inline.sixel((palette, index))
    assert text.startswith('\033Pq"1;1;5;7') and text.endswith("\033\\")
    assert "#1;2;100;100;100" in text
    assert text.count("-") == 2                         # two bands of six rows
    first_band = text.split("#0;2;0;0;0")[1].split("-")[0]
    # colour 0 covers everything but (0,0) in band 1: first column bits 111110 -> 62+63
    assert "#0" + chr(63 + 0b111110) + "!4~" in first_band
    assert "#1" + chr(63 + 1) + "!4?" in first_band


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb for a display")
def test_window_process_draws_and_closes_figures(T, monkeypatch, tmp_path):
    # -displayfd: Xvfb picks a free display number and writes it once it is ready.
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        display = ":" + xvfb.stdout.readline().decode().strip()
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.delenv("MPLBACKEND")
        if screen.gui_backend() is None:
            pytest.skip("no GUI toolkit for matplotlib")
        started = time.perf_counter()
        gnuplot.plot(T([1, 2, 3]))
        gnuplot.title("in a window")
        gnuplot.figure(2)
        gnuplot.plot(T([1, 2]), T([3, 4]), "-")
        elapsed = time.perf_counter() - started
        viewer = screen.current().viewer
        assert viewer.status() == {1: {"title": "in a window", "lines": 1},
                                   2: {"title": "", "lines": 1}}
        gnuplot.close(1)
        time.sleep(0.2)
        assert list(viewer.status()) == [2]
        plots = tmp_path / "plots"
        assert not plots.exists() or not list(plots.glob("*.png"))     # no PNG fallback
        assert elapsed < 10
        viewer.stop()
        viewer.proc.kill()
        viewer.proc.wait(5)
    finally:
        xvfb.kill()
        xvfb.wait(5)


def test_importing_gnuplot_does_not_import_matplotlib():
    code = "import sys, th.gnuplot; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_a_closed_figures_files_are_never_overwritten(T, capsys):
    gnuplot.plot(T([1, 2, 3]))
    (first,) = printed_paths(capsys.readouterr().out)
    gnuplot.close()
    gnuplot.plot(T([4, 5]))
    (second,) = printed_paths(capsys.readouterr().out)
    assert second != first and os.path.exists(first)
