"""Layers that reshape, pick, reduce or mask: Reshape, View, Transpose, Narrow, Select,
Replicate, Squeeze, Unsqueeze, Padding, Max, Min, Sum, Mean, Normalize, Dropout, Copy,
Contiguous.

Views (View, Reshape of a contiguous input, Replicate, Squeeze, Unsqueeze) share the
input's storage as Torch7's do; the others copy into the module's buffers. Dimensions
are 1-based; `nInputDims`-style arguments tell a single sample from a batch.
"""
import numpy as np

from th import torch
from th.lua.runtime import tostring as lua_tostring
from th.nn import arrays
from th.nn.module import Module, clear
from th.torch.errors import TorchError
from th.torch.storage import Storage, long_storage


def _view_of(res, src, size, stride):
    """Re-point tensor res at src's storage with the given sizes and strides."""
    res.set(src.storage(), src.storageOffset(), long_storage(size), long_storage(stride))
    return res


def _contiguous(module, name, t):
    """t itself when contiguous, else a copy kept in the module's private buffer `name`."""
    if t.isContiguous():
        return t
    buf = module.__dict__.get(name)
    if buf is None or type(buf) is not type(t):
        buf = arrays.new(t)
        module.__dict__[name] = buf
    return buf.resizeAs(t).copy(t)


def _sizes(args):
    """Sizes given as numbers or a LongStorage, as a list of ints."""
    if len(args) == 1 and isinstance(args[0], Storage):
        return [int(v) for v in args[0].tolist()]
    if len(args) == 1 and arrays.is_table(args[0]):
        return [int(v) for v in arrays.items(args[0])]
    return [int(v) for v in args]


# ---- views ---------------------------------------------------------------------------------

class Reshape(Module):
    """nn.Reshape(sz1 [, sz2 ...] [, batchMode]): the input viewed with the given sizes;
    an input with more elements keeps its first dimension as the batch.

    Example: print(nn.Reshape(2, 3):forward(torch.range(1, 6)))
    """

    __typename__ = "nn.Reshape"

    def __init__(self, *args):
        Module.__init__(self)
        if args and isinstance(args[-1], bool):
            self.batchMode = args[-1]
            args = args[:-1]
        size = _sizes(args)
        self.size = torch.LongStorage(size)
        self.nelement = int(np.prod(size)) if size else 1
        self.batchsize = torch.LongStorage([1] + size)

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        input = _contiguous(self, "_input", input)
        size = self.size.tolist()
        batch = self.__dict__.get("batchMode")
        if batch is False or (batch is None and input.nElement() == self.nelement
                              and input.size(1) != 1):
            self.output.view(input, torch.LongStorage(size))
        else:
            self.batchsize[1] = input.size(1)
            self.output.view(input, self.batchsize)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        gradOutput = _contiguous(self, "_gradOutput", gradOutput)
        self.gradInput.set(gradOutput.viewAs(input))
        return self.gradInput

    def __tostring__(self):
        return torch.type(self) + "(" + "x".join(str(v) for v in self.size.tolist()) + ")"


class View(Module):
    """nn.View(sz1 [, sz2 ...]): the input viewed with new sizes (one may be -1); extra
    leading elements make a batch. setNumInputDims(n) fixes how many trailing
    dimensions are one sample.

    Example: print(nn.View(2, -1):forward(torch.range(1, 6)):size())
    """

    __typename__ = "nn.View"

    def __init__(self, *args):
        Module.__init__(self)
        self.resetSize(*args)

    def resetSize(self, *args):
        """v:resetSize(sizes...): change the target sizes; returns v. Example: v:resetSize(3, 2)"""
        size = _sizes(args)
        self.size = torch.LongStorage(size)
        self.numElements = 1
        if sum(1 for s in size if s == -1) > 1:
            raise TorchError("only one dimension can be at -1")
        for s in size:
            if s >= 0:
                self.numElements *= s
            elif s != -1:
                raise TorchError("size should be positive or -1")
        return self

    def setNumInputDims(self, numInputDims):
        """v:setNumInputDims(n): a sample has n dimensions (the rest is batch); returns v.

        Example: nn.View(-1):setNumInputDims(3)
        """
        self.numInputDims = numInputDims
        return self

    def _batch(self, input):
        isz = input._size
        nd = self.__dict__.get("numInputDims")
        maxdim = nd if nd else len(isz)
        ine = 1
        for s in isz[len(isz) - maxdim:]:
            ine *= s
        size = self.size.tolist()
        if self.numElements == 0 or ine % self.numElements:
            raise TorchError(f"input view ({'x'.join(map(str, isz))}) and desired view "
                             f"({'x'.join(map(str, size))}) do not match")
        bsz = 1 if -1 in size else ine // self.numElements
        for s in isz[:len(isz) - maxdim]:
            bsz *= s
        if bsz == 1 and (not nd or len(isz) <= nd):
            return None
        return bsz

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        bsz = self._batch(input)
        size = self.size.tolist()
        self.output.view(input, torch.LongStorage(size if bsz is None else [bsz] + size))
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        self.gradInput.view(gradOutput, input.size())
        return self.gradInput

    def __tostring__(self):
        return torch.type(self) + "(" + ", ".join(str(v) for v in self.size.tolist()) + ")"


class Transpose(Module):
    """nn.Transpose({d1, d2} [, {d3, d4} ...]): swap the given pairs of dimensions.

    Example: print(nn.Transpose({1, 2}):forward(torch.zeros(2, 3)):size())
    """

    __typename__ = "nn.Transpose"

    def __init__(self, *perms):
        Module.__init__(self)
        self.permutations = arrays.table(perms)

    def setNumInputDims(self, numInputDims):
        """t:setNumInputDims(n): dimensions count from the last n (a batch in front); returns t.

        Example: nn.Transpose({1, 2}):setNumInputDims(2)
        """
        self.numInputDims = numInputDims
        return self

    def _offset(self, t):
        nd = self.__dict__.get("numInputDims")
        return t.dim() - nd if nd else 0

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        k = self._offset(input)
        for perm in arrays.items(self.permutations):
            a, b = arrays.items(perm)
            input = input.transpose(a + k, b + k)
        self.output.resizeAs(input).copy(input)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        k = self._offset(input)
        for perm in reversed(arrays.items(self.permutations)):
            a, b = arrays.items(perm)
            gradOutput = gradOutput.transpose(a + k, b + k)
        self.gradInput.resizeAs(gradOutput).copy(gradOutput)
        return self.gradInput


class Narrow(Module):
    """nn.Narrow(dim, offset [, length=1]): the slices offset .. offset+length-1 of dim
    (a negative offset or length counts from the end).

    Example: print(nn.Narrow(1, 2, 3):forward(torch.range(1, 5)))  -- 2 3 4
    """

    __typename__ = "nn.Narrow"

    def __init__(self, dimension=None, offset=None, length=1):
        Module.__init__(self)
        if dimension is None or offset is None:
            raise TorchError("nn.Narrow(dimension, offset, length)")
        self.dimension = dimension
        self.index = offset
        self.length = 1 if length is None else length

    def _range(self, input):
        dim = self.dimension + input.dim() + 1 if self.dimension < 0 else self.dimension
        n = input.size(dim)
        index = n + self.index + 1 if self.index < 0 else self.index
        length = n - index + self.length + 2 if self.length < 0 else self.length
        return dim, index, length

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        dim, index, length = self._range(input)
        part = input.narrow(dim, index, length)
        self.output.resizeAs(part).copy(part)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        dim, index, length = self._range(input)
        self.gradInput.resizeAs(input).zero()
        self.gradInput.narrow(dim, index, length).copy(gradOutput)
        return self.gradInput


class Select(Module):
    """nn.Select(dim, index): the slice at index along dim (negative counts from the end).

    Example: print(nn.Select(1, 2):forward(torch.Tensor({{1, 2}, {3, 4}})))  -- 3 4
    """

    __typename__ = "nn.Select"

    def __init__(self, dimension, index):
        Module.__init__(self)
        self.dimension = dimension
        self.index = index

    def _where(self, input):
        dim = self.dimension + input.dim() + 1 if self.dimension < 0 else self.dimension
        index = input.size(dim) + self.index + 1 if self.index < 0 else self.index
        return dim, index

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        dim, index = self._where(input)
        part = input.select(dim, index)
        if not arrays.is_tensor(part):
            raise TorchError("nn.Select needs an input of at least 2 dimensions")
        self.output.resizeAs(part).copy(part)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        dim, index = self._where(input)
        self.gradInput.resizeAs(input).zero()
        self.gradInput.select(dim, index).copy(gradOutput)
        return self.gradInput


class Replicate(Module):
    """nn.Replicate(n [, dim=1, ndim]): n copies of the input stacked along a new
    dimension dim (a stride-0 view, no copy).

    Example: print(nn.Replicate(3):forward(torch.Tensor({1, 2})))
    """

    __typename__ = "nn.Replicate"

    def __init__(self, nf, dim=1, ndim=None):
        Module.__init__(self)
        self.nfeatures = nf
        self.dim = dim or 1
        if ndim is not None:
            self.ndim = ndim
        if self.dim <= 0:
            raise TorchError("Can only replicate across positive integer dimensions.")

    def _rdim(self, input):
        if self.dim > input.dim() + 1:
            raise TorchError(f"Not enough input dimensions to replicate along dimension {self.dim}.")
        nd = self.__dict__.get("ndim")
        return self.dim + (1 if nd and input.dim() > nd else 0)

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        r = self._rdim(input) - 1
        size = list(input._size)
        stride = list(input._stride)
        size.insert(r, self.nfeatures)
        stride.insert(r, 0)
        _view_of(self.output, input, size, stride)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        r = self._rdim(input) - 1
        g = arrays.grad_array(self, gradOutput, self.output, "output").sum(axis=r)
        np.copyto(arrays.out_like(self.gradInput, input), g.reshape(input._np().shape))
        return self.gradInput


class Squeeze(Module):
    """nn.Squeeze([dim, numInputDims]): the input without its size-1 dimensions (or
    without dim only). A view.

    Example: print(nn.Squeeze():forward(torch.zeros(2, 1, 3)):size())
    """

    __typename__ = "nn.Squeeze"

    def __init__(self, dim=None, numInputDims=None):
        Module.__init__(self)
        if dim is not None:
            self.dim = dim
        if numInputDims is not None:
            self.numInputDims = numInputDims

    def setNumInputDims(self, numInputDims):
        """s:setNumInputDims(n): a sample has n dimensions; returns s. Example: nn.Squeeze():setNumInputDims(2)"""
        self.numInputDims = numInputDims
        return self

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        dim = self.__dict__.get("dim")
        nd = self.__dict__.get("numInputDims")
        keep_batch = False
        if nd and input.dim() == nd + 1:
            if dim is not None:
                dim += 1
            elif input.size(1) == 1:
                keep_batch = True          # a mini-batch of one sample
        size, stride = list(input._size), list(input._stride)
        if dim is None:
            kept = [k for k in range(len(size)) if size[k] != 1 or (keep_batch and k == 0)]
            if not kept and size:
                kept = [0]
        else:
            kept = [k for k in range(len(size)) if k != dim - 1 or size[k] != 1 or len(size) == 1]
        _view_of(self.output, input, [size[k] for k in kept], [stride[k] for k in kept])
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        if input.nElement() != gradOutput.nElement():
            raise TorchError("gradOutput and input do not have the same number of elements")
        self.gradInput.set(gradOutput.contiguous().view(input.size()))
        return self.gradInput


class Unsqueeze(Module):
    """nn.Unsqueeze(pos [, numInputDims]): insert a size-1 dimension at pos. A view.

    Example: print(nn.Unsqueeze(1):forward(torch.zeros(3)):size())  -- 1 3
    """

    __typename__ = "nn.Unsqueeze"

    def __init__(self, pos, numInputDims=None):
        Module.__init__(self)
        self.pos = pos
        if numInputDims is not None:
            self.numInputDims = numInputDims

    def setNumInputDims(self, numInputDims):
        """u:setNumInputDims(n): a sample has n dimensions; returns u. Example: nn.Unsqueeze(1):setNumInputDims(2)"""
        self.numInputDims = numInputDims
        return self

    def _position(self, input):
        nd = input.dim()
        if self.__dict__.get("numInputDims") is None:
            self.numInputDims = nd
        offset = nd - self.numInputDims
        if offset < 0:
            raise TorchError("input feature map dim (numInputDims) must be <= input:dim()")
        pos = self.pos + offset
        if pos < 1 or pos > nd + 1:
            raise TorchError(f"Invalid position: {self.pos}. input:dim() is {nd}, input feature "
                             f"map dim (numInputDims) is {self.numInputDims}.")
        return pos

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        p = self._position(input) - 1
        size, stride = list(input._size), list(input._stride)
        inner = stride[p] * size[p] if p < len(size) else 1
        size.insert(p, 1)
        stride.insert(p, inner)
        _view_of(self.output, input, size, stride)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        if input.nElement() != gradOutput.nElement():
            raise TorchError("gradOutput and input do not have the same number of elements")
        self.gradInput.view(gradOutput.contiguous(), input.size())
        return self.gradInput

    def __tostring__(self):
        return f"{torch.type(self)}(dim {self.pos})"


class Padding(Module):
    """nn.Padding(dim, pad [, nInputDim, value=0, index=1]): add |pad| entries of value
    along dim, after the input when pad > 0 and before it when pad < 0 (index moves
    the insertion point).

    Example: print(nn.Padding(1, 2):forward(torch.Tensor({1, 2})))  -- 1 2 0 0
    """

    __typename__ = "nn.Padding"

    def __init__(self, dim, pad, nInputDim=None, value=None, index=None):
        Module.__init__(self)
        self.value = value or 0
        self.index = index or 1
        self.dim = dim
        self.pad = pad
        if nInputDim is not None:
            self.nInputDim = nInputDim
        self.outputSize = torch.LongStorage()

    def _where(self, input):
        dim = self.dim
        nd = self.__dict__.get("nInputDim")
        if nd and input.dim() != nd:
            dim += 1
        n = input.size(dim)
        at = n - self.index + 1 if self.pad > 0 else self.index - 1    # 0-based insertion
        return dim - 1, at, abs(self.pad)

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        axis, at, pad = self._where(input)
        x = input._np()
        shape = list(x.shape)
        shape[axis] += pad
        self.outputSize = torch.LongStorage(shape)
        o = arrays.out(self.output, tuple(shape))
        o.fill(self.value)
        before = [slice(None)] * x.ndim
        after = [slice(None)] * x.ndim
        before[axis] = slice(0, at)
        after[axis] = slice(at, None)
        o[tuple(before)] = x[tuple(before)]
        shifted = list(after)
        shifted[axis] = slice(at + pad, None)
        o[tuple(shifted)] = x[tuple(after)]
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        axis, at, pad = self._where(input)
        go = arrays.grad_array(self, gradOutput, self.output, "output")
        keep = np.r_[0:at, at + pad:go.shape[axis]]
        np.copyto(arrays.out_like(self.gradInput, input), np.take(go, keep, axis=axis))
        return self.gradInput


# ---- reductions ---------------------------------------------------------------------------

def _positive_dim(module, dim, nd_input):
    if dim < 0:
        return nd_input + dim + 1
    n = module.__dict__.get("nInputDims")
    if n and nd_input == n + 1:
        return dim + 1
    return dim


def _axis(module, input):
    """The 0-based axis a reduction runs over, checked as Torch7's THArgCheck did."""
    d, n = _positive_dim(module, module.dimension, input.dim()), input.dim()
    if not 1 <= d <= n:
        raise TorchError(f"dimension {d} out of range of {n}D tensor")
    return d - 1


class Max(Module):
    """nn.Max([dim=1, nInputDims]): the maximum over dimension dim (which disappears).

    Example: print(nn.Max(2):forward(torch.Tensor({{1, 5}, {7, 2}})))  -- 5 7
    """

    __typename__ = "nn.Max"
    _pick = staticmethod(np.argmax)

    def __init__(self, dimension=1, nInputDims=None):
        Module.__init__(self)
        self.dimension = 1 if dimension is None else dimension
        if nInputDims is not None:
            self.nInputDims = nInputDims

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        x = input._np()
        axis = _axis(self, input)
        idx = self._pick(x, axis=axis)
        self._indices = torch.LongTensor(np.expand_dims(idx, axis) + 1)
        y = np.take_along_axis(x, np.expand_dims(idx, axis), axis=axis)
        shape = y.shape[:axis] + y.shape[axis + 1:] if x.ndim > 1 else y.shape
        np.copyto(arrays.out(self.output, shape), y.reshape(shape))
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        axis = _axis(self, input)
        gi = arrays.out_like(self.gradInput, input)
        gi.fill(0)
        idx = self._indices._np() - 1
        go = arrays.grad_array(self, gradOutput, self.output, "output").reshape(idx.shape)
        np.put_along_axis(gi, idx, go, axis=axis)
        return self.gradInput


class Min(Max):
    """nn.Min([dim=1, nInputDims]): the minimum over dimension dim (which disappears).

    Example: print(nn.Min(2):forward(torch.Tensor({{1, 5}, {7, 2}})))  -- 1 2
    """

    __typename__ = "nn.Min"
    _pick = staticmethod(np.argmin)


class Sum(Module):
    """nn.Sum([dim=1, nInputDims, sizeAverage=false, squeeze=true]): the sum over
    dimension dim (the mean when sizeAverage).

    Example: print(nn.Sum(2):forward(torch.Tensor({{1, 2}, {3, 4}})))  -- 3 7
    """

    __typename__ = "nn.Sum"

    def __init__(self, dimension=1, nInputDims=None, sizeAverage=False, squeeze=None):
        Module.__init__(self)
        self.dimension = 1 if dimension is None else dimension
        if nInputDims is not None:
            self.nInputDims = nInputDims
        self.sizeAverage = bool(sizeAverage)
        self.squeeze = True if squeeze is None else squeeze

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        x = input._np()
        axis = _axis(self, input)
        y = x.sum(axis=axis, keepdims=True)
        if self.sizeAverage:
            y = y / x.shape[axis]
        if self.squeeze and x.ndim > 1:
            y = y.reshape(y.shape[:axis] + y.shape[axis + 1:])
        np.copyto(arrays.out(self.output, y.shape), y)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        x = input._np()
        axis = _axis(self, input)
        go = arrays.grad_array(self, gradOutput, self.output, "output")
        go = go.reshape(x.shape[:axis] + (1,) + x.shape[axis + 1:])
        if self.sizeAverage:
            go = go / x.shape[axis]
        np.copyto(arrays.out_like(self.gradInput, input), np.broadcast_to(go, x.shape))
        return self.gradInput


class Mean(Sum):
    """nn.Mean([dim=1, nInputDims]): the mean over dimension dim.

    Example: print(nn.Mean(2):forward(torch.Tensor({{1, 2}, {3, 4}})))  -- 1.5 3.5
    """

    __typename__ = "nn.Mean"

    def __init__(self, dimension=1, nInputDims=None):
        Sum.__init__(self, dimension, nInputDims, True)


class Normalize(Module):
    """nn.Normalize(p [, eps=1e-10]): each sample (vector or batch row) divided by its
    L_p norm (p may be math.huge).

    Example: print(nn.Normalize(2):forward(torch.Tensor({3, 4})))  -- 0.6 0.8
    """

    __typename__ = "nn.Normalize"

    def __init__(self, p, eps=None):
        Module.__init__(self)
        if p is None or p <= 0:
            raise TorchError("p should be > 0")
        self.p = p
        self.eps = 1e-10 if eps is None else eps

    def _rows(self, input):
        x = input._np()
        if x.ndim not in (1, 2):
            raise TorchError("only 1d layer supported")
        return x.reshape(1, -1) if x.ndim == 1 else x

    def _norm(self, x):
        if np.isinf(self.p):
            return np.abs(x).max(axis=1, keepdims=True) + self.eps
        return (np.power(np.abs(x), self.p).sum(axis=1, keepdims=True) + self.eps) ** (1 / self.p)

    def updateOutput(self, input):
        arrays.check_input(self, input)
        x = self._rows(input)
        y = x / self._norm(x)
        np.copyto(arrays.out_like(self.output, input), y.reshape(input._np().shape))
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput)
        x = self._rows(input)
        go = arrays.grad_array(self, gradOutput, input).reshape(x.shape)
        n = self._norm(x)
        dot = (go * x).sum(axis=1, keepdims=True)
        if np.isinf(self.p):
            # d||x||/dx_j is sign(x_j) at the largest |x_j| only
            hit = np.zeros_like(x)
            np.put_along_axis(hit, np.abs(x).argmax(axis=1)[:, None], 1, axis=1)
            dn = hit * np.sign(x)
            g = go / n - dot * dn / (n * n)
        else:
            dn = np.power(np.abs(x), self.p - 1) * np.sign(x)
            g = go / n - dot * dn / np.power(n, self.p + 1)
        np.copyto(arrays.out_like(self.gradInput, input), g.reshape(input._np().shape))
        return self.gradInput

    def __tostring__(self):
        return f"{torch.type(self)}({lua_tostring(self.p)})"


# ---- masks and copies -----------------------------------------------------------------------

class Dropout(Module):
    """nn.Dropout([p=0.5, v1, inplace, stochasticInference]): in training, zero each
    element with probability p and scale the rest by 1/(1-p); in evaluate(), pass
    through.

    Example: d = nn.Dropout(0.5); print(d:forward(torch.ones(6))); d:evaluate()
    """

    __typename__ = "nn.Dropout"

    def __init__(self, p=0.5, v1=False, inplace=False, stochasticInference=False):
        Module.__init__(self)
        self.p = 0.5 if p is None else p
        self.train = True
        self.inplace = bool(inplace)
        self.stochastic_inference = bool(stochasticInference)
        self.v2 = not v1
        if self.p >= 1 or self.p < 0:
            raise TorchError("<Dropout> illegal percentage, must be 0 <= p < 1")
        self.noise = torch.Tensor()

    def updateOutput(self, input):
        arrays.check_input(self, input)
        if self.inplace:
            self.output.set(input)
        else:
            self.output.resizeAs(input).copy(input)
        if self.p > 0:
            if self.train or self.stochastic_inference:
                self.noise.resizeAs(input)
                self.noise.bernoulli(1 - self.p)
                if self.v2:
                    self.noise.div(1 - self.p)
                self.output.cmul(self.noise)
            elif not self.v2:
                self.output.mul(1 - self.p)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput)
        if self.inplace:
            self.gradInput.set(gradOutput)
        else:
            self.gradInput.resizeAs(gradOutput).copy(gradOutput)
        if self.train:
            if self.p > 0:
                self.gradInput.cmul(self.noise)
        elif not self.v2 and self.p > 0:
            self.gradInput.mul(1 - self.p)
        return self.gradInput

    def setp(self, p):
        """d:setp(p): change the drop probability. Example: d:setp(0.2)"""
        self.p = p
        return ()

    def clearState(self):
        clear(self, "noise")
        return Module.clearState(self)

    def __tostring__(self):
        return f"{torch.type(self)}({self.p:f})"


class Copy(Module):
    """nn.Copy([inputType, outputType, forceCopy, dontCast]): converts its input to
    outputType (and gradients back to inputType).

    Example: c = nn.Copy('torch.DoubleTensor', 'torch.FloatTensor'); print(c:forward(torch.ones(2)))
    """

    __typename__ = "nn.Copy"

    def __init__(self, intype=None, outtype=None, forceCopy=False, dontCast=False):
        Module.__init__(self)
        default = torch.Tensor.__typename__
        intype, outtype = intype or default, outtype or default
        self.dontCast = dontCast
        self.gradInput = torch.getmetatable(intype)()
        self.output = torch.getmetatable(outtype)()
        if not forceCopy and intype == outtype:
            self._alias = True

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        if self.__dict__.get("_alias"):
            self.output.set(input)
            return input
        self.output.resize(input.size()).copy(input)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        if self.__dict__.get("_alias"):
            self.gradInput.set(gradOutput)
            return gradOutput
        self.gradInput.resize(gradOutput.size()).copy(gradOutput)
        return self.gradInput

    def type(self, typename=None, tensorCache=None):
        if typename is not None and self.dontCast:
            return self
        return Module.type(self, typename, tensorCache)


class Contiguous(Module):
    """nn.Contiguous(): the input itself when contiguous, else a contiguous copy.

    Example: print(nn.Contiguous():forward(torch.zeros(2, 3):t()):isContiguous())  -- true
    """

    __typename__ = "nn.Contiguous"

    def updateOutput(self, input):
        arrays.check_input(self, input, any_type=True)
        if not input.isContiguous():
            if self.output is input:
                self.output = arrays.new(input)
            self.output.resizeAs(input).copy(input)
        else:
            self.output.set(input)
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.check_args(self, input, gradOutput, any_type=True)
        if not gradOutput.isContiguous():
            if self.gradInput is gradOutput:
                self.gradInput = arrays.new(gradOutput)
            self.gradInput.resizeAs(gradOutput).copy(gradOutput)
        else:
            self.gradInput.set(gradOutput)
        return self.gradInput


__all__ = ["Reshape", "View", "Transpose", "Narrow", "Select", "Replicate", "Squeeze",
           "Unsqueeze", "Padding", "Max", "Min", "Sum", "Mean", "Normalize", "Dropout",
           "Copy", "Contiguous"]
