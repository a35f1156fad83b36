"""torch.DiskFile and torch.MemoryFile: Torch7's File objects, for reading and writing
objects and numbers in Torch7's binary or ascii stream format.

A file is opened for reading ('r', the whole content is read at once) or writing ('w';
the bytes reach the disk on close(), atomically). As in Torch7, a DiskFile starts in
ascii mode and a MemoryFile too; binary() switches. Objects go through the same codec
as torch.save (serialization.py), references shared within one file.
"""
import os
import tempfile

import numpy as np

from th.torch.classes import TorchObject
from th.torch.errors import TorchError
from th.torch.serialization import Writer, Reader


class _File(TorchObject):
    """Shared reading/writing methods of DiskFile and MemoryFile."""

    __typename__ = "torch.File"

    def _open(self, mode, data):
        if mode not in ("r", "w"):
            raise TorchError(f"bad argument #2 to 'DiskFile' (invalid mode {mode!r}: 'r' or "
                             "'w' expected)")
        self._mode = mode
        self._ascii = True
        self._writer = Writer("ascii") if mode == "w" else None
        self._reader = Reader(data, "ascii") if mode == "r" else None
        self._closed = False

    def _w(self):
        if self._closed or self._writer is None:
            raise TorchError("attempt to write in a read-only file")
        return self._writer

    def _r(self):
        if self._closed or self._reader is None:
            raise TorchError("attempt to read in a write-only file")
        return self._reader

    def binary(self):
        """f:binary(): read and write in binary mode from now on; returns f.

        Example: f = torch.DiskFile('x.bin', 'w'):binary()
        """
        self._ascii = False
        if self._writer is not None:
            self._writer.ascii = False
        if self._reader is not None:
            self._reader.ascii = False
        return self

    def ascii(self):
        """f:ascii(): read and write in ascii mode (the default); returns f.

        Example: f = torch.DiskFile('x.txt', 'w'):ascii()
        """
        self._ascii = True
        if self._writer is not None:
            self._writer.ascii = True
        if self._reader is not None:
            self._reader.ascii = True
        return self

    def isBinary(self):
        """f:isBinary(): true in binary mode. Example: print(f:isBinary())"""
        return not self._ascii

    def writeObject(self, obj):
        """f:writeObject(obj): write any serialisable object. Example: f:writeObject({1, 2})"""
        self._w().write_object(obj)

    def readObject(self):
        """f:readObject(): read the next object. Example: t = f:readObject()"""
        return self._r().read_object()

    def writeInt(self, v):
        """f:writeInt(n): write one int. Example: f:writeInt(3)"""
        self._w().write_int(v)

    def readInt(self):
        """f:readInt(): read one int. Example: n = f:readInt()"""
        return self._r().read_int()

    def writeLong(self, v):
        """f:writeLong(n): write one long. Example: f:writeLong(3)"""
        self._w().write_long(v)

    def readLong(self):
        """f:readLong(): read one long. Example: n = f:readLong()"""
        return self._r().read_long()

    def writeDouble(self, v):
        """f:writeDouble(x): write one double. Example: f:writeDouble(0.5)"""
        self._w().write_double(v)

    def readDouble(self):
        """f:readDouble(): read one double. Example: x = f:readDouble()"""
        return self._r().read_double()

    def writeString(self, s):
        """f:writeString(str): write the bytes of a string (no length). Example: f:writeString('hi')"""
        self._w().out += s.encode("utf-8", "surrogateescape")

    def readString(self, n=None):
        """f:readString(n): read n bytes as a string. Example: s = f:readString(2)"""
        r = self._r()
        if n is None or isinstance(n, str):
            rest = r.data[r.pos:]
            r.pos = len(r.data)
            return rest.decode("utf-8", "surrogateescape")
        return r.read_bytes(int(n)).decode("utf-8", "surrogateescape")

    def close(self):
        """f:close(): finish the file (a written DiskFile reaches the disk now)."""
        self._closed = True


class DiskFile(_File):
    """torch.DiskFile(path [, 'r'|'w']): a file of Torch7 objects on disk (ascii by default).

    Example: f = torch.DiskFile('x.t7', 'w'):binary(); f:writeObject(x); f:close()
    """

    __typename__ = "torch.DiskFile"

    def __init__(self, path, mode="r", quiet=False):
        self._path = str(path)
        data = b""
        if mode == "r":
            try:
                with open(self._path, "rb") as fh:
                    data = fh.read()
            except OSError as e:
                raise TorchError(f"cannot open <{path}> in mode r  ({e.strerror})") from None
        self._open(mode, data)

    def close(self):
        """f:close(): write a file opened with 'w' to disk (atomically) and close it.

        Example: f:close()
        """
        if not self._closed and self._writer is not None:
            folder = os.path.dirname(os.path.abspath(self._path))
            fd, tmp = tempfile.mkstemp(prefix=".th-file-", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(self._writer.out)
            os.replace(tmp, self._path)
        self._closed = True


class MemoryFile(_File):
    """torch.MemoryFile([storage,] ['r'|'w']): a file of Torch7 objects held in memory.

    Example: f = torch.MemoryFile('w'):binary(); f:writeObject(x); s = f:storage()
    """

    __typename__ = "torch.MemoryFile"

    def __init__(self, storage=None, mode=None):
        if isinstance(storage, str) and mode is None:
            storage, mode = None, storage
        mode = mode or ("r" if storage is not None else "w")
        data = b"" if storage is None else storage._array.astype(np.int8).tobytes()
        self._open(mode, data)

    def storage(self):
        """f:storage(): the bytes written so far, as a CharStorage.

        Example: s = torch.MemoryFile('w'):binary():storage()
        """
        from th.torch.storage import wrap_array
        raw = bytes(self._writer.out) if self._writer is not None else self._reader.data
        return wrap_array(np.frombuffer(raw, dtype=np.int8).copy())
