"""Construction functions: zeros, ones, eye, range, linspace, logspace, cat, diag,
tril, triu, repeatTensor, reshape, split, chunk.

`torch.f([res,] ...)` returns res (resized) or a new tensor of the default type;
`x:f(...)` (for zeros, ones, eye, range, linspace, logspace) fills x itself.
"""
import math

import numpy as np

from th.torch.dispatch import method, function
from th.torch.errors import TorchError, arg_error
from th.torch.args import read_sizes, is_number, int_arg, check_tensor
from th.torch.tensor import Tensor, new_of


def _default_type():
    from th.torch import default_type
    return default_type()


def _res(args):
    """(result tensor or None, remaining args) for a leading optional result tensor."""
    if args and isinstance(args[0], Tensor):
        return args[0], args[1:]
    return None, args


def _target(res, size):
    if res is None:
        return new_of(_default_type(), size)
    return res._resize(size)


@function("zeros")
def zeros(*args):
    """torch.zeros([res,] sz1 [, sz2 ...]): a tensor filled with 0.

    Example: x = torch.zeros(2, 3)
    """
    res, args = _res(args)
    return _target(res, read_sizes(args, "zeros")).zero()


@function("ones")
def ones(*args):
    """torch.ones([res,] sz1 [, sz2 ...]): a tensor filled with 1.

    Example: x = torch.ones(2, 3)
    """
    res, args = _res(args)
    return _target(res, read_sizes(args, "ones")).fill(1)


method("zeros")(zeros)
method("ones")(ones)


@function("eye")
def eye(*args):
    """torch.eye([res,] n [, m]): the n x m identity matrix (m defaults to n).

    Example: print(torch.eye(3))
    """
    res, args = _res(args)
    if not args:
        raise arg_error(1, "eye", "number expected")
    n = int_arg(args[0], 1, "eye")
    m = int_arg(args[1], 2, "eye") if len(args) > 1 and args[1] else n
    if n <= 0:
        raise arg_error(1, "eye", "invalid argument")
    t = _target(res, (n, m)).zero()
    np.fill_diagonal(t._np(), 1)
    return t


method("eye")(eye)


@function("range")
def range_(*args):
    """torch.range([res,] x, y [, step=1]): x, x+step, ... up to y inclusive.

    Example: torch.range(1, 5)  -- 1 2 3 4 5; torch.range(2, 5, 1.2)  -- 2 3.2 4.4
    """
    res, args = _res(args)
    if len(args) < 2 or not is_number(args[0]) or not is_number(args[1]):
        raise arg_error(1, "range", "number expected")
    xmin, xmax = float(args[0]), float(args[1])
    step = float(args[2]) if len(args) > 2 else 1.0
    if step == 0:
        raise arg_error(3, "range", "step must be a non-null number")
    if (step > 0 and xmax < xmin) or (step < 0 and xmax > xmin):
        raise arg_error(2, "range", "upper bound and larger bound incoherent with step sign")
    n = int((xmax - xmin) / step + 1)
    t = _target(res, (n,))
    np.copyto(t._np(), xmin + np.arange(n) * step, casting="unsafe")
    return t


method("range")(range_)


@function("linspace")
def linspace(*args):
    """torch.linspace([res,] a, b [, n=100]): n points evenly spaced from a to b.

    Example: torch.linspace(0, 1, 5)  -- 0 0.25 0.5 0.75 1
    """
    res, args = _res(args)
    a, b = float(args[0]), float(args[1])
    n = int_arg(args[2], 3, "linspace") if len(args) > 2 else 100
    if not (n > 1 or (n == 1 and a == b)):
        raise arg_error(3, "linspace", "invalid number of points")
    t = _target(res, (n,))
    vals = np.array([a]) if n == 1 else a + np.arange(n) * ((b - a) / (n - 1))
    np.copyto(t._np(), vals, casting="unsafe")
    return t


@function("logspace")
def logspace(*args):
    """torch.logspace([res,] a, b [, n=100]): n points from 10^a to 10^b, log-spaced.

    Example: torch.logspace(0, 3, 4)  -- 1 10 100 1000
    """
    res, args = _res(args)
    a, b = float(args[0]), float(args[1])
    n = int_arg(args[2], 3, "logspace") if len(args) > 2 else 100
    if not (n > 1 or (n == 1 and a == b)):
        raise arg_error(3, "logspace", "invalid number of points")
    t = _target(res, (n,))
    exps = np.array([a]) if n == 1 else a + np.arange(n) * ((b - a) / (n - 1))
    np.copyto(t._np(), np.power(10.0, exps), casting="unsafe")
    return t


method("linspace")(linspace)
method("logspace")(logspace)


# ---- cat --------------------------------------------------------------------------------

@function("cat")
def cat(*args):
    """torch.cat([res,] t1, t2 [, dim]) / torch.cat([res,] {t1, t2, ...} [, dim]):
    concatenate along dim (default: the last dimension). Empty tensors are skipped.

    Example: torch.cat(torch.ones(2), torch.zeros(2))  -- 1 1 0 0
    """
    args = list(args)
    res = None
    if len(args) >= 2 and isinstance(args[0], Tensor) and not isinstance(args[1], Tensor) \
            and not is_number(args[1]):
        res = args.pop(0)                       # cat(res, {tensors} [, dim])
    elif len(args) >= 3 and all(isinstance(a, Tensor) for a in args[:3]):
        res = args.pop(0)                       # cat(res, t1, t2 [, dim])
    if args and not isinstance(args[0], Tensor):
        seq = args[0].to_list() if hasattr(args[0], "to_list") else list(args[0])
        dim = args[1] if len(args) > 1 else None
    else:
        seq = [a for a in args if isinstance(a, Tensor)]
        dim = args[len(seq)] if len(args) > len(seq) else None
    if not seq:
        raise arg_error(1, "cat", "invalid number of inputs 0")
    for i, t in enumerate(seq):
        check_tensor(t, i + 1, "cat")
    ttype = seq[0]._type
    if res is None:
        res = ttype.tensor_class()
    return _cat_into(res, seq, None if dim is None else int_arg(dim, 3, "cat") - 1)


method("cat")(cat)


def _cat_into(res, seq, d):
    max_dim = max([len(t._size) for t in seq] + [0 if d is None else d + 1])
    if d is None:
        d = max_dim - 1 if max_dim else 0
    if d < 0:
        raise arg_error(4, "cat", f"invalid dimension {d + 1}")

    def dims(t):
        n = len(t._size)
        return [t._size[i] if i < n else min(n, 1) for i in range(max_dim)]

    size = None
    for t in seq:
        s = dims(t)
        if not any(s):
            continue
        if size is None:
            size = s
            continue
        for i in range(max_dim):
            if i == d:
                size[i] += s[i]
            elif size[i] != s[i]:
                raise TorchError("inconsistent tensor sizes")
    if size is None:
        return res.set()
    res._resize(tuple(size))
    out = np.moveaxis(res._np(), d, 0)
    offset = 0
    for t in seq:
        s = dims(t)
        if not any(s):
            continue
        block = np.moveaxis(t._np().reshape(s), d, 0)
        out[offset:offset + s[d]] = block
        offset += s[d]
    return res


# ---- diag / tril / triu --------------------------------------------------------------

def _src_form(args, fname):
    res, args = _res(args)
    if args and isinstance(args[0], Tensor):
        return res, args[0], args[1:]
    if res is not None:
        return None, res, args
    raise arg_error(1, fname, "torch.*Tensor expected")


@function("diag")
def diag(*args):
    """torch.diag([res,] x [, k=0]): the k-th diagonal of a matrix as a vector, or a
    square matrix with vector x on its k-th diagonal.

    Example: torch.diag(torch.Tensor({1, 2}))  -- 2x2 with 1, 2 on the diagonal
    """
    res, src, rest = _src_form(args, "diag")
    k = int_arg(rest[0], 2, "diag") if rest else 0
    a = src._np()
    if len(src._size) == 1:
        out = np.diag(a, k)
    elif len(src._size) == 2:
        out = np.diagonal(a, k).copy()
    else:
        raise arg_error(1, "diag", "matrix or a vector expected")
    res = res if res is not None else src._type.tensor_class()
    if out.size == 0:
        return res.set()
    res._resize(tuple(out.shape))
    res._np()[...] = out
    return res


def _tri(fname, np_fn):
    def f(*args):
        res, src, rest = _src_form(args, fname)
        if len(src._size) != 2:
            raise arg_error(1, fname, "expected a matrix")
        k = int_arg(rest[0], 2, fname) if rest else 0
        out = np_fn(src._np(), k)
        res = res if res is not None else src._type.tensor_class()
        res._resize(src._size)
        res._np()[...] = out
        return res
    f.__name__ = fname
    return f


tril = function("tril")(_tri("tril", np.tril))
tril.__doc__ = """torch.tril([res,] x [, k=0]): the lower triangle of matrix x (below diagonal k).

    Example: torch.tril(torch.ones(3, 3))
    """
triu = function("triu")(_tri("triu", np.triu))
triu.__doc__ = """torch.triu([res,] x [, k=0]): the upper triangle of matrix x (above diagonal k).

    Example: torch.triu(torch.ones(3, 3))
    """
for _n, _f in (("diag", diag), ("tril", tril), ("triu", triu)):
    method(_n)(_f)


# ---- repeatTensor / reshape / split / chunk ------------------------------------------

@method("repeatTensor")
def repeatTensor(self, *args):
    """x:repeatTensor(n1, n2, ...): a new tensor repeating x n_i times along dim i.

    Example: torch.Tensor({1, 2}):repeatTensor(2, 2)  -- 2x4
    """
    res, src = None, self
    if args and isinstance(args[0], Tensor):
        res, src, args = self, args[0], args[1:]
    reps = read_sizes(args, "repeatTensor")
    if len(reps) < len(src._size):
        raise TorchError("Number of dimensions of repeat dims can not be smaller than "
                         "number of dimensions of tensor")
    a = src._np().reshape((1,) * (len(reps) - len(src._size)) + src._size)
    out = np.tile(a, reps)
    res = res if res is not None else src._type.tensor_class()
    res._resize(tuple(out.shape))
    res._np()[...] = out
    return res


@function("repeatTensor")
def torch_repeat_tensor(*args):
    """torch.repeatTensor([res,] x, n1, n2, ...): see x:repeatTensor. Example: torch.repeatTensor(x, 2)"""
    return repeatTensor(*args)


@function("reshape")
def torch_reshape(*args):
    """torch.reshape([res,] x, sz1 [, sz2 ...]): a contiguous copy of x with new sizes.

    Example: torch.reshape(torch.range(1, 6), 2, 3)
    """
    if len(args) >= 2 and isinstance(args[1], Tensor):
        res, src, sizes = args[0], args[1], args[2:]
        return res.set(src.reshape(*sizes)) if res._type is src._type else src.reshape(*sizes)
    return args[0].reshape(*args[1:])


@method("split")
def split(self, *args):
    """x:split(size [, dim=1]): a table of views of at most `size` slices along dim.

    Example: parts = torch.range(1, 5):split(2)  -- {1 2}, {3 4}, {5}
    """
    from th.lua.table import LuaTable
    result = None
    src = self
    if args and isinstance(args[0], Tensor):
        src, args = args[0], args[1:]
    if isinstance(self, LuaTable):
        result = self
    size = int_arg(args[0], 2, "split")
    d = int_arg(args[1], 3, "split") if len(args) > 1 and args[1] is not None else 1
    parts = []
    start = 1
    n = src.size(d)
    while start <= n:
        k = min(size, n - start + 1)
        parts.append(src.narrow(d, start, k))
        start += k
    if result is None:
        return LuaTable.from_list(parts)
    for i, p in enumerate(parts):
        result[i + 1] = p
    return result


@method("chunk")
def chunk(self, n, dim=None):
    """x:chunk(n [, dim=1]): a table of n (or fewer) views of nearly equal size along dim.

    Example: parts = torch.range(1, 6):chunk(3)
    """
    d = 1 if dim is None else int_arg(dim, 3, "chunk")
    size = math.ceil(self.size(d) / int_arg(n, 2, "chunk"))
    return split(self, size, d)


function("split")(split)
function("chunk")(chunk)
