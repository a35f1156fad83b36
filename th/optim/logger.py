"""optim.Logger: log values during training to a file (or stdout) and plot them.

    logger = optim.Logger('train.log')
    logger:setNames{'training error', 'test error'}
    logger:add{trainErr, testErr}            -- one TAB-separated row per call, flushed
    logger:style{'-', '-'}
    logger:plot()                            -- through th.gnuplot, plus train.log.eps

Rows are written as Torch7 wrote them: a header of names, then numbers as `%11.4e` and
strings as they are, each followed by a TAB. Plotting goes through th.gnuplot's public
API (figure, plot, grid, title, epsfigure), so a figure opens where gnuplot's figures do.

Difference from Torch7: with keyed rows (`logger:add{['a'] = 1, ['b'] = 2}`) the
columns follow the order the keys were first written (LuaJIT's pairs followed its hash
order, which varied).
"""
import os
import time

from th.lua.lib.args import number_to_string, typename
from th.lua.lib.io import STDOUT, io_open
from th.lua.lib.string import str_format
from th.lua.table import LuaTable
from th.optim.protocol import OptimError, lua_print, truthy
from th.torch.classes import TorchObject


class Logger(TorchObject):
    """optim.Logger([filename [, timestamp]]): a logger of named values.

    With no filename the rows go to standard output. With timestamp true, the date and
    time are appended to the file name (the plot keeps the name given). Fields: name,
    file, symbols (the values logged, per column), styles, names, showPlot, logscale,
    plotRawCmd (a gnuplot command sent after each plot), epsfile.

    Example: logger = optim.Logger('accuracy.log'); logger:setNames{'train', 'test'}; logger:add{0.5, 0.4}
    """

    __typename__ = "optim.Logger"

    def __init__(self, filename=None, timestamp=None):
        if filename is not None and filename is not False:
            self.name = filename = str(filename)
            directory = os.path.dirname(filename)
            if directory:
                os.makedirs(directory, exist_ok=True)
            if truthy(timestamp):
                filename = filename + "-" + time.strftime("%Y_%m_%d_%X")
            opened = io_open(filename, "w")
            if type(opened) is tuple:
                raise OptimError(f"<Logger> cannot open {opened[1]}")
            self.file = opened
            self.epsfile = self.name + ".eps"
        else:
            self.file = STDOUT
            self.name = "stdout"
            lua_print("<Logger> warning: no path provided, logging to std out")
        self.empty = True
        self.symbols = LuaTable()
        self.styles = LuaTable()
        self.names = LuaTable()
        self.idx = LuaTable()
        self.figure = None
        self.showPlot = True
        self.plotRawCmd = None
        self.defaultStyle = "+"
        self.logscale = False

    def setNames(self, names):
        """logger:setNames(names): name the columns (a list) and write the header row.

        Example: logger:setNames{'training error', 'test error'}
        """
        names = _table(names, "setNames")
        self.names = names
        self.empty = False
        self.nsymbols = len(names)
        for k, key in names.items():
            self.file.write(_text(key) + "\t")
            self.symbols[k] = LuaTable()
            self.styles[k] = LuaTable.from_list([self.defaultStyle])
            self.idx[key] = k
        self.file.write("\n")
        self.file.flush()
        return self

    def add(self, symbols):
        """logger:add(values): log one row, a list (after setNames) or a table keyed by name.

        The first keyed row writes the header. Numbers are written as %11.4e, strings as
        they are; each value is kept for plot().
        Example: logger:add{['training error'] = 0.31, ['test error'] = 0.35}
        """
        symbols = _table(symbols, "add")
        if self.empty:
            self.empty = False
            self.nsymbols = len(symbols)
            for k, _ in symbols.items():
                self.file.write(_text(k) + "\t")
                self.symbols[k] = LuaTable()
                self.styles[k] = LuaTable.from_list([self.defaultStyle])
                self.names[k] = k
            self.idx = self.names
            self.file.write("\n")
        for _, val in symbols.items():
            if type(val) in (int, float):
                self.file.write(str_format("%11.4e", val) + "\t")
            elif type(val) is str:
                self.file.write(val + "\t")
            else:
                from th import xlua
                xlua.error("can only log numbers and strings", "Logger")
        self.file.write("\n")
        self.file.flush()
        for k, val in symbols.items():
            column = self.symbols[k]
            if column is None:
                raise OptimError("bad argument #1 to 'insert' (table expected, got nil)")
            column[len(column) + 1] = val

    def style(self, symbols):
        """logger:style(styles): the gnuplot style of each column.

        '+' (points) by default; '-' lines, '+-' both, or a table of several styles.

        Example: logger:style{'-', '-'}
        """
        for name, style in _table(symbols, "style").items():
            if type(style) is str:
                self.styles[name] = LuaTable.from_list([style])
            elif type(style) is LuaTable:
                self.styles[name] = style
            else:
                from th import xlua
                xlua.error("style should be a string or a table of strings", "Logger")
        return self

    def setlogscale(self, value=None):
        """logger:setlogscale(on): plot with a logarithmic y axis. Example: logger:setlogscale(true)"""
        self.logscale = value

    def display(self, value=None):
        """logger:display(on): whether plot() shows a figure (the EPS file is written anyway).

        Example: logger:display(false)
        """
        self.showPlot = value

    def plot(self, *names):
        """logger:plot([name, ...]): plot the logged columns.

        Every column (or the named ones) with at least two values, in a figure titled
        <Logger::name> and into the file <name>.eps (file loggers).

        Example: logger:style{'-'}; logger:plot()
        """
        plots = LuaTable()
        if names and names[0] is not None:
            for name in names:
                k = self.idx[name]
                self._add_series(plots, k, self.symbols[k] if k is not None else None)
        else:
            for k, values in self.symbols.items():
                self._add_series(plots, k, values)
        if len(plots) == 0:
            return
        from th import gnuplot
        if truthy(self.showPlot):
            self.figure = gnuplot.figure(self.figure)
            self._draw(gnuplot, plots)
        if self.__dict__.get("epsfile") is not None:
            if os.path.exists(self.epsfile):
                os.remove(self.epsfile)
            eps = gnuplot.epsfigure(self.epsfile)
            self._draw(gnuplot, plots)
            gnuplot.plotflush()
            gnuplot.close(eps)

    def _add_series(self, plots, k, values):
        if values is None or len(values) <= 1:
            return
        from th import torch
        y = torch.Tensor(values.to_list())
        for style in self.styles[k].to_list():
            plots[len(plots) + 1] = LuaTable.from_list([self.names[k], y, style])

    def _draw(self, gnuplot, plots):
        if truthy(self.logscale):
            gnuplot.logscale("on")
        gnuplot.plot(plots)
        if self.plotRawCmd is not None:
            gnuplot.raw(self.plotRawCmd)
        gnuplot.grid("on")
        gnuplot.title(f"<Logger::{self.name}>")


def _table(t, fname):
    if type(t) is LuaTable:
        return t
    if isinstance(t, dict):
        return LuaTable.from_dict(t)
    if isinstance(t, (list, tuple)):
        return LuaTable.from_list(list(t))
    raise OptimError(f"bad argument #1 to '{fname}' (table expected, got {typename(t)})")


def _text(v):
    # `key .. '\t'`: a number is written as Lua prints it
    return number_to_string(v) if type(v) in (int, float) else str(v)
