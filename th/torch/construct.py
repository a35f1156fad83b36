"""Tensor construction: Torch7's constructor forms, and re-pointing a tensor with set().

`construct(t, args)` fills a new tensor object from torch.Tensor(...) arguments: nothing,
sizes (numbers or a LongStorage, with optional strides), a nested Lua table (or Python
list), another tensor (a view), a storage with offset/sizes/strides, or a numpy array.
"""
import numpy as np

from th.torch.args import is_number, int_arg, read_sizes, numel
from th.torch.errors import TorchError, arg_error
from th.torch.storage import Storage, _alloc
from th.torch.tensor import Tensor, EMPTY, contiguous_strides, from_array, convert, new_of


def construct(t, args):
    ttype = t._type
    if ttype is None:
        raise TorchError("torch.Tensor is abstract: use torch.DoubleTensor etc.")
    t._abase = None
    if not args:
        t._storage = ttype.storage_class()
        t._offset, t._size, t._stride = 0, EMPTY, EMPTY
        return
    a = args[0]
    if isinstance(a, Tensor):
        if a._type is not ttype:
            raise arg_error(1, ttype.tensor_typename[6:],
                            f"expecting number or {ttype.tensor_typename} or "
                            f"{ttype.storage_typename}")
        t._storage, t._offset, t._size, t._stride = a._storage, a._offset, a._size, a._stride
        return
    if isinstance(a, Storage) and a._type is ttype:
        t._storage, t._offset, t._size, t._stride = a, 0, (a.size(),), (1,)
        if a.size() == 0:
            t._size = t._stride = EMPTY
        if len(args) > 1:
            set_storage(t, a, args[1], args[2:])
        return
    if is_number(a) or isinstance(a, Storage):
        size = read_sizes(args, ttype.tensor_typename[6:])
        if size and not isinstance(args[-1], Storage):
            w = new_of(ttype, size)
            t._storage, t._offset, t._size, t._stride = w._storage, 0, w._size, w._stride
            t._a, t._abase = w._a, w._abase
            return
        stride = None
        if len(args) == 2 and isinstance(args[1], Storage):
            stride = tuple(int(s) for s in args[1]._array)
        st = ttype.storage_class.__new__(ttype.storage_class)
        if stride is None or not size:
            st._array = _alloc(ttype, numel(size))
            t._storage, t._offset, t._size, t._stride = st, 0, size, contiguous_strides(size)
        else:
            stride = _fill_strides(size, stride)
            st._array = _alloc(ttype, _extent(size, stride))
            t._storage, t._offset, t._size, t._stride = st, 0, size, stride
        return
    if isinstance(a, np.ndarray):
        src = from_array(a)
        out = src if src._type is ttype else convert(src, ttype)
        t._storage, t._offset, t._size, t._stride = out._storage, 0, out._size, out._stride
        return
    if hasattr(a, "to_list") or isinstance(a, (list, tuple)):
        data, size = _read_table(a, ttype)
        st = ttype.storage_class.__new__(ttype.storage_class)
        st._array = data
        t._storage, t._offset, t._size, t._stride = st, 0, size, contiguous_strides(size)
        return
    raise arg_error(1, ttype.tensor_typename[6:], f"expecting number or "
                    f"{ttype.tensor_typename} or {ttype.storage_typename}")


def _read_table(tbl, ttype):
    # Nested Lua tables (or Python lists): shape from the first elements, then checked.
    size = []
    probe = tbl
    while _is_seq(probe):
        items = _items(probe)
        if not items:
            break
        size.append(len(items))
        probe = items[0]
    if not size:
        return _alloc(ttype, 0), EMPTY
    flat = []
    _flatten(tbl, size, 0, flat)
    conv = ttype.convert
    try:
        data = np.array([conv(v) for v in flat], dtype=ttype.dtype)
    except (TypeError, ValueError):
        raise TorchError("invalid element (not a number)") from None
    return data, tuple(size)


def _flatten(tbl, size, depth, out):
    if not _is_seq(tbl):
        raise TorchError("invalid tensor definition")
    items = _items(tbl)
    if len(items) != size[depth]:
        raise TorchError("invalid tensor sizes")
    if depth == len(size) - 1:
        for v in items:
            if not is_number(v):
                raise TorchError("invalid element (not a number)")
        out.extend(items)
    else:
        for v in items:
            _flatten(v, size, depth + 1, out)


def _is_seq(v):
    return hasattr(v, "to_list") or isinstance(v, (list, tuple))


def _items(v):
    return v.to_list() if hasattr(v, "to_list") else list(v)


def set_storage(t, storage, offset, sizes):
    if storage._type is not t._type:
        raise arg_error(2, "set", f"expecting number or {t.__typename__} or "
                        f"{t._type.storage_typename}")
    off = 0 if offset is None else int_arg(offset, 3, "set") - 1
    if not sizes:
        size, stride = (storage.size() - off,), (1,)
        if size[0] <= 0:
            size = stride = EMPTY
    elif isinstance(sizes[0], Storage):
        size = tuple(int(s) for s in sizes[0]._array)
        stride = tuple(int(s) for s in sizes[1]._array) if len(sizes) > 1 and sizes[1] is not None else None
        size, stride = _cut_sizes(size, stride)
    else:
        size = tuple(int_arg(s, 4 + i, "set") for i, s in enumerate(sizes[0::2]))
        stride = tuple(int_arg(s, 5 + i, "set") for i, s in enumerate(sizes[1::2]))
        stride = stride + (-1,) * (len(size) - len(stride))
        size, stride = _cut_sizes(size, stride)
    if off < 0:
        raise arg_error(3, "set", "out of range")
    t._storage, t._offset, t._size = storage, off, size
    t._stride = _fill_strides(size, stride)
    t._abase = None
    if size and off + _extent(size, t._stride) > storage.size():
        storage.resize(off + _extent(size, t._stride))


def _cut_sizes(size, stride):
    # Torch7: the size list ends at the first size <= 0.
    for i, s in enumerate(size):
        if s <= 0:
            return size[:i], (stride[:i] if stride else None)
    return size, stride


def _fill_strides(size, stride):
    # A stride < 0 (or none given) means "contiguous from here on".
    if stride is None:
        return contiguous_strides(size)
    out = [0] * len(size)
    z = 1
    for d in range(len(size) - 1, -1, -1):
        out[d] = stride[d] if stride[d] >= 0 else z
        z = out[d] * size[d] if stride[d] < 0 else z * size[d]
    return tuple(out)


def _extent(size, stride):
    # Number of storage elements spanned: last index + 1.
    if not size:
        return 0
    return 1 + sum((s - 1) * st for s, st in zip(size, stride))


