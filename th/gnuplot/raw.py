"""gnuplot.raw: the simple gnuplot `set`/`unset` commands, translated onto Settings.

Input: the command text given to gnuplot.raw (several commands may be separated by ';'
or new lines) and the current figure's Settings. Output: the settings changed, and for
every command that cannot be translated a printed line saying it was ignored.

Translated: set/unset title, xlabel, ylabel, zlabel, grid, logscale [axes], key
(left|right|center, top|bottom|middle|center, on/off), xrange/yrange/zrange [a:b] (with
'*' for automatic ends), autoscale, size ratio -1 / ratio 1 / square / noratio,
xtics/ytics ("label" position, ...). Ignored (printed): everything else, e.g. plot,
replot, set term/output, set style, set palette, set format, set view. As in Torch7,
raw does not redraw: the next plot or gnuplot.plotflush() shows the changes.
"""
import re

from th.gnuplot.render import LEGEND_LOCATIONS

_SET_LABELS = ("title", "xlabel", "ylabel", "zlabel")


def apply(command, settings):
    """Apply every command in `command` to `settings` (ignored ones are reported)."""
    for one in _split_commands(command):
        if not _apply_one(one, settings):
            print(f"gnuplot.raw: not translated to matplotlib, ignored: {one}")


def _split_commands(text):
    parts = re.findall(r'(?:"[^"]*"|\'[^\']*\'|[^;\n])+', text)
    return [p.strip() for p in parts if p.strip()]


def _apply_one(command, s):
    words = command.split(None, 2)
    verb = words[0]
    if verb not in ("set", "unset") or len(words) < 2:
        return False
    what, rest = _full_option(words[1]), words[2] if len(words) > 2 else ""
    on = verb == "set"
    if what in _SET_LABELS:
        setattr(s, what, _unquote(rest) if on else None)
    elif what == "grid":
        s.grid = on
    elif what == "logscale":
        axes = {a for a in (rest.split()[0] if rest else "xy") if a in "xyz"} or {"x", "y"}
        s.logscale = frozenset(s.logscale | axes if on else s.logscale - axes)
    elif what == "key":
        return _apply_key(rest if on else "off", s)
    elif what in ("xrange", "yrange", "zrange"):
        bounds = _parse_range(rest) if on else (None, None)
        if bounds is None:
            return False
        setattr(s, what, bounds)
    elif what == "autoscale" and on:
        s.xrange = s.yrange = s.zrange = (None, None)
    elif what == "size":
        return _apply_size(rest if on else "noratio", s)
    elif what in ("xtics", "ytics"):
        tics = _parse_tics(rest) if on else None
        if on and tics is None and rest.strip() not in ("", "auto", "autofreq"):
            return False
        setattr(s, what, tics)
    else:
        return False
    return True


def _full_option(word):
    # gnuplot accepts abbreviations: `set xlab`, `set log`, `set gri`, `set tit`.
    for full in ("title", "xlabel", "ylabel", "zlabel", "grid", "logscale", "key",
                 "xrange", "yrange", "zrange", "autoscale", "size", "xtics", "ytics"):
        if len(word) >= 3 and full.startswith(word):
            return full
    return word


def _unquote(text):
    text = text.strip()
    m = re.match(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'', text)
    if m:
        return m.group(1) if m.group(1) is not None else m.group(2)
    return text


def _apply_key(rest, s):
    words = rest.split()
    if "off" in words:
        s.legend_visible = False
        return True
    s.legend_visible = True
    horizontal = next((w for w in words if w in ("left", "right")), None)
    vertical = next((w for w in words if w in ("top", "bottom")), None)
    if "center" in words:
        horizontal = horizontal or "center"
        vertical = vertical or "middle"
    if horizontal or vertical:
        s.legend_loc = LEGEND_LOCATIONS[(horizontal or "right", vertical or "top")]
    return all(w in ("on", "left", "right", "top", "bottom", "center", "inside")
               for w in words)


def _parse_range(rest):
    m = re.match(r"\s*\[\s*([^:\]]*)\s*:\s*([^\]]*)\s*\]", rest)
    if not m:
        return None
    try:
        return tuple(None if v.strip() in ("", "*") else float(v) for v in m.groups())
    except ValueError:
        return None


def _apply_size(rest, s):
    words = rest.replace(",", " ").split()
    if words[:2] == ["ratio", "-1"]:
        s.aspect = "equal"
    elif words[:2] == ["ratio", "1"] or words[:1] == ["square"]:
        s.aspect = "square"
    elif words[:1] in (["noratio"], ["nosquare"]):
        s.aspect = None
    else:
        return False
    return True


def _parse_tics(rest):
    m = re.match(r"\s*\((.*)\)\s*$", rest)
    if not m:
        return None
    tics = []
    for item in re.findall(r'\s*("[^"]*"|\'[^\']*\')?\s*([-+0-9.eE]+)\s*(?:,|$)', m.group(1)):
        label, position = item
        tics.append((_unquote(label) if label else position, float(position)))
    return tuple(tics)
