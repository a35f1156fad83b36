"""Lua syntax highlighting of the input line (pygments' LuaLexer through prompt_toolkit).

Imported only by the interactive shell; the colours come from style.py, so the code you
type and the values th prints share one palette.
"""


def lua_lexer():
    """A prompt_toolkit lexer colouring Lua source."""
    from prompt_toolkit.lexers import PygmentsLexer
    from pygments.lexers.scripting import LuaLexer
    return PygmentsLexer(LuaLexer)


def input_style():
    """The prompt_toolkit Style of the input line (tokens and matching brackets)."""
    from prompt_toolkit.styles import Style
    from th.repl.style import prompt_style_dict
    return Style.from_dict(prompt_style_dict())
