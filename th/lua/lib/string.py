"""Lua's `string` library (Lua 5.1's lstrlib, plus LuaJIT's `string.rep(s, n, sep)` and
`string.format('%s', v)` converting any value as `tostring` does, `__tostring` included).

Lua strings are Python str holding one character per byte (codes 0-255), so `#s`,
`string.byte` and patterns see bytes as Lua does; case mapping and character classes
follow the C locale. Patterns are compiled by lib/lpattern.py. `open_lib` also gives
strings their shared metatable (`__index = string`), so `("x"):rep(3)` works.
"""
import math

from th.lua import runtime
from th.lua.lib.args import (
    NOARG, LibError, arg_error, check_int, check_integer, check_number, check_string,
    number_to_string, opt_int, opt_integer, opt_string, tointeger, typename,
)
from th.lua.lib.lpattern import UNFINISHED, balanced_end, compile_pattern, has_specials
from th.lua.table import LuaTable

_MAX_STRING = 2 ** 31  # longer results fail as LuaJIT's do, instead of exhausting memory

# C-locale case mapping: only ASCII letters change (Python's str.upper would map 'é' too).
_UPPER = {c: c - 32 for c in range(97, 123)}
_LOWER = {c: c + 32 for c in range(65, 91)}


def _posrelat(pos, n):
    """A relative string position (negative counts from the end) -> absolute, >= 0."""
    if pos < 0:
        pos += n + 1
    return pos if pos >= 0 else 0


# ---- simple functions -------------------------------------------------------------


def str_len(s=NOARG, *_):
    """string.len(s)

    The length of s in bytes (same as #s).
    Example: string.len("hello")  --> 5
    """
    return len(check_string(s, 1, "len"))


def str_sub(s=NOARG, i=NOARG, j=NOARG, *_):
    """string.sub(s, i [, j])

    The substring of s from i to j (inclusive; negative positions count from the end).
    Example: ("hello"):sub(2, -2)  --> "ell"
    """
    if type(s) is str and type(i) is int and (type(j) is int or j is NOARG):
        # fast path: a string and integer positions
        n = len(s)
        if i < 0:
            i = max(n + i + 1, 0)
        if j is NOARG:
            j = n
        elif j < 0:
            j = n + j + 1
        return s[(i or 1) - 1:j] if (i or 1) <= j else ""
    s = check_string(s, 1, "sub")
    n = len(s)
    start = _posrelat(check_integer(i, 2, "sub"), n)
    end = _posrelat(opt_integer(j, 3, "sub", -1), n)
    if start < 1:
        start = 1
    if end > n:
        end = n
    return s[start - 1:end] if start <= end else ""


def str_upper(s=NOARG, *_):
    """string.upper(s)

    A copy of s with lower-case ASCII letters changed to upper case.
    Example: string.upper("Torch7")  --> "TORCH7"
    """
    s = check_string(s, 1, "upper")
    return s.upper() if s.isascii() else s.translate(_UPPER)


def str_lower(s=NOARG, *_):
    """string.lower(s)

    A copy of s with upper-case ASCII letters changed to lower case.
    Example: string.lower("Torch7")  --> "torch7"
    """
    s = check_string(s, 1, "lower")
    return s.lower() if s.isascii() else s.translate(_LOWER)


def str_reverse(s=NOARG, *_):
    """string.reverse(s)

    s reversed.
    Example: string.reverse("abc")  --> "cba"
    """
    return check_string(s, 1, "reverse")[::-1]


def str_rep(s=NOARG, n=NOARG, sep=NOARG, *_):
    """string.rep(s, n [, sep])

    n copies of s, separated by sep (LuaJIT's extension); "" when n <= 0.
    Example: string.rep("ab", 3, ",")  --> "ab,ab,ab"
    """
    s = check_string(s, 1, "rep")
    n = check_int(n, 2, "rep")
    sep = opt_string(sep, 3, "rep", "")
    if n <= 0:
        return ""
    if len(s) * n + len(sep) * (n - 1) >= _MAX_STRING:
        raise LibError("resulting string too large")
    return sep.join([s] * n) if sep else s * n


def str_byte(s=NOARG, i=NOARG, j=NOARG, *_):
    """string.byte(s [, i [, j]])

    The byte codes of s[i..j] (i defaults to 1, j to i).
    Example: string.byte("ABC", 1, -1)  --> 65 66 67
    """
    if type(s) is str and type(i) is int and j is NOARG:
        # fast path: one byte
        k = i if i >= 0 else len(s) + i + 1
        return ord(s[k - 1]) if 0 < k <= len(s) else ()
    s = check_string(s, 1, "byte")
    n = len(s)
    posi = opt_integer(i, 2, "byte", 1)
    pose = _posrelat(opt_integer(j, 3, "byte", posi), n)
    posi = _posrelat(posi, n)
    if posi <= 0:
        posi = 1
    if pose > n:
        pose = n
    if posi > pose:
        return ()
    if posi == pose:
        return ord(s[posi - 1])
    return tuple(map(ord, s[posi - 1:pose]))


def str_char(*args):
    """string.char(...)

    The string whose bytes are the given codes (each 0-255).
    Example: string.char(72, 105)  --> "Hi"
    """
    out = []
    for k, c in enumerate(args, 1):
        c = check_int(c, k, "char")
        if not 0 <= c <= 255:
            raise arg_error(k, "char", "invalid value")
        out.append(chr(c))
    return "".join(out)


def str_dump(f=NOARG, *_):
    """string.dump(f)

    Lua bytecode of a function; th compiles Lua to Python, so there is none to give.
    Example: pcall(string.dump, print)  --> false  "unable to dump given function"
    """
    if typename(f) != "function":
        raise arg_error(1, "dump", f"function expected, got {typename(f)}")
    raise LibError("unable to dump given function")


# ---- find, match, gmatch ------------------------------------------------------------


def _find_aux(find, s, p, init, plain):
    fname = "find" if find else "match"
    s = check_string(s, 1, fname)
    p = check_string(p, 2, fname)
    n = len(s)
    init = _posrelat(opt_integer(init, 3, fname, 1), n) - 1
    if init < 0:
        init = 0
    elif init > n:
        init = n
    if (find and plain is not NOARG and plain is not None and plain is not False) \
            or (not has_specials(p) and (find or ")" not in p)):
        # fast path: a plain substring (match still reports a stray ')', as Lua does)
        k = s.find(p, init)
        if k < 0:
            return (None,)
        return (k + 1, k + len(p)) if find else p
    found = compile_pattern(p).search(s, init)
    if found is None:
        return (None,)
    start, end, caps = found
    if find:
        return (start + 1, end) + caps
    if not caps:
        return s[start:end]
    return caps[0] if len(caps) == 1 else caps


def str_find(s=NOARG, p=NOARG, init=NOARG, plain=NOARG, *_):
    """string.find(s, pattern [, init [, plain]])

    Start and end of the first match of pattern in s (from init), then its captures;
    nil if none. With plain true, pattern is a plain substring.
    Example: string.find("hello world", "o w")  --> 5 7
    """
    return _find_aux(True, s, p, init, plain)


def str_match(s=NOARG, p=NOARG, init=NOARG, *_):
    """string.match(s, pattern [, init])

    The captures of the first match of pattern in s (the whole match if it has none).
    Example: string.match("key = value", "(%w+)%s*=%s*(%w+)")  --> "key" "value"
    """
    return _find_aux(False, s, p, init, NOARG)


def str_gmatch(s=NOARG, p=NOARG, *_):
    """string.gmatch(s, pattern)

    An iterator over the matches of pattern in s, giving each match's captures.
    Example: for w in string.gmatch("one two", "%a+") do print(w) end
    """
    s = check_string(s, 1, "gmatch")
    p = check_string(p, 2, "gmatch")
    cp = compile_pattern(p, anchors=False)  # Lua 5.1's gmatch has no '^' anchor
    pos = 0
    n = len(s)

    def gmatch_iter(*_):
        nonlocal pos
        if pos > n:
            return ()
        found = cp.search(s, pos)
        if found is None:
            pos = n + 1
            return ()  # no value at all, as Lua's iterator returns
        start, end, caps = found
        pos = end + 1 if end == start else end  # an empty match moves on by one
        if not caps:
            return s[start:end]
        return caps[0] if len(caps) == 1 else caps

    return gmatch_iter


# ---- gsub -----------------------------------------------------------------------------


def _repl_value(r, whole):
    """The text a gsub function/table result stands for (Lua's add_value)."""
    if type(r) is tuple:
        r = r[0] if r else None
    if r is None or r is False:
        return whole
    tr = type(r)
    if tr is str:
        return r
    if tr is int or tr is float:
        return number_to_string(r)
    raise LibError(f"invalid replacement value (a {typename(r)})")


def _capture_text(v):
    if type(v) is str:
        return v
    if v is UNFINISHED:
        raise LibError("unfinished capture")
    return number_to_string(v)


def _key_capture(whole, caps):
    """The capture a table replacement is indexed by: the first, or the whole match."""
    if not caps:
        return whole
    if caps[0] is UNFINISHED:
        raise LibError("unfinished capture")
    return caps[0]


def _call_captures(fn, whole, caps):
    if not caps:
        return fn(whole)
    if UNFINISHED in caps:
        raise LibError("unfinished capture")
    return fn(*caps)


def _expand(repl, whole, caps):
    """Lua's add_s: a replacement string with %0-%9 and %x (x not a digit) expanded."""
    out = []
    i = 0
    n = len(repl)
    while True:
        k = repl.find("%", i)
        if k < 0:
            out.append(repl[i:])
            break
        out.append(repl[i:k])
        d = repl[k + 1] if k + 1 < n else "\0"  # C reads the string's terminating NUL
        if "0" <= d <= "9":
            out.append(_nth_capture(ord(d) - 49, whole, caps) if d != "0" else whole)
        else:
            out.append(d)
        i = k + 2
    return "".join(out)


def _nth_capture(i, whole, caps):
    if i < len(caps):
        return _capture_text(caps[i])  # (position captures print as numbers)
    if i == 0:
        return whole
    raise LibError("invalid capture index")


def _repl_function(repl, kind):
    """A function of (whole match, captures) -> replacement text, for any repl kind."""
    if kind == "string":
        if "%" not in repl:
            return lambda whole, caps: repl
        return lambda whole, caps: _expand(repl, whole, caps)
    if kind == "table":
        get = repl.get if repl.metatable is None else (lambda k: runtime.index(repl, k))
        return lambda whole, caps: _repl_value(get(_key_capture(whole, caps)), whole)
    return lambda whole, caps: _repl_value(_call_captures(repl, whole, caps), whole)


def _regex_template(repl, cp):
    """A Python re template equivalent to the Lua replacement string, or None."""
    groups = cp.regex.groups
    out = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != "%":
            out.append("\\\\" if c == "\\" else c)
            i += 1
            continue
        d = repl[i + 1] if i + 1 < n else "\0"
        if "0" <= d <= "9":
            k = ord(d) - 48
            if k == 1 and groups == 0:
                k = 0
            if k > groups or k in cp.positions:
                return None  # an error or a number: leave it to _expand
            out.append(f"\\g<{k}>")
        else:
            out.append("\\\\" if d == "\\" else d)
        i += 2
    return "".join(out)


def str_gsub(s=NOARG, p=NOARG, repl=NOARG, max_n=NOARG, *_):
    """string.gsub(s, pattern, repl [, n])

    A copy of s with (the first n) matches of pattern replaced by repl, and the number
    of matches. repl is a string (%0 the match, %1-%9 captures), a table (indexed by
    the first capture) or a function (called with the captures); nil/false keeps the match.
    Example: string.gsub("hello world", "o", "0")  --> "hell0 w0rld" 2
    """
    src = check_string(s, 1, "gsub")
    pat = check_string(p, 2, "gsub")
    max_s = opt_int(max_n, 4, "gsub", len(src) + 1)
    kind = typename(repl)
    if kind not in ("string", "number", "table", "function"):
        raise arg_error(3, "gsub", "string/function/table expected")
    if kind == "number":
        repl, kind = number_to_string(repl), "string"
    if max_s <= 0:
        return src, 0
    if kind == "string" and "%" not in repl and not has_specials(pat) and ")" not in pat:
        # fast path: plain substring, plain replacement
        count = src.count(pat) if pat else len(src) + 1
        return src.replace(pat, repl, max_s), min(count, max_s)
    cp = compile_pattern(pat)
    if cp.regex is not None and not cp.anchored and not cp.lazy:
        return _gsub_regex(src, cp, repl, kind, max_s)
    if cp.balanced is not None and not cp.anchored:
        constant = repl if kind == "string" and "%" not in repl else None
        return _gsub_balanced(src, cp.balanced, _repl_function(repl, kind), max_s, constant)
    return _gsub_lua(src, cp, _repl_function(repl, kind), max_s)


def _gsub_regex(src, cp, repl, kind, max_s):
    # re.subn scans as lstrlib's gsub loop does: an empty match right after a match is
    # allowed, and after an empty match re looks for a longer one at the same place
    # before moving on, which only a lazy '-' can find (so lazy patterns stay out).
    if kind == "string":
        template = _regex_template(repl, cp)
        if template is not None:
            return cp.regex.subn(template, src, count=max_s)
    fn = _repl_function(repl, kind)
    captures = cp.regex_captures
    return cp.regex.subn(lambda m: fn(m.group(0), captures(m)), src, count=max_s)


def _gsub_lua(src, cp, fn, max_s):
    """lstrlib's gsub loop over a compiled pattern (anchored, lazy or without a regex)."""
    if cp.regex is not None:
        if not cp.anchored:
            return _gsub_search(src, cp, fn, max_s)
        found = cp.match_at(src, 0)  # anchored: one try, at the start
        if found is None:
            return src, 0
        return fn(src[:found[1]], found[2]) + src[found[1]:], 1
    out = []
    pos = 0
    n = 0
    end = len(src)
    first = None if cp.anchored else cp.first
    matcher = cp.matcher(src)
    body = cp.body
    while n < max_s:
        if first is not None:
            k = src.find(first, pos)  # skip places where no match can start
            if k < 0:
                break
            out.append(src[pos:k])
            pos = k
        matcher.level = 0
        e = matcher.match(pos, body)
        if e != -1:
            n += 1
            out.append(fn(src[pos:e], matcher.captures(strict=False)))
        if e > pos:
            pos = e
        elif pos < end:
            out.append(src[pos])
            pos += 1
        else:
            break
        if cp.anchored:
            break
    out.append(src[pos:])
    return "".join(out), n


def _gsub_balanced(src, delimiters, fn, max_s, constant=None):
    # The same loop for a pattern that is one %bxy item: from opener to opener, each
    # match's end found as balanced_end finds it (inline: this loop is the hot path of
    # such patterns; a match is never empty). `constant`: a replacement without '%'.
    b, e = delimiters
    if b == e:
        constant = None   # (rare: leave it to balanced_end)
    find, count = src.find, src.count
    out = []
    pos = k = n = 0
    while n < max_s:
        k = find(b, k)
        if k < 0:
            break
        if b == e:
            end = balanced_end(src, k, b, e)
        else:
            depth, at = 1, k + 1
            while True:
                j = find(e, at)
                if j < 0:
                    end = -1
                    break
                depth += count(b, at, j) - 1
                if depth == 0:
                    end = j + 1
                    break
                at = j + 1
        if end < 0:
            k += 1
            continue
        out.append(src[pos:k])
        out.append(constant if constant is not None else fn(src[k:end], ()))
        n += 1
        pos = k = end
    out.append(src[pos:])
    return "".join(out), n


def _gsub_search(src, cp, fn, max_s):
    # The same loop, jumping with re's search over the places where nothing matches.
    out = []
    pos = 0
    n = 0
    end = len(src)
    search = cp.regex.search
    captures = cp.regex_captures
    while n < max_s and pos <= end:
        m = search(src, pos)
        if m is None:
            break
        start, e = m.span()
        n += 1
        out.append(src[pos:start])
        out.append(fn(m.group(0), captures(m)))
        if e > start:
            pos = e
        else:
            out.append(src[start:start + 1])
            pos = start + 1
    out.append(src[pos:])
    return "".join(out), n


# ---- format ---------------------------------------------------------------------------

_FLAGS = "-+ #0"


def str_format(fmt=NOARG, *args):
    """string.format(fmt, ...)

    fmt with each %-item replaced by the next argument formatted as C's printf does:
    %d %i %u %c %o %x %X %e %E %f %g %G %q (a Lua-readable string) %s (any value, via
    tostring) and %%, with flags (-+ #0), width and precision.
    Example: string.format("%5.2f|%-4d|%s", math.pi, 7, "x")  --> " 3.14|7   |x"
    """
    fmt = check_string(fmt, 1, "format")
    parts = _formats.get(fmt)
    if parts is None:
        if len(_formats) >= 256:
            _formats.clear()
        parts = _formats[fmt] = _compile_format(fmt)
    out = []
    argn = 1
    nargs = len(args)
    for part in parts:
        if type(part) is str:
            out.append(part)
            continue
        argn += 1
        if argn > nargs + 1:
            raise arg_error(argn, "format", "no value")
        kind, pyfmt, spec, conv = part
        v = args[argn - 2]
        if kind == _INT:
            if type(v) is not int or not -2 ** 63 <= v < 2 ** 63:
                v = tointeger(check_number(v, argn, "format"))
            out.append(pyfmt % v if pyfmt else _format_int(spec, conv, v))
        elif kind == _FLOAT:
            if type(v) is not float:
                v = float(check_number(v, argn, "format"))
            out.append(pyfmt % v if v - v == 0 else _format_float(spec, conv, v))
        elif kind == _STR:
            out.append(pyfmt % (v if type(v) is str else runtime.tostring(v)))
        elif kind == _ERROR:
            raise LibError(pyfmt)
        else:
            out.append(_format_item(spec, conv, v, argn))
    return "".join(out)


# Kinds of format items; each carries a Python %-format when Python's equals C's.
_INT, _FLOAT, _STR, _OTHER, _ERROR = range(5)
_formats = {}  # format string -> compiled parts (formats in loops are parsed once)


def _compile_format(fmt):
    """Literal text and items (kind, python format, spec, conversion) of a format.

    A malformed item becomes an _ERROR item, raised only when the formatting reaches
    it, after the arguments before it are checked, as Lua does.
    """
    parts = []
    text = []
    i = 0
    n = len(fmt)
    while i < n:
        k = fmt.find("%", i)
        if k < 0:
            text.append(fmt[i:])
            break
        text.append(fmt[i:k])
        i = k + 1
        if i < n and fmt[i] == "%":
            text.append("%")
            i += 1
            continue
        if text:
            parts.append("".join(text))
            text = []
        try:
            i, spec = _scan_format(fmt, i)
        except LibError as e:
            parts.append((_ERROR, str(e), "", ""))
            return parts
        conv = fmt[i] if i < n else ""
        i += 1
        parts.append(_compile_item(spec, conv))
    if text:
        parts.append("".join(text))
    return parts


def _compile_item(spec, conv):
    flags, _, prec = _parse_spec(spec)
    if conv in ("d", "i"):
        # Python differs from C for '#', a zero precision, and '0' with a precision
        plain = "#" not in flags and prec != 0 and not ("0" in flags and prec is not None)
        return (_INT, "%" + spec + "d" if plain else None, spec, conv)
    if conv in ("e", "E", "f", "g", "G"):
        return (_FLOAT, "%" + spec + conv, spec, conv)
    if conv == "s":
        return (_STR, "%" + spec + "s", spec, conv)
    if conv in ("c", "o", "u", "x", "X", "q"):
        return (_OTHER, None, spec, conv)
    return (_ERROR, f"invalid option '%{conv}' to 'format'", spec, conv)


def _scan_format(fmt, i):
    """(index of the conversion letter, the flags/width/precision text before it)."""
    start = i
    n = len(fmt)
    while i < n and fmt[i] in _FLAGS:
        i += 1
    if i - start >= len(_FLAGS) + 1:
        raise LibError("invalid format (repeated flags)")
    for _ in range(2):  # width: two digits at most
        if i < n and fmt[i].isdigit() and fmt[i].isascii():
            i += 1
    if i < n and fmt[i] == ".":
        i += 1
        for _ in range(2):
            if i < n and fmt[i].isdigit() and fmt[i].isascii():
                i += 1
    if i < n and fmt[i].isdigit() and fmt[i].isascii():
        raise LibError("invalid format (width or precision too long)")
    return i, fmt[start:i]


def _format_item(spec, conv, v, argn):
    """The conversions %c %o %u %x %X %q, and %d %i where Python's rules differ from C's."""
    if conv in ("d", "i"):
        return _format_int(spec, conv, tointeger(check_number(v, argn, "format")))
    if conv == "c":
        c = chr(tointeger(check_number(v, argn, "format")) & 0xFF)
        text = ("%" + spec + "c") % c
        return text.split("\0", 1)[0]  # C's sprintf result is measured with strlen
    if conv == "q":
        return _quoted(check_string(v, argn, "format"))
    return _format_int(spec, conv, _to_unsigned(check_number(v, argn, "format")))


def _to_unsigned(x):
    """C's cast of a double to unsigned long (x86-64: negatives wrap)."""
    if type(x) is float and 9.2233720368547758e18 <= x < 1.8446744073709552e19:
        return int(x)
    return tointeger(x) & 0xFFFFFFFFFFFFFFFF


def _parse_spec(spec):
    flags = spec[:len(spec) - len(spec.lstrip(_FLAGS))]
    rest = spec[len(flags):]
    width, _, prec = rest.partition(".")
    return flags, int(width) if width else 0, (int(prec) if prec else 0) if "." in rest else None


def _format_int(spec, conv, n):
    """printf's %d %i %u %o %x %X for the integer n."""
    flags, width, prec = _parse_spec(spec)
    digits = format(abs(n), "o" if conv == "o" else "x" if conv == "x" else "X" if conv == "X" else "d")
    if prec is not None:
        if prec == 0 and n == 0:
            digits = ""
        digits = digits.rjust(prec, "0")
    sign = ""
    if conv in ("d", "i"):
        sign = "-" if n < 0 else "+" if "+" in flags else " " if " " in flags else ""
    prefix = ""
    if "#" in flags:
        if conv == "o" and not digits.startswith("0"):
            digits = "0" + digits
        elif conv in ("x", "X") and n != 0:
            prefix = "0" + conv
    return _pad(sign + prefix, digits, flags, width, zero_ok=prec is None)


def _pad(head, body, flags, width, zero_ok=True):
    text = head + body
    if len(text) >= width:
        return text
    if "-" in flags:
        return text.ljust(width)
    if "0" in flags and zero_ok:
        return head + body.rjust(width - len(head), "0")
    return text.rjust(width)


def _format_float(spec, conv, x):
    """printf's %e %E %f %g %G for the double x (inf and nan spelled as glibc does)."""
    if math.isfinite(x):
        return ("%" + spec + conv) % x
    flags, width, _ = _parse_spec(spec)
    negative = math.copysign(1.0, x) < 0
    sign = "-" if negative else "+" if "+" in flags else " " if " " in flags else ""
    word = "inf" if x == x else "nan"
    if conv in ("E", "G"):
        word = word.upper()
    return _pad(sign, word, flags, width, zero_ok=False)


def _quoted(s):
    """%q: s as a Lua string literal that reads back to s."""
    out = ['"']
    for c in s:
        if c in '"\\\n':
            out.append("\\" + c)
        elif c == "\r":
            out.append("\\r")
        elif c == "\0":
            out.append("\\000")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


# ---- the library table -----------------------------------------------------------------

FUNCTIONS = {
    "byte": str_byte,
    "char": str_char,
    "dump": str_dump,
    "find": str_find,
    "format": str_format,
    "gmatch": str_gmatch,
    "gsub": str_gsub,
    "len": str_len,
    "lower": str_lower,
    "match": str_match,
    "rep": str_rep,
    "reverse": str_reverse,
    "sub": str_sub,
    "upper": str_upper,
}


def open_lib(runtime_):
    """The `string` table; also makes it the `__index` of every string's metatable."""
    lib = LuaTable.from_dict(FUNCTIONS)
    if runtime_ is not None:
        runtime_.string_meta = LuaTable.from_dict({"__index": lib})
    return lib
