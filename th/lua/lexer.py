"""Lua source text -> tokens (Lua 5.1 llex.c, plus LuaJIT's \\x and \\z escapes).

A token is a `Token(kind, value, line)`: kind is "name", "number", "string", "eof", or
the text of a keyword or operator ("local", "==", "..."). Errors are LuaSyntaxError with
Lua's wording ("unfinished string near '\"abc'"); `at_eof` is set when the input merely
stops too early (an unfinished long string or comment), so the console asks for more.
"""
import re

from th.lua.errors import LuaSyntaxError, display_chunkname
from th.lua.lib.args import str_to_number

KEYWORDS = frozenset("""and break do else elseif end false for function goto if in
    local nil not or repeat return then true until while""".split())


class Token:
    __slots__ = ("kind", "value", "line", "raw")

    def __init__(self, kind, value, line, raw=None):
        self.kind = kind
        self.value = value
        self.line = line
        self.raw = raw      # source text of strings and numbers (for "near '...'")

    def __repr__(self):
        return f"Token({self.kind!r}, {self.value!r}, {self.line})"


_TOKEN_RE = re.compile(r"""
    (?P<ws>[ \t\r\f\v]+)
  | (?P<nl>\n)
  | (?P<comment>--(?!\[=*\[)[^\n]*)
  | (?P<longcomment>--\[(?P<lceq>=*)\[)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<number>(?:0[xX][0-9a-fA-F]*(?:\.[0-9a-fA-F]*)?(?:[pP][+-]?[0-9]*)?|[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]*)?|\.[0-9]+(?:[eE][+-]?[0-9]*)?)[A-Za-z0-9_.]*)
  | (?P<string>"(?:[^"\\\n]|\\z\s*|\\(?:.|\n))*"|'(?:[^'\\\n]|\\z\s*|\\(?:.|\n))*')
  | (?P<longstring>\[(?P<lseq>=*)\[)
  | (?P<op>\.\.\.|\.\.|==|~=|<=|>=|::|[-+*/%^\#<>=(){}\[\];:,.])
""", re.VERBOSE | re.DOTALL)

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\", '"': '"', "'": "'", "\n": "\n"}

_ESCAPE_RE = re.compile(r"\\(?:(\d{1,3})|x([0-9a-fA-F]{0,2})|z\s*|(.)|\Z)", re.DOTALL)


def tokenize(source, chunkname):
    """All tokens of `source`, ending with an "eof" token."""
    return _Lexer(source, chunkname).run()


class _Lexer:
    def __init__(self, source, chunkname):
        self.src = source
        self.chunkname = chunkname
        self.line = 1

    def error(self, msg, near, at_eof=False):
        text = f"{display_chunkname(self.chunkname)}:{self.line}: {msg}"
        if near is not None:
            text += f" near '{near}'"
        raise LuaSyntaxError(text, self.chunkname, self.line, at_eof)

    def run(self):
        src = self.src
        pos = 0
        if src.startswith("#"):     # a shebang line is skipped, as lua.c does
            nl = src.find("\n")
            pos = len(src) if nl < 0 else nl
        tokens = []
        append = tokens.append
        match = _TOKEN_RE.match
        n = len(src)
        while pos < n:
            m = match(src, pos)
            if m is None:
                self._bad_char(pos)
            kind = m.lastgroup
            text = m.group()
            if kind == "ws" or kind == "comment":
                pass
            elif kind == "nl":
                self.line += 1
            elif kind == "name":
                append(Token(text if text in KEYWORDS else "name", text, self.line))
            elif kind == "op":
                append(Token(text, text, self.line))
            elif kind == "number":
                append(Token("number", self._number(text), self.line, text))
            elif kind == "string":
                line = self.line
                append(Token("string", self._unescape(text), line, text))
                self.line += text.count("\n")
            elif kind == "longstring" or kind == "lseq":
                line = self.line
                value, pos = self._long_bracket(m.end(), len(m.group("lseq")), "string")
                append(Token("string", value, line, src[m.start():pos]))
                continue
            else:   # long comment
                _, pos = self._long_bracket(m.end(), len(m.group("lceq")), "comment")
                continue
            pos = m.end()
        append(Token("eof", "<eof>", self.line))
        return tokens

    def _bad_char(self, pos):
        ch = self.src[pos]
        if ch in "\"'":
            end = self.src.find("\n", pos)
            rest = self.src[pos:] if end < 0 else self.src[pos:end]
            if end < 0:
                self.error("unfinished string", "<eof>", at_eof=True)
            self.error("unfinished string", rest)
        if ch == "[":
            self.error("invalid long string delimiter", "[=")
        if ch == "~":
            self.error("unexpected symbol", "~")
        self.error("unexpected symbol", ch)

    def _number(self, text):
        value = str_to_number(text)
        if value is None or text[-1:] in "." and text.count(".") > 1:
            self.error("malformed number", text)
        return value

    def _long_bracket(self, start, level, what):
        close = "]" + "=" * level + "]"
        end = self.src.find(close, start)
        if end < 0:
            self.line += self.src.count("\n", start)
            self.error(f"unfinished long {what}", "<eof>", at_eof=True)
        body = self.src[start:end]
        self.line += body.count("\n")
        if body.startswith("\r\n"):
            body = body[2:]
        elif body.startswith("\n") or body.startswith("\r"):
            body = body[1:]
        return body, end + len(close)

    def _unescape(self, text):
        body = text[1:-1]
        if "\\" not in body:
            return body
        return _ESCAPE_RE.sub(self._escape, body)

    def _escape(self, m):
        digits, hexd, other = m.group(1), m.group(2), m.group(3)
        if digits is not None:
            code = int(digits)
            if code > 255:
                self.error("escape sequence too large", "\\" + digits)
            return chr(code)
        if hexd is not None:
            if len(hexd) < 2:
                self.error("hexadecimal digit expected", "\\x" + hexd)
            return chr(int(hexd, 16))
        if other is None:
            if m.group().startswith("\\z"):
                return ""
            return "\\"
        if other in _ESCAPES:
            return _ESCAPES[other]
        # Lua 5.1 keeps an unknown escaped character as itself.
        return other
