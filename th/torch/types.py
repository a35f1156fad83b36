"""The Torch7 element types: their numpy dtypes, names and number conversion.

Seven types have math; Half (IEEE binary16) is for storage, copies and printing only,
as in Torch7.

Input: nothing but numpy. Output: one `TensorType` record per type, looked up by short
name ("Double"), by typename ("torch.DoubleTensor" / "torch.DoubleStorage") or by dtype.
The tensor and storage classes attach themselves to these records (`tensor_class`,
`storage_class`) when `th.torch.tensor` and `th.torch.storage` are imported.
"""
import numpy as np


class TensorType:
    """One element type: `name` ("Double"), `dtype`, `real` (its C name in messages)."""

    __slots__ = ("name", "dtype", "real", "is_float", "tensor_typename", "storage_typename",
                 "tensor_class", "storage_class", "convert", "itemsize")

    def __init__(self, name, dtype, real, is_float):
        self.name = name
        self.dtype = np.dtype(dtype)
        self.real = real
        self.is_float = is_float
        self.tensor_typename = f"torch.{name}Tensor"
        self.storage_typename = f"torch.{name}Storage"
        self.tensor_class = None
        self.storage_class = None
        self.itemsize = self.dtype.itemsize
        # How a Lua number becomes an element: C casts truncate toward zero and wrap.
        self.convert = float if is_float else _int_converter(self.dtype)

    def __repr__(self):
        return f"<TensorType {self.name}>"


def _int_converter(dtype):
    info = np.iinfo(dtype)
    lo, hi, span = int(info.min), int(info.max), 1 << (8 * dtype.itemsize)

    def convert(v):
        # C's (long)x truncates toward zero; Lua may hand us 2.0 or 2.7 or a bool.
        if type(v) is not int:
            if v != v or v in (float("inf"), float("-inf")):
                return 0 if lo == 0 else lo
            v = int(v)
        if lo <= v <= hi:
            return v
        return (v - lo) % span + lo   # (unsigned char)-1 == 255, as C wraps

    return convert


Double = TensorType("Double", np.float64, "double", True)
Float = TensorType("Float", np.float32, "float", True)
Long = TensorType("Long", np.int64, "long", False)
Int = TensorType("Int", np.int32, "int", False)
Short = TensorType("Short", np.int16, "short", False)
Char = TensorType("Char", np.int8, "char", False)
Byte = TensorType("Byte", np.uint8, "unsigned char", False)
Half = TensorType("Half", np.float16, "half", True)

ALL = (Byte, Char, Short, Int, Long, Float, Double, Half)
BY_NAME = {t.name: t for t in ALL}
BY_TYPENAME = {}
for _t in ALL:
    BY_TYPENAME[_t.tensor_typename] = _t
    BY_TYPENAME[_t.storage_typename] = _t
BY_DTYPE = {t.dtype: t for t in ALL}
# numpy types we accept from Python users, mapped onto the nearest Torch7 type.
BY_DTYPE[np.dtype(np.bool_)] = Byte
BY_DTYPE[np.dtype(np.uint16)] = Int
BY_DTYPE[np.dtype(np.uint32)] = Long
BY_DTYPE[np.dtype(np.uint64)] = Long


def from_dtype(dtype):
    """The TensorType for a numpy dtype (bool -> Byte, float16 -> Float, ...)."""
    t = BY_DTYPE.get(np.dtype(dtype))
    if t is None:
        raise TypeError(f"numpy dtype {dtype} has no Torch7 tensor type")
    return t
