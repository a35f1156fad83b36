"""Torch7's `torch` package: typed storages, strided tensors and their math.

The same objects serve Lua (`require 'torch'`, the `torch` global of th) and Python
(`from th import torch`). Every Lua-visible name here keeps Torch7's spelling; a Python
keyword gets a trailing underscore (`torch.class` is `class_`).

    >>> from th import torch
    >>> x = torch.Tensor(2, 3).fill(1)
    >>> x.sum()
    6.0

Importing this package is cheap: numba loads only when a kernel is first needed.
numpy's floating-point warnings are silenced here, since Torch7 computes 1/0 = inf
without complaint.
"""
import types as _types_mod

import numpy as _np

from th.torch import types as _types
from th.torch.errors import (TorchError, guard as _guard, guard_class as _guard_class,
                             signature_of as _signature_of, torch_form as _torch_form)
from th.torch.storage import (Storage as _StorageBase, DoubleStorage, FloatStorage,
                              LongStorage, IntStorage, ShortStorage, CharStorage,
                              ByteStorage, HalfStorage)
from th.torch.tensor import (Tensor as TensorBase, DoubleTensor, FloatTensor, LongTensor,
                             IntTensor, ShortTensor, CharTensor, ByteTensor, HalfTensor)
from th.torch import dispatch as _dispatch
from th.torch import workers as _workers
from th.torch import ops as _ops  # noqa: F401  (registers every op)
from th.torch import classes as _classes
from th.torch.classes import TorchObject, class_, isTypeOf, getmetatable
from th.torch.random import (Generator, manualSeed, seed, initialSeed, getRNGState,
                             setRNGState, random, uniform, normal, exponential, cauchy,
                             logNormal, geometric, bernoulli)
from th.torch.timer import Timer, tic, toc
from th.torch.serialization import (save, load, serialize, deserialize, serializeToStorage,
                                    deserializeFromStorage)
from th.torch.files import DiskFile, MemoryFile
from th.torch.cmdline import CmdLine
from th.torch.tester import Tester, TestSuite
from th.torch.ops.unary import sigmoid_backward, tanh_backward  # noqa: F401

_np.seterr(all="ignore")

globals().update(_dispatch.install(TensorBase))
_dispatch.refuse_math(HalfTensor)       # Torch7's HalfTensor: storage, copies, printing
for _cls in (DoubleTensor, FloatTensor, LongTensor, IntTensor, ShortTensor, CharTensor,
             ByteTensor, HalfTensor, DoubleStorage, FloatStorage, LongStorage, IntStorage,
             ShortStorage, CharStorage, ByteStorage, HalfStorage, Generator, Timer,
             DiskFile, MemoryFile):
    _classes.register(_cls)

# ---- the default tensor type ------------------------------------------------------------

_default = [_types.Double]
Tensor = DoubleTensor
Storage = DoubleStorage


def default_type():
    """The TensorType of torch.Tensor (Python-only helper).

    Example (Python): torch.default_type().name  # 'Double'
    """
    return _default[0]


def setdefaulttensortype(name):
    """torch.setdefaulttensortype(name): make torch.Tensor / torch.Storage that type.

    Example: torch.setdefaulttensortype('torch.FloatTensor')
    """
    global Tensor, Storage
    t = _types.BY_TYPENAME.get(name)
    if t is None or not name.endswith("Tensor"):
        raise TorchError(f"invalid tensor type '{name}'")
    _default[0] = t
    Tensor = t.tensor_class
    Storage = t.storage_class


def getdefaulttensortype():
    """torch.getdefaulttensortype(): the name of the default tensor type.

    Example: print(torch.getdefaulttensortype())  -- torch.DoubleTensor
    """
    return _default[0].tensor_typename


# ---- type queries and small utilities ----------------------------------------------------

def typename(obj):
    """torch.typename(obj): the class name of a torch object ('torch.DoubleTensor'), or nil.

    Example: torch.typename(torch.zeros(2))  -- 'torch.DoubleTensor'
    """
    return _classes.typename(obj)


def type(obj):  # noqa: A001  (Torch7's name)
    """torch.type(obj): the torch class name of obj, else Lua's type() of it.

    Example: torch.type(torch.zeros(2))  -- 'torch.DoubleTensor'
    """
    return _classes.type_(obj)


def isTensor(obj):
    """torch.isTensor(obj): true for any tensor type. Example: torch.isTensor(torch.zeros(1))"""
    return isinstance(obj, TensorBase)


def isStorage(obj):
    """torch.isStorage(obj): true for any storage type. Example: torch.isStorage(x:storage())"""
    return isinstance(obj, _StorageBase)


def numel(t):
    """torch.numel(t): the number of elements of a tensor. Example: torch.numel(torch.zeros(2, 3))  -- 6"""
    return t.nElement()


def totable(obj):
    """torch.totable(t): a tensor's or storage's elements as (nested) Lua tables.

    Example: torch.totable(torch.eye(2))
    """
    return obj.totable()


def isequal(a, b):
    """torch.isequal(a, b): true when a and b are the same object. Example: torch.isequal(x, x)"""
    return a is b


def pointer(obj):
    """torch.pointer(obj): a number identifying the object. Example: torch.pointer(x)"""
    return id(obj)


def setnumthreads(n):
    """torch.setnumthreads(n): use n threads for big tensor operations (BLAS keeps its own).

    Example: torch.setnumthreads(1)
    """
    from th.torch.args import int_arg
    _workers.set_threads(int_arg(n, 1, "setnumthreads"))


def getnumthreads():
    """torch.getnumthreads(): the number of threads big tensor operations use.

    Example: print(torch.getnumthreads())
    """
    return _workers.threads()


def getnumcores():
    """torch.getnumcores(): the number of CPU cores this process may use.

    Example: print(torch.getnumcores())
    """
    return _workers.cpu_count()


def setheaptracking(flag=None):
    """torch.setheaptracking(bool): accepted for compatibility (Python manages memory).

    Example: torch.setheaptracking(true)
    """


def from_numpy(a):
    """A tensor sharing memory with a C-contiguous numpy array (Python only); other
    arrays are copied. Example (Python): t = torch.from_numpy(numpy.zeros((2, 3)))
    """
    from th.torch.storage import wrap_array
    from th.torch.tensor import make, contiguous_strides, from_array
    a = _np.asarray(a)
    t = _types.BY_DTYPE.get(a.dtype)
    if t is None or a.dtype != t.dtype or not a.flags.c_contiguous or a.ndim == 0 or a.size == 0:
        if a.ndim == 0:
            a = a.reshape(1)
        return from_array(a)
    st = wrap_array(a.reshape(-1))
    return make(t.tensor_class, st, 0, tuple(a.shape), contiguous_strides(a.shape))


# torch.* forms of Tensor methods that Torch7 also exposes as functions.
def _function_form(name):
    meth = _dispatch.METHODS.get(name) or getattr(TensorBase, name)

    def f(t, *args):
        return meth(t, *args)
    f.__name__ = name
    f.__doc__ = meth.__doc__
    return f


for _name in ("view", "viewAs", "expand", "expandAs", "squeeze", "permute", "transpose",
              "narrow", "select", "unfold", "clone", "contiguous", "apply", "map", "map2",
              "resize", "resizeAs", "fill", "zero", "copy", "nElement", "storage",
              "isSameSizeAs", "t"):
    if _name not in globals():
        globals()[_name] = _function_form(_name)

del _name

# ---- what Lua sees -------------------------------------------------------------------

# Python-only helpers: reachable from Python, hidden from Lua's completion, help, pairs.
_PYTHON_ONLY = {"TensorBase", "TorchError", "TorchObject", "default_type", "from_numpy",
                "sigmoid_backward", "tanh_backward"}
__all__ = sorted(_n for _n, _v in globals().items()
                 if not _n.startswith("_") and _n not in _PYTHON_ONLY
                 and not isinstance(_v, _types_mod.ModuleType))

for _n in __all__:      # Lua calls them with anything: Torch7's words for bad arguments
    _v = globals()[_n]
    if isinstance(_v, _types_mod.FunctionType) and not hasattr(_v, "__wrapped__"):
        globals()[_n] = _guard(_v, _torch_form(_signature_of(_v, f"torch.{_n}(...)"), _n))
for _cls in (TensorBase, _StorageBase, Generator, Timer, DiskFile, MemoryFile, CmdLine,
             Tester):
    _guard_class(_cls)
del _n, _v, _cls
