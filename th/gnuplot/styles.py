"""gnuplot's plot styles and Torch7's look, as matplotlib drawing parameters.

Input: the style text of a series ('', '+', '.', '-', '+-', '|', '~', '~0.5', 'v', or
anything gnuplot would read after `with`, such as 'lines lw 3' or 'impulses') and the
series' index (which picks Torch7's line colour and point type). Output: a `Style`.
Unknown words in pass-through styles are reported once and ignored.

Torch7's gnuplot sent a style preamble to every new figure (unless ~/.gnuplot existed):
its palette, line width 2, filled points, and `set style data linespoints`, so a plain
`gnuplot.plot(y)` drew lines with points. The colours and point types below are those.
Imports nothing from matplotlib.
"""
import re
from dataclasses import dataclass

# Torch7's `set style line 1..17` colours: blue, green, red, brown at three shades, then one.
PALETTE = [
    "#1D4599", "#11AD34", "#E62B17", "#E69F17",
    "#7297E6", "#67EB84", "#F97A6D", "#F9C96D",
    "#2F3F60", "#2F6C3D", "#8F463F", "#8F743F",
    "#031A49", "#025214", "#6D0D03", "#6D4903",
    "#224499",
]
# Their point types (pt 7, 5, 9, 13, 11: filled circle, square, triangle, diamond, ...).
MARKERS = ["o"] * 4 + ["s"] * 4 + ["^"] * 4 + ["D"] * 4 + ["v"]
LINE_WIDTH = 2.0
MARKER_SIZE = 4.0
TEXT_COLOR = "#222222"

# gnuplot's numbered point types (pt N) in its usual terminals.
POINT_TYPES = {0: "", 1: "+", 2: "x", 3: "*", 4: "s", 5: "s", 6: "o", 7: "o", 8: "^",
               9: "^", 10: "v", 11: "v", 12: "D", 13: "D", 14: "p", 15: "p"}
# Short forms gnuplot accepts after `with`.
KINDS = {
    "l": "lines", "lines": "lines", "p": "points", "points": "points",
    "lp": "linespoints", "linespoints": "linespoints", "d": "dots", "dots": "dots",
    "i": "impulses", "impulses": "impulses", "boxes": "boxes", "steps": "steps",
    "fsteps": "fsteps", "histeps": "histeps", "filledcurves": "filledcurves",
    "vectors": "vectors", "vec": "vectors",
}
_SHORT = {
    "": "linespoints", "+": "points", "points": "points", ".": "dots", "dots": "dots",
    "-": "lines", "lines": "lines", "+-": "linespoints", "linespoints": "linespoints",
    "|": "boxes", "boxes": "boxes", "~": "csplines", "csplines": "csplines",
    "v": "vectors", "V": "vectors", "vectors": "vectors",
}

_reported = set()


@dataclass
class Style:
    """How one series is drawn."""
    kind: str = "linespoints"     # lines, points, linespoints, dots, boxes, impulses,
    color: str = PALETTE[0]       # steps, fsteps, histeps, filledcurves, vectors,
    linewidth: float = LINE_WIDTH  # csplines, acsplines
    marker: str = "o"
    markersize: float = MARKER_SIZE
    linestyle: str = "-"
    weight: float = 1.0           # acsplines' smoothing weight ('~0.5')

    @property
    def has_line(self):
        return self.kind in ("lines", "linespoints", "csplines", "acsplines")

    @property
    def has_marker(self):
        return self.kind in ("points", "linespoints")


def series_style(text, index):
    """The Style of the series number `index` (0-based) drawn with style `text`."""
    style = Style(color=PALETTE[index % len(PALETTE)], marker=MARKERS[index % len(MARKERS)])
    if text != "~" and ("~" in text or "acsplines" in text):
        style.kind = "acsplines"
        weight = _lua_tonumber(text.replace("~", "").replace("acsplines", ""))
        style.weight = weight if weight is not None and weight > 0 else 1.0
    elif text in _SHORT:
        style.kind = _SHORT[text]
    else:
        _apply_with_clause(style, text)
    return style


def _lua_tonumber(text):
    try:
        return float(text.strip())
    except ValueError:
        return None


# ---- pass-through styles: the words gnuplot reads after `with` ---------------------------------

_OPTION_WORDS = {
    "lw": "linewidth", "linewidth": "linewidth", "ps": "pointsize", "pointsize": "pointsize",
    "pt": "pointtype", "pointtype": "pointtype", "lc": "linecolor", "linecolor": "linecolor",
    "lt": "linetype", "linetype": "linetype", "dt": "dashtype", "dashtype": "dashtype",
    "ls": "linestyle", "linestyle": "linestyle",
}
_DASHES = {1: "-", 2: "--", 3: ":", 4: "-.", 5: (0, (8, 3, 1, 3, 1, 3))}


def _apply_with_clause(style, text):
    words = _tokens(text)
    if words and words[0] in KINDS:
        style.kind = KINDS[words.pop(0)]
    elif words:
        _report_ignored(words.pop(0), text)
    while words:
        word = words.pop(0)
        option = _OPTION_WORDS.get(word)
        if option is None:
            _report_ignored(word, text)
            continue
        _apply_option(style, option, words, text)


def _tokens(text):
    # Words, numbers and quoted strings ('lc rgb "#FF0000"').
    return [w.strip("'\"") for w in re.findall(r'"[^"]*"|\'[^\']*\'|[^\s,]+', text)]


def _apply_option(style, option, words, text):
    if option == "linecolor":
        if words and words[0] in ("rgb", "rgbcolor"):
            words.pop(0)
        if words:
            value = words.pop(0)
            number = _lua_tonumber(value)
            style.color = PALETTE[(int(number) - 1) % len(PALETTE)] if number else value
        return
    value = _lua_tonumber(words.pop(0)) if words else None
    if value is None:
        _report_ignored(option, text)
    elif option == "linewidth":
        style.linewidth = value if value > 0 else LINE_WIDTH
    elif option == "pointsize":
        style.markersize = MARKER_SIZE * value
    elif option == "pointtype":
        style.marker = POINT_TYPES.get(int(value) % 16, "o")
    elif option in ("linetype", "linestyle"):
        style.color = PALETTE[(int(value) - 1) % len(PALETTE)]
    elif option == "dashtype":
        style.linestyle = _DASHES.get(int(value), "-")


def _report_ignored(word, text):
    if (word, text) not in _reported:
        _reported.add((word, text))
        print(f"gnuplot: '{word}' in style '{text}' is not supported by th's matplotlib "
              f"drawing; ignored")
