"""Where screen figures go: a real window, or PNG files (shown inline on request).

With a display (DISPLAY or WAYLAND_DISPLAY set, or macOS/Windows) and a GUI toolkit for
matplotlib (Tk, else Qt), screen figures open in windows drawn by a separate viewer
process (viewer.py), as Torch7's gnuplot drew in a separate `gnuplot -persist`
process: the console prompt never waits on a window, windows stay responsive while Lua
code runs, and they stay open after th exits until closed.

Without a display (ssh, CI, containers), each plot is written to a PNG file in
$TH_PLOT_DIR (default: the `th-plots` folder in the temporary directory, e.g.
/tmp/th-plots) and its path is printed. On terminals that show images (kitty, iTerm2,
WezTerm, sixel terminals) the plot is also shown inline after `gnuplot.setterm('inline')`
or with TH_GNUPLOT_TERM=inline in the environment.

The terminal names of `gnuplot.setterm` (and TH_GNUPLOT_TERM):
    'window' (also 'wxt', 'qt', 'x11', 'aqua', 'tk'): windows; an error without a display
    'png': PNG files only;  'inline': PNG files shown in the terminal (kitty, iTerm2 or
    sixel protocol, detected), or name the protocol: 'kitty', 'iterm', 'sixel'.
"""
import importlib.util
import os
import sys
import tempfile

from th.gnuplot import figures as _figures
from th.gnuplot.series import GnuplotError
from th.gnuplot.viewer_client import ViewerClient, ViewerUnavailable

WINDOW_TERMS = ("window", "wxt", "qt", "x11", "aqua", "tk", "windows")
FILE_TERMS = ("png", "file")
INLINE_TERMS = ("inline", "kitty", "iterm", "sixel")
_NON_INTERACTIVE = ("agg", "pdf", "ps", "svg", "pgf", "cairo", "template")


class FileScreen:
    """Screen figures as PNG files in a folder, each plot a new file, its path printed."""

    def __init__(self, inline=None):
        self.inline = inline          # None, or an inline protocol name
        self.folder = os.environ.get("TH_PLOT_DIR") or os.path.join(
            tempfile.gettempdir(), "th-plots")
        self.counts = {}              # figure number -> files written for it
        self.told = False

    def path_for(self, number, new_plot):
        """(path, is_new): a new file for a new plot of figure `number`, else its last."""
        count = self.counts.get(number, 0)
        is_new = new_plot or count == 0
        if is_new:
            count = self.counts[number] = count + 1
        return os.path.join(self.folder, f"{os.getpid()}-figure{number}-{count}.png"), is_new

    def show(self, fig, new_plot, raise_window=True):
        os.makedirs(self.folder, exist_ok=True)
        path, is_new = self.path_for(fig.number, new_plot)
        _figures.save(fig.plot, fig.settings, path, "png")
        if self.inline is not None:
            from th.gnuplot import inline
            inline.show_png(path, self.inline)
        if not is_new:
            return        # a decoration rewrote the file already announced
        print(f"gnuplot: figure {fig.number} drawn to {path}")
        if not self.told and self.inline is None:
            self.told = True
            print("gnuplot: (no display for a window; gnuplot.setterm('inline') shows "
                  "plots in kitty, iTerm2 or sixel terminals)")

    def raise_window(self, number):
        pass

    def close(self, number):
        pass      # keep counting: a new figure with this number must not overwrite its files


class WindowScreen:
    """Screen figures in windows of the viewer process."""

    def __init__(self, backend):
        self.viewer = ViewerClient(backend)

    def show(self, fig, new_plot, raise_window=True):
        self.viewer.send(("draw", fig.number, fig.plot, fig.settings, raise_window))

    def raise_window(self, number):
        self.viewer.send(("raise", number))

    def close(self, number):
        self.viewer.send(("close", number))


_screen = [None]


def current():
    """The screen output in use, chosen on first use from TH_GNUPLOT_TERM and the display."""
    if _screen[0] is None:
        _screen[0] = _choose(os.environ.get("TH_GNUPLOT_TERM", ""))
    return _screen[0]


def show(fig, new_plot, raise_window=True):
    """Draw screen figure `fig`; falls back to PNG files if no window can be opened."""
    screen = current()
    try:
        screen.show(fig, new_plot, raise_window)
    except ViewerUnavailable as e:
        print(f"gnuplot: cannot open a window ({e}); drawing to PNG files instead")
        _screen[0] = FileScreen()
        _screen[0].show(fig, new_plot, raise_window)


def close(number):
    if _screen[0] is not None:
        _screen[0].close(number)


def raise_window(number):
    """Bring figure `number`'s window to the front (gnuplot.figure), if it has one."""
    try:
        current().raise_window(number)
    except ViewerUnavailable:
        pass


def setterm(term):
    """Switch the screen output (gnuplot.setterm); raises GnuplotError for unknown terms."""
    if term in WINDOW_TERMS:
        backend = gui_backend()
        if backend is None:
            raise GnuplotError("gnuplot does not seem to have this term "
                               "(no display or GUI toolkit to open a window)")
        _screen[0] = WindowScreen(backend)
    elif term in FILE_TERMS:
        _screen[0] = FileScreen()
    elif term in INLINE_TERMS:
        _screen[0] = FileScreen(inline=_inline_protocol(term))
    else:
        raise GnuplotError("gnuplot does not seem to have this term")


def _choose(term):
    term = term.strip().lower()
    if term:
        try:
            setterm(term)
            return _screen[0]
        except GnuplotError:
            print(f"gnuplot: TH_GNUPLOT_TERM={term} cannot be used here; "
                  f"{'opening windows' if gui_backend() else 'drawing to PNG files'}")
    backend = gui_backend()
    return WindowScreen(backend) if backend else FileScreen()


def _inline_protocol(term):
    if term != "inline":
        return term
    env = os.environ
    if env.get("KITTY_WINDOW_ID") or env.get("TERM") == "xterm-kitty":
        return "kitty"
    if env.get("TERM_PROGRAM") in ("iTerm.app", "WezTerm") or env.get("LC_TERMINAL") == "iTerm2":
        return "iterm"
    return "sixel"


def display_available():
    """True when windows can be shown (an X/Wayland display, or macOS/Windows)."""
    if sys.platform == "darwin" or os.name == "nt":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def gui_backend():
    """The matplotlib GUI backend for windows, or None when windows cannot be shown."""
    chosen = os.environ.get("MPLBACKEND", "")
    if chosen.lower() in _NON_INTERACTIVE or chosen.lower().startswith("module://"):
        return None
    if not display_available():
        return None
    if chosen:
        return chosen
    if importlib.util.find_spec("tkinter") is not None:
        return "TkAgg"
    for qt in ("PyQt6", "PySide6", "PyQt5", "PySide2"):
        if importlib.util.find_spec(qt) is not None:
            return "QtAgg"
    return "MacOSX" if sys.platform == "darwin" else None
