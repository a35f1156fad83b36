"""Drawing a figure's content with matplotlib: what gnuplot's `plot`/`splot` + `set` drew.

Input: a matplotlib Figure, a `Plot` (the last plot command of the figure: its kind and
series) and the figure's `Settings` (what the `set` commands of gnuplot.title, xlabel,
grid, axis, raw, ... accumulated). Output: the figure redrawn from scratch, as gnuplot's
`refresh` replotted the last plot with the current settings.

`Plot` and `Settings` are plain picklable data (numpy arrays, strings, numbers), so the
window process (viewer.py) can draw them too. Callers choose the matplotlib backend;
this module imports matplotlib (never pyplot) only inside `render`.
"""
from dataclasses import dataclass, field

import numpy as np

from th.gnuplot.splines import spline_curve
from th.gnuplot.styles import MARKER_SIZE, PALETTE, TEXT_COLOR, series_style

# movelegend's words -> matplotlib's legend positions
LEGEND_LOCATIONS = {
    ("left", "top"): "upper left", ("center", "top"): "upper center",
    ("right", "top"): "upper right", ("left", "middle"): "center left",
    ("center", "middle"): "center", ("right", "middle"): "center right",
    ("left", "bottom"): "lower left", ("center", "bottom"): "lower center",
    ("right", "bottom"): "lower right",
}


@dataclass
class Settings:
    """A figure's `set` state (gnuplot keeps it across plot commands of that figure)."""
    title: str = None
    xlabel: str = None
    ylabel: str = None
    zlabel: str = None
    grid: bool = False
    logscale: frozenset = frozenset()
    legend_loc: str = "upper right"      # gnuplot's default key position: right top
    legend_visible: bool = True
    xrange: tuple = (None, None)         # None: autoscaled end
    yrange: tuple = (None, None)
    zrange: tuple = (None, None)
    aspect: str = None                   # None, 'equal' (size ratio -1), 'square'
    xtics: tuple = None                  # ((label, position), ...) from raw('set xtics (...)')
    ytics: tuple = None


@dataclass
class Plot:
    """The last plot command of a figure. kind: None (nothing yet), 'plot', 'splot',
    'scatter3' or 'imagesc'."""
    kind: str = None
    series: list = field(default_factory=list)
    image: np.ndarray = None
    palette: str = "gray"


def render(fig, plot, settings):
    """Redraw `fig` entirely: the plot, then the settings."""
    fig.clear()
    three_d = plot.kind in ("splot", "scatter3")
    ax = fig.add_subplot(projection="3d") if three_d else fig.add_subplot()
    if plot.kind == "plot":
        _draw_curves(ax, plot.series)
    elif plot.kind == "splot":
        _draw_surfaces(ax, plot.series)
    elif plot.kind == "scatter3":
        _draw_clouds(ax, plot.series)
    elif plot.kind == "imagesc":
        _draw_image(fig, ax, plot.image, plot.palette)
    _decorate(ax, settings, three_d)
    return ax


# ---- 2-D curves --------------------------------------------------------------------------------

def _draw_curves(ax, series):
    index = 0
    for s in series:
        style = series_style(s.style, index)
        if style.kind == "vectors":
            _draw_vectors(ax, s, style)
            index += 1
            continue
        ys = s.y if s.y.ndim == 2 else s.y[:, None]
        for col in range(ys.shape[1]):
            style = series_style(s.style, index)
            _draw_curve(ax, s.x, ys[:, col], style, s.legend if col == 0 else "")
            index += 1


def _draw_curve(ax, x, y, style, label):
    label = label or None
    common = dict(color=style.color, label=label)
    if style.kind in ("csplines", "acsplines"):
        weight = style.weight if style.kind == "acsplines" else None
        xs, ys = spline_curve(x, y, weight)
        ax.plot(xs, ys, linestyle=style.linestyle, linewidth=style.linewidth, **common)
    elif style.kind == "boxes":
        left, width = _box_edges(x)
        ax.bar(left, y, width=width, align="edge", edgecolor=style.color,
               facecolor=_translucent(style.color), linewidth=style.linewidth / 2,
               label=label)
    elif style.kind == "impulses":
        ax.vlines(x, 0, y, linewidth=style.linewidth, **common)
    elif style.kind in ("steps", "fsteps", "histeps"):
        where = {"steps": "post", "fsteps": "pre", "histeps": "mid"}[style.kind]
        ax.step(x, y, where=where, linewidth=style.linewidth, **common)
    elif style.kind == "filledcurves":
        ax.fill(x, y, alpha=0.6, **common)
    elif style.kind == "dots":
        ax.plot(x, y, linestyle="none", marker=".", markersize=2, **common)
    else:
        ax.plot(x, y, linestyle=style.linestyle if style.has_line else "none",
                linewidth=style.linewidth,
                marker=style.marker if style.has_marker else None,
                markersize=style.markersize, **common)


def _box_edges(x):
    """Left edges and widths of boxes that touch their neighbours (gnuplot's autowidth)."""
    order = np.unique(x)
    if len(order) < 2:
        return x - 0.5, np.ones_like(x)
    mids = (order[1:] + order[:-1]) / 2
    edges = np.concatenate(([order[0] - (mids[0] - order[0])], mids,
                            [order[-1] + (order[-1] - mids[-1])]))
    i = np.searchsorted(order, x)
    return edges[i], edges[i + 1] - edges[i]


def _translucent(color):
    from matplotlib.colors import to_rgba
    return to_rgba(color, 0.25)


def _draw_vectors(ax, s, style):
    # Columns (x, x + dx) and (y, y + dy): gnuplot's `with vectors` reads x y dx dy.
    x, dx = s.x[:, 0], s.x[:, 1]
    y, dy = s.y[:, 0], s.y[:, 1]
    ax.quiver(x, y, dx, dy, angles="xy", scale_units="xy", scale=1, color=style.color,
              label=s.legend or None)
    ax.update_datalim(np.column_stack([np.r_[x, x + dx], np.r_[y, y + dy]]))
    ax.autoscale_view()


# ---- 3-D and images ---------------------------------------------------------------------------

def _draw_surfaces(ax, series):
    from matplotlib.lines import Line2D
    handles = []
    for i, s in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        # White faces with coloured edges: gnuplot's `set hidden3d` wireframe.
        ax.plot_surface(s.x, s.y, s.z, color="white", edgecolor=color, linewidth=0.6,
                        shade=False, antialiased=True)
        if np.ptp(s.z) > 0 and min(s.z.shape) >= 2:
            ax.contour(s.x, s.y, s.z, zdir="z", offset=float(np.min(s.z)), linewidths=1)
        if s.legend:
            handles.append(Line2D([], [], color=color, label=s.legend))
    if handles:
        ax.legend(handles=handles)


def _draw_clouds(ax, series):
    for i, s in enumerate(series):
        ax.scatter(s.x, s.y, s.z, color=PALETTE[i % len(PALETTE)], s=MARKER_SIZE ** 2,
                   label=s.legend or None)


def _draw_image(fig, ax, image, palette):
    rows, cols = image.shape
    from matplotlib.ticker import MaxNLocator
    shown = ax.imshow(image, cmap=colormap(palette), aspect="auto", origin="upper",
                      interpolation="nearest", extent=(-0.5, cols - 0.5, rows - 0.5, -0.5))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.colorbar(shown, ax=ax)


def colormap(palette):
    """A matplotlib colormap for gnuplot's `set palette <palette>` words."""
    from matplotlib import colormaps
    words = palette.replace(",", " ").split()
    reverse = "negative" in words
    words = [w for w in words if w not in ("negative", "positive", "model", "RGB")]
    if not words or words[0] in ("gray", "grey"):
        cmap = colormaps["gray"]
    elif words[0] in ("color", "defined"):
        cmap = colormaps["gnuplot"]         # gnuplot's default: rgbformulae 7,5,15
    elif words[0] in ("rgbformulae", "rgb") and len(words) == 4:
        cmap = _rgbformulae(*(int(w) for w in words[1:]))
    else:
        print(f"gnuplot: palette '{palette}' is not supported by th's matplotlib "
              f"drawing; using gray")
        cmap = colormaps["gray"]
    return cmap.reversed() if reverse else cmap


def _rgbformulae(r, g, b):
    from matplotlib.colors import LinearSegmentedColormap
    formulae = _gnuplot_formulae()
    channel = lambda n: (lambda t: np.clip(np.sign(n) * formulae[abs(n)](np.asarray(t))   # noqa: E731
                                           + (n < 0), 0, 1))
    return LinearSegmentedColormap(f"rgbformulae {r},{g},{b}",
                                   {"red": channel(r), "green": channel(g), "blue": channel(b)})


def _gnuplot_formulae():
    # gnuplot's 37 `rgbformulae` functions of t in [0, 1] (`show palette rgbformulae`).
    return [
        lambda t: 0 * t, lambda t: 0.5 + 0 * t, lambda t: 1 + 0 * t, lambda t: t,
        lambda t: t ** 2, lambda t: t ** 3, lambda t: t ** 4, lambda t: np.sqrt(t),
        lambda t: np.sqrt(np.sqrt(t)), lambda t: np.sin(np.pi / 2 * t),
        lambda t: np.cos(np.pi / 2 * t), lambda t: np.abs(t - 0.5),
        lambda t: (2 * t - 1) ** 2, lambda t: np.sin(np.pi * t),
        lambda t: np.abs(np.cos(np.pi * t)), lambda t: np.sin(2 * np.pi * t),
        lambda t: np.cos(2 * np.pi * t), lambda t: np.abs(np.sin(2 * np.pi * t)),
        lambda t: np.abs(np.cos(2 * np.pi * t)), lambda t: np.abs(np.sin(4 * np.pi * t)),
        lambda t: np.abs(np.cos(4 * np.pi * t)), lambda t: 3 * t, lambda t: 3 * t - 1,
        lambda t: 3 * t - 2, lambda t: np.abs(3 * t - 1), lambda t: np.abs(3 * t - 2),
        lambda t: (3 * t - 1) / 2, lambda t: (3 * t - 2) / 2, lambda t: np.abs((3 * t - 1) / 2),
        lambda t: np.abs((3 * t - 2) / 2), lambda t: t / 0.32 - 0.78125, lambda t: 2 * t - 0.84,
        lambda t: np.where(t < 0.25, 4 * t, np.where(t < 0.42, 1, np.where(t < 0.92,
                           -2 * t + 1.84, t / 0.08 - 11.5))),
        lambda t: np.abs(2 * t - 0.5), lambda t: 2 * t, lambda t: 2 * t - 0.5, lambda t: 2 * t - 1,
    ]


# ---- settings --------------------------------------------------------------------------------

def _decorate(ax, settings, three_d):
    s = settings
    if s.title is not None:
        ax.set_title(s.title, color=TEXT_COLOR)
    if s.xlabel is not None:
        ax.set_xlabel(s.xlabel)
    if s.ylabel is not None:
        ax.set_ylabel(s.ylabel)
    if three_d and s.zlabel is not None:
        ax.set_zlabel(s.zlabel)
    ax.grid(s.grid)
    for axis in s.logscale:
        if axis in ("x", "y") and _has_positive_data(ax, axis):
            getattr(ax, f"set_{axis}scale")("log")
    _set_range(ax.set_xlim, s.xrange)
    _set_range(ax.set_ylim, s.yrange)
    if three_d:
        _set_range(ax.set_zlim, s.zrange)
    if s.aspect == "equal" and not three_d:
        ax.set_aspect("equal", adjustable="box")
    elif s.aspect == "square":
        ax.set_box_aspect(1)
    if s.xtics is not None:
        ax.set_xticks([pos for _label, pos in s.xtics], [label for label, _pos in s.xtics])
    if s.ytics is not None:
        ax.set_yticks([pos for _label, pos in s.ytics], [label for label, _pos in s.ytics])
    _show_legend(ax, s, three_d)


def _has_positive_data(ax, axis):
    lo, hi = ax.get_xlim() if axis == "x" else ax.get_ylim()
    return hi > 0


def _set_range(setter, bounds):
    lo, hi = bounds
    if lo is not None or hi is not None:
        setter(lo, hi)


def _show_legend(ax, settings, three_d):
    if three_d and ax.get_legend() is not None:
        ax.get_legend().set_visible(settings.legend_visible)
        return
    labelled = [h for h in ax.get_legend_handles_labels()[0]]
    if labelled and settings.legend_visible:
        ax.legend(loc=settings.legend_loc)
