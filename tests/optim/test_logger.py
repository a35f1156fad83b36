"""optim.Logger: the rows it writes (file or stdout) and the plots it asks gnuplot for."""
import os

import pytest

from th import optim
import th.gnuplot as gnuplot
from th.lua import Runtime
from th.lua.table import LuaTable


@pytest.fixture(autouse=True)
def headless(monkeypatch, tmp_path):
    """Work in tmp_path with matplotlib headless and screen plots going to tmp_path/plots."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TH_GNUPLOT_TERM", raising=False)
    monkeypatch.setenv("TH_PLOT_DIR", str(tmp_path / "plots"))


def test_set_names_then_rows(tmp_path):
    logger = optim.Logger("logs/accuracy.log")           # the folder is created
    logger.setNames(LuaTable.from_list(["channel 1", "channel 2", "channel 3"]))
    for i in (1, 2):
        logger.add(LuaTable.from_list([1, 0.1 * i, 1 - 0.2 * i]))
    logger.add(LuaTable.from_list(["a", -12345.678, 1e-300]))
    assert (tmp_path / "logs" / "accuracy.log").read_text() == (
        "channel 1\tchannel 2\tchannel 3\t\n"
        " 1.0000e+00\t 1.0000e-01\t 8.0000e-01\t\n"
        " 1.0000e+00\t 2.0000e-01\t 6.0000e-01\t\n"
        "a\t-1.2346e+04\t1.0000e-300\t\n")
    assert logger.symbols[2].to_list() == [0.1, 0.2, -12345.678]
    assert logger.idx["channel 2"] == 2 and logger.epsfile == "logs/accuracy.log.eps"


def test_keyed_rows_write_the_header_once(tmp_path):
    logger = optim.Logger("keyed.log")
    logger.add(LuaTable.from_dict({"train": 0.5, "test": 0.25}))
    logger.add({"train": 0.4, "test": 0.3})
    assert (tmp_path / "keyed.log").read_text() == ("train\ttest\t\n"
                                                    " 5.0000e-01\t 2.5000e-01\t\n"
                                                    " 4.0000e-01\t 3.0000e-01\t\n")
    assert logger.names["train"] == "train" and logger.idx is logger.names


def test_no_file_logs_to_stdout(capsys):
    logger = optim.Logger()
    logger.setNames(LuaTable.from_list(["loss"]))
    logger.add(LuaTable.from_list([0.125]))
    assert capsys.readouterr().out == ("<Logger> warning: no path provided, logging to std out\n"
                                       "loss\t\n 1.2500e-01\t\n")
    assert logger.name == "stdout" and "epsfile" not in logger.__dict__


def test_timestamp_goes_into_the_file_name(tmp_path):
    logger = optim.Logger("run.log", True)
    logger.add(LuaTable.from_list([1]))
    files = [f for f in os.listdir(tmp_path) if f.startswith("run.log-")]
    assert len(files) == 1 and logger.name == "run.log"


def test_plot_calls_gnuplot_as_torch7(monkeypatch):
    calls = []
    for name in ("figure", "plot", "grid", "title", "logscale", "raw", "epsfigure", "plotflush", "close"):
        monkeypatch.setattr(gnuplot, name, lambda *a, _n=name: calls.append((_n,) + a) or 7)
    logger = optim.Logger("loss.log")
    logger.setNames(LuaTable.from_list(["train", "test"]))
    for i in range(3):
        logger.add(LuaTable.from_list([1.0 / (i + 1), 2.0 / (i + 1)]))
    logger.style(LuaTable.from_list(["-", LuaTable.from_list(["+", "~"])]))
    logger.setlogscale(True)
    logger.plotRawCmd = "set key left"
    logger.plot()

    names = [c[0] for c in calls]
    assert names == ["figure", "logscale", "plot", "raw", "grid", "title",
                     "epsfigure", "logscale", "plot", "raw", "grid", "title", "plotflush", "close"]
    plots = calls[2][1]
    series = [(p[1], p[2].tolist(), p[3]) for p in plots.to_list()]
    assert series == [("train", [1.0, 0.5, 1 / 3], "-"), ("test", [2.0, 1.0, 2 / 3], "+"),
                      ("test", [2.0, 1.0, 2 / 3], "~")]
    assert calls[5] == ("title", "<Logger::loss.log>") and calls[4] == ("grid", "on")
    assert calls[6] == ("epsfigure", "loss.log.eps") and calls[-1] == ("close", 7)
    assert logger.figure == 7

    # only the named column; display(false) leaves the screen alone
    calls.clear()
    logger.display(False)
    logger.plot("test")
    assert [c[0] for c in calls][0] == "epsfigure"
    assert [p[1] for p in calls[2][1].to_list()] == ["test", "test"]


def test_plot_draws_files_through_gnuplot(tmp_path):
    logger = optim.Logger("curve.log")
    for i in range(5):
        logger.add({"error": 1.0 / (i + 1)})
    logger.style({"error": "-"})
    logger.plot()
    assert (tmp_path / "curve.log.eps").stat().st_size > 1000
    assert any(f.endswith(".png") for f in os.listdir(tmp_path / "plots"))


def test_a_single_value_is_not_plotted(monkeypatch):
    calls = []
    monkeypatch.setattr(gnuplot, "plot", lambda *a: calls.append(a))
    logger = optim.Logger("one.log")
    logger.add({"x": 1})
    logger.plot()
    assert calls == []


def test_from_lua_with_errors(tmp_path, capsys):
    rt = Runtime()
    rt.execute("""
        require 'optim'
        logger = optim.Logger('lua.log')
        logger:setNames{'loss', 'note'}
        logger:add{0.5, 'first'}
        print(pcall(logger.add, logger, {{}}))
        print(pcall(logger.style, logger, {3}))
        print(torch.type(logger), logger.name, logger.showPlot, logger.defaultStyle)
    """)
    assert (tmp_path / "lua.log").read_text() == "loss\tnote\t\n 5.0000e-01\tfirst\t\n"
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("false\t") and "<Logger> can only log numbers and strings" in out[0]
    assert "<Logger> style should be a string or a table of strings" in out[1]
    assert out[2] == "optim.Logger\tlua.log\ttrue\t+"
