"""The banner printed before the first prompt (our own words, trepl's shape).

trepl printed ASCII art with a column of short lines beside it, through its own `print`
(so the banner ends with a line holding one tab). th keeps that shape with its own text.
"""

_ART = [
    r"  _   _       ",
    r" | |_| |__    ",
    r" | __| '_ \   ",
    r" | |_| | | |  ",
    r"  \__|_| |_|  ",
]

_TEXT = [
    ("Black", "th: the Torch7 console, rebuilt in Python"),
    ("magenta", "Lua in, Torch7 out: torch, nn, optim, gnuplot"),
    ("Black", "Type ? for help, ?name for help on a name"),
    ("blue", "Ctrl-C stops running code, Ctrl-D leaves"),
    ("blue", "th -h lists the command-line options"),
]


def banner(palette):
    """The banner text, coloured with `palette` (a style.Palette); print it with print_new."""
    lines = [" "]
    for art, (color, text) in zip(_ART, _TEXT):
        lines.append(art + palette.Black("|") + "  " + palette.paint(color, text) + " ")
    return "\n".join(lines) + "\n"
