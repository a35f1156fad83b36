"""2-D and 3-D convolutions of tensors: conv2, xcorr2, conv3, xcorr3.

torch.conv2([res,] x, k [, 'V'|'F']): 'V' (default) keeps only positions where the
kernel fits; 'F' pads to the full output. conv flips the kernel, xcorr does not.
Shapes, for conv2 (conv3 adds a depth dimension everywhere):
    x: H x W,     k: kH x kW           -> one map
    x: C x H x W, k: C x kH x kW       -> C maps (each plane with its own kernel)
    x: C x H x W, k: O x C x kH x kW   -> O maps (summed over C)
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from th.torch.dispatch import function, method
from th.torch.errors import TorchError, arg_error
from th.torch.tensor import Tensor


def _parse(args, fname):
    tensors = [a for a in args if isinstance(a, Tensor)]
    opts = [a for a in args if isinstance(a, str)]
    mode = opts[0] if opts else "V"
    if mode not in ("V", "F"):
        raise arg_error(len(args), fname, "V or F expected")
    if len(tensors) == 3:
        return tensors[0], tensors[1], tensors[2], mode
    if len(tensors) == 2:
        return None, tensors[0], tensors[1], mode
    raise TorchError(f"invalid arguments to {fname}: expected [res,] x, k [, 'V'|'F']")


def _correlate(x, k, nd, flip, full):
    """Valid/full correlation of the last nd dims of x with the last nd dims of k."""
    if flip:
        k = np.flip(k, axis=tuple(range(-nd, 0)))
    if full:
        pad = [(0, 0)] * (x.ndim - nd) + [(s - 1, s - 1) for s in k.shape[-nd:]]
        x = np.pad(x, pad)
    if any(xs < ks for xs, ks in zip(x.shape[-nd:], k.shape[-nd:])):
        raise TorchError("conv: kernel larger than input (use 'F' for a full convolution)")
    win = sliding_window_view(x, k.shape[-nd:], axis=tuple(range(-nd, 0)))
    return win, k


def _conv(fname, nd, flip):
    def f(*args):
        res, x, k, mode = _parse(args, fname)
        a, w = x._np().astype(np.float64), k._np().astype(np.float64)
        full = mode == "F"
        letters = "abc"[:nd]
        if a.ndim == nd and w.ndim == nd:
            win, w = _correlate(a, w, nd, flip, full)
            out = np.einsum(f"...{letters},{letters}->...", win, w)
        elif a.ndim == nd + 1 and w.ndim == nd + 1:
            win, w = _correlate(a, w, nd, flip, full)
            out = np.einsum(f"c...{letters},c{letters}->c...", win, w)
        elif a.ndim == nd + 1 and w.ndim == nd + 2:
            win, w = _correlate(a, w, nd, flip, full)
            out = np.einsum(f"c...{letters},oc{letters}->o...", win, w)
        else:
            raise TorchError(f"{fname}: input and kernel dimensions do not match "
                             f"({a.ndim}D input, {w.ndim}D kernel)")
        res = res if res is not None else x._type.tensor_class()
        res._resize(tuple(out.shape))
        np.copyto(res._np(), out, casting="unsafe")
        return res
    f.__name__ = fname
    f.__doc__ = (f"torch.{fname}([res,] x, k [, 'V'|'F']): {nd}-D "
                 f"{'convolution' if flip else 'cross-correlation'} of x with kernel k.\n\n"
                 f"    Example: torch.{fname}(torch.ones({', '.join(['4'] * nd)}), "
                 f"torch.ones({', '.join(['2'] * nd)}))\n    ")
    return f


for _name, _nd, _flip in (("conv2", 2, True), ("xcorr2", 2, False),
                          ("conv3", 3, True), ("xcorr3", 3, False)):
    _f = function(_name)(_conv(_name, _nd, _flip))
    method(_name)(_f)
