"""Storages: Torch7's typed 1-D arrays, each a thin owner of one numpy array.

A storage holds `_array`, a contiguous 1-D numpy array of its type. Tensors point at a
storage (not at the array), so `resize` can swap in a larger array and every tensor on
that storage sees it, as in Torch7. Indices are 1-based from Lua and Python alike.
Imports only numpy and th.torch's types/errors; printing is imported lazily.
"""
import os

import numpy as np

from th.torch import types
from th.torch.errors import TorchError, arg_error


class Storage:
    """torch.<Type>Storage([n | table | storage, offset, size]): a typed 1-D array.

    Indexing is 1-based; `#s` is its size.
    Example: s = torch.DoubleStorage({1, 2, 3}); print(s[2])  -- 2
    """

    __slots__ = ("_array", "__weakref__")
    _type = None
    __typename__ = "torch.Storage"

    def __init__(self, *args):
        self._array = _storage_array(self._type, args)

    # ---- Torch7 API ---------------------------------------------------------------

    def size(self):
        """s:size(): the number of elements. Example: torch.LongStorage(3):size()  -- 3"""
        return self._array.shape[0]

    def __len__(self):
        return self._array.shape[0]

    def __lua_len__(self):
        return self._array.shape[0]

    def elementSize(self):
        """s:elementSize(): bytes per element. Example: torch.IntStorage(2):elementSize()  -- 4"""
        return self._type.itemsize

    def __getitem__(self, i):
        n = self._array.shape[0]
        if type(i) is not int:
            i = _index(i)
        if i < 1 or i > n:
            raise arg_error(2, "?", "index out of bounds")
        return self._array[i - 1].item()

    def __setitem__(self, i, v):
        n = self._array.shape[0]
        if type(i) is not int:
            i = _index(i)
        if i < 1 or i > n:
            raise arg_error(2, "?", "index out of bounds")
        self._array[i - 1] = self._type.convert(v)

    def fill(self, value):
        """s:fill(v): set every element to v; returns s. Example: torch.DoubleStorage(3):fill(1)"""
        self._array.fill(self._type.convert(value))
        return self

    def zero(self):
        """s:zero(): fill with zeros; returns s. Example: torch.DoubleStorage(3):zero()"""
        self._array.fill(0)
        return self

    def resize(self, n):
        """s:resize(n): change the size, keeping the first elements; returns s.

        Example: s = torch.DoubleStorage(2); s:resize(5)
        """
        n = int(n)
        if n < 0:
            raise arg_error(2, "resize", "size must be non-negative")
        old = self._array
        if n != old.shape[0]:
            new = _alloc(self._type, n)
            k = min(n, old.shape[0])
            new[:k] = old[:k]
            self._array = new
        return self

    def copy(self, src):
        """s:copy(src): copy a storage (any type, same size) or tensor into s; returns s.

        Example: a = torch.DoubleStorage(2); a:copy(torch.FloatStorage({1, 2}))
        """
        if isinstance(src, Storage):
            data = src._array
        elif hasattr(src, "_flat_values"):
            data = src._flat_values()
        else:
            raise arg_error(2, "copy", "torch.*Storage expected")
        if data.shape[0] != self._array.shape[0]:
            raise TorchError("size mismatch")
        self._array[...] = data
        return self

    def totable(self):
        """s:totable(): the elements as a Lua table. Example: torch.LongStorage({1, 2}):totable()"""
        from th.lua.table import LuaTable
        return LuaTable.from_list(self._array.tolist())

    def tolist(self):
        """The elements as a Python list (Python-only helper).

        Example (Python): torch.LongStorage([1, 2]).tolist()  # [1, 2]
        """
        return self._array.tolist()

    def type(self, name=None):
        """s:type(): the storage typename. Example: torch.IntStorage(1):type()  -- torch.IntStorage"""
        if name is None:
            return self.__typename__
        t = types.BY_TYPENAME.get(name)
        if t is None:
            raise TorchError(f"invalid storage type {name}")
        if t is self._type:
            return self
        out = t.storage_class(self.size())
        out._array[...] = self._array
        return out

    def string(self, text=None):
        """s:string([str]): the bytes as a Lua string, or set them from one (Char/Byte only).

        Example: torch.CharStorage():string("hi"):size()  -- 2
        """
        if self._type not in (types.Char, types.Byte):
            raise TorchError(f"{self.__typename__} has no string method")
        if text is None:
            return self._array.tobytes().decode("latin-1")
        raw = np.frombuffer(text.encode("latin-1"), dtype=np.uint8)
        self._array = raw.astype(self._type.dtype)
        return self

    def numpy(self):
        """A numpy view of the storage, sharing memory (Python-only helper).

        Example (Python): torch.DoubleStorage(3).numpy()[0] = 5
        """
        return self._array

    def __str__(self):
        from th.torch.printing import storage_str
        return storage_str(self)

    def __repr__(self):
        return f"<{self.__typename__} of size {self.size()}>"

    def __iter__(self):
        return iter(self._array.tolist())


def _index(i):
    if isinstance(i, float) and i.is_integer():
        return int(i)
    if isinstance(i, (int, np.integer)):
        return int(i)
    raise arg_error(2, "?", "number expected")


def _physical_memory():
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 1 << 62


# Zero-filled pages are reserved lazily by the OS, so an allocation bigger than the
# machine would only fail (by killing the process) once filled: refuse it up front.
PHYSICAL_MEMORY = _physical_memory()


def check_alloc(ttype, n):
    """Raise Torch7's out-of-memory error for n elements the machine cannot hold."""
    if n * ttype.itemsize > PHYSICAL_MEMORY:
        raise TorchError(f"not enough memory: cannot allocate {n} elements of "
                         f"{ttype.storage_typename} ({n * ttype.itemsize / 2**30:.1f} GB)")


def _alloc(ttype, n):
    check_alloc(ttype, n)
    try:
        return np.zeros(n, dtype=ttype.dtype)
    except (MemoryError, ValueError) as e:
        raise TorchError(f"not enough memory: cannot allocate {n} elements of "
                         f"{ttype.storage_typename}") from e


def _storage_array(ttype, args):
    # torch.XStorage(), (n), (table), (storage, offset [, size]).
    if not args:
        return _alloc(ttype, 0)
    a = args[0]
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        return _alloc(ttype, int(a))
    if isinstance(a, Storage):
        offset = int(args[1]) if len(args) > 1 else 1
        size = int(args[2]) if len(args) > 2 else a.size() - offset + 1
        if offset < 1 or size < 0 or offset - 1 + size > a.size():
            raise arg_error(3, "torch." + ttype.name + "Storage", "out of bounds")
        if a._type is not ttype:
            raise arg_error(1, "torch." + ttype.name + "Storage",
                            f"{ttype.storage_typename} expected")
        return a._array[offset - 1: offset - 1 + size]
    values = a.to_list() if hasattr(a, "to_list") else list(a)
    try:
        return np.array([ttype.convert(v) for v in values], dtype=ttype.dtype)
    except (TypeError, ValueError):
        raise TorchError("invalid element (not a number)") from None


def _make_storage_class(ttype):
    cls = type(f"{ttype.name}Storage", (Storage,), {
        "__slots__": (),
        "_type": ttype,
        "__typename__": ttype.storage_typename,
        "__doc__": Storage.__doc__.replace("<Type>", ttype.name),
        "__module__": __name__,
    })
    ttype.storage_class = cls
    return cls


DoubleStorage = _make_storage_class(types.Double)
FloatStorage = _make_storage_class(types.Float)
LongStorage = _make_storage_class(types.Long)
IntStorage = _make_storage_class(types.Int)
ShortStorage = _make_storage_class(types.Short)
CharStorage = _make_storage_class(types.Char)
ByteStorage = _make_storage_class(types.Byte)
HalfStorage = _make_storage_class(types.Half)


def wrap_array(array):
    """A storage owning (not copying) a contiguous 1-D numpy array of a Torch7 dtype."""
    ttype = types.BY_DTYPE[array.dtype]
    s = ttype.storage_class.__new__(ttype.storage_class)
    s._array = array
    return s


def long_storage(values):
    """A LongStorage holding `values` (sizes, strides) without argument parsing."""
    s = LongStorage.__new__(LongStorage)
    s._array = np.array(values, dtype=np.int64)
    return s
