"""gnuplot: Torch7's plotting package, drawn with matplotlib (Lua name `gnuplot`).

The names and argument forms are Torch7's: `gnuplot.plot(y)`, `plot(x, y, '+')`,
`plot({'sin', x, s, '-'}, {'cos', x, c, '-'})`, `hist(t, bins)`, `imagesc(m, 'color')`,
`figure(2)`, `title('loss')`, `pngfigure('out.png')`, ... Each figure keeps its last
plot and its settings; a decoration (title, labels, grid, axis, logscale, legend)
redraws the figure, as gnuplot's `refresh` did.

Screen figures open in windows when there is a display, and otherwise are written to
PNG files whose paths are printed (see th.gnuplot.screen and `?gnuplot.setterm`). File
figures (pngfigure, epsfigure, pdffigure, svgfigure) are rewritten at every change, so
gnuplot.plotflush() is not needed (it still works). Importing this package does not
import matplotlib; the first drawing does.

Differences from Torch7 (which piped commands to a gnuplot process):
- gnuplot.raw translates the simple `set` commands only (th.gnuplot.raw lists them);
  others are reported and ignored. setgnuplotexe is ignored.
- An N x k matrix (k > 2) plots every column against the first (gnuplot drew column 2).
- Smoothed styles ('~', '~N') are drawn as lines, without point markers.
"""
from th.gnuplot import figures as _figures
from th.gnuplot import hist as _hist
from th.gnuplot import raw as _raw
from th.gnuplot import screen as _screen
from th.gnuplot.render import LEGEND_LOCATIONS as _LEGEND_LOCATIONS, Plot as _Plot
from th.gnuplot.series import (GnuplotError, Series as _Series, istensor as _istensor,
                               read_imagesc_args as _read_imagesc_args,
                               read_plot_series as _read_plot_series,
                               read_scatter3_series as _read_scatter3_series,
                               read_splot_series as _read_splot_series,
                               series_list as _series_list, to_array as _to_array)
from th.lua.lib.args import (NOARG as _NOARG, check_string as _check_string,
                             number_to_string as _number_to_string, str_to_number as _str_to_number,
                             typename as _typename)
from th.lua.table import LuaTable as _LuaTable

__all__ = [
    "plot", "splot", "scatter3", "imagesc", "bar", "hist", "histc",
    "figure", "close", "closeall", "plotflush", "pngfigure", "epsfigure", "pdffigure",
    "svgfigure", "figprint", "setterm", "setgnuplotexe",
    "title", "xlabel", "ylabel", "zlabel", "grid", "logscale", "movelegend", "axis", "raw",
]

_registry = _figures.Registry()


# ---- drawing ----------------------------------------------------------------------------------

def plot(*args):
    """gnuplot.plot(y) / plot(x, y [, style]) / plot(legend, x, y [, style]) / plot({...}, {...})

    Plots y against x (x = 1..n when omitted). A 2-column matrix gives x and y; an N x k
    matrix plots its columns 2..k against column 1. Several series are given as tables
    {legend, x, y, style}, which name the legend entries. Styles: '+' points, '.' dots,
    '-' lines, '+-' lines and points (default: lines and points), '|' boxes, '~' smooth
    spline, '~0.5' smoothing spline of weight 0.5, 'v' vectors (4-column matrix x, y,
    dx, dy); other text is read as gnuplot's `with` clause ('impulses', 'lines lw 3').

    Example: x = torch.linspace(-3, 3, 50); gnuplot.plot({'sin', x, torch.sin(x), '-'}, {'cos', x, torch.cos(x), '+'})
    """
    series = _series_list(args, _read_plot_series, "no inputs, expecting at least a vector")
    _draw(_Plot("plot", series))
    return ()


def splot(*args):
    """gnuplot.splot(z) / splot(x, y, z) / splot(legend, x, y, z) / splot({...}, {...})

    Draws matrix z as a surface (a hidden-line mesh with contours on its base), over
    the grid of its indices or over the matrices x and y.

    Example: x = torch.linspace(-1, 1, 30); z = torch.ger(x, x); gnuplot.splot(z)
    """
    series = _series_list(args, _read_splot_series, "no inputs, expecting at least a matrix")
    _draw(_Plot("splot", series))
    return ()


def scatter3(*args):
    """gnuplot.scatter3(x, y, z) / scatter3(legend, x, y, z) / scatter3({...}, {...})

    Draws points (x[i], y[i], z[i]) in 3-D; x, y and z are vectors of one size.

    Example: gnuplot.scatter3(torch.randn(100), torch.randn(100), torch.randn(100))
    """
    series = _series_list(args, _read_scatter3_series,
                          "no inputs, expecting at least a matrix")
    _draw(_Plot("scatter3", series))
    return ()


def imagesc(*args):
    """gnuplot.imagesc(matrix [, palette])

    Shows a matrix as an image, row 1 at the top, colours scaled to its range, with a
    colour bar. palette: 'gray' (default), 'color', or gnuplot's 'rgbformulae r,g,b'
    (add ' negative' to reverse).

    Example: gnuplot.imagesc(torch.rand(16, 16), 'color')
    """
    image, palette = _read_imagesc_args(args)
    _draw(_Plot("imagesc", image=image, palette=palette))
    return ()


def bar(*args):
    """gnuplot.bar(y) / bar(x, y) / bar(legend, x, y)

    A bar chart: plot with the boxes style '|' (boxes touch their neighbours).

    Example: gnuplot.bar(torch.Tensor{3, 1, 4, 1, 5})
    """
    plot(_LuaTable.from_list(list(_trim(args)) + ["|"]))
    return ()


def hist(tensor=None, bins=None, lo=None, hi=None, *_):
    """gnuplot.hist(tensor [, bins [, min, max]])

    Draws the histogram of the tensor's values (72 bins over [min, max] by default,
    values outside left out) and returns the table of gnuplot.histc: h[i].val (bin
    centre), h[i].nb (count), h.raw (the counts as a tensor); print(h) draws it in text.

    Example: h = gnuplot.hist(torch.randn(1000), 20); print(h.raw)
    """
    h = histc(tensor, bins, lo, hi)
    centres = [h[i + 1]["val"] for i in range(h.length())]
    counts = _to_array(h["raw"]) if _istensor(h["raw"]) else h["raw"]
    import numpy as np
    _draw(_Plot("plot", [_Series(x=np.array(centres, dtype=float),
                                 y=np.asarray(counts, dtype=float), style="|")]))
    return h


def histc(tensor=None, bins=None, lo=None, hi=None, raw=None, *_):
    """gnuplot.histc(tensor [, bins [, min, max [, raw]]])

    The histogram table of the tensor's values without drawing it (see gnuplot.hist);
    with `raw` true, only the tensor of counts.

    Example: h = gnuplot.histc(torch.randn(1000), 10); print(h[1].val, h[1].nb)
    """
    if not _istensor(tensor):
        raise GnuplotError("usage: gnuplot.histc (tensor [, nBins] [, min] [, max]")
    values = _to_array(tensor)
    if values.size == 0:
        raise GnuplotError("gnuplot.histc: the tensor is empty")
    bins = _default(bins, _hist.DEFAULT_BINS)
    lo = _default(lo, _number(values.min()))
    hi = _default(hi, _number(values.max()))
    bins = int(_checked_number(bins, 2, "histc"))
    if bins < 1:
        raise GnuplotError("bad argument #2 to 'histc' (number of bins must be positive)")
    lo, hi = _checked_number(lo, 3, "histc"), _checked_number(hi, 4, "histc")
    try:
        counts = _hist.counts(values, bins, lo, hi)
    except (MemoryError, ValueError):           # numpy: too big, or too big to say
        raise GnuplotError(f"not enough memory: cannot allocate {bins} bins") from None
    raw_tensor = _tensor_like(counts, tensor)
    if raw is not None and raw is not False:
        return raw_tensor
    return _hist.histogram_table(counts, raw_tensor, bins, lo, hi)


def _default(value, default):
    return default if value is None or value is _NOARG else value


def _number(v):
    v = float(v)
    return int(v) if v.is_integer() and abs(v) < 2 ** 53 else v


def _checked_number(v, n, fname):
    if isinstance(v, str):
        v = _str_to_number(v)
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        raise GnuplotError(f"bad argument #{n} to '{fname}' (number expected, got "
                           f"{_typename(v)})")
    return v


def _tensor_like(array, like):
    """A tensor holding `array`, of the same type as tensor `like` (torch.histc's rule)."""
    from th import torch
    return torch.from_numpy(array.astype(like.numpy().dtype))


def _trim(args):
    args = list(args)
    while args and args[-1] is None:
        args.pop()
    return args


def _draw(new_plot):
    fig = _registry.current_figure()
    fig.plot = new_plot
    _refresh(fig, new_plot=True)


def _refresh(fig, new_plot=False):
    """Redraw figure `fig` where it goes (its file, a window, or a PNG for the screen)."""
    if fig.plot.kind is None:
        return        # gnuplot cannot refresh a figure that has no plot yet
    if fig.filename is not None:
        _figures.save(fig.plot, fig.settings, fig.filename, fig.file_kind)
    else:
        _screen.show(fig, new_plot)


# ---- figures ------------------------------------------------------------------------------------

def figure(n=None, config=None, *_):
    """gnuplot.figure([n [, {noraise = true}]])

    Selects figure n, creating it if needed (the next free number when n is omitted),
    and brings its window to the front unless noraise is set. Returns its number.

    Example: f = gnuplot.figure(); gnuplot.plot(torch.rand(10)); gnuplot.figure(f)
    """
    fig = _registry.get_or_create(_figure_number(n, "figure"))
    noraise = isinstance(config, _LuaTable) and config.get("noraise") not in (None, False)
    if not noraise and fig.filename is None:
        _screen.raise_window(fig.number)
    return fig.number


def _figure_number(n, fname):
    if n is None or n is _NOARG:
        return None
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if not isinstance(n, int) or isinstance(n, bool):
        raise GnuplotError(f"bad argument #1 to '{fname}' (number expected, got {_typename(n)})")
    return n


def close(n=None, *_):
    """gnuplot.close([n])

    Closes figure n (the current one by default) and its window. No figure is current
    afterwards.

    Example: gnuplot.close(2)
    """
    number = _figure_number(n, "close")
    if number is None:
        number = _registry.current
    if number is None or _registry.remove(number) is None:
        return ()
    _screen.close(number)
    return ()


def closeall(*_):
    """gnuplot.closeall()

    Closes every figure and its window.

    Example: gnuplot.closeall()
    """
    for number in list(_registry.figures):
        close(number)
    _registry.current = None
    return ()


def plotflush(n=None, *_):
    """gnuplot.plotflush([n])

    Redraws figure n (the current one by default) and finishes its file output. th
    writes file figures at every change anyway; this stays for Torch7 scripts.

    Example: gnuplot.pngfigure('loss.png'); gnuplot.plot(loss); gnuplot.plotflush()
    """
    number = _figure_number(n, "plotflush")
    if number is None:
        number = _registry.current
    if number is None or number not in _registry.figures:
        print("no figure " + ("nil" if number is None else _number_to_string(number)))
        return ()
    _refresh(_registry.figures[number])
    return ()


def _file_figure(fname, kind, n, name):
    fname = _check_string(fname, 1, name)
    _figures.check_directory(fname)
    fig = _registry.get_or_create(_figure_number(n, name))
    fig.filename, fig.file_kind = fname, kind
    _refresh(fig)
    return fig.number


def pngfigure(fname=_NOARG, n=None, *_):
    """gnuplot.pngfigure(filename [, n])

    Makes figure n (a new one by default) draw into the PNG file `filename` (640x480)
    instead of the screen. Returns the figure's number.

    Example: gnuplot.pngfigure('/tmp/loss.png'); gnuplot.plot(torch.rand(10)); gnuplot.plotflush()
    """
    return _file_figure(fname, "png", n, "pngfigure")


def epsfigure(fname=_NOARG, n=None, *_):
    """gnuplot.epsfigure(filename [, n])

    Makes figure n (a new one by default) draw into the EPS file `filename`.

    Example: gnuplot.epsfigure('/tmp/plot.eps'); gnuplot.plot(torch.rand(10))
    """
    return _file_figure(fname, "eps", n, "epsfigure")


def pdffigure(fname=_NOARG, n=None, *_):
    """gnuplot.pdffigure(filename [, n])

    Makes figure n (a new one by default) draw into the PDF file `filename`.

    Example: gnuplot.pdffigure('/tmp/plot.pdf'); gnuplot.plot(torch.rand(10))
    """
    return _file_figure(fname, "pdf", n, "pdffigure")


def svgfigure(fname=_NOARG, n=None, *_):
    """gnuplot.svgfigure(filename [, n])

    Makes figure n (a new one by default) draw into the SVG file `filename`.

    Example: gnuplot.svgfigure('/tmp/plot.svg'); gnuplot.plot(torch.rand(10))
    """
    return _file_figure(fname, "svg", n, "svgfigure")


_PRINT_KINDS = {"eps": "eps", "png": "png-large", "pdf": "pdf", "svg": "svg"}


def figprint(fname=_NOARG, *_):
    """gnuplot.figprint(filename)

    Saves the current figure to `filename`; the extension picks the format: .png
    (1024x768), .eps, .pdf or .svg.

    Example: gnuplot.plot(torch.rand(10)); gnuplot.figprint('/tmp/plot.png')
    """
    fname = _check_string(fname, 1, "figprint")
    suffix = fname.rsplit(".", 1)[-1] if "." in fname else ""
    if suffix not in _PRINT_KINDS:
        raise GnuplotError("only eps, png, pdf and svg for figprint")
    _figures.check_directory(fname)
    fig = _registry.current_figure()
    _figures.save(fig.plot, fig.settings, fname, _PRINT_KINDS[suffix])
    return ()


def setterm(term=_NOARG, *_):
    """gnuplot.setterm(term)

    Chooses where screen figures go: 'window' (also 'wxt', 'qt', 'x11': a window; needs
    a display), 'png' (PNG files in $TH_PLOT_DIR or the temp dir's th-plots folder, paths
    printed), 'inline' (those PNGs also shown in the terminal: kitty, iTerm2/WezTerm or
    sixel, detected), or the protocol by name: 'kitty', 'iterm', 'sixel'. The
    environment variable TH_GNUPLOT_TERM sets it at start-up.

    Example: gnuplot.setterm('inline'); gnuplot.plot(torch.rand(10))
    """
    _screen.setterm(_check_string(term, 1, "setterm"))
    return ()


def setgnuplotexe(exe=None, *_):
    """gnuplot.setgnuplotexe(path)

    Kept for Torch7 scripts: th draws with matplotlib and runs no gnuplot program, so
    this does nothing.

    Example: gnuplot.setgnuplotexe('/usr/bin/gnuplot')
    """
    print("gnuplot.setgnuplotexe: th draws with matplotlib; no gnuplot program is used")
    return ()


# ---- decorations ----------------------------------------------------------------------------------

def _decorate(change):
    fig = _registry.current_figure()
    change(fig.settings)
    _refresh(fig)


def _label_setter(field, fname):
    def set_label(label=_NOARG, *_):
        text = _check_string(label, 1, fname)
        _decorate(lambda s: setattr(s, field, text))
        return ()
    return set_label


title = _label_setter("title", "title")
title.__doc__ = """gnuplot.title(text)

    Sets the title of the current figure.

    Example: gnuplot.plot(torch.rand(10)); gnuplot.title('random numbers')
    """
xlabel = _label_setter("xlabel", "xlabel")
xlabel.__doc__ = """gnuplot.xlabel(text)

    Sets the label of the x axis of the current figure.

    Example: gnuplot.xlabel('epoch')
    """
ylabel = _label_setter("ylabel", "ylabel")
ylabel.__doc__ = """gnuplot.ylabel(text)

    Sets the label of the y axis of the current figure.

    Example: gnuplot.ylabel('loss')
    """
zlabel = _label_setter("zlabel", "zlabel")
zlabel.__doc__ = """gnuplot.zlabel(text)

    Sets the label of the z axis of the current figure (surfaces, scatter3).

    Example: gnuplot.splot(torch.rand(5, 5)); gnuplot.zlabel('height')
    """
for _f, _name in ((title, "title"), (xlabel, "xlabel"), (ylabel, "ylabel"), (zlabel, "zlabel")):
    _f.__name__ = _f.__qualname__ = _name


def grid(toggle=None, *_):
    """gnuplot.grid(toggle)

    Shows the grid when `toggle` is true (as in Torch7, any value but nil and false,
    even the string 'off'), hides it otherwise.

    Example: gnuplot.grid(true)
    """
    on = toggle is not None and toggle is not False and toggle is not _NOARG
    _decorate(lambda s: setattr(s, "grid", on))
    return ()


def logscale(toggle=None, *_):
    """gnuplot.logscale(toggle)

    Makes the y axis logarithmic when `toggle` is true, linear otherwise.

    Example: gnuplot.plot(torch.logspace(0, 5, 50)); gnuplot.logscale(true)
    """
    on = toggle is not None and toggle is not False and toggle is not _NOARG

    def change(s):
        s.logscale = s.logscale | {"y"} if on else s.logscale - {"y"}
    _decorate(change)
    return ()


_LEGEND_ERROR = ("horizontal location is unknown : plot.movelegend expects 2 strings as "
                 "location {left|right|center}{bottom|top|middle}")


def movelegend(hloc=None, vloc=None, *_):
    """gnuplot.movelegend(hloc, vloc)

    Moves the legend: hloc is 'left', 'right' or 'center'; vloc 'top', 'bottom' or
    'middle'.

    Example: gnuplot.movelegend('left', 'bottom')
    """
    if hloc not in ("left", "right", "center") or vloc not in ("bottom", "top", "middle"):
        raise GnuplotError(_LEGEND_ERROR)   # Torch7 said "horizontal" for both
    _decorate(lambda s: setattr(s, "legend_loc", _LEGEND_LOCATIONS[(hloc, vloc)]))
    return ()


def axis(spec=None, *_):
    """gnuplot.axis('auto' | 'image' | 'equal' | 'fill' | {xmin, xmax, ymin, ymax})

    'auto' rescales to the data; 'image' and 'equal' make units equal on both axes (a
    circle looks round); 'fill' lets the plot fill the figure again; a table sets the
    ranges ('' keeps an end as it is).

    Example: gnuplot.plot(torch.rand(10)); gnuplot.axis{0, 11, 0, 1}
    """
    if spec == "auto":
        def change(s):
            s.xrange = s.yrange = s.zrange = (None, None)
            s.aspect = None
    elif spec in ("image", "equal"):
        def change(s):
            s.aspect = "equal"
    elif spec == "fill":
        def change(s):
            s.aspect = None
    elif isinstance(spec, _LuaTable):
        if spec.length() != 4:
            print("axis should have 4 componets {xmin,xmax,ymin,ymax}")
            return ()
        values = [_axis_value(spec[i + 1]) for i in range(4)]

        def change(s):
            s.xrange = _merge_range(s.xrange, values[0:2])
            s.yrange = _merge_range(s.yrange, values[2:4])
    else:
        return ()
    _decorate(change)
    return ()


def _axis_value(v):
    if isinstance(v, str):
        return None if v == "" else _str_to_number(v)
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _merge_range(old, new):
    return tuple(o if n is None else float(n) for o, n in zip(old, new))


def raw(command=_NOARG, *_):
    """gnuplot.raw(command)

    Passes a gnuplot command to the current figure. th translates the simple ones
    (set/unset title, xlabel, ylabel, zlabel, grid, logscale, key, xrange, yrange,
    zrange, autoscale, size ratio, xtics/ytics with labels) and says which it ignores.
    As in Torch7 the figure is not redrawn until the next plot or gnuplot.plotflush().

    Example: gnuplot.raw('set xtics ("Jan" 1, "Feb" 2, "Mar" 3)'); gnuplot.plotflush()
    """
    command = _check_string(command, 1, "raw")
    _raw.apply(command, _registry.current_figure().settings)
    return ()
