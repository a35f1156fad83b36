"""torch.save / torch.load / torch.serialize / torch.deserialize in Torch7's formats.

Torch7's object stream (File:writeObject): an int type tag, then the payload.
    0 nil | 1 number (double) | 2 string (int length, bytes) | 5 boolean (int 0/1)
    3 table: int reference index, int number of pairs, then key, value objects
    4 torch object: int reference index, "V <version>" string, class name string, then
      the object's own data (tensor: int nDim, long sizes, long strides, long offset+1,
      then its storage as an object; storage: long size, raw elements), or for a
      torch.class instance its fields written as a table.
    6/7/8 functions: LuaJIT bytecode; never executed here (they load as a stub).
An object met again is written as its tag and reference index only. "binary" is native
little-endian (int 4 bytes, long 8; "b32" reads 4-byte longs); "ascii" writes each
scalar on a line, arrays space-separated, ints %d, doubles %.17g, floats %.9g, bytes raw.
Saving is atomic (a temporary file renamed into place); loading never runs code.
"""
import os
import struct
import tempfile

import numpy as np

from th.torch import types
from th.torch.errors import TorchError

TYPE_NIL, TYPE_NUMBER, TYPE_STRING, TYPE_TABLE, TYPE_TORCH, TYPE_BOOLEAN = 0, 1, 2, 3, 4, 5
TYPE_FUNCTION, TYPE_RECUR_FUNCTION_LEGACY, TYPE_RECUR_FUNCTION = 6, 7, 8

_FORMATS = ("binary", "ascii", "b32", "b64")
_ASCII_FMT = {"i": "%d", "q": "%d", "f": "%.9g", "d": "%.17g", "h": "%d"}
_ELEM_CODE = {types.Double: "d", types.Float: "f", types.Long: "q", types.Int: "i",
              types.Short: "h", types.Char: "b", types.Byte: "B"}


def _check_format(fmt, fname):
    fmt = "binary" if fmt is None else fmt
    if fmt not in _FORMATS:
        raise TorchError(f"bad argument #2 to '{fname}' (binary, ascii, b32 or b64 expected)")
    return fmt


def _encode_str(s):
    return s.encode("utf-8", "surrogateescape")


def _decode_str(b):
    return bytes(b).decode("utf-8", "surrogateescape")


# ---- writing --------------------------------------------------------------------------

class Writer:
    """Serialises objects into a bytearray in Torch7's binary or ascii format."""

    def __init__(self, fmt="binary", referenced=True):
        self.ascii = fmt == "ascii"
        self.referenced = referenced
        self.out = bytearray()
        self.refs = {}          # id(obj) -> index
        self.keep = []          # keep written objects alive so ids stay unique
        self.count = 0

    # scalars and arrays
    def _scalars(self, code, values):
        if self.ascii:
            text = " ".join(_ASCII_FMT[code] % v for v in values)
            self.out += text.encode() + (b"\n" if values else b"")
        else:
            self.out += struct.pack("<%d%s" % (len(values), code), *values)

    def write_int(self, v):
        self._scalars("i", [int(v)])

    def write_long(self, v):
        self._scalars("q", [int(v)])

    def write_double(self, v):
        self._scalars("d", [float(v)])

    def write_bytes(self, raw):
        self.out += raw
        if self.ascii and raw:
            self.out += b"\n"

    def write_string(self, s):
        raw = _encode_str(s)
        self.write_int(len(raw))
        self.write_bytes(raw)

    def write_array(self, ttype, arr):
        if ttype in (types.Char, types.Byte):
            self.write_bytes(arr.astype(ttype.dtype).tobytes())
        elif self.ascii:
            code = {types.Double: "d", types.Float: "f", types.Half: "f"}.get(ttype, "q")
            self._scalars(code, arr.tolist())
        else:
            self.out += np.ascontiguousarray(arr, dtype=ttype.dtype.newbyteorder("<")).tobytes()

    # objects
    def write_object(self, obj, path="?"):
        from th.torch.storage import Storage
        from th.torch.tensor import Tensor
        if obj is None:
            self.write_int(TYPE_NIL)
        elif isinstance(obj, bool):
            self.write_int(TYPE_BOOLEAN)
            self.write_int(1 if obj else 0)
        elif isinstance(obj, (int, float, np.integer, np.floating)):
            self.write_int(TYPE_NUMBER)
            self.write_double(float(obj))
        elif isinstance(obj, str):
            self.write_int(TYPE_STRING)
            self.write_string(obj)
        elif isinstance(obj, (Tensor, Storage)) or _is_torch_object(obj):
            self.write_int(TYPE_TORCH)
            if self._reference(obj):
                return
            self.write_string("V " + str(getattr(type(obj), "__version", 1)))
            self.write_string(type(obj).__typename__)
            if isinstance(obj, Tensor):
                self._write_tensor(obj)
            elif isinstance(obj, Storage):
                self.write_long(obj.size())
                self.write_array(obj._type, obj._array)
            elif callable(getattr(type(obj), "write", None)):
                type(obj).write(obj, _FileProxy(self))
            else:
                self._write_fields(obj, path)
        elif _is_table(obj):
            self.write_int(TYPE_TABLE)
            if self._reference(obj):
                return
            pairs = list(_table_pairs(obj))
            writable = [(k, v) for k, v in pairs if _writable(v)]
            bad = [k for k, v in pairs if not _writable(v)]
            if bad:
                raise TorchError(f"Unwritable object <{_lua_type(obj_value(obj, bad[0]))}> at "
                                 f"{path}.{bad[0]}")
            self.write_int(len(writable))
            for k, v in writable:
                self.write_object(k, path)
                self.write_object(v, f"{path}.{k}")
        else:
            raise TorchError(f"Unwritable object <{_lua_type(obj)}> at {path}")

    def _reference(self, obj):
        """Write the reference index; True when obj was already written (nothing more)."""
        key = id(obj)
        if self.referenced and key in self.refs:
            self.write_int(self.refs[key])
            return True
        self.count += 1
        self.refs[key] = self.count
        self.keep.append(obj)
        self.write_int(self.count)
        return False

    def _write_tensor(self, t):
        n = len(t._size)
        self.write_int(n)
        self._scalars("q", list(t._size))
        self._scalars("q", list(t._stride))
        self.write_long(t._offset + 1)
        if n == 0 and t._storage.size() == 0:
            self.write_object(None)
        else:
            self.write_object(t._storage)

    def _write_fields(self, obj, path):
        from th.lua.table import LuaTable
        fields = LuaTable()
        for k, v in vars(obj).items():
            if _writable(v):
                fields[k] = v
            else:
                print(f"$ Warning: cannot write object field <{k}> of <{type(obj).__typename__}> "
                      f"{path}")
        self.write_object(fields, path)


class _FileProxy:
    """What a class's custom write(file)/read(file, version) method receives."""

    def __init__(self, codec):
        self._c = codec

    def writeObject(self, obj):
        self._c.write_object(obj)

    def readObject(self):
        return self._c.read_object()

    def writeInt(self, v):
        self._c.write_int(v)

    def readInt(self):
        return self._c.read_int()

    def writeDouble(self, v):
        self._c.write_double(v)

    def readDouble(self):
        return self._c.read_double()


def _is_torch_object(obj):
    from th.torch.classes import TorchObject
    return isinstance(obj, TorchObject) or (
        hasattr(type(obj), "__typename__") and hasattr(obj, "__dict__")
        and not isinstance(obj, type))


def _is_table(obj):
    from th.lua.table import LuaTable
    return isinstance(obj, (LuaTable, dict, list, tuple))


def _table_pairs(obj):
    if isinstance(obj, dict):
        return obj.items()
    if isinstance(obj, (list, tuple)):
        return ((i + 1, v) for i, v in enumerate(obj))
    return obj.items()


def obj_value(obj, key):
    for k, v in _table_pairs(obj):
        if k == key:
            return v
    return None


def _writable(v):
    from th.torch.storage import Storage
    from th.torch.tensor import Tensor
    return (v is None or isinstance(v, (bool, int, float, str, np.integer, np.floating,
                                        Tensor, Storage))
            or _is_table(v) or _is_torch_object(v))


def _lua_type(v):
    try:
        from th.lua.runtime import lua_type
        return lua_type(v)
    except ImportError:
        return type(v).__name__


# ---- reading ----------------------------------------------------------------------------

class Reader:
    """Reads Torch7's object stream from bytes (binary, b32 or ascii)."""

    def __init__(self, data, fmt="binary"):
        self.data = bytes(data)
        self.pos = 0
        self.ascii = fmt == "ascii"
        self.long_size = 4 if fmt == "b32" else 8
        self.objects = {}

    def _need(self, n):
        if self.pos + n > len(self.data):
            raise TorchError("read error: end of file reached (truncated or not a Torch7 "
                             "file in this format)")

    def _token(self):
        d = self.data
        while self.pos < len(d) and d[self.pos] in b" \n\r\t":
            self.pos += 1
        start = self.pos
        while self.pos < len(d) and d[self.pos] not in b" \n\r\t":
            self.pos += 1
        if start == self.pos:
            raise TorchError("read error: end of file reached")
        return d[start:self.pos].decode()

    def _scalars(self, code, n):
        if self.ascii:
            conv = float if code in "fd" else int
            try:
                return [conv(self._token()) for _ in range(n)]
            except ValueError:
                raise TorchError("read error: not a Torch7 ascii file") from None
        if code == "q" and self.long_size == 4:
            code = "i"
        size = struct.calcsize("<" + code) * n
        self._need(size)
        vals = struct.unpack_from("<%d%s" % (n, code), self.data, self.pos)
        self.pos += size
        return list(vals)

    def read_int(self):
        return self._scalars("i", 1)[0]

    def read_long(self):
        return self._scalars("q", 1)[0]

    def read_double(self):
        return self._scalars("d", 1)[0]

    def read_bytes(self, n):
        if self.ascii and self.pos < len(self.data) and self.data[self.pos] in b" \n":
            # raw bytes follow the one separator that ended the previous scalar
            self.pos += 1
        self._need(n)
        raw = self.data[self.pos:self.pos + n]
        self.pos += n
        return raw

    def read_string(self):
        return _decode_str(self.read_bytes(self.read_int()))

    def read_array(self, ttype, n):
        if ttype in (types.Char, types.Byte):
            return np.frombuffer(self.read_bytes(n), dtype=ttype.dtype).copy()
        if self.ascii:
            code = "d" if ttype.is_float else "q"
            return np.array(self._scalars(code, n), dtype=ttype.dtype)
        dt = ttype.dtype.newbyteorder("<")
        if ttype is types.Long and self.long_size == 4:
            dt = np.dtype("<i4")
        size = dt.itemsize * n
        self._need(size)
        arr = np.frombuffer(self.data, dtype=dt, count=n, offset=self.pos)
        self.pos += size
        return arr.astype(ttype.dtype)

    def read_object(self):
        tag = self.read_int()
        if tag == TYPE_NIL:
            return None
        if tag == TYPE_NUMBER:
            v = self.read_double()
            return int(v) if v.is_integer() and abs(v) < 2 ** 53 else v
        if tag == TYPE_STRING:
            return self.read_string()
        if tag == TYPE_BOOLEAN:
            return self.read_int() == 1
        if tag == TYPE_TABLE:
            return self._read_table()
        if tag == TYPE_TORCH:
            return self._read_torch()
        if tag in (TYPE_FUNCTION, TYPE_RECUR_FUNCTION, TYPE_RECUR_FUNCTION_LEGACY):
            return self._skip_function(tag)
        raise TorchError("unknown object")

    def _read_table(self):
        from th.lua.table import LuaTable
        index = self.read_int()
        if index in self.objects:
            return self.objects[index]
        t = LuaTable()
        self.objects[index] = t
        for _ in range(self.read_int()):
            k = self.read_object()
            v = self.read_object()
            if k is not None:
                t[k] = v
        return t

    def _read_torch(self):
        index = self.read_int()
        if index in self.objects:
            return self.objects[index]
        version = self.read_string()
        if version.startswith("V "):
            version_number = int(float(version[2:]))
            class_name = self.read_string()
        else:
            class_name, version_number = version, 0
        ttype = types.BY_TYPENAME.get(class_name)
        if ttype is not None and class_name.endswith("Storage"):
            obj = ttype.storage_class()
            self.objects[index] = obj
            n = self.read_long()
            obj._array = self.read_array(ttype, n)
            return obj
        if ttype is not None:
            obj = ttype.tensor_class()
            self.objects[index] = obj
            self._read_tensor(obj)
            return obj
        from th.torch.classes import REGISTRY
        cls = REGISTRY.get(class_name)
        if cls is None:
            raise TorchError(f"unknown Torch class <{class_name}>")
        obj = cls.__new__(cls)
        self.objects[index] = obj
        if callable(getattr(cls, "read", None)) and not isinstance(getattr(cls, "read"), type):
            cls.read(obj, _FileProxy(self), version_number)
        else:
            fields = self.read_object()
            if fields is not None:
                for k, v in fields.items():
                    setattr(obj, k if isinstance(k, str) else str(k), v)
        return obj

    def _read_tensor(self, t):
        n = self.read_int()
        size = tuple(self._scalars("q", n))
        stride = tuple(self._scalars("q", n))
        offset = self.read_long() - 1
        storage = self.read_object()
        if storage is None:
            t.set()
            return
        if storage._type is not t._type:
            raise TorchError(f"{t.__typename__} read a {storage.__typename__}")
        if n == 0:
            t._storage, t._offset, t._size, t._stride = storage, offset, (), ()
            t._abase = None
            return
        extent = 1 + sum((s - 1) * st for s, st in zip(size, stride))
        if offset < 0 or offset + extent > storage.size() or min(stride) < 0:
            raise TorchError("corrupt tensor in file: sizes/strides exceed its storage")
        t._storage, t._offset, t._size, t._stride = storage, offset, size, stride
        t._abase = None

    def _skip_function(self, tag):
        index = self.read_int()
        if index in self.objects:
            return self.objects[index]
        self.read_bytes(self.read_int())        # LuaJIT bytecode: never run
        stub = _function_stub()
        self.objects[index] = stub
        if tag != TYPE_FUNCTION:
            self.read_object()                  # upvalues
        return stub


def _function_stub():
    def not_loaded(*args):
        raise TorchError("this function was saved as LuaJIT bytecode; th does not run code "
                         "from files")
    return not_loaded


# ---- user API ------------------------------------------------------------------------------

def serialize(obj, fmt=None):
    """torch.serialize(obj [, 'binary'|'ascii']): obj as a string in Torch7's format.

    Example: s = torch.serialize({a = 1}); t = torch.deserialize(s)
    """
    w = Writer(_check_format(fmt, "serialize"))
    w.write_object(obj)
    return bytes(w.out).decode("latin-1")


def deserialize(s, fmt=None):
    """torch.deserialize(str [, 'binary'|'ascii']): the object a serialize string holds.

    Example: x = torch.deserialize(torch.serialize(torch.ones(2)))
    """
    data = s.encode("latin-1") if isinstance(s, str) else bytes(s)
    return Reader(data, _check_format(fmt, "deserialize")).read_object()


def serializeToStorage(obj, fmt=None):
    """torch.serializeToStorage(obj [, mode]): the serialised bytes in a CharStorage.

    Example: s = torch.serializeToStorage(x)
    """
    from th.torch.storage import wrap_array
    w = Writer(_check_format(fmt, "serializeToStorage"))
    w.write_object(obj)
    return wrap_array(np.frombuffer(bytes(w.out), dtype=np.int8).copy())


def deserializeFromStorage(storage, fmt=None):
    """torch.deserializeFromStorage(storage [, mode]): inverse of serializeToStorage.

    Example: x = torch.deserializeFromStorage(torch.serializeToStorage(x))
    """
    raw = storage._array.astype(np.int8).tobytes()
    return Reader(raw, _check_format(fmt, "deserializeFromStorage")).read_object()


def save(filename, obj, fmt=None, referenced=True):
    """torch.save(filename, obj [, 'binary'|'ascii' [, referenced=true]]): write obj to a
    file in Torch7's format, atomically (a temporary file renamed into place).

    Example: torch.save('x.t7', torch.ones(3)); y = torch.load('x.t7')
    """
    w = Writer(_check_format(fmt, "save"), referenced is not False)
    w.write_object(obj)
    path = os.path.abspath(str(filename))
    folder = os.path.dirname(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".th-save-", dir=folder)
    except OSError as e:
        raise TorchError(f"cannot open <{filename}> in mode w  ({e.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(w.out)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def load(filename, fmt=None, referenced=True):
    """torch.load(filename [, 'binary'|'ascii'|'b32'|'b64']): read an object saved by
    torch.save (or by Torch7). Code stored in the file is never run.

    Example: net = torch.load('model.t7')
    """
    try:
        with open(str(filename), "rb") as f:
            data = f.read()
    except OSError as e:
        raise TorchError(f"cannot open <{filename}> in mode r  ({e.strerror})") from None
    return Reader(data, _check_format(fmt, "load")).read_object()
