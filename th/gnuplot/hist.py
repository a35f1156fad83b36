"""gnuplot.histc: Torch7's histogram table, and its ASCII drawing (the table's tostring).

Input: a tensor's values (numpy), the number of bins and the range. Output: the table
Torch7's gnuplot.histc returned: `h[i] = {val = bin centre, nb = count}`, `h.raw` (a
tensor of the counts), `h.bins`, `h.binwidth`, and `h.max` / `h.min` (the index of the
fullest / emptiest bin), with a metatable whose __tostring draws the histogram.

Counting follows torch.histc: values outside [min, max] are left out, a value equal to
max falls in the last bin, and when min == max the range is the data's range (widened
by 1 on both sides if that is empty too). Imports numpy and th.lua.table only; making
the `raw` tensor is the caller's job.
"""
import numpy as np

from th.lua.table import LuaTable

DEFAULT_BINS = 80 - 8


def counts(values, bins, lo, hi):
    """Bin counts of `values` (any shape) in `bins` equal bins over [lo, hi], as torch.histc."""
    values = np.asarray(values, dtype=np.float64).ravel()
    if lo == hi and values.size:
        lo, hi = float(values.min()), float(values.max())
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    inside = values[(values >= lo) & (values <= hi)]
    index = ((inside - lo) / (hi - lo) * bins).astype(np.int64)
    return np.bincount(np.minimum(index, bins - 1), minlength=bins).astype(np.float64)


def histogram_table(hist, raw, bins, lo, hi):
    """The LuaTable Torch7's gnuplot.histc returned, for bin counts `hist` (numpy)."""
    h = LuaTable()
    width = (hi - lo) / bins
    for i in range(bins):
        h[i + 1] = LuaTable.from_dict({"val": lo + (i + 0.5) * width, "nb": _number(hist[i])})
    h["raw"] = raw
    h["bins"] = bins
    h["binwidth"] = width
    h["max"] = int(np.argmax(hist)) + 1    # first fullest bin, as torch.max(t, 1)
    h["min"] = int(np.argmin(hist)) + 1
    h.metatable = LuaTable.from_dict({"__tostring": histogram_tostring})
    return h


def _number(v):
    v = float(v)
    return int(v) if v.is_integer() else v


def histogram_tostring(h, bar_height=10, *_):
    """Torch7's ASCII drawing of a histogram table (what print(gnuplot.histc(x)) shows)."""
    n = h.length()
    cells = [h[i + 1] for i in range(n)]
    nb = [c["nb"] for c in cells]
    top = nb[h["max"] - 1]
    step = top / (bar_height + 1)
    level = top - step
    lines = ["nsamples:" + "  min:(bin:%d/#%d/cntr:%2.2f)  max:(bin:%d/#%d/cntr:%2.2f)" % (
        h["min"], nb[h["min"] - 1], cells[h["min"] - 1]["val"],
        h["max"], nb[h["max"] - 1], cells[h["max"] - 1]["val"])]
    lines.append("--------:" + "-" * n)
    reached = [False] * n
    for _row in range(bar_height):
        row = "%1.2e:" % level
        for j in range(n):
            row += _cell(reached, j, nb[j], level, top, step)
        lines.append(row)
        top, level = level, level - step
    lines.append("--------:" + "".join("^" if (j - 1) % 6 == 0 else "-" for j in range(n)))
    centres = "".join(("-" if cells[j]["val"] < 0 else "+") + "%1.2f " % abs(cells[j]["val"])
                      for j in range(n) if (j - 1) % 6 == 0)
    lines.append("centers " + centres)
    return "\n".join(lines)


def _cell(reached, j, count, level, top, step):
    """One character of a histogram row: a bar, its top (by thirds of a row), or blank."""
    if reached[j]:
        return "|"
    if count < level:
        return " "
    reached[j] = True
    part = (top - count) / step if step else 0.0
    return "|" if part > 0.66 else ":" if part > 0.33 else "."
