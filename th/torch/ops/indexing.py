"""Indexing: `t[i]`, `t[{...}]`, `t[LongStorage]`, `t[mask]` and their assignments,
plus index/indexCopy/indexAdd/indexFill, gather/scatter, masked*, nonzero.

Semantics follow Torch7's Tensor.c `__index__`/`__newindex__`: inside a table key a
number selects (the dimension disappears), `{}` keeps a whole dimension, `{k}` narrows
to one index, `{s, e}` to an inclusive range; negative indices count from the end.
All indices are 1-based; index tensors are LongTensors of 1-based indices.
"""
import numpy as np

from th.torch import types
from th.torch.dispatch import method, function
from th.torch.errors import TorchError, arg_error
from th.torch.storage import Storage
from th.torch.args import numel, is_number, int_arg, dim_arg, check_tensor
from th.torch.tensor import Tensor, make, new_of


# ---- t[key] ----------------------------------------------------------------------

def get_item(t, key):
    """The value of `t[key]` (a number, or a view / new tensor)."""
    if is_number(key):
        return _get_number(t, key)
    if isinstance(key, Storage):
        return _element(t, key)
    if isinstance(key, Tensor):
        if key._type is not types.Byte:
            raise TorchError("index must be a number, a table, a LongStorage or a ByteTensor")
        return masked_select(t.new(), t, key)
    if hasattr(key, "to_list") or isinstance(key, (list, tuple)):
        view, value = _walk_table(t, key, 2)
        return value if view is None else view
    raise TorchError(f"invalid index type for {t.__typename__}")


def set_item(t, key, value):
    """Perform `t[key] = value` (value: a number or a tensor of any type)."""
    if is_number(key):
        _set_number(t, key, value)
    elif isinstance(key, Storage):
        _set_element(t, key, value)
    elif isinstance(key, Tensor):
        if key._type is not types.Byte:
            raise TorchError("index must be a number, a table, a LongStorage or a ByteTensor")
        if is_number(value):
            masked_fill(t, key, value)
        elif isinstance(value, Tensor):
            masked_copy(t, key, value)
        else:
            raise TorchError(f"number or {t.__typename__} expected")
    elif hasattr(key, "to_list") or isinstance(key, (list, tuple)):
        view, _ = _walk_table(t, key, 2, assign=value)
        if view is not None:
            _assign(view, value)
    else:
        raise TorchError(f"invalid index type for {t.__typename__}")


def _get_number(t, key):
    if not t._size:
        raise arg_error(1, "?", "empty tensor")
    i = int_arg(key, 2, "?") - 1
    n = t._size[0]
    if i < 0:
        i += n + 1
    if not 0 <= i < n:
        raise arg_error(2, "?", "out of range")
    if len(t._size) == 1:
        return t._storage._array[t._offset + i * t._stride[0]].item()
    return make(type(t), t._storage, t._offset + i * t._stride[0], t._size[1:], t._stride[1:])


def _set_number(t, key, value):
    if not t._size:
        raise arg_error(1, "?", "empty tensor")
    i = int_arg(key, 2, "?") - 1
    n = t._size[0]
    if i < 0:
        i += n + 1
    if is_number(value) and len(t._size) == 1:
        if not 0 <= i < n:
            raise arg_error(2, "?", "out of range")
        t._storage._array[t._offset + i * t._stride[0]] = t._type.convert(value)
        return
    _assign(t.narrow(1, i + 1, 1), value)


def _assign(view, value):
    if is_number(value):
        view.fill(value)
    elif isinstance(value, Tensor):
        view.copy(value)
    else:
        raise arg_error(3, "?", "torch.*Tensor expected")


def _element_offset(t, idx):
    vals = idx._array
    if vals.shape[0] != len(t._size):
        raise arg_error(2, "?", "invalid size")
    off = t._offset
    for d, z in enumerate(vals.tolist()):
        z -= 1
        if z < 0:
            z += t._size[d] + 1
        if not 0 <= z < t._size[d]:
            raise arg_error(2, "?", "index out of bound")
        off += z * t._stride[d]
    return off


def _element(t, idx):
    return t._storage._array[_element_offset(t, idx)].item()


def _set_element(t, idx, value):
    t._storage._array[_element_offset(t, idx)] = t._type.convert(value)


def _walk_table(t, key, argn, assign=None):
    """Apply a table key to t. Returns (view, None), or (None, number) for an element."""
    items = key.to_list() if hasattr(key, "to_list") else list(key)
    ndims = len(t._size)
    if len(items) > ndims:
        raise arg_error(argn, "?", "too many indices provided")
    storage, off = t._storage, t._offset
    size, stride = list(t._size), list(t._stride)
    cdim = 0
    for k in items:
        if is_number(k):
            z = int_arg(k, argn, "?") - 1
            if z < 0:
                z += size[cdim] + 1
            if not 0 <= z < size[cdim]:
                raise arg_error(argn, "?", "index out of bound")
            if len(size) == 1:
                if assign is not None:
                    if not is_number(assign):
                        raise arg_error(3, "?", "number expected")
                    storage._array[off + z * stride[0]] = t._type.convert(assign)
                    return None, None
                return None, storage._array[off + z * stride[0]].item()
            off += z * stride[cdim]
            del size[cdim], stride[cdim]
        elif hasattr(k, "to_list") or isinstance(k, (list, tuple)):
            rng = k.to_list() if hasattr(k, "to_list") else list(k)
            n = size[cdim]
            start, end = 0, n - 1
            if rng and is_number(rng[0]):
                start = end = int_arg(rng[0], argn, "?") - 1
            if start < 0:
                start += n + 1
            if not 0 <= start < n:
                raise arg_error(argn, "?", "start index out of bound")
            if len(rng) > 1 and is_number(rng[1]):
                end = int_arg(rng[1], argn, "?") - 1
            if end < 0:
                end += n + 1
            if not 0 <= end < n:
                raise arg_error(argn, "?", "end index out of bound")
            if end < start:
                raise arg_error(argn, "?", "end index must be greater or equal to start index")
            off += start * stride[cdim]
            size[cdim] = end - start + 1
            cdim += 1
        else:
            break
    return make(type(t), storage, off, tuple(size), tuple(stride)), None


# ---- index / indexCopy / indexAdd / indexFill ------------------------------------------

def _index_array(idx, argn, fname):
    if not isinstance(idx, Tensor) or idx._type is not types.Long:
        raise arg_error(argn, fname, "torch.LongTensor expected")
    if len(idx._size) > 1:
        raise arg_error(argn, fname, "Index is supposed to be a vector")
    return idx._np().astype(np.int64) - 1


def _check_range(ix, n, argn, fname):
    if ix.size and (ix.min() < 0 or ix.max() >= n):
        raise arg_error(argn, fname, "out of range")


@method("index")
def index(self, a, b, c=None):
    """t:index(dim, LongTensor) / torch.index([res,] src, dim, index): a copy of the
    slices of `dim` listed in the index (1-based).

    Example: torch.Tensor({{1, 2}, {3, 4}, {5, 6}}):index(1, torch.LongTensor({3, 1}))
    """
    if c is None:
        res, src, dim, idx = self.new(), self, a, b
    else:
        res, src, dim, idx = self, a, b, c
    d = dim_arg(src, dim, 2, "index")
    ix = _index_array(idx, 3, "index")
    _check_range(ix, src._size[d], 3, "index")
    picked = np.take(src._np(), ix, axis=d)
    if len(src._size) == 1 and ix.size == 0:
        return res.set()
    res._resize(tuple(picked.shape))
    if picked.size:
        res._np()[...] = picked
    return res


@function("index")
def torch_index(*args):
    """torch.index([res,] src, dim, index): see t:index. Example: torch.index(x, 1, torch.LongTensor({1}))"""
    if len(args) == 4:
        return index(*args)
    return index(args[0], *args[1:])


@method("indexCopy")
def indexCopy(self, dim, idx, src):
    """t:indexCopy(dim, index, src): copy src's slices into t at the listed indices.

    Example: x = torch.zeros(3, 2); x:indexCopy(1, torch.LongTensor({3, 1}), torch.ones(2, 2))
    """
    d = dim_arg(self, dim, 2, "indexCopy")
    ix = _index_array(idx, 3, "indexCopy")
    _check_range(ix, self._size[d], 3, "indexCopy")
    src = check_tensor(src, 4, "indexCopy")
    a = np.moveaxis(self._np(), d, 0)
    s = src._np().reshape((len(ix),) + a.shape[1:]) if len(self._size) > 1 else \
        src._np().reshape(len(ix))
    a[ix] = s
    return self


@method("indexAdd")
def indexAdd(self, dim, idx, src):
    """t:indexAdd(dim, index, src): add src's slices into t at the listed indices.

    Example: x = torch.zeros(3); x:indexAdd(1, torch.LongTensor({1, 1}), torch.ones(2))  -- x[1] == 2
    """
    d = dim_arg(self, dim, 2, "indexAdd")
    ix = _index_array(idx, 3, "indexAdd")
    _check_range(ix, self._size[d], 3, "indexAdd")
    src = check_tensor(src, 4, "indexAdd")
    a = np.moveaxis(self._np(), d, 0)
    np.add.at(a, ix, src._np().reshape((len(ix),) + a.shape[1:]))
    return self


@method("indexFill")
def indexFill(self, dim, idx, value):
    """t:indexFill(dim, index, v): fill the listed slices of dim with v.

    Example: x = torch.zeros(2, 3); x:indexFill(2, torch.LongTensor({1, 3}), -1)
    """
    d = dim_arg(self, dim, 2, "indexFill")
    ix = _index_array(idx, 3, "indexFill")
    _check_range(ix, self._size[d], 3, "indexFill")
    a = np.moveaxis(self._np(), d, 0)
    a[ix] = self._type.convert(value)
    return self


# ---- gather / scatter -----------------------------------------------------------------

@method("gather")
def gather(self, a, b, c=None):
    """t:gather(dim, index) / torch.gather([res,] src, dim, index): pick elements along
    dim: res[i][j] = src[index[i][j]][j] for dim 1.

    Example: torch.Tensor({{1, 2}, {3, 4}}):gather(2, torch.LongTensor({{2}, {1}}))  -- 2 3
    """
    if c is None:
        res, src, dim, idx = self.new(), self, a, b
    else:
        res, src, dim, idx = self, a, b, c
    d = dim_arg(src, dim, 2, "gather")
    if not isinstance(idx, Tensor) or idx._type is not types.Long:
        raise arg_error(3, "gather", "torch.LongTensor expected")
    if len(idx._size) != len(src._size):
        raise arg_error(3, "gather", "Index tensor must have same dimensions as input tensor")
    ix = idx._np() - 1
    _check_range(ix, src._size[d], 3, "gather")
    out = np.take_along_axis(src._np(), ix, axis=d)
    res._resize(idx._size)
    res._np()[...] = out
    return res


@function("gather")
def torch_gather(*args):
    """torch.gather([res,] src, dim, index): see t:gather. Example: torch.gather(x, 1, idx)"""
    if len(args) == 4:
        return gather(*args)
    return gather(args[0], *args[1:])


@method("scatter")
def scatter(self, dim, idx, src):
    """t:scatter(dim, index, src | v): write src's elements (or v) into t at the indices
    along dim: t[index[i][j]][j] = src[i][j] for dim 1.

    Example: x = torch.zeros(2, 2); x:scatter(1, torch.LongTensor({{2, 1}}), 5)
    """
    d = dim_arg(self, dim, 2, "scatter")
    if not isinstance(idx, Tensor) or idx._type is not types.Long:
        raise arg_error(3, "scatter", "torch.LongTensor expected")
    if len(idx._size) != len(self._size):
        raise arg_error(3, "scatter", "Index tensor must have same dimensions as output tensor")
    ix = idx._np() - 1
    _check_range(ix, self._size[d], 3, "scatter")
    if is_number(src):
        vals = np.full(ix.shape, self._type.convert(src), dtype=self._type.dtype)
    else:
        s = check_tensor(src, 4, "scatter")._np()
        vals = s[tuple(slice(0, n) for n in ix.shape)]
    np.put_along_axis(self._np(), ix, vals, axis=d)
    return self


# ---- masks ----------------------------------------------------------------------------

def _mask_array(mask, t, argn, fname):
    if not isinstance(mask, Tensor) or mask._type is not types.Byte:
        raise arg_error(argn, fname, "torch.ByteTensor expected")
    if numel(mask._size) != numel(t._size):
        raise TorchError(f"inconsistent tensor size, expected tensor [{_fmt(t)}] and mask "
                         f"[{_fmt(mask)}] to have the same number of elements, but got "
                         f"{numel(t._size)} and {numel(mask._size)} elements respectively")
    return mask._np().reshape(t._np().shape) != 0


def _fmt(t):
    return " x ".join(map(str, t._size))


@method("maskedSelect")
def masked_select(self, a, b=None):
    """t:maskedSelect(mask) / torch.maskedSelect([res,] src, mask): a 1-D tensor of the
    elements where the ByteTensor mask is 1 (row-major order).

    Example: x = torch.range(1, 4); x:maskedSelect(x:gt(2))  -- 3 4
    """
    if b is None:
        res, src, mask = self.new(), self, a
    else:
        res, src, mask = self, a, b
    m = _mask_array(mask, src, 2, "maskedSelect")
    vals = src._np()[m] if src._size else src._np()
    if vals.size == 0:
        return res.set()
    res._resize((vals.size,))
    res._np()[...] = vals
    return res


@function("maskedSelect")
def torch_masked_select(*args):
    """torch.maskedSelect([res,] src, mask): see t:maskedSelect. Example: torch.maskedSelect(x, x:gt(0))"""
    if len(args) == 3:
        return masked_select(*args)
    return masked_select(args[0], *args[1:])


@method("maskedFill")
def masked_fill(self, mask, value):
    """t:maskedFill(mask, v): set the elements where mask is 1 to v; returns t.

    Example: x = torch.range(1, 4); x:maskedFill(x:gt(2), 0)
    """
    m = _mask_array(mask, self, 2, "maskedFill")
    if self._size:
        self._np()[m] = self._type.convert(value)
    return self


@method("maskedCopy")
def masked_copy(self, mask, src):
    """t:maskedCopy(mask, src): copy src's first elements, in order, into the elements
    of t where mask is 1; returns t.

    Example: x = torch.zeros(4); x:maskedCopy(torch.ByteTensor({0, 1, 0, 1}), torch.Tensor({7, 8}))
    """
    m = _mask_array(mask, self, 2, "maskedCopy")
    src = check_tensor(src, 3, "maskedCopy")
    k = int(m.sum())
    vals = src._np().reshape(-1)
    if vals.size < k:
        raise TorchError("Number of elements of src < number of ones in mask")
    if self._size:
        self._np()[m] = vals[:k]
    return self


@method("nonzero")
def nonzero(self, src=None):
    """t:nonzero() / torch.nonzero([res,] t): a LongTensor N x dim of the 1-based
    indices of the non-zero elements.

    Example: torch.Tensor({0, 3, 0, 4}):nonzero()  -- 2 and 4 as a 2x1 LongTensor
    """
    if src is None:
        res, src = types.Long.tensor_class(), self
    else:
        res = self
    if not src._size:
        return res.set()
    idx = np.argwhere(src._np() != 0) + 1
    if idx.shape[0] == 0:
        return res.set()
    out = new_of(types.Long, tuple(idx.shape))
    out._np()[...] = idx
    if res._type is not types.Long:
        raise arg_error(1, "nonzero", "torch.LongTensor expected")
    return res.set(out)


@function("nonzero")
def torch_nonzero(*args):
    """torch.nonzero([res,] t): see t:nonzero. Example: torch.nonzero(torch.eye(2))"""
    if len(args) == 2:
        return nonzero(args[0], args[1])
    return nonzero(args[0])
