"""Lua 5.1 patterns: compiled to Python `re` when exactly equivalent, else matched here.

Input: a Lua pattern (str) and subject strings; output: match positions (0-based, end
exclusive) and captures (str, or int 1-based positions for `()`). Used by lib/string.py.

A Lua pattern is a sequence of single-character items, each optionally quantified
(`*` `+` `-` `?`), plus captures, anchors, `%b`, `%f` and back-references. Such a pattern
has an exact Python regex counterpart (same leftmost, backtracking search, same
preference order), so `compile_pattern` translates it and lets `re` do the work. What it
does not translate (`%b`, back-references to open captures, more than 32 captures, and
malformed patterns whose error Lua raises only when the matcher reaches the bad item)
runs on `_Matcher`, a transcription of lstrlib.c's backtracking matcher, so errors come
with Lua's words at Lua's moment ("malformed pattern (ends with '%')", "unfinished
capture", "invalid capture index", "invalid pattern capture", "missing '[' after '%f' in
pattern", "unbalanced pattern", "too many captures").

Character classes follow the C locale: %a is [A-Za-z], and characters above 255 belong
to no class (Lua strings are bytes; th keeps one character per byte).
"""
import re

from th.lua.lib.args import LibError

MAXCAPTURES = 32
SPECIALS = frozenset("^$*+?.([%-")
_MAX_CHAR = 0x10FFFF

# ---- character classes (C locale) -------------------------------------------------

_CLASS_RANGES = {
    "a": ((65, 90), (97, 122)),
    "c": ((0, 31), (127, 127)),
    "d": ((48, 57),),
    "l": ((97, 122),),
    "p": ((33, 47), (58, 64), (91, 96), (123, 126)),
    "s": ((9, 13), (32, 32)),
    "u": ((65, 90),),
    "w": ((48, 57), (65, 90), (97, 122)),
    "x": ((48, 57), (65, 70), (97, 102)),
    "z": ((0, 0),),
}

_CLASS_SETS = {cl: frozenset(chr(c) for lo, hi in rs for c in range(lo, hi + 1))
               for cl, rs in _CLASS_RANGES.items()}


def _complement(ranges):
    out, lo = [], 0
    for a, b in sorted(ranges):
        if a > lo:
            out.append((lo, a - 1))
        lo = max(lo, b + 1)
    if lo <= _MAX_CHAR:
        out.append((lo, _MAX_CHAR))
    return tuple(out)


def _class_ranges(cl):
    """Code-point ranges of `%cl`, or None when `cl` is not a class letter (a literal)."""
    ranges = _CLASS_RANGES.get(cl.lower())
    if ranges is None:
        return None
    return _complement(ranges) if cl.isupper() else ranges


def match_class(c, cl):
    """Does character `c` belong to `%cl`? (lstrlib's match_class)."""
    members = _CLASS_SETS.get(cl.lower())
    if members is None:
        return cl == c
    if cl.isupper():
        return c not in members
    return c in members


def class_end(pat, p):
    """Index just past the single-character class starting at pat[p] (lstrlib's classEnd)."""
    n = len(pat)
    c = pat[p]
    p += 1
    if c == "%":
        if p >= n:
            raise LibError("malformed pattern (ends with '%')")
        return p + 1
    if c == "[":
        if p < n and pat[p] == "^":
            p += 1
        while True:  # look for the closing ']'; the first one may be a member
            if p >= n:
                raise LibError("malformed pattern (missing ']')")
            c = pat[p]
            p += 1
            if c == "%" and p < n:
                p += 1
            if p < n and pat[p] == "]":
                return p + 1
    return p


def match_bracket(c, pat, p, ec):
    """Does `c` match the set pat[p:ec+1] (pat[p] == '[', pat[ec] == ']')?"""
    sig = True
    if pat[p + 1] == "^":
        sig = False
        p += 1
    p += 1
    while p < ec:
        ch = pat[p]
        if ch == "%":
            p += 1
            if match_class(c, pat[p]):
                return sig
        elif p + 2 < ec and pat[p + 1] == "-":
            if pat[p] <= c <= pat[p + 2]:
                return sig
            p += 2
        elif ch == c:
            return sig
        p += 1
    return not sig


def single_match(c, pat, p, ep):
    """Does character `c` match the single-character class pat[p:ep]?"""
    ch = pat[p]
    if ch == ".":
        return True
    if ch == "%":
        return match_class(c, pat[p + 1])
    if ch == "[":
        return match_bracket(c, pat, p, ep - 1)
    return ch == c


# ---- translation to Python re -----------------------------------------------------

class _Untranslatable(Exception):
    """The pattern needs the Lua matcher (an error it must raise lazily, %b, ...)."""


def _ranges_regex(ranges):
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)


def _set_regex(pat, p, ec):
    """A regex character class for the Lua set pat[p:ec+1]."""
    negate = pat[p + 1] == "^"
    if negate:
        p += 1
    p += 1
    ranges = []
    while p < ec:
        ch = pat[p]
        if ch == "%":
            p += 1
            rs = _class_ranges(pat[p])
            ranges.extend(rs if rs is not None else ((ord(pat[p]), ord(pat[p])),))
        elif p + 2 < ec and pat[p + 1] == "-":
            lo, hi = ord(ch), ord(pat[p + 2])
            if lo <= hi:  # Lua accepts an empty range such as z-a; re would not
                ranges.append((lo, hi))
            p += 2
        else:
            ranges.append((ord(ch), ord(ch)))
        p += 1
    if not ranges:
        return "[\\x00-\\U0010ffff]" if negate else "[^\\x00-\\U0010ffff]"
    return ("[^" if negate else "[") + _ranges_regex(ranges) + "]"


def _single_regex(pat, p, ep):
    """(regex, Lua set text or None) for the single-character class pat[p:ep]."""
    ch = pat[p]
    if ch == ".":
        return "."
    if ch == "%":
        rs = _class_ranges(pat[p + 1])
        if rs is None:
            return re.escape(pat[p + 1])
        return "[" + _ranges_regex(rs) + "]"
    if ch == "[":
        return _set_regex(pat, p, ep - 1)
    return re.escape(ch)


def _frontier_regex(pat, p, ep):
    """%f[set]: the previous character is not in the set, the current one is.

    Lua sees '\\0' before the subject and after it; lookarounds see nothing there.
    """
    cls = _set_regex(pat, p, ep - 1)
    nul_in = match_bracket("\0", pat, p, ep - 1)
    before = f"(?<={_negate_class(cls)})" if nul_in else f"(?<!{cls})"
    after = f"(?:(?={cls})|\\Z)" if nul_in else f"(?={cls})"
    return before + after


def _negate_class(cls):
    return "[" + cls[2:] if cls.startswith("[^") else "[^" + cls[1:]


def translate(pat, start):
    """(regex source, position-capture group numbers, uses '-') for pat[start:].

    Raises _Untranslatable when the pattern needs the Lua matcher.
    """
    out, positions = [], []
    lazy = False
    open_groups, closed = [], set()
    ngroups = 0
    n = len(pat)
    p = start
    try:
        while p < n:
            c = pat[p]
            if c == "(":
                ngroups += 1
                if ngroups > MAXCAPTURES:
                    raise _Untranslatable
                if p + 1 < n and pat[p + 1] == ")":
                    positions.append(ngroups)
                    closed.add(ngroups)
                    out.append("()")
                    p += 2
                else:
                    open_groups.append(ngroups)
                    out.append("(")
                    p += 1
                continue
            if c == ")":
                if not open_groups:
                    raise _Untranslatable
                closed.add(open_groups.pop())
                out.append(")")
                p += 1
                continue
            if c == "$" and p + 1 == n:
                out.append("\\Z")
                p += 1
                continue
            if c == "%" and p + 1 < n:
                nc = pat[p + 1]
                if nc == "b":
                    raise _Untranslatable
                if nc == "f":
                    p += 2
                    if p >= n or pat[p] != "[":
                        raise _Untranslatable
                    ep = class_end(pat, p)
                    out.append(_frontier_regex(pat, p, ep))
                    p = ep
                    continue
                if "0" <= nc <= "9":
                    k = ord(nc) - 48
                    if k not in closed:
                        raise _Untranslatable
                    # A back-reference to a position capture never matches in Lua.
                    out.append("(?!)" if k in positions else f"(?:\\{k})")
                    p += 2
                    continue
            ep = class_end(pat, p)
            single = _single_regex(pat, p, ep)
            q = pat[ep] if ep < n else ""
            if q == "*" or q == "+" or q == "?":
                out.append(single + q)
                p = ep + 1
            elif q == "-":
                out.append(single + "*?")
                lazy = True
                p = ep + 1
            else:
                out.append(single)
                p = ep
    except LibError:
        raise _Untranslatable from None
    if open_groups:
        raise _Untranslatable
    return "".join(out), positions, lazy


# ---- the Lua matcher (lstrlib.c's match) --------------------------------------------

_CAP_UNFINISHED = -1
_CAP_POSITION = -2


class _Matcher:
    """Backtracking matcher over the subject `src` for the pattern `pat` (lstrlib.c)."""

    __slots__ = ("src", "pat", "level", "capture")

    def __init__(self, src, pat):
        self.src = src
        self.pat = pat
        self.level = 0
        self.capture = []      # [start, length] per capture; length may be _CAP_*

    def match(self, s, p):
        """End index of a match of pat[p:] at src[s:], or -1."""
        src, pat = self.src, self.pat
        slen, plen = len(src), len(pat)
        while True:
            if p == plen:
                return s
            c = pat[p]
            if c == "(":
                if p + 1 < plen and pat[p + 1] == ")":
                    return self._start_capture(s, p + 2, _CAP_POSITION)
                return self._start_capture(s, p + 1, _CAP_UNFINISHED)
            if c == ")":
                return self._end_capture(s, p + 1)
            if c == "%" and p + 1 < plen:
                nc = pat[p + 1]
                if nc == "b":
                    s = self._match_balance(s, p + 2)
                    if s == -1:
                        return -1
                    p += 4
                    continue
                if nc == "f":
                    p += 2
                    if p >= plen or pat[p] != "[":
                        raise LibError("missing '[' after '%f' in pattern")
                    ep = class_end(pat, p)
                    prev = src[s - 1] if s > 0 else "\0"
                    cur = src[s] if s < slen else "\0"
                    if match_bracket(prev, pat, p, ep - 1) or not match_bracket(cur, pat, p, ep - 1):
                        return -1
                    p = ep
                    continue
                if "0" <= nc <= "9":
                    s = self._match_capture(s, nc)
                    if s == -1:
                        return -1
                    p += 2
                    continue
            elif c == "$" and p + 1 == plen:
                return s if s == slen else -1
            ep = class_end(pat, p)
            m = s < slen and single_match(src[s], pat, p, ep)
            q = pat[ep] if ep < plen else ""
            if q == "?":
                if m:
                    res = self.match(s + 1, ep + 1)
                    if res != -1:
                        return res
                p = ep + 1
                continue
            if q == "*":
                return self._max_expand(s, p, ep)
            if q == "+":
                return self._max_expand(s + 1, p, ep) if m else -1
            if q == "-":
                return self._min_expand(s, p, ep)
            if not m:
                return -1
            s += 1
            p = ep

    def _max_expand(self, s, p, ep):
        src, pat = self.src, self.pat
        i = 0
        while s + i < len(src) and single_match(src[s + i], pat, p, ep):
            i += 1
        while i >= 0:  # try the rest with the longest run first
            res = self.match(s + i, ep + 1)
            if res != -1:
                return res
            i -= 1
        return -1

    def _min_expand(self, s, p, ep):
        src, pat = self.src, self.pat
        while True:
            res = self.match(s, ep + 1)
            if res != -1:
                return res
            if s < len(src) and single_match(src[s], pat, p, ep):
                s += 1
            else:
                return -1

    def _start_capture(self, s, p, what):
        level = self.level
        if level >= MAXCAPTURES:
            raise LibError("too many captures")
        if len(self.capture) <= level:
            self.capture.append([s, what])
        else:
            self.capture[level] = [s, what]
        self.level = level + 1
        res = self.match(s, p)
        if res == -1:
            self.level -= 1
        return res

    def _end_capture(self, s, p):
        cap = self.capture
        for level in range(self.level - 1, -1, -1):
            if cap[level][1] == _CAP_UNFINISHED:
                break
        else:
            raise LibError("invalid pattern capture")
        cap[level][1] = s - cap[level][0]
        res = self.match(s, p)
        if res == -1:
            cap[level][1] = _CAP_UNFINISHED
        return res

    def _match_balance(self, s, p):
        pat, src = self.pat, self.src
        if p + 1 >= len(pat):
            raise LibError("unbalanced pattern")
        if s >= len(src) or src[s] != pat[p]:
            return -1
        b, e = pat[p], pat[p + 1]
        s += 1
        if b == e:  # the closer is tested first: the next one ends the match
            k = src.find(e, s)
            return k + 1 if k >= 0 else -1
        depth = 1
        while True:  # jump from delimiter to delimiter
            ke = src.find(e, s)
            if ke < 0:
                return -1
            kb = src.find(b, s, ke)
            if kb < 0:
                depth -= 1
                if depth == 0:
                    return ke + 1
                s = ke + 1
            else:
                depth += 1
                s = kb + 1

    def _match_capture(self, s, digit):
        start, length = self.capture[self._check_capture(digit)]
        if length < 0:  # a position capture: (size_t)-2 never fits in C either
            return -1
        if self.src.startswith(self.src[start:start + length], s) and len(self.src) - s >= length:
            return s + length
        return -1

    def _check_capture(self, digit):
        level = ord(digit) - ord("1")
        if level < 0 or level >= self.level or self.capture[level][1] == _CAP_UNFINISHED:
            raise LibError("invalid capture index")
        return level

    def captures(self, strict=True):
        """The captures of the last successful match (Lua's push_captures, minus whole match).

        An unfinished capture is an error when strict; else it stays in the tuple as
        UNFINISHED, for gsub, which complains only if the replacement uses it.
        """
        out = []
        for start, length in self.capture[:self.level]:
            if length == _CAP_UNFINISHED:
                if strict:
                    raise LibError("unfinished capture")
                out.append(UNFINISHED)
            else:
                out.append(start + 1 if length == _CAP_POSITION else self.src[start:start + length])
        return tuple(out)


class _Unfinished:
    """Stands for a capture left open by a successful match (see _Matcher.captures)."""
    __slots__ = ()


UNFINISHED = _Unfinished()


# ---- compiled patterns --------------------------------------------------------------

class LuaPattern:
    """A compiled Lua pattern. Example: `compile_pattern("(%w+)=(%w+)").search("a=b", 0)`.

    `search(s, init)` returns (start, end, captures) or None; start is 0-based, end
    exclusive, captures a tuple (empty when the pattern has none). `match_at(s, pos)`
    is the same anchored at `pos`. With `anchors=False` a leading '^' is a plain
    character, as in Lua 5.1's gmatch. `regex` is the translation (None when the Lua
    matcher is needed); `lazy` tells whether it uses '-' (see string.gsub).
    """

    __slots__ = ("source", "anchored", "body", "regex", "positions", "lazy", "first",
                 "balanced")

    def __init__(self, source, anchors=True):
        self.source = source
        self.anchored = anchors and source.startswith("^")
        self.body = 1 if self.anchored else 0
        try:
            regex, self.positions, self.lazy = translate(source, self.body)
            self.regex = re.compile(regex, re.DOTALL)
        except (_Untranslatable, re.error, RecursionError):
            self.regex = None
            self.positions = ()
            self.lazy = True
        self.first = _first_char(source, self.body)
        # A pattern that is one %bxy item: matched by balanced_end, without the matcher.
        body = source[self.body:]
        self.balanced = (body[2], body[3]) if len(body) == 4 and body.startswith("%b") else None

    def regex_captures(self, m):
        """The Lua captures of a regex match `m` (position captures as 1-based ints)."""
        if m.re.groups == 0:
            return ()
        if not self.positions:
            return m.groups()
        pos = self.positions
        return tuple(m.start(i) + 1 if i in pos else m.group(i) for i in range(1, m.re.groups + 1))

    def search(self, s, init):
        """First match at or after `init` (only at `init` if anchored), or None."""
        if self.balanced is not None:
            return self._search_balanced(s, init)
        if self.regex is not None:
            m = self.regex.match(s, init) if self.anchored else self.regex.search(s, init)
            if m is None:
                return None
            return m.start(), m.end(), self.regex_captures(m)
        matcher = _Matcher(s, self.source)
        start = init
        first = None if self.anchored else self.first
        while True:
            if first is not None:
                start = s.find(first, start)  # skip places where no match can start
                if start < 0:
                    return None
            matcher.level = 0
            e = matcher.match(start, self.body)
            if e != -1:
                return start, e, matcher.captures()
            start += 1
            if self.anchored or start > len(s):
                return None

    def _search_balanced(self, s, init):
        b, e = self.balanced
        k = init
        while True:
            k = s.find(b, k)
            if k < 0 or (self.anchored and k != init):
                return None
            end = balanced_end(s, k, b, e)
            if end >= 0:
                return k, end, ()
            k += 1

    def match_at(self, s, pos):
        """Match anchored at `pos`: (pos, end, captures) or None (captures may hold UNFINISHED)."""
        if self.balanced is not None:
            b, e = self.balanced
            end = balanced_end(s, pos, b, e) if s.startswith(b, pos) else -1
            return (pos, end, ()) if end >= 0 else None
        if self.regex is not None:
            m = self.regex.match(s, pos)
            if m is None:
                return None
            return pos, m.end(), self.regex_captures(m)
        matcher = _Matcher(s, self.source)
        e = matcher.match(pos, self.body)
        if e == -1:
            return None
        return pos, e, matcher.captures(strict=False)

    def matcher(self, s):
        """A raw `_Matcher` for gsub's loop when no regex is available."""
        return _Matcher(s, self.source)


def balanced_end(s, k, b, e):
    """End (exclusive) of the %bbe match starting at s[k] == b, or -1 (lstrlib's
    matchbalance, jumping from closer to closer: the openers between two closers are
    counted at once)."""
    if b == e:  # the closer is tested first: the next one ends the match
        j = s.find(e, k + 1)
        return j + 1 if j >= 0 else -1
    depth = 1
    pos = k + 1
    while True:
        j = s.find(e, pos)
        if j < 0:
            return -1
        depth += s.count(b, pos, j) - 1
        if depth == 0:
            return j + 1
        pos = j + 1


def _first_char(pat, p):
    """The character every match of pat[p:] starts with, if the pattern says (else None)."""
    # Only items that fail at once where the character differs qualify, so skipping
    # those places cannot skip an error Lua would raise there.
    n = len(pat)
    opened = 0
    while p < n and pat[p] == "(":  # captures consume nothing
        p += 2 if pat.startswith("()", p) else 1
        opened += 1
    if p >= n or opened >= MAXCAPTURES:
        return None
    c = pat[p]
    if c == "%" and p + 3 < n and pat[p + 1] == "b":
        return pat[p + 2]
    if c == "%" and p + 1 < n and not pat[p + 1].isalnum():
        c, end = pat[p + 1], p + 2
    elif c in SPECIALS or c in ")]":
        return None
    else:
        end = p + 1
    if end < n and pat[end] in "*?-":  # the item may match nothing
        return None
    return c


_cache = {}
_CACHE_SIZE = 512


def compile_pattern(pat, anchors=True):
    """The LuaPattern for `pat`, cached (patterns in loops are compiled once)."""
    key = (pat, anchors)
    cp = _cache.get(key)
    if cp is None:
        if len(_cache) >= _CACHE_SIZE:
            _cache.clear()
        cp = _cache[key] = LuaPattern(pat, anchors)
    return cp


def has_specials(pat):
    """Whether `pat` uses any pattern item (else it is a plain substring, as in lstrlib)."""
    return not SPECIALS.isdisjoint(pat)
