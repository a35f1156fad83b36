"""Histograms: torch.histc (all elements) and torch.bhistc (one histogram per row).

Torch7's rules (THTensor_histc): `nbins` equal bins over [min, max]; when min == max
(the default 0, 0) the range is the tensor's own min and max, widened by 1 on each side
if those are equal too. Elements outside the range (and NaN) are not counted; an
element equal to max falls in the last bin. The bin of v is (int)((v - min) / (max -
min) * nbins), computed in the tensor's element type as TH's C does. Float and Double
tensors only; the counts come back in a tensor of the input's type.
"""
import numpy as np

from th.torch.dispatch import function
from th.torch.errors import TorchError, arg_error, invalid_arguments
from th.torch.args import is_number
from th.torch.tensor import Tensor


def _arguments(args, fname):
    """(result or None, x, nbins, min, max) from torch.f([res,] x [, nbins, min, max])."""
    args = list(args)
    res = args.pop(0) if len(args) >= 2 and isinstance(args[1], Tensor) else None
    if not args or not isinstance(args[0], Tensor) or \
            not all(is_number(v) for v in args[1:]) or len(args) > 4:
        raise invalid_arguments(([res] if res is not None else []) + args,
                                "[*Tensor*] Tensor [long] [real] [real]")
    x = args[0]
    if not x._type.is_float:
        raise TorchError(f"{x.__typename__} does not implement the torch.{fname}() function")
    if res is not None and type(res) is not type(x):
        raise invalid_arguments((res, *args), f"[*{x.__typename__[6:]}*] "
                                f"{x.__typename__[6:]} [long] [real] [real]")
    nbins = int(args[1]) if len(args) > 1 else 100
    if nbins <= 0:
        raise TorchError("bins must be > 0")
    lo = args[2] if len(args) > 2 else 0
    hi = args[3] if len(args) > 3 else 0
    return res, x, nbins, lo, hi


def _range(a, lo, hi):
    """Torch7's [min, max] in a's element type."""
    real = a.dtype.type
    lo, hi = real(lo), real(hi)
    if lo == hi and a.size:
        lo, hi = real(a.min()), real(a.max())
    if lo == hi:
        lo, hi = real(lo - 1), real(hi + 1)
    return lo, hi


def _counts(values, nbins, lo, hi):
    """Counts per bin of the 1-D array values (Torch7's bin rule)."""
    inside = values[(values >= lo) & (values <= hi)]
    real = values.dtype.type
    bins = ((inside - lo) / (hi - lo) * real(nbins)).astype(np.int64)
    np.minimum(bins, nbins - 1, out=bins)
    return np.bincount(bins, minlength=nbins)


def _result(res, x, shape):
    out = res if res is not None else x._type.tensor_class()
    return out._resize(shape)


@function("histc")
def histc(*args):
    """torch.histc([res,] x [, nbins=100 [, min, max]]): a histogram of x's elements.

    nbins equal bins over [min, max]; without a range (or min == max) the range is x's
    own min and max. Elements outside it are not counted.
    Example: torch.histc(torch.Tensor({1, 2, 1, 4}), 4)  -- 2 1 0 1
    """
    res, x, nbins, lo, hi = _arguments(args, "histc")
    a = x._np().reshape(-1)
    lo, hi = _range(a, lo, hi)
    out = _result(res, x, (nbins,))
    out._np()[...] = _counts(a, nbins, lo, hi)
    return out


@function("bhistc")
def bhistc(*args):
    """torch.bhistc([res,] x [, nbins=100 [, min, max]]): one histogram per row of a
    2-D x (a size(1) x nbins result), all rows over the same range (as torch.histc's,
    taken over the whole of x when not given).

    Example: torch.bhistc(torch.Tensor({{1, 2}, {2, 2}}), 2)  -- {{1, 1}, {0, 2}}
    """
    res, x, nbins, lo, hi = _arguments(args, "bhistc")
    if len(x._size) > 2:
        raise arg_error(2, "bhistc", f"invalid dimension {len(x._size)}, the input must be "
                        "a 2d tensor")
    if len(x._size) < 2:
        raise arg_error(2, "bhistc", "invalid dimension 2")
    a = x._np()
    lo, hi = _range(a, lo, hi)
    out = _result(res, x, (a.shape[0], nbins))
    o = out._np()
    for r in range(a.shape[0]):
        o[r] = _counts(a[r], nbins, lo, hi)
    return out
