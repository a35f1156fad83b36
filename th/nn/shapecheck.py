"""THNN's argument and shape checks, worded as Torch7 printed them.

Torch7's convolution, pooling and normalisation modules call C functions (THNN) that
check their tensors first; a failed check reads `bad argument #2 to 'v' (3D or 4D
input tensor expected but got: [5 x 5] at .../SpatialConvolutionMM.c:47)` (the `'v'`
is how LuaJIT's FFI names the C function). We keep the words and the argument numbers
and leave out the C file position, which has no meaning here.

Also here: `planes(t)`, the contiguous float numpy view every kernel wants, and
`check_same_type`, Torch7's refusal to mix tensor types in one call.
"""
import numpy as np

from th.lua.runtime import lua_type
from th.nn.arrays import size_desc
from th.torch.errors import TorchError
from th.torch.tensor import Tensor

_FLOATS = (np.float32, np.float64)

# What a module's shape check gets instead of a gradOutput during the forward pass (a
# nil gradOutput in the backward pass is an error).
FORWARD = object()


def arg_check(cond, argn, msg):
    """THArgCheck: raise Torch7's 'bad argument #n' error unless `cond`."""
    if not cond:
        raise TorchError(f"bad argument #{argn} to 'v' ({msg})")


def check_numbers(cls_name, *args):
    """A constructor's required numbers, checked as luaL_checknumber words it."""
    for i, v in enumerate(args, 1):
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            raise TorchError(f"bad argument #{i} to '{cls_name}' (number expected, "
                             f"got {lua_type(v)})")


def check_tensor(t, argn=2):
    """Anything but a tensor where THNN wants one."""
    if not isinstance(t, Tensor):
        raise TorchError(f"bad argument #{argn} to 'v' (torch.*Tensor expected, "
                         f"got {lua_type(t)})")


def arg_check_dims(t, dims, argn, what):
    """THNN_ARGCHECK on the number of dimensions: '<what> but got: [sizes]'."""
    check_tensor(t, argn)
    if t.dim() not in dims:
        raise TorchError(f"bad argument #{argn} to 'v' ({what}{size_desc(t)})")


def check_dim_size(t, name, ndim, dim, size):
    """THNN_CHECK_DIM_SIZE (dim is 0-based, as in the C message). gradOutput is the C
    function's third argument, after the state and the input."""
    check_tensor(t, 3 if name == "gradOutput" else 2)
    if t.dim() != ndim or t.size(dim + 1) != size:
        raise TorchError(f"Need {name} of dimension {ndim} and {name}.size[{dim}] == "
                         f"{size} but got {name} to be of shape: {size_desc(t)}")


def check_kernel(m, karg, darg):
    """THNN's kernel and stride checks of a 2-D module (kW, kH, dW, dH) or a 1-D one
    (kW, dW); karg and darg are their argument numbers in the C function."""
    if "kH" in m.__dict__:
        arg_check(m.kW > 0 and m.kH > 0, karg, "kernel size should be greater than zero, "
                  f"but got kH: {m.kH} kW: {m.kW}")
        arg_check(m.dW > 0 and m.dH > 0, darg, "stride should be greater than zero, "
                  f"but got dH: {m.dH} dW: {m.dW}")
    else:
        arg_check(m.kW > 0, karg, f"kernel size should be greater than zero, but got "
                  f"kW: {m.kW}")
        arg_check(m.dW > 0, darg, f"stride should be greater than zero, but got dW: {m.dW}")


def check_grad_sizes(input, gradOutput, dim, sizes):
    """In a backward pass (gradOutput is not FORWARD): gradOutput has input's type and
    number of dimensions, and sizes `sizes` from dimension `dim` (0-based) on."""
    if gradOutput is FORWARD:
        return
    check_same_type(input, gradOutput)
    for k, size in enumerate(sizes):
        check_dim_size(gradOutput, "gradOutput", input.dim(), dim + k, size)


def check_shape(a, b, names=("input", "gradOutput")):
    """THNN_CHECK_SHAPE: tensors a and b (named `names`) of the same sizes; b is checked
    to be a tensor first (the C function's third argument)."""
    check_tensor(b, 3)
    if a._size != b._size:
        raise TorchError(f"{names[0]} and {names[1]} shapes do not match: {names[0]} "
                         f"{size_desc(a)}, {names[1]} {size_desc(b)}")


def check_same_type(input, buffer, argn=3):
    """Torch7 picks the C function by the input's type; any other tensor of another
    type is refused by the FFI with this message."""
    check_tensor(buffer, argn)
    if type(input) is not type(buffer):
        have = buffer.__typename__.replace("torch.", "TH")
        want = input.__typename__.replace("torch.", "TH")
        raise TorchError(f"bad argument #{argn} to 'v' (cannot convert 'struct {have} *' "
                         f"to 'struct {want} *')")
    if input.numpy().dtype.type not in _FLOATS:
        raise TorchError(f"bad argument #2 to 'v' (no THNN function for "
                         f"{input.__typename__}: use a Float or Double tensor)")


def planes(t):
    """The numpy array of tensor t, made contiguous (a copy only when it is not)."""
    return np.ascontiguousarray(t.numpy())
