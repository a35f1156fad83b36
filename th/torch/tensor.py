"""Tensors: strided views (storage, offset, sizes, strides) over a typed storage.

A tensor is Torch7's THTensor: `_storage` (a Storage), `_offset` (0-based element
offset), `_size` and `_stride` (tuples of ints, in elements). The numpy view of those
elements is cached in `_a` and rebuilt when the storage's array changes (a storage
resize swaps arrays). Views share the storage; nothing here copies element data unless
the method says so (clone, contiguous of a non-contiguous tensor, type conversion).

This module holds the core contract (construction, shape, views, indexing, copy,
type); the math lives in th.torch.ops and is attached through th.torch.dispatch.
Dimensions and indices are 1-based everywhere, from Lua and from Python.
"""
import numpy as np

from th.torch import types
from th.torch.errors import TorchError, arg_error
from th.torch.args import (numel, is_number, number_arg, int_arg, dim_arg, dim_index,
                           check_tensor, size_list, read_sizes, infer_size, fmt_size)
from th.torch.storage import Storage, long_storage, _alloc, check_alloc

EMPTY = ()


def contiguous_strides(size):
    """Row-major strides (in elements) for `size`."""
    stride = [1] * len(size)
    z = 1
    for d in range(len(size) - 1, -1, -1):
        stride[d] = z
        z *= size[d]
    return tuple(stride)


def make(cls, storage, offset, size, stride):
    """A new tensor object of class `cls` over `storage` (no checks, no copy)."""
    t = cls.__new__(cls)
    t._storage = storage
    t._offset = offset
    t._size = size
    t._stride = stride
    t._abase = None
    return t


def new_of(ttype, size):
    """A fresh contiguous tensor of type `ttype` and shape `size` (zero-filled)."""
    if not size:
        st = ttype.storage_class.__new__(ttype.storage_class)
        st._array = _alloc(ttype, 0)
        return make(ttype.tensor_class, st, 0, EMPTY, EMPTY)
    check_alloc(ttype, numel(size))
    try:
        arr = np.zeros(size, ttype.dtype)
    except (MemoryError, ValueError) as e:
        raise TorchError(f"not enough memory: cannot allocate a tensor of size "
                         f"{'x'.join(map(str, size))} ({ttype.tensor_typename})") from e
    return wrap(ttype, arr)


def wrap(ttype, arr):
    """A tensor over a fresh C-contiguous numpy array of ttype's dtype (no copy).

    The array becomes the storage (flattened view) and the cached view at once: the
    cheapest way to hand a numpy result back as a tensor.
    """
    st = ttype.storage_class.__new__(ttype.storage_class)
    flat = arr.reshape(-1)
    st._array = flat
    t = ttype.tensor_class.__new__(ttype.tensor_class)
    t._storage = st
    t._offset = 0
    t._size = arr.shape
    isz = ttype.itemsize
    t._stride = tuple([s // isz for s in arr.strides])
    t._a = arr
    t._abase = flat
    return t


def from_array(a):
    """A tensor owning a new copy of numpy array `a` (dtype kept when Torch7 has it)."""
    ttype = types.from_dtype(a.dtype)
    if a.size == 0 or a.ndim == 0:
        t = new_of(ttype, tuple(a.shape))
        if a.size:
            t._np()[...] = a
        return t
    return wrap(ttype, np.array(a, dtype=ttype.dtype, order="C"))


class Tensor:
    """torch.Tensor(...): an n-dimensional strided array (default type Double).

    Forms: torch.Tensor(), (sz1 [, sz2 ...]), (LongStorage sizes [, strides]),
    (table), (tensor) (a view), (storage [, offset, sizes [, strides]]).
    Example: x = torch.Tensor(2, 3):zero(); y = torch.Tensor({{1, 2}, {3, 4}})
    """

    __slots__ = ("_storage", "_offset", "_size", "_stride", "_a", "_abase", "__weakref__")
    _type = None
    __typename__ = "torch.Tensor"

    def __init__(self, *args):
        construct(self, args)

    # ---- numpy view ---------------------------------------------------------------

    def _np(self):
        """The numpy view of this tensor's elements (shape `_size`; empty: shape (0,))."""
        arr = self._storage._array
        if self._abase is arr:
            return self._a
        return self._rebuild_view(arr)

    def _rebuild_view(self, arr):
        size = self._size
        if not size:
            a = arr[0:0]
        else:
            isz = arr.itemsize
            try:
                a = np.ndarray(size, arr.dtype, arr, self._offset * isz,
                               tuple(s * isz for s in self._stride))
            except (TypeError, ValueError):
                raise TorchError("tensor goes beyond its storage (size/stride/offset "
                                 "inconsistent with the storage size)") from None
        self._a = a
        self._abase = arr
        return a

    def numpy(self):
        """A numpy array viewing this tensor's elements, sharing memory (Python only).

        Example (Python): a = torch.ones(2, 2).numpy()
        """
        return self._np()

    def _flat_values(self):
        return self._np().reshape(-1)

    # ---- size and structure -----------------------------------------------------

    def size(self, dim=None):
        """t:size([dim]): all sizes as a LongStorage, or the size of one dimension.

        Example: torch.zeros(2, 3):size(2)  -- 3
        """
        if dim is None:
            return long_storage(self._size)
        d = dim_index(self, dim, "size")
        return self._size[d]

    def __lua_len__(self):
        return long_storage(self._size)

    def __len__(self):
        return self._size[0] if self._size else 0

    def stride(self, dim=None):
        """t:stride([dim]): strides (in elements) as a LongStorage, or one of them.

        Example: torch.zeros(2, 3):stride(1)  -- 3
        """
        if dim is None:
            return long_storage(self._stride)
        d = dim_index(self, dim, "stride")
        return self._stride[d]

    def dim(self):
        """t:dim(): the number of dimensions (0 for an empty tensor). Example: torch.zeros(2, 3):dim()"""
        return len(self._size)

    def nDimension(self):
        """t:nDimension(): the number of dimensions. Example: torch.zeros(2, 3):nDimension()  -- 2"""
        return len(self._size)

    def nElement(self):
        """t:nElement(): the number of elements. Example: torch.zeros(2, 3):nElement()  -- 6"""
        return numel(self._size)

    def numel(self):
        """t:numel(): the number of elements (as nElement). Example: torch.zeros(4):numel()"""
        return numel(self._size)

    def elementSize(self):
        """t:elementSize(): bytes per element. Example: torch.FloatTensor(1):elementSize()  -- 4"""
        return self._type.itemsize

    def storage(self):
        """t:storage(): the Storage holding the elements (shared, not a copy).

        Example: x = torch.zeros(2, 2); x:storage()[1] = 5  -- x[1][1] is now 5
        """
        return self._storage

    def storageOffset(self):
        """t:storageOffset(): 1-based index of the first element in the storage.

        Example: torch.zeros(4):narrow(1, 2, 2):storageOffset()  -- 2
        """
        return self._offset + 1

    def isContiguous(self):
        """t:isContiguous(): true when elements are laid out row-major without gaps.

        Example: torch.zeros(2, 3):t():isContiguous()  -- false
        """
        z = 1
        size, stride = self._size, self._stride
        for d in range(len(size) - 1, -1, -1):
            if size[d] != 1:
                if stride[d] != z:
                    return False
                z *= size[d]
        return True

    def isSameSizeAs(self, other):
        """t:isSameSizeAs(u): true when both have the same sizes. Example: x:isSameSizeAs(y)"""
        return self._size == check_tensor(other, 2, "isSameSizeAs")._size

    def isSize(self, sizes):
        """t:isSize(LongStorage): true when t has exactly these sizes.

        Example: torch.zeros(2, 3):isSize(torch.LongStorage({2, 3}))  -- true
        """
        return self._size == tuple(int(s) for s in size_list(sizes))

    def isSetTo(self, other):
        """t:isSetTo(u): true when t and u view the same elements of the same storage.

        Example: x = torch.zeros(3); y = torch.Tensor():set(x); y:isSetTo(x)  -- true
        """
        other = check_tensor(other, 2, "isSetTo")
        return (self._storage is other._storage and self._offset == other._offset
                and self._size == other._size and self._stride == other._stride
                and bool(self._size))

    # ---- resizing and re-pointing -----------------------------------------------

    def _resize(self, size):
        # Torch7 THTensor_resizeNd: same sizes keep the strides; otherwise contiguous
        # strides, and the storage only ever grows.
        if size == self._size:
            return self
        stride = contiguous_strides(size)
        need = self._offset + numel(size)
        st = self._storage
        if need > st._array.shape[0]:
            st.resize(need)
        self._size = size
        self._stride = stride
        self._abase = None
        return self

    def resize(self, *sizes):
        """t:resize(sz1 [, sz2 ...] | LongStorage): change the shape in place; returns t.

        Contents are kept in storage order; new elements are 0 here (Torch7 leaves them
        uninitialised). Example: x = torch.Tensor(); x:resize(2, 3)
        """
        return self._resize(read_sizes(sizes, "resize"))

    def resizeAs(self, other):
        """t:resizeAs(u): resize t to u's sizes; returns t. Example: x:resizeAs(y)"""
        return self._resize(check_tensor(other, 2, "resizeAs")._size)

    def set(self, src=None, offset=None, *sizes):
        """t:set([tensor | storage [, offset, sizes [, strides]]]): re-point t; returns t.

        With a tensor, t views exactly the same elements. With a storage, an offset
        (1-based) and sizes/strides (LongStorages or sz1, st1, ...), t views that part
        of the storage. Example: x = torch.Tensor():set(torch.DoubleStorage(6), 1, 2, 3)
        """
        if src is None:
            self._storage = self._type.storage_class()
            self._offset, self._size, self._stride = 0, EMPTY, EMPTY
        elif isinstance(src, Tensor):
            if src._type is not self._type:
                raise arg_error(2, "set", f"expecting number or {self.__typename__} "
                                f"or {self._type.storage_typename}")
            self._storage, self._offset = src._storage, src._offset
            self._size, self._stride = src._size, src._stride
        elif isinstance(src, Storage):
            set_storage(self, src, offset, sizes)
        else:
            raise arg_error(2, "set", f"expecting number or {self.__typename__} or "
                            f"{self._type.storage_typename}")
        self._abase = None
        return self

    # ---- copies -------------------------------------------------------------------

    def fill(self, value):
        """t:fill(v): set every element to v; returns t. Example: torch.Tensor(2, 2):fill(7)"""
        if self._size:
            self._np().fill(self._type.convert(number_arg(value, 2, "fill")))
        return self

    def zero(self):
        """t:zero(): set every element to 0; returns t. Example: torch.Tensor(3):zero()"""
        if self._size:
            self._np().fill(0)
        return self

    def copy(self, src):
        """t:copy(src): copy src's elements (any tensor type, same count) into t; returns t.

        Shapes may differ: elements are matched in row-major order.
        Example: x = torch.zeros(2, 2); x:copy(torch.IntTensor({1, 2, 3, 4}))
        """
        if not isinstance(src, Tensor):
            raise arg_error(2, "copy", "torch.*Tensor expected")
        n = numel(self._size)
        if numel(src._size) != n:
            raise TorchError(f"inconsistent tensor size, expected r_ [{fmt_size(self)}] "
                             f"and src [{fmt_size(src)}] to have the same number of "
                             f"elements, but got {n} and {numel(src._size)} elements "
                             "respectively")
        if n:
            from th.torch.ops.copy import copy_into
            copy_into(self, src)
        return self

    def clone(self):
        """t:clone(): a contiguous copy with its own storage. Example: y = x:clone()"""
        if not self._size:
            return new_of(self._type, EMPTY)
        return wrap(self._type, np.array(self._np(), order="C"))

    def contiguous(self):
        """t:contiguous(): t itself when contiguous, else a contiguous copy.

        Example: y = x:t():contiguous()
        """
        return self if self.isContiguous() else self.clone()

    # ---- views ---------------------------------------------------------------------

    def narrow(self, dim, index, size):
        """t:narrow(dim, index, size): view of `size` slices of dim starting at index.

        Example: torch.range(1, 5):narrow(1, 2, 3)  -- 2 3 4
        """
        d = dim_arg(self, dim, 2, "narrow")
        i = int_arg(index, 3, "narrow") - 1
        n = int_arg(size, 4, "narrow")
        sz = self._size
        if i < 0 or i >= sz[d]:
            raise arg_error(3, "narrow", "out of range")
        if n <= 0 or i > sz[d] - n:
            raise arg_error(4, "narrow", "out of range")
        newsize = sz[:d] + (n,) + sz[d + 1:]
        return make(type(self), self._storage, self._offset + i * self._stride[d],
                    newsize, self._stride)

    def select(self, dim, index):
        """t:select(dim, index): the slice at index along dim (a number on a 1-D tensor).

        Example: torch.Tensor({{1, 2}, {3, 4}}):select(2, 1)  -- 1 3
        """
        d = dim_arg(self, dim, 2, "select")
        i = int_arg(index, 3, "select") - 1
        sz = self._size
        if i < 0 or i >= sz[d]:
            raise arg_error(3, "select", "out of range")
        if len(sz) == 1:
            return self._storage._array[self._offset + i * self._stride[0]].item()
        st = self._stride
        return make(type(self), self._storage, self._offset + i * st[d],
                    sz[:d] + sz[d + 1:], st[:d] + st[d + 1:])

    def sub(self, *bounds):
        """t:sub(d1s, d1e [, d2s, d2e ...]): view of inclusive index ranges per dimension.

        Negative indices count from the end. Example: torch.range(1, 10):sub(3, -3)
        """
        if len(bounds) < 2 or len(bounds) % 2:
            raise arg_error(len(bounds) + 2, "sub", "number expected")
        t = self
        for k in range(0, len(bounds), 2):
            d = k // 2
            if d >= len(self._size):
                raise arg_error(k + 2, "sub", "invalid dimension")
            s = int_arg(bounds[k], k + 2, "sub") - 1
            e = int_arg(bounds[k + 1], k + 3, "sub") - 1
            n = self._size[d]
            if s < 0:
                s += n + 1
            if e < 0:
                e += n + 1
            if not 0 <= s < n:
                raise arg_error(k + 2, "sub", "out of range")
            if not 0 <= e < n:
                raise arg_error(k + 3, "sub", "out of range")
            if e < s:
                raise arg_error(k + 3, "sub", "end smaller than beginning")
            t = t.narrow(d + 1, s + 1, e - s + 1)
        return t

    def transpose(self, dim1, dim2):
        """t:transpose(d1, d2): view with dimensions d1 and d2 swapped.

        Example: torch.zeros(2, 3):transpose(1, 2):size()  -- 3 2
        """
        a = dim_arg(self, dim1, 2, "transpose")
        b = dim_arg(self, dim2, 3, "transpose")
        size, stride = list(self._size), list(self._stride)
        size[a], size[b] = size[b], size[a]
        stride[a], stride[b] = stride[b], stride[a]
        return make(type(self), self._storage, self._offset, tuple(size), tuple(stride))

    def t(self):
        """t:t(): the transpose of a 2-D tensor (a view). Example: torch.zeros(2, 3):t()"""
        if len(self._size) != 2:
            raise arg_error(1, "t", "Tensor must have 2 dimensions")
        return make(type(self), self._storage, self._offset,
                    self._size[::-1], self._stride[::-1])

    def permute(self, *dims):
        """t:permute(d1, d2, ...): view with dimensions reordered.

        Example: torch.zeros(2, 3, 4):permute(3, 1, 2):size()  -- 4 2 3
        """
        dims = size_list(dims[0]) if len(dims) == 1 and not is_number(dims[0]) else dims
        n = len(self._size)
        perm = [int(d) - 1 for d in dims]
        if sorted(perm) != list(range(n)):
            raise TorchError("Tensor:permute: invalid permutation (expected each of "
                             f"1..{n} exactly once)")
        return make(type(self), self._storage, self._offset,
                    tuple(self._size[p] for p in perm), tuple(self._stride[p] for p in perm))

    def unfold(self, dim, size, step):
        """t:unfold(dim, size, step): view of all slices of `size` along dim, every `step`.

        A new last dimension of length `size` is added.
        Example: torch.range(1, 5):unfold(1, 2, 1)  -- 4x2
        """
        d = dim_arg(self, dim, 2, "unfold")
        size, step = int_arg(size, 3, "unfold"), int_arg(step, 4, "unfold")
        if size > self._size[d]:
            raise arg_error(3, "unfold", "out of range")
        if step <= 0:
            raise arg_error(4, "unfold", "invalid step")
        sz, st = list(self._size), list(self._stride)
        sz[d] = (sz[d] - size) // step + 1
        st[d] = st[d] * step
        return make(type(self), self._storage, self._offset,
                    tuple(sz) + (size,), tuple(st) + (self._stride[d],))

    def view(self, *sizes):
        """t:view(sz1 [, sz2 ...] | LongStorage): view of a contiguous t with new sizes.

        One size may be -1 (inferred). Example: torch.range(1, 6):view(2, 3)
        """
        if sizes and isinstance(sizes[0], Tensor):
            # res:view(src, sizes...): re-point res at a view of src.
            v = sizes[0].view(*sizes[1:])
            return self.set(v) if v._type is self._type else v
        size = infer_size(read_sizes(sizes, "view", allow_neg=True), numel(self._size), self)
        if not self.isContiguous():
            raise TorchError("expecting a contiguous tensor")
        if numel(size) != numel(self._size):
            raise TorchError("Wrong size for view. Input size: "
                             f"{fmt_size(self, 'x')}. Output size: {'x'.join(map(str, size))}")
        return make(type(self), self._storage, self._offset, size, contiguous_strides(size))

    def viewAs(self, other):
        """t:viewAs(u): t viewed with u's sizes. Example: torch.range(1, 4):viewAs(torch.zeros(2, 2))"""
        return self.view(long_storage(check_tensor(other, 2, "viewAs")._size))

    def reshape(self, *sizes):
        """t:reshape(sz1 [, sz2 ...]): a contiguous copy of t with new sizes.

        Example: torch.range(1, 6):reshape(3, 2)
        """
        size = infer_size(read_sizes(sizes, "reshape", allow_neg=True), numel(self._size), self)
        if numel(size) != numel(self._size):
            raise TorchError("Wrong size for view. Input size: "
                             f"{fmt_size(self, 'x')}. Output size: {'x'.join(map(str, size))}")
        out = new_of(self._type, size)
        if size:
            out._np()[...] = self._np().reshape(size)
        return out

    def expand(self, *sizes):
        """t:expand(sz1, sz2, ...): view repeating size-1 dimensions (stride 0), no copy.

        Example: torch.Tensor({{1}, {2}}):expand(2, 3)
        """
        if sizes and isinstance(sizes[0], Tensor) and len(sizes) >= 1:
            # res:expand(src, sizes...) form
            v = sizes[0].expand(*sizes[1:])
            return self.set(v)
        size = read_sizes(sizes, "expand")
        old = self._size
        if len(size) < len(old):
            raise TorchError("the number of sizes provided must be greater or equal to the "
                             "number of dimensions in the tensor")
        lead = len(size) - len(old)
        new_stride = [0] * lead
        for d, n in enumerate(old):
            want = size[lead + d]
            if n == want:
                new_stride.append(self._stride[d])
            elif n == 1:
                new_stride.append(0)
            else:
                raise TorchError(f"incorrect size: only supporting singleton expansion "
                                 f"(size=1), got {n} at dimension {d + 1}")
        return make(type(self), self._storage, self._offset, size, tuple(new_stride))

    def expandAs(self, other):
        """t:expandAs(u): t expanded to u's sizes. Example: torch.Tensor({1, 2}):view(2, 1):expandAs(torch.zeros(2, 3))"""
        return self.expand(long_storage(check_tensor(other, 2, "expandAs")._size))

    def squeeze(self, dim=None):
        """t:squeeze([dim]): view without size-1 dimensions (a number if one element left).

        Example: torch.zeros(2, 1, 3):squeeze():size()  -- 2 3
        """
        src = self
        if dim is not None and isinstance(dim, Tensor):   # res:squeeze(src [, dim])
            src, dim = dim, None
        size, stride = src._size, src._stride
        if dim is None:
            keep = [d for d in range(len(size)) if size[d] != 1]
            if not keep and size:
                keep = [0]
        else:
            d = dim_arg(src, dim, 2, "squeeze")
            keep = [k for k in range(len(size)) if k != d or size[d] != 1 or len(size) == 1]
        out = make(type(self), src._storage, src._offset, tuple(size[k] for k in keep),
                   tuple(stride[k] for k in keep))
        if out._size == (1,) and (dim is None or len(size) > 1):
            return out._storage._array[out._offset].item()
        return out

    # ---- type conversion -------------------------------------------------------------

    def type(self, name=None):
        """t:type([typename]): the typename, or t converted to another type (t if same).

        Example: torch.zeros(2):type('torch.FloatTensor')
        """
        if name is None:
            return self.__typename__
        ttype = types.BY_TYPENAME.get(name)
        if ttype is None or not name.endswith("Tensor"):
            raise TorchError(f"invalid tensor type '{name}'")
        if ttype is self._type:
            return self
        return convert(self, ttype)

    def typeAs(self, other):
        """t:typeAs(u): t converted to u's type. Example: x:typeAs(torch.LongTensor())"""
        return self.type(check_tensor(other, 2, "typeAs").__typename__)

    def double(self):
        """t:double(): t as a DoubleTensor (t itself if already one). Example: x:double()"""
        return self if self._type is types.Double else convert(self, types.Double)

    def float(self):
        """t:float(): t as a FloatTensor. Example: x:float()"""
        return self if self._type is types.Float else convert(self, types.Float)

    def long(self):
        """t:long(): t as a LongTensor (values truncated). Example: torch.Tensor({1.7}):long()"""
        return self if self._type is types.Long else convert(self, types.Long)

    def int(self):
        """t:int(): t as an IntTensor. Example: x:int()"""
        return self if self._type is types.Int else convert(self, types.Int)

    def short(self):
        """t:short(): t as a ShortTensor. Example: x:short()"""
        return self if self._type is types.Short else convert(self, types.Short)

    def char(self):
        """t:char(): t as a CharTensor. Example: x:char()"""
        return self if self._type is types.Char else convert(self, types.Char)

    def byte(self):
        """t:byte(): t as a ByteTensor. Example: x:byte()"""
        return self if self._type is types.Byte else convert(self, types.Byte)

    def half(self):
        """t:half(): t as a HalfTensor (16-bit floats: storage and copies only).

        Example: h = torch.Tensor({1.5, 2}):half()
        """
        return self if self._type is types.Half else convert(self, types.Half)

    @classmethod
    def new(cls, *args):
        """T.new(...): a new tensor of the same type (same forms as the constructor).

        Example: y = x.new(2, 3)
        """
        return cls(*args)

    # ---- conversions to Lua/Python values -------------------------------------------

    def totable(self):
        """t:totable(): the elements as nested Lua tables. Example: torch.eye(2):totable()"""
        from th.lua.table import LuaTable

        def build(v):
            if isinstance(v, list):
                return LuaTable.from_list([build(x) for x in v])
            return v
        if not self._size:
            return LuaTable()
        return build(self._np().tolist())

    def tolist(self):
        """The elements as nested Python lists (Python-only helper).

        Example (Python): torch.eye(2).tolist()  # [[1.0, 0.0], [0.0, 1.0]]
        """
        return self._np().tolist() if self._size else []

    # ---- indexing (1-based; see th.torch.ops.indexing) ------------------------------

    def __getitem__(self, key):
        if type(key) is int:
            # fast path: x[i] (an element of a vector, or a slice of the first dimension)
            size = self._size
            if size:
                n = size[0]
                i = key - 1 if key > 0 else key + n
                if 0 <= i < n:
                    if len(size) == 1:
                        return self._storage._array[self._offset + i * self._stride[0]].item()
                    t = type(self).__new__(type(self))
                    t._storage = self._storage
                    t._offset = self._offset + i * self._stride[0]
                    t._size = size[1:]
                    t._stride = self._stride[1:]
                    t._abase = None
                    return t
        return _get_item(self, key)

    def __setitem__(self, key, value):
        _set_item(self, key, value)

    def __iter__(self):
        for i in range(1, len(self) + 1):
            yield self[i]

    # ---- printing -------------------------------------------------------------------

    def __str__(self):
        from th.torch.printing import tensor_str
        return tensor_str(self)

    __repr__ = __str__


def convert(t, ttype):
    out = new_of(ttype, t._size)
    if t._size:
        from th.torch.ops.copy import copy_into
        copy_into(out, t)
    return out


# ---- the concrete classes -------------------------------------------------------------

def _make_tensor_class(ttype):
    cls = type(f"{ttype.name}Tensor", (Tensor,), {
        "__slots__": (),
        "_type": ttype,
        "__typename__": ttype.tensor_typename,
        "__doc__": Tensor.__doc__.replace("torch.Tensor", ttype.tensor_typename, 1),
        "__module__": __name__,
    })
    ttype.tensor_class = cls
    return cls


DoubleTensor = _make_tensor_class(types.Double)
FloatTensor = _make_tensor_class(types.Float)
LongTensor = _make_tensor_class(types.Long)
IntTensor = _make_tensor_class(types.Int)
ShortTensor = _make_tensor_class(types.Short)
CharTensor = _make_tensor_class(types.Char)
ByteTensor = _make_tensor_class(types.Byte)
HalfTensor = _make_tensor_class(types.Half)


from th.torch.construct import construct, set_storage  # noqa: E402  (it needs Tensor)
from th.torch.ops.indexing import get_item as _get_item, set_item as _set_item  # noqa: E402
