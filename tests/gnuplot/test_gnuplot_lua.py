"""gnuplot driven from Lua: `require 'gnuplot'`, errors with positions, the lecture's plots."""
import re

import numpy as np
import pytest

import th.gnuplot as gnuplot


def runtime():
    from th.lua import Runtime
    return Runtime()


def paths_printed(out):
    return re.findall(r"gnuplot: figure \d+ drawn to (\S+\.png)", out)


def test_require_and_errors_from_lua(capsys):
    rt = runtime()
    rt.execute("""
        require 'gnuplot'
        print(pcall(gnuplot.plot))
        print(pcall(gnuplot.plot, 'legend only'))
        print(gnuplot.figure(), gnuplot.figure())
        gnuplot.plotflush(9)
    """)
    assert capsys.readouterr().out.splitlines() == [
        "false\tno inputs, expecting at least a vector",
        "false\texpecting [string,] tensor [,tensor] [,string]",
        "1\t2",
        "no figure 9",
    ]
    from th.lua import LuaError
    with pytest.raises(LuaError, match=r"^stdin:1: gnuplot does not seem to have this term$"):
        rt.execute("gnuplot.setterm('dumb')", "=stdin")


def lecture_runtime():
    rt = runtime()
    rt.execute("require 'torch'; require 'nn'")
    return rt


def test_the_lectures_four_plots_headless(capsys):
    rt = lecture_runtime()
    rt.execute("""
        require 'gnuplot'
        gnuplot.plot(torch.linspace(3,8,50))
        gnuplot.plot(torch.logspace(3,8,50))
        h = gnuplot.hist(torch.randn(1000))
        z = torch.linspace(-10,10,21); gnuplot.plot(z, nn.Sigmoid():forward(z))
    """, "=stdin")
    files = paths_printed(capsys.readouterr().out)
    assert len(files) == 4
    for path in files:
        assert open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    assert rt.eval("h.raw:sum()") == 1000
    fig = gnuplot._registry.figures[1]
    (sig,) = fig.plot.series
    z = np.linspace(-10, 10, 21)
    np.testing.assert_allclose(sig.x, z)
    np.testing.assert_allclose(sig.y, 1 / (1 + np.exp(-z)), rtol=1e-12)


def test_commands_return_no_value_as_in_torch7(capsys):
    rt = runtime()
    rt.execute("""
        require 'gnuplot'; require 'paths'; require 'sys'
        print(select('#', gnuplot.title('t')), select('#', gnuplot.grid(true)),
              select('#', gnuplot.close()), select('#', paths.extname('abc')),
              select('#', sys.tic()), select('#', gnuplot.figure()))
    """)
    assert capsys.readouterr().out == "0\t0\t0\t0\t0\t1\n"
