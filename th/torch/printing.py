"""Torch7's print format for tensors and storages, character for character.

One number format is chosen for all the elements printed (Torch7's
`Storage__printformat`): whole numbers print as integers, a wide range of magnitudes
switches to `%.4e`, large or small values get a common `scale *` line, NaN anywhere
means bare `%f`. Matrices wrap into `Columns a to b` blocks at 80 characters; N-D
tensors print 2-D slices headed `(i,j,.,.) = `, the first index varying fastest.
Input: a tensor or storage; output: the string `tostring` returns (ending in "\n").
"""
import math

import numpy as np


def number_format(values):
    """(format, scale, width) for a 1-D float64 array, as Torch7 picks them.

    `scale` is None when no scale line is printed; width is None when columns are
    unbounded (NaN present, as Torch7's width becomes NaN then).
    """
    if values.size == 0:
        return "", None, 0
    if np.isnan(values).any():
        return "%f", None, None
    int_mode = bool(np.all(values == np.ceil(values)))
    a = np.abs(values)
    exp_min = _exponent(float(a.min()))
    exp_max = _exponent(float(a.max()))
    scale = None
    if int_mode:
        if exp_max > 9:
            return "%11.4e", None, 11
        sz = int(exp_max) + 1
        return f"%{sz}d", None, sz
    if exp_max - exp_min > 4:
        sz = 11
        if abs(exp_max) > 99 or abs(exp_min) > 99:
            sz = 12
        return f"%{sz}.4e", None, sz
    if exp_max > 5 or exp_max < 0:
        scale = 10.0 ** (exp_max - 1)
        if scale == 1:
            scale = None
        return "%7.4f", scale, 7
    sz = 7 if exp_max == 0 else int(exp_max) + 6
    return f"%{sz}.4f", None, sz


def _exponent(v):
    # floor(log10(v)) + 1, with Torch7's convention that 0 counts as exponent 1.
    if v == 0:
        return 1
    if v == math.inf:
        return math.inf
    return math.floor(math.log10(v)) + 1


def _cells(fmt, values):
    if fmt.endswith("d"):
        return [fmt % int(v) for v in values]
    return [fmt % v for v in values]


def storage_str(storage):
    """tostring of a storage: one element per line, then `[torch.XStorage of size n]`."""
    values = storage._array.astype(np.float64)
    return _column_str(values) + f"[{storage.__typename__} of size {values.size}]\n"


def _column_str(values):
    fmt, scale, _ = number_format(values)
    if values.size == 0:
        return ""
    if scale is not None:
        return f"{scale:g} *\n" + "".join(c + "\n" for c in _cells(fmt, (values / scale).tolist()))
    return "".join(c + "\n" for c in _cells(fmt, values.tolist()))


def tensor_str(t):
    """tostring of a tensor, as Torch7's Tensor.__tostring__ prints it."""
    size = t._size
    if not size:
        return f"[{t.__typename__} with no dimension]\n"
    a = t._np().astype(np.float64)
    footer = f"[{t.__typename__} of size {'x'.join(map(str, size))}]\n"
    if len(size) == 1:
        return _column_str(a) + footer
    fmt = number_format(a.reshape(-1))
    if len(size) == 2:
        return _matrix_str(a, fmt, "") + footer
    return _slices_str(a, fmt) + footer


def _matrix_str(m, fmt_info, indent):
    fmt, scale, sz = fmt_info
    nrows, ncols = m.shape
    per_line = ncols if sz is None else (80 - len(indent)) // (sz + 1)
    if scale is not None:
        m = m / scale
    out = [indent]
    first = 0
    while first < ncols:
        last = min(first + per_line, ncols)
        if per_line < ncols:
            if first != 0:
                out.append("\n")
            # Torch7: only the first Columns header of a slice carries the indent.
            out.append(f"Columns {first + 1} to {last}\n{indent}")
        if scale is not None:
            out.append(f"{scale:g} *\n {indent}")
        row_lead = indent + " " if scale is not None else indent
        for r in range(nrows):
            out.append(" ".join(_cells(fmt, m[r, first:last].tolist())))
            out.append("\n")
            if r != nrows - 1:
                out.append(row_lead)
        first = last
    return "".join(out)


def _slices_str(a, fmt_info):
    lead = a.shape[:-2]
    parts = []
    # Every index of the leading dimensions, the first varying fastest.
    for idx in np.ndindex(*lead[::-1]):
        idx = idx[::-1]
        if parts:
            parts.append("\n")
        parts.append("(" + "".join(f"{i + 1}," for i in idx) + ".,.) = \n")
        parts.append(_matrix_str(a[idx], fmt_info, " "))
    return "".join(parts)
