"""gnuplot's figures: numbered, one current, each a screen window or an output file.

Input: the figure commands (figure, close, pngfigure, ...) and the drawing commands,
which replace a figure's `Plot` or change its `Settings`. Output: `refresh(figure)`
redraws it where it goes: a file figure (pngfigure & co.) into its file, a screen figure
through the screen output chosen in screen.py (a window, or a PNG file when there is no
display).

As in Torch7: `gnuplot.figure()` without a number creates the next one (#figures + 1),
any drawing command without a figure first creates one, and closing a figure leaves no
current figure. Imports matplotlib only when a figure is drawn.
"""
import os
from dataclasses import dataclass, field

from th.gnuplot.render import Plot, Settings, render
from th.gnuplot.series import GnuplotError

# File kinds: matplotlib format and size in inches at 100 dpi (gnuplot's terminals:
# png 640x480, figprint's png 1024x768, eps/pdf 5x3.5 inches, svg 600x480).
FILE_FORMATS = {
    "png": ("png", (6.4, 4.8)),
    "png-large": ("png", (10.24, 7.68)),
    "eps": ("eps", (5.0, 3.5)),
    "pdf": ("pdf", (5.0, 3.5)),
    "svg": ("svg", (6.0, 4.8)),
}


@dataclass
class Figure:
    """One gnuplot figure: its number, last plot, settings and where it is drawn."""
    number: int
    plot: Plot = field(default_factory=Plot)
    settings: Settings = field(default_factory=Settings)
    filename: str = None      # set for pngfigure/epsfigure/pdffigure/svgfigure figures
    file_kind: str = None     # a FILE_FORMATS key


class Registry:
    """The open figures and the current one (module-level state of the gnuplot package)."""

    def __init__(self):
        self.figures = {}
        self.current = None

    def next_number(self):
        """Torch7's #figures + 1: one past the run of numbers 1, 2, ... in use."""
        n = 1
        while n in self.figures:
            n += 1
        return n

    def get_or_create(self, number=None):
        """Select figure `number` (a new one when absent or unknown) and return it."""
        if number is None:
            number = self.next_number()
        fig = self.figures.get(number)
        if fig is None:
            fig = self.figures[number] = Figure(number)
        self.current = number
        return fig

    def current_figure(self):
        """The current figure, creating figure #figures+1 when there is none."""
        if self.current is None or self.current not in self.figures:
            return self.get_or_create()
        return self.figures[self.current]

    def remove(self, number):
        """Forget figure `number`; Torch7 left no current figure after any close."""
        self.current = None
        return self.figures.pop(number, None)


def check_directory(filename):
    """Torch7's error for a file figure whose directory does not exist."""
    folder = os.path.dirname(os.path.abspath(filename))
    if not os.path.isdir(folder):
        raise GnuplotError(f"cannot save to {filename}: directory does not exist")


def draw_offscreen(plot, settings, size):
    """A matplotlib Figure (Agg canvas, no pyplot, no window) with the plot drawn on it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure
    fig = MplFigure(figsize=size, dpi=100)
    FigureCanvasAgg(fig)
    render(fig, plot, settings)
    return fig


def save(plot, settings, filename, kind):
    """Write the plot to `filename` in file kind `kind` (a FILE_FORMATS key)."""
    fmt, size = FILE_FORMATS[kind]
    fig = draw_offscreen(plot, settings, size)
    if fmt == "eps":
        flatten_transparency(fig)
    fig.savefig(filename, format=fmt)


def flatten_transparency(fig):
    """Paint every partly transparent colour of fig as it looks over the white page.

    PostScript has no transparency (gnuplot's postscript terminal had none either);
    matplotlib would draw such colours at full strength and warn on every save. Legend
    frames, filled curves, boxes, surfaces and 3-D panes are the artists concerned."""
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    for artist in fig.findobj(lambda a: isinstance(a, (Patch, Collection, Line2D))):
        alpha = artist.get_alpha()
        if isinstance(artist, Line2D):
            artist.set_color(_over_white(artist.get_color(), alpha))
            artist.set_markerfacecolor(_over_white(artist.get_markerfacecolor(), alpha))
            artist.set_markeredgecolor(_over_white(artist.get_markeredgecolor(), alpha))
        else:
            artist.set_facecolor(_over_white(artist.get_facecolor(), alpha))
            artist.set_edgecolor(_over_white(artist.get_edgecolor(), alpha))
        artist.set_alpha(None)
        if hasattr(artist, "set_depthshade"):      # 3-D scatter fades far points
            artist.set_depthshade(False)
    for ax in fig.axes:                 # 3-D axes' panes are not among the children
        for axis in (getattr(ax, name, None) for name in ("xaxis", "yaxis", "zaxis")):
            if hasattr(axis, "set_pane_color"):
                axis.set_pane_color(_over_white(axis.pane.get_facecolor()))


def _over_white(colors, alpha=None):
    """RGBA colour(s) composited over white, as opaque RGBA (fully transparent ones,
    'none', are kept: they draw nothing)."""
    from matplotlib.colors import to_rgba_array
    if isinstance(colors, str) and colors in ("none", "None", "auto"):
        return colors
    rgba = to_rgba_array(colors).copy()
    if rgba.size == 0:
        return colors
    a = rgba[:, 3] * (1.0 if alpha is None else alpha)
    seen = a > 0
    rgba[seen, :3] = rgba[seen, :3] * a[seen, None] + (1 - a[seen, None])
    rgba[seen, 3] = 1.0
    rgba[~seen, 3] = 0.0
    return rgba[0] if rgba.shape[0] == 1 and not _is_array(colors) else rgba


def _is_array(colors):
    import numpy as np
    return isinstance(colors, np.ndarray) and colors.ndim == 2
