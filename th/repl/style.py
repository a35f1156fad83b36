"""Colours of the console: trepl's ANSI codes, shared by the printer and the input line.

trepl (Torch7's console) coloured printed values with fixed ANSI codes: numbers cyan,
booleans blue, nil and timing lines bold dark grey, functions magenta, userdata red,
nested strings green. `ANSI` keeps those codes under trepl's names, `ROLE` says which
name each kind of value uses, and `prompt_style()` derives the prompt_toolkit style of
the input line (Lua highlighting) from the same roles, so the code you type and the
values you get back share one palette.

This module imports nothing from prompt_toolkit at import time (piped stdin and scripts
never load it).
"""

# trepl's colour table (trepl/colors.lua): lower case = normal, capitalised = bold,
# leading underscore = background.
ANSI = {
    "none": "\x1b[0m",
    "black": "\x1b[0;30m", "red": "\x1b[0;31m", "green": "\x1b[0;32m",
    "yellow": "\x1b[0;33m", "blue": "\x1b[0;34m", "magenta": "\x1b[0;35m",
    "cyan": "\x1b[0;36m", "white": "\x1b[0;37m",
    "Black": "\x1b[1;30m", "Red": "\x1b[1;31m", "Green": "\x1b[1;32m",
    "Yellow": "\x1b[1;33m", "Blue": "\x1b[1;34m", "Magenta": "\x1b[1;35m",
    "Cyan": "\x1b[1;36m", "White": "\x1b[1;37m",
    "_black": "\x1b[40m", "_red": "\x1b[41m", "_green": "\x1b[42m",
    "_yellow": "\x1b[43m", "_blue": "\x1b[44m", "_magenta": "\x1b[45m",
    "_cyan": "\x1b[46m", "_white": "\x1b[47m",
}

# Which trepl colour each role uses (trepl/init.lua `colorize`).
ROLE = {
    "nil": "Black",
    "number": "cyan",
    "boolean": "blue",
    "string": "none",          # a top-level string prints plain
    "nested_string": "green",  # inside a table listing, between dark-grey quotes
    "quote": "Black",
    "function": "magenta",
    "userdata": "red",
    "table": "green",
    "other": "_black",
    "timing": "Black",
    "shell": "_black",         # output of `$ cmd`
    "heading": "Magenta",      # help pages
    "code": "green",
    "hint": "yellow",
    "error": "red",
}

# The input line: pygments token -> role above (or a literal prompt_toolkit style).
_TOKEN_ROLES = {
    "pygments.keyword": "bold #5f87ff",
    "pygments.name.builtin": "#af5fd7",
    "pygments.literal.number": ROLE["number"],
    "pygments.literal.string": ROLE["nested_string"],
    "pygments.comment": "italic #808080",
    "pygments.operator": "",
    "matching-bracket.cursor": "bold bg:#444444",
    "matching-bracket.other": "bold bg:#444444",
}

# prompt_toolkit colour names for trepl's ANSI names.
_PT_COLOR = {
    "cyan": "ansicyan", "blue": "ansiblue", "magenta": "ansimagenta", "green": "ansigreen",
    "red": "ansired", "yellow": "ansiyellow", "Black": "ansibrightblack",
}


class Palette:
    """Colour helpers by trepl name (`p.cyan("1")`); all codes are empty when off.

    Example (Python): Palette(True).cyan("3") == "\\x1b[0;36m3\\x1b[0m"
    """

    def __init__(self, enabled):
        self.enabled = enabled

    def paint(self, name, text):
        """`text` wrapped in colour `name` and the reset code (trepl's colorize helpers)."""
        if not self.enabled:
            return text
        return ANSI[name] + text + ANSI["none"]

    def role(self, role, text):
        """`text` in the colour of a value role (see ROLE)."""
        return self.paint(ROLE[role], text)

    def __getattr__(self, name):
        if name in ANSI:
            return lambda text: self.paint(name, text)
        raise AttributeError(name)


def prompt_style_dict():
    """The prompt_toolkit style rules for the input line, from the shared roles."""
    rules = {}
    for token, value in _TOKEN_ROLES.items():
        rules[token] = _PT_COLOR.get(value, value)
    return rules
