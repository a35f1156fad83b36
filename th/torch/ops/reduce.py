"""Reductions: sum, prod, mean, std, var, max, min, cumsum, cumprod, norm, dist, renorm,
median, mode, kthvalue, sort, topk, trace, cross.

Without a dimension they return a number; with one (1-based) they return a tensor
whose reduced dimension is kept with size 1. max/min/median/mode/kthvalue/sort/topk
return (values, indices) with 1-based LongTensor indices. The torch forms accept
leading result tensors: torch.max([values, indices,] x, dim).
"""
import math

import numpy as np

from th.torch import adaptive, kernels, types, workers
from th.torch.ops import parallel
from th.torch.dispatch import method, function
from th.torch.errors import TorchError, arg_error
from th.torch.args import numel, int_arg, dim_arg
from th.torch.tensor import Tensor, wrap

# max/min along a dim: contiguous tensors at least this big take the branch-free numba
# kernel (numpy's argmax walks a non-innermost dim with a stride, and costs more per
# call on small tensors); big reductions along the innermost dim use numpy's SIMD
# argmax instead. Big tensors with several planes (outer indices) share the planes
# between threads.
NUMBA_MIN = 64
ROWS_MAX = 1024


def _py(t, v):
    return float(v) if t._type.is_float else int(v)


def _acc_dtype(t):
    return np.float64 if t._type.is_float else np.int64


def _float_only(t, fname):
    if not t._type.is_float:
        raise TorchError(f"{t.__typename__} does not implement the torch.{fname}() function")


def _nonempty(t, fname):
    if not t._size:
        raise arg_error(1, fname, "tensor must have one dimension")


def _store(res, values):
    """Copy a numpy result into tensor res (resized to its shape)."""
    res._resize(tuple(values.shape))
    np.copyto(res._np(), values, casting="unsafe")
    return res


def _split_results(args, n_results):
    """([results...], src, rest) for torch.f([r1, [r2,]] src, ...)."""
    tensors = 0
    for a in args:
        if isinstance(a, Tensor):
            tensors += 1
        else:
            break
    if tensors > n_results:
        return list(args[:n_results]), args[n_results], args[n_results + 1:]
    if tensors == n_results + 1 or (tensors > 1 and tensors == n_results):
        k = tensors - 1
        return list(args[:k]) + [None] * (n_results - k), args[k], args[k + 1:]
    return [None] * n_results, args[0], args[1:]


# ---- sum / prod / mean --------------------------------------------------------------

# sum: the vectorised numba loop from SUM_NUMBA elements, summed in blocks of
# SUM_BLOCK (the same bits on any number of threads: kernels/reduce.py); several threads
# from SUM_PARALLEL elements, by th.torch.adaptive's choice: numba's spinning threads
# (1e6 doubles: 178 us against 275 on one thread) or, after a stall, one thread
# (th.torch.workers' threads gained nothing here: waking a helper costs what it saves,
# and under load 429 against 275 us).
SUM_NUMBA = 1 << 17
SUM_BLOCK = 1 << 16
SUM_PARALLEL = 1 << 19


def _sum_all(a, t):
    if a.size >= SUM_NUMBA and a.dtype.kind == "f" and a.flags.c_contiguous:
        if kernels.DEBUG:
            kernels.trace("sum", "numba")
        flat = a.reshape(-1)
        k = kernels.load("reduce")
        if flat.shape[0] < SUM_PARALLEL or workers.threads() < 2:
            return k.sum_all(flat, SUM_BLOCK)
        partials = np.empty(-(-flat.shape[0] // SUM_BLOCK))

        def spin():
            k.block_sums_par(flat, SUM_BLOCK, partials)
            return k.total(partials)
        return adaptive.run(("sum", flat.dtype.char), flat.shape[0], spin,
                            lambda: k.sum_all(flat, SUM_BLOCK))
    return a.sum(dtype=_acc_dtype(t))


def _simple(fname, all_fn, dim_fn, float_only=False):
    def meth(self, *args):
        res = None
        if args and isinstance(args[0], Tensor):      # res:sum(src, dim)
            res, self, args = self, args[0], args[1:]
        if float_only:
            _float_only(self, fname)
        if not args or args[0] is None:
            if res is not None:
                raise arg_error(2, fname, "dimension expected")
            return _py(self, all_fn(self._np(), self)) if self._size else _py(self, all_fn(np.zeros(0), self))
        d = dim_arg(self, args[0], 2, fname)
        out = dim_fn(self._np(), d, self)
        return _store(res if res is not None else self._type.tensor_class(), out)
    meth.__name__ = fname
    return meth


def _torch_simple(meth):
    def f(*args):
        if len(args) >= 2 and isinstance(args[0], Tensor) and isinstance(args[1], Tensor):
            return meth(args[0], *args[1:])
        return meth(*args)
    f.__doc__ = meth.__doc__
    return f


_REDUCERS = {
    "sum": (lambda a, t: _sum_all(a, t),
            lambda a, d, t: a.sum(axis=d, keepdims=True, dtype=_acc_dtype(t)), False,
            "x:sum([dim]): the sum of all elements (a number) or along dim (a tensor).\n\n"
            "    Example: torch.ones(2, 3):sum(2)  -- 2x1 tensor of 3\n    "),
    "prod": (lambda a, t: a.prod(dtype=_acc_dtype(t)),
             lambda a, d, t: a.prod(axis=d, keepdims=True, dtype=_acc_dtype(t)), False,
             "x:prod([dim]): the product of all elements or along dim.\n\n"
             "    Example: torch.Tensor({2, 3}):prod()  -- 6\n    "),
    "mean": (lambda a, t: a.mean(dtype=np.float64) if a.size else np.nan,
             lambda a, d, t: a.mean(axis=d, keepdims=True, dtype=np.float64), True,
             "x:mean([dim]): the mean of all elements or along dim (Float/Double).\n\n"
             "    Example: torch.Tensor({1, 2, 3}):mean()  -- 2\n    "),
}

for _name, (_all, _dim, _fo, _doc) in _REDUCERS.items():
    _m = _simple(_name, _all, _dim, _fo)
    _m.__doc__ = _doc
    method(_name)(_m)
    function(_name)(_torch_simple(_m))


# ---- std / var ----------------------------------------------------------------------------

def _spread(fname, square):
    def meth(self, *args):
        res = None
        if args and isinstance(args[0], Tensor):
            res, self, args = self, args[0], args[1:]
        _float_only(self, fname)
        a = self._np()
        if not args or isinstance(args[0], bool) or args[0] is None:
            biased = bool(args[0]) if args else False
            n = a.size
            v = a.var(dtype=np.float64, ddof=0 if biased else 1) if n > (0 if biased else 1) else 0.0
            return float(v if square else np.sqrt(v))
        d = dim_arg(self, args[0], 2, fname)
        biased = bool(args[1]) if len(args) > 1 else False
        n = a.shape[d]
        ddof = 0 if biased or n == 1 else 1
        v = a.var(axis=d, keepdims=True, dtype=np.float64, ddof=ddof)
        return _store(res if res is not None else self._type.tensor_class(),
                      v if square else np.sqrt(v))
    meth.__name__ = fname
    meth.__doc__ = (f"x:{fname}([dim] [, biased=false]): the {'variance' if square else 'standard deviation'}"
                    f" of all elements or along dim,\n    normalised by n-1 (or n when biased).\n\n"
                    f"    Example: torch.Tensor({{1, 2, 3}}):{fname}()\n    ")
    return meth


for _name, _sq in (("std", False), ("var", True)):
    _m = method(_name)(_spread(_name, _sq))
    function(_name)(_torch_simple(_m))


# ---- max / min (values and indices) ----------------------------------------------------

def _extreme(fname, is_max):
    np_arg = np.argmax if is_max else np.argmin

    def reduce_dim(a, d):
        # Torch7's rules (first extreme wins, the first NaN is the result) are numpy's
        # argmax/argmin rules, and the kernel's.
        shape = a.shape
        inner = math.prod(shape[d + 1:])
        if a.flags.c_contiguous and a.size >= NUMBA_MIN and (inner > 1 or a.size < ROWS_MAX):
            if kernels.DEBUG:
                kernels.trace(fname, "numba")
            outer = math.prod(shape[:d])
            k = kernels.load("reduce")
            v = np.empty((outer, inner), a.dtype)
            ix = np.empty((outer, inner), np.int64)
            planes = a.reshape(outer, shape[d], inner)
            if a.size < parallel.MIN_ELEMENTS:
                k.along(planes, v, ix, is_max)
            else:
                def piece(lo, hi):
                    k.along(planes[lo:hi], v[lo:hi], ix[lo:hi], is_max)
                workers.split(outer, piece, max(1, parallel.GRAIN // (shape[d] * inner)))
            kshape = shape[:d] + (1,) + shape[d + 1:]
            return v.reshape(kshape), ix.reshape(kshape)
        if kernels.DEBUG:
            kernels.trace(fname, "numpy")
        kshape = shape[:d] + (1,) + shape[d + 1:]
        if d == a.ndim - 1 and a.size >= parallel.MIN_ELEMENTS and a.flags.c_contiguous:
            # innermost dim: numpy's SIMD argmax, rows split across threads
            idx = np.empty(shape[:d], np.int64)
            parallel.run_rows(np_arg, idx, a, axis=-1)
            idx = idx.reshape(kshape)
        else:
            idx = np.expand_dims(np_arg(a, axis=d), d)
        return np.ascontiguousarray(np.take_along_axis(a, idx, axis=d)), idx

    def meth(self, *args):
        vres = ires = None
        if args and isinstance(args[0], Tensor):      # values:max(indices, src, dim) forms
            rest = list(args)
            vres = self
            if len(rest) >= 2 and isinstance(rest[1], Tensor):
                ires = rest.pop(0)
            self = rest.pop(0)
            args = tuple(rest)
        _nonempty(self, fname)
        if not args:
            a = self._np()
            return _py(self, a.max() if is_max else a.min())
        d = dim_arg(self, args[0], 2, fname)
        v, ix = reduce_dim(self._np(), d)
        ix += 1
        vres = wrap(self._type, v) if vres is None else _store(vres, v)
        ires = wrap(types.Long, ix) if ires is None else _store(ires, ix)
        return vres, ires
    meth.__name__ = fname
    meth.__doc__ = (f"x:{fname}([dim]): the {'largest' if is_max else 'smallest'} element (a number), "
                    f"or along dim the values and\n    their 1-based LongTensor indices.\n\n"
                    f"    Example: values, indices = torch.Tensor({{{{1, 5}}, {{7, 2}}}}):{fname}(2)\n    ")
    return meth


for _name, _is_max in (("max", True), ("min", False)):
    _m = method(_name)(_extreme(_name, _is_max))
    function(_name)(_m)


# ---- cumsum / cumprod --------------------------------------------------------------------

def _cumulative(fname, np_fn):
    def meth(self, *args):
        res = None
        if args and isinstance(args[0], Tensor):
            res, self, args = self, args[0], args[1:]
        if not self._size:
            return (res or self._type.tensor_class()).set()
        d = dim_arg(self, args[0], 2, fname) if args and args[0] is not None else 0
        out = np_fn(self._np(), axis=d, dtype=_acc_dtype(self))
        return _store(res if res is not None else self._type.tensor_class(), out)
    meth.__name__ = fname
    meth.__doc__ = (f"x:{fname}([dim=1]): the cumulative {'sum' if fname == 'cumsum' else 'product'} "
                    f"along dim.\n\n    Example: torch.Tensor({{1, 2, 3}}):{fname}()\n    ")
    return meth


for _name, _fn in (("cumsum", np.cumsum), ("cumprod", np.cumprod)):
    _m = method(_name)(_cumulative(_name, _fn))
    function(_name)(_torch_simple(_m))


# ---- norm / dist / renorm ----------------------------------------------------------------

def _pnorm(a, p, axis=None, keepdims=False):
    a = np.abs(a.astype(np.float64))
    if p == 0:
        return (a != 0).sum(axis=axis, keepdims=keepdims).astype(np.float64)
    if p == np.inf:
        return a.max(axis=axis, keepdims=keepdims)
    if p == 1:
        return a.sum(axis=axis, keepdims=keepdims)
    if p == 2:
        return np.sqrt((a * a).sum(axis=axis, keepdims=keepdims))
    return np.power(np.power(a, p).sum(axis=axis, keepdims=keepdims), 1.0 / p)


@method("norm")
def norm(self, *args):
    """x:norm([p=2] [, dim]): the p-norm of all elements (a number) or along dim.

    Example: torch.Tensor({3, 4}):norm()  -- 5
    """
    res = None
    if args and isinstance(args[0], Tensor):
        res, self, args = self, args[0], args[1:]
    _float_only(self, "norm")
    p = float(args[0]) if args and args[0] is not None else 2.0
    if len(args) < 2:
        return float(_pnorm(self._np(), p)) if self._size else 0.0
    d = dim_arg(self, args[1], 3, "norm")
    return _store(res if res is not None else self._type.tensor_class(),
                  _pnorm(self._np(), p, axis=d, keepdims=True))


function("norm")(_torch_simple(norm))


@method("dist")
def dist(self, other, p=2):
    """x:dist(y [, p=2]): the p-norm of x - y. Example: torch.dist(torch.zeros(2), torch.ones(2))"""
    _float_only(self, "dist")
    if not isinstance(other, Tensor) or numel(other._size) != numel(self._size):
        raise arg_error(2, "dist", "inconsistent tensor size")
    diff = self._np().reshape(-1).astype(np.float64) - other._np().reshape(-1)
    return float(_pnorm(diff, float(p)))


function("dist")(dist)


@method("renorm")
def renorm(self, *args):
    """x:renorm(p, dim, maxnorm): rescale each slice along dim whose p-norm exceeds
    maxnorm down to maxnorm, in place. torch.renorm([res,] x, p, dim, maxnorm).

    Example: x = torch.ones(2, 3); x:renorm(2, 1, 1)
    """
    src = self
    if args and isinstance(args[0], Tensor):
        src, args = args[0], args[1:]
    _float_only(src, "renorm")
    p, dim, maxnorm = float(args[0]), args[1], float(args[2])
    d = dim_arg(src, dim, 3, "renorm")
    a = np.moveaxis(src._np(), d, 0)
    flat = a.reshape(a.shape[0], -1)
    norms = _pnorm(flat, p, axis=1)
    factor = np.where(norms > maxnorm, maxnorm / (norms + 1e-7), 1.0)
    out = (flat * factor[:, None]).reshape(a.shape)
    if self is not src:
        self._resize(src._size)
    np.copyto(np.moveaxis(self._np(), d, 0), out, casting="unsafe")
    return self


@function("renorm")
def torch_renorm(*args):
    """torch.renorm([res,] x, p, dim, maxnorm): see x:renorm. Example: torch.renorm(x, 2, 1, 1)"""
    if len(args) >= 2 and isinstance(args[1], Tensor):
        return renorm(*args)
    return renorm(args[0]._type.tensor_class(), *args)


# ---- order statistics: sort, topk, kthvalue, median, mode -----------------------------------

def _last_dim(t, v, argn, fname):
    return dim_arg(t, v, argn, fname) if v is not None else len(t._size) - 1


def _pair_results(self, args, n_results=2):
    res, src, rest = _split_results((self,) + tuple(args), n_results)
    return res, src, rest


def _emit(res, t, values, indices):
    vres = _store(res[0] if res[0] is not None else t._type.tensor_class(), values)
    ires = _store(res[1] if res[1] is not None else types.Long.tensor_class(), indices + 1)
    return vres, ires


@method("sort")
def sort(self, *args):
    """x:sort([dim=last] [, descending=false]): sorted values and their 1-based indices.

    Example: values, indices = torch.Tensor({3, 1, 2}):sort()
    """
    res, src, rest = _pair_results(self, args)
    _nonempty(src, "sort")
    d = _last_dim(src, rest[0] if rest and not isinstance(rest[0], bool) else None, 2, "sort")
    desc = bool(rest[-1]) if rest and isinstance(rest[-1], bool) else False
    a = src._np()
    if desc:
        idx = np.flip(np.argsort(np.flip(a, axis=d), axis=d, kind="stable"), axis=d)
        idx = a.shape[d] - 1 - idx
    else:
        idx = np.argsort(a, axis=d, kind="stable")
    return _emit(res, src, np.take_along_axis(a, idx, axis=d), idx)


@method("topk")
def topk(self, *args):
    """x:topk(k [, dim=last] [, largest=false] [, sorted=false]): the k smallest (or
    largest) elements along dim and their indices.

    Example: values, indices = torch.Tensor({5, 1, 4, 2}):topk(2)  -- 1 2
    """
    res, src, rest = _pair_results(self, args)
    _nonempty(src, "topk")
    k = int_arg(rest[0], 2, "topk") if rest else 1
    d = _last_dim(src, rest[1] if len(rest) > 1 else None, 3, "topk")
    largest = bool(rest[2]) if len(rest) > 2 else False
    if not 1 <= k <= src._size[d]:
        raise arg_error(2, "topk", "k not in range for dimension")
    a = src._np()
    if largest:
        idx = np.flip(np.argsort(np.flip(a, axis=d), axis=d, kind="stable"), axis=d)
        idx = a.shape[d] - 1 - idx
    else:
        idx = np.argsort(a, axis=d, kind="stable")
    idx = np.take(idx, np.arange(k), axis=d)
    return _emit(res, src, np.take_along_axis(a, idx, axis=d), idx)


def _kth(src, k, d):
    a = src._np()
    order = np.argsort(a, axis=d, kind="stable")
    idx = np.take(order, [k], axis=d)
    return np.take_along_axis(a, idx, axis=d), idx


@method("kthvalue")
def kthvalue(self, *args):
    """x:kthvalue(k [, dim=last]): the k-th smallest values along dim and their indices.

    Example: values, indices = torch.Tensor({5, 1, 4}):kthvalue(2)  -- 4, 3
    """
    res, src, rest = _pair_results(self, args)
    _nonempty(src, "kthvalue")
    k = int_arg(rest[0], 2, "kthvalue")
    d = _last_dim(src, rest[1] if len(rest) > 1 else None, 3, "kthvalue")
    if not 1 <= k <= src._size[d]:
        raise arg_error(2, "kthvalue", "selected index out of range")
    v, idx = _kth(src, k - 1, d)
    return _emit(res, src, v, idx)


@method("median")
def median(self, *args):
    """x:median([dim=last]): the (lower) median values along dim and their indices.

    Example: values, indices = torch.Tensor({3, 1, 2}):median()  -- 2, 3
    """
    res, src, rest = _pair_results(self, args)
    _nonempty(src, "median")
    d = _last_dim(src, rest[0] if rest else None, 2, "median")
    v, idx = _kth(src, (src._size[d] - 1) // 2, d)
    return _emit(res, src, v, idx)


@method("mode")
def mode(self, *args):
    """x:mode([dim=last]): the most frequent values along dim and their indices.

    Example: values, indices = torch.Tensor({1, 2, 2, 3}):mode()  -- 2
    """
    res, src, rest = _pair_results(self, args)
    _nonempty(src, "mode")
    d = _last_dim(src, rest[0] if rest else None, 2, "mode")
    a = np.moveaxis(src._np(), d, -1)
    flat = a.reshape(-1, a.shape[-1])
    vals = np.empty(flat.shape[0], a.dtype)
    idxs = np.empty(flat.shape[0], np.int64)
    for r, row in enumerate(flat):
        order = np.argsort(row, kind="stable")
        srt = row[order]
        best, best_n, run = 0, 0, 0
        for i in range(len(srt)):
            run += 1
            if i == len(srt) - 1 or srt[i] != srt[i + 1]:
                if run > best_n:
                    best, best_n = i, run
                run = 0
        vals[r], idxs[r] = srt[best], order[best]
    shape = a.shape[:-1] + (1,)
    v = np.moveaxis(vals.reshape(shape), -1, d)
    ix = np.moveaxis(idxs.reshape(shape), -1, d)
    return _emit(res, src, v, ix)


for _name, _fn in (("sort", sort), ("topk", topk), ("kthvalue", kthvalue),
                   ("median", median), ("mode", mode)):
    function(_name)(_fn)


# ---- trace / cross ------------------------------------------------------------------------

@method("trace")
def trace(self):
    """x:trace(): the sum of the diagonal of a matrix. Example: torch.eye(3):trace()  -- 3"""
    if len(self._size) != 2:
        raise arg_error(1, "trace", "expected a matrix")
    return _py(self, np.trace(self._np(), dtype=_acc_dtype(self)))


function("trace")(trace)


@method("cross")
def cross(self, *args):
    """torch.cross([res,] a, b [, dim]): cross products of 3-element vectors along dim
    (default: the first dimension of size 3).

    Example: torch.cross(torch.Tensor({1, 0, 0}), torch.Tensor({0, 1, 0}))  -- 0 0 1
    """
    tensors = [a for a in (self,) + args if isinstance(a, Tensor)]
    rest = [a for a in args if not isinstance(a, Tensor)]
    if len(tensors) == 3:
        res, a, b = tensors
    else:
        res, (a, b) = None, tensors[:2]
    if a._size != b._size:
        raise TorchError("inconsistent tensor sizes")
    if rest and rest[0] is not None:
        d = dim_arg(a, rest[0], 3, "cross")
    else:
        d = next((i for i, s in enumerate(a._size) if s == 3), None)
        if d is None:
            raise arg_error(1, "cross", "no dimension of size 3")
    if a._size[d] != 3:
        raise arg_error(3, "cross", "dimension size must be 3")
    out = np.cross(a._np(), b._np(), axis=d)
    return _store(res if res is not None else a._type.tensor_class(), out)


function("cross")(cross)
