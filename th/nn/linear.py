"""Layers with parameters: Linear, Add, Mul, CMul, Bilinear, Euclidean, LookupTable.

Initialisation follows Torch7's `reset` rules and draws from the torch RNG in the same
order (weight, then bias, one draw per element in row-major order), so after
`torch.manualSeed(1)` the numbers are Torch7's. Each layer takes one sample or a
mini-batch (first dimension) where Torch7's does; the maths runs on numpy views of the
tensors (products through th.nn.gemm: one BLAS thread, big ones shared out), writing
into the module's reused buffers.
"""
import math

import numpy as np

from th import torch
from th.lua.table import LuaTable
from th.nn import arrays, gemm
from th.nn.module import Module, field_order
from th.torch.errors import TorchError


def _uniform_stdv(stdv, default):
    """Torch7's rule: reset(stdv) draws in +-stdv*sqrt(3); reset() in +-default."""
    stdv = arrays.number_arg(stdv, "stdv", None)
    return stdv * math.sqrt(3) if stdv is not None else default


def _same_type(module_tensor, input, fname):
    if not arrays.is_tensor(input):
        raise TorchError(f"bad argument #1 to '{fname}' (torch.*Tensor expected, got "
                         f"{torch.type(input)})")
    if input._type is not module_tensor._type:
        raise TorchError(f"{fname}: expected input of type {module_tensor.__typename__}, "
                         f"got {input.__typename__} (convert the module with "
                         f":type() or the input)")


def _fmt(shape):
    return " x ".join(map(str, shape))


def _size_mismatch(x, W):
    """Torch7's error for an input whose size does not fit the weight."""
    if x.ndim == 1:
        raise TorchError(f"size mismatch, [{_fmt(W.shape)}], [{_fmt(x.shape)}]")
    if x.ndim == 2:
        raise TorchError(f"size mismatch, m1: [{_fmt(x.shape)}], m2: [{_fmt(W.T.shape)}]")
    raise TorchError("input must be vector or matrix")


class Linear(Module):
    """nn.Linear(inputSize, outputSize [, bias=true]): y = W x + b.

    x is a vector of inputSize or a batch (n x inputSize); weight is outputSize x
    inputSize, and weight and bias start uniform in +-1/sqrt(inputSize).
    Example: lin = nn.Linear(5, 3); print(lin:forward(torch.randn(5)))
    """

    __typename__ = "nn.Linear"

    def __init__(self, inputSize, outputSize, bias=True):
        Module.__init__(self)
        self.weight = torch.Tensor(outputSize, inputSize)
        self.gradWeight = torch.Tensor(outputSize, inputSize)
        if bias is None or bias:
            self.bias = torch.Tensor(outputSize)
            self.gradBias = torch.Tensor(outputSize)
        self.reset()
        field_order(self, ("gradBias", "weight", "_type", "output", "gradInput", "bias",
                           "gradWeight"))

    def noBias(self):
        """lin:noBias(): drop the bias; returns lin. Example: lin = nn.Linear(3, 2):noBias()"""
        self.__dict__.pop("bias", None)
        self.__dict__.pop("gradBias", None)
        return self

    def reset(self, stdv=None):
        """lin:reset([stdv]): new weights, uniform in +-1/sqrt(inputSize) (or +-stdv*sqrt(3)).

        Example: torch.manualSeed(1); lin:reset()
        """
        stdv = _uniform_stdv(stdv, 1 / math.sqrt(self.weight.size(2)))
        self.weight.uniform(-stdv, stdv)
        bias = self.__dict__.get("bias")
        if bias is not None:
            bias.uniform(-stdv, stdv)
        return self

    def updateOutput(self, input):
        W = self.weight._np()
        _same_type(self.weight, input, "Linear")
        x = input._np()
        bias = self.__dict__.get("bias")
        if input.dim() == 0:
            raise TorchError("input must be vector or matrix")
        if x.shape[-1:] != W.shape[1:] or x.ndim > 2:
            _size_mismatch(x, W)
        if x.ndim == 1:
            o = arrays.out(self.output, (W.shape[0],))
            with gemm.one_blas_thread():
                np.dot(W, x, out=o)
        else:
            o = arrays.out(self.output, (x.shape[0], W.shape[0]))
            gemm.matmul(x, W.T, o)
        if bias is not None:
            np.add(o, bias._np(), out=o)
        return self.output

    def updateGradInput(self, input, gradOutput):
        W = self.weight._np()
        go = arrays.input_array(self, gradOutput, 2)
        if go.shape[-1:] != W.shape[:1] or go.ndim > 2:
            raise TorchError(f"size mismatch, [{_fmt(W.T.shape)}], [{_fmt(go.shape)}]")
        if go.ndim == 1:
            with gemm.one_blas_thread():
                np.dot(go, W, out=arrays.out_like(self.gradInput, input))
        elif go.ndim == 2:
            gemm.matmul(go, W, arrays.out(self.gradInput, (go.shape[0], W.shape[1])))
        else:
            raise TorchError("input must be vector or matrix")
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        scale = arrays.number_arg(scale)
        x, go = arrays.input_array(self, input), arrays.input_array(self, gradOutput, 2)
        gw = self.gradWeight._np()
        gradBias = self.__dict__.get("gradBias")
        if x.ndim == 1:
            update = np.multiply.outer(go, x)
            gsum = go
        else:
            update = gemm.matmul(go.T, x, np.empty(gw.shape, gw.dtype))
            gsum = go.sum(axis=0)
        if scale != 1:
            update *= scale
            gsum = gsum * scale
        np.add(gw, update, out=gw)
        if gradBias is not None:
            gb = gradBias._np()
            np.add(gb, gsum, out=gb)
        return ()

    def sharedAccUpdateGradParameters(self, input, gradOutput, lr):
        # Shared weights are one storage: updating them in place is enough (Torch7).
        return self._swap_acc_update(input, gradOutput, lr)

    def __tostring__(self):
        w = self.weight
        tail = " without bias" if self.__dict__.get("bias") is None else ""
        return f"{torch.type(self)}({w.size(2)} -> {w.size(1)}){tail}"


class Add(Module):
    """nn.Add(inputSize [, scalar=false]): y = x + b with a learnt bias (one value
    for every element when scalar).

    Example: m = nn.Add(3); print(m:forward(torch.zeros(3)))
    """

    __typename__ = "nn.Add"

    def __init__(self, inputSize, scalar=False):
        Module.__init__(self)
        size = 1 if scalar else inputSize
        self.scalar = scalar
        self.bias = torch.Tensor(size)
        self.gradBias = torch.Tensor(size)
        self.reset()

    def reset(self, stdv=None):
        """m:reset([stdv]): new bias, uniform in +-1/sqrt(size). Example: m:reset()"""
        stdv = _uniform_stdv(stdv, 1 / math.sqrt(self.bias.size(1)))
        self.bias.uniform(-stdv, stdv)
        return ()

    def updateOutput(self, input):
        x, b = arrays.input_array(self, input), self.bias._np()
        o = arrays.out_like(self.output, input)
        if self.scalar:
            np.add(x, b[0], out=o)
        elif x.size == b.size:
            np.add(x, b.reshape(x.shape), out=o)
        else:
            rows = x.reshape(x.shape[0], -1) if x.size else x.reshape(0, 0)
            if rows.shape[1] != b.size:
                # Torch7 adds the bias to each row of the batch with addr.
                raise TorchError(f"size mismatch, t: [{_fmt(rows.shape)}], vec1: "
                                 f"[{rows.shape[0]}], vec2: [{b.size}]")
            np.add(rows, b.reshape(1, -1), out=o.reshape(rows.shape))
        return self.output

    def updateGradInput(self, input, gradOutput):
        go = arrays.grad_array(self, gradOutput, arrays.check_input(self, input))
        np.copyto(arrays.out_like(self.gradInput, input), go)
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        scale = arrays.number_arg(scale)
        go = arrays.grad_array(self, gradOutput, arrays.check_input(self, input))
        gb = self.gradBias._np()
        if gb.size == 1:
            gb[0] += scale * go.sum()
        elif input.nElement() == gb.size:
            gb += scale * go.reshape(gb.shape)
        else:
            gb += scale * go.reshape(input.size(1), -1).sum(axis=0).reshape(gb.shape)
        return ()


class Mul(Module):
    """nn.Mul(): y = w * x with one learnt scalar w.

    Example: m = nn.Mul(); m.weight[1] = 2; print(m:forward(torch.ones(2)))  -- 2 2
    """

    __typename__ = "nn.Mul"

    def __init__(self):
        Module.__init__(self)
        self.weight = torch.Tensor(1)
        self.gradWeight = torch.Tensor(1)
        self.reset()

    def reset(self, stdv=None):
        """m:reset([stdv]): new weight, uniform in +-1. Example: m:reset()"""
        stdv = _uniform_stdv(stdv, 1 / math.sqrt(self.weight.size(1)))
        self.weight.uniform(-stdv, stdv)
        return ()

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.multiply(x, self.weight._np()[0], out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        g = arrays.grad_array(self, gradOutput, arrays.check_input(self, input))
        np.multiply(g, self.weight._np()[0], out=arrays.out_like(self.gradInput, input))
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        scale = arrays.number_arg(scale)
        x = arrays.input_array(self, input)
        go = arrays.grad_array(self, gradOutput, input)
        self.gradWeight._np()[0] += scale * float(np.vdot(x, go))
        return ()


class CMul(Module):
    """nn.CMul(size...): y = w .* x with a learnt weight of the given size (broadcast over
    a batch, or over the size-1 dimensions of w).

    Example: m = nn.CMul(3); print(m:forward(torch.ones(2, 3)))
    """

    __typename__ = "nn.CMul"

    def __init__(self, *sizes):
        Module.__init__(self)
        size = arrays_sizes(sizes)
        self.size = torch.LongStorage(list(size))
        self.weight = torch.Tensor(*size)
        self.gradWeight = torch.Tensor(*size)
        self.reset()

    def reset(self, stdv=None):
        """m:reset([stdv]): new weights, uniform in +-1/sqrt(#weight). Example: m:reset()"""
        stdv = _uniform_stdv(stdv, 1 / math.sqrt(self.weight.nElement()))
        self.weight.uniform(-stdv, stdv)
        return ()

    def _shapes(self, input):
        """(the input's working shape, the weight's broadcast shape), once the input is
        checked to be the weight's size, a batch of it, or a size it broadcasts to."""
        x, w = arrays.input_array(self, input), self.weight._np()
        if x.size == w.size:
            return x.shape, x.shape
        if w.ndim == x.ndim and all(n in (1, m) for n, m in zip(w.shape, x.shape)):
            return x.shape, w.shape
        if w.ndim != x.ndim and x.size and x.size % x.shape[0] == 0 and \
                x.size // x.shape[0] == w.size:
            return (x.shape[0], -1), (1, -1)
        raise TorchError(f"inconsistent tensor size: input {arrays.size_desc(input)} does "
                         f"not match weight {arrays.size_desc(self.weight)}")

    def updateOutput(self, input):
        xs, ws = self._shapes(input)
        x, w = input._np(), self.weight._np()
        o = arrays.out_like(self.output, input)
        np.multiply(x.reshape(xs), w.reshape(ws), out=o.reshape(xs))
        return self.output

    def updateGradInput(self, input, gradOutput):
        xs, ws = self._shapes(input)
        go, w = arrays.grad_array(self, gradOutput, input), self.weight._np()
        gi = arrays.out_like(self.gradInput, input)
        np.multiply(go.reshape(xs), w.reshape(ws), out=gi.reshape(xs))
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        scale = arrays.number_arg(scale)
        xs, ws = self._shapes(input)
        x, gw = input._np(), self.gradWeight._np()
        prod = x.reshape(xs) * arrays.grad_array(self, gradOutput, input).reshape(xs)
        if prod.size != gw.size:
            # sum over the dimensions the weight is broadcast along
            wshape = (1, gw.size) if ws == (1, -1) else gw.shape
            axes = tuple(a for a, n in enumerate(wshape) if n == 1 and prod.shape[a] != 1)
            prod = prod.sum(axis=axes, keepdims=True)
        gw += scale * prod.reshape(gw.shape)
        return ()


def arrays_sizes(sizes):
    """Sizes given as numbers or one LongStorage/table, as a tuple of ints."""
    if len(sizes) == 1 and not isinstance(sizes[0], (int, float)):
        src = sizes[0]
        vals = src.tolist() if hasattr(src, "tolist") else arrays.items(src)
        return tuple(int(v) for v in vals)
    return tuple(int(v) for v in sizes)


class Bilinear(Module):
    """nn.Bilinear(inputSize1, inputSize2, outputSize [, bias=true]):
    y_k = x1^T W_k x2 + b_k on a table {x1, x2} of two batches (n x inputSize1,
    n x inputSize2).

    Example: m = nn.Bilinear(3, 4, 2); print(m:forward({torch.randn(5, 3), torch.randn(5, 4)}))
    """

    __typename__ = "nn.Bilinear"

    def __init__(self, inputSize1, inputSize2, outputSize, bias=True):
        Module.__init__(self)
        self.weight = torch.Tensor(outputSize, inputSize1, inputSize2)
        self.gradWeight = torch.Tensor(outputSize, inputSize1, inputSize2)
        if bias is None or bias:
            self.bias = torch.Tensor(outputSize)
            self.gradBias = torch.Tensor(outputSize)
        self.gradInput = LuaTable.from_list([torch.Tensor(), torch.Tensor()])
        self.reset()

    def reset(self, stdv=None):
        """m:reset([stdv]): new weights and bias, uniform in +-1/sqrt(inputSize1).

        Example: m:reset()
        """
        stdv = _uniform_stdv(stdv, 1 / math.sqrt(self.weight.size(2)))
        self.weight.uniform(-stdv, stdv)
        if self.__dict__.get("bias") is not None:
            self.bias.uniform(-stdv, stdv)
        return self

    def _inputs(self, input):
        if not arrays.is_table(input) or len(arrays.items(input)) != 2 or \
                not all(arrays.is_tensor(v) for v in arrays.items(input)):
            raise TorchError("input should be a table containing two data Tensors")
        a, b = arrays.items(input)
        if a.dim() != 2 or b.dim() != 2:
            raise TorchError("input Tensors should be two-dimensional")
        if a.size(1) != b.size(1):
            raise TorchError("input Tensors should have the same number of rows (instances)")
        if a.size(2) != self.weight.size(2):
            raise TorchError("dimensionality of first input is erroneous")
        if b.size(2) != self.weight.size(3):
            raise TorchError("dimensionality of second input is erroneous")
        return a._np(), b._np()

    def updateOutput(self, input):
        x1, x2 = self._inputs(input)
        o = arrays.out(self.output, (x1.shape[0], self.weight.size(1)))
        with gemm.one_blas_thread():
            np.copyto(o, np.einsum("bi,kij,bj->bk", x1, self.weight._np(), x2, optimize=True))
        if self.__dict__.get("bias") is not None:
            o += self.bias._np()
        return self.output

    def _grad(self, x1, gradOutput):
        go = arrays.input_array(self, gradOutput, 2)
        if go.ndim != 2 or go.shape[0] != x1.shape[0]:
            raise TorchError("number of rows in gradOutput does not match input")
        if go.shape[1] != self.weight.size(1):
            raise TorchError("number of columns in gradOutput does not output size of layer")
        return go

    def updateGradInput(self, input, gradOutput):
        x1, x2 = self._inputs(input)
        go, W = self._grad(x1, gradOutput), self.weight._np()
        g1, g2 = self.gradInput[1], self.gradInput[2]
        with gemm.one_blas_thread():
            np.copyto(arrays.out(g1, x1.shape), np.einsum("bk,kij,bj->bi", go, W, x2,
                                                          optimize=True))
            np.copyto(arrays.out(g2, x2.shape), np.einsum("bk,kij,bi->bj", go, W, x1,
                                                          optimize=True))
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        scale = arrays.number_arg(scale)
        x1, x2 = self._inputs(input)
        go = self._grad(x1, gradOutput)
        gw = self.gradWeight._np()
        with gemm.one_blas_thread():
            gw += scale * np.einsum("bk,bi,bj->kij", go, x1, x2, optimize=True)
        if self.__dict__.get("bias") is not None:
            gb = self.gradBias._np()
            gb += scale * go.sum(axis=0)
        return ()

    def __tostring__(self):
        w = self.weight
        tail = " without bias" if self.__dict__.get("bias") is None else ""
        return f"{torch.type(self)}({w.size(2)}x{w.size(3)} -> {w.size(1)}) {tail}"


class Euclidean(Module):
    """nn.Euclidean(inputSize, outputSize): y_j = ||w_j - x||, the distances from x to
    outputSize learnt centres (the columns of weight).

    Example: m = nn.Euclidean(3, 2); print(m:forward(torch.randn(3)))
    """

    __typename__ = "nn.Euclidean"

    def __init__(self, inputSize, outputSize):
        Module.__init__(self)
        self.weight = torch.Tensor(inputSize, outputSize)
        self.gradWeight = torch.Tensor(inputSize, outputSize)
        self.gradInput.resize(inputSize)
        self.output.resize(outputSize)
        self.fastBackward = True
        self.reset()

    def reset(self, stdv=None):
        """m:reset([stdv]): new centres, uniform in +-1/sqrt(inputSize). Example: m:reset()"""
        stdv = _uniform_stdv(stdv, 1 / math.sqrt(self.weight.size(1)))
        self.weight.uniform(-stdv, stdv)
        return ()

    def _diff(self, input):
        x = arrays.input_array(self, input)
        if x.ndim not in (1, 2) or x.size == 0:
            raise TorchError("1D or 2D input expected")
        if x.shape[-1] != self.weight.size(1):
            n = self.weight.size(1)
            raise arrays.bad_argument(self, 1, f"vector of {n} or matrix n x {n}",
                                      arrays.size_desc(input))
        xb = x.reshape(-1, x.shape[-1], 1)                # batch x inputSize x 1
        return xb - self.weight._np()[None, :, :]          # batch x inputSize x outputSize

    def updateOutput(self, input):
        d = self._diff(input)
        y = np.sqrt((d * d).sum(axis=1))
        shape = (y.shape[1],) if input.dim() == 1 else y.shape
        np.copyto(arrays.out(self.output, shape), y.reshape(shape))
        return self.output

    def _scaled(self, input, gradOutput):
        # dy_j/dx = (x - w_j) / y_j, with 1e-7 added to y as Torch7 does (no NaN).
        d = self._diff(input)
        y = self.output._np().reshape(d.shape[0], 1, -1)
        go = arrays.grad_array(self, gradOutput, self.output, "output").reshape(y.shape)
        return d * (go / (y + 1e-7))

    def updateGradInput(self, input, gradOutput):
        g = self._scaled(input, gradOutput).sum(axis=2)
        np.copyto(arrays.out_like(self.gradInput, input), g.reshape(input._np().shape))
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        scale = arrays.number_arg(scale)
        gw = self.gradWeight._np()
        gw -= scale * self._scaled(input, gradOutput).sum(axis=0)
        return ()


class LookupTable(Module):
    """nn.LookupTable(nIndex, size [, paddingValue, maxNorm, normType]): the rows of a
    learnt nIndex x size table picked by a vector (or batch matrix) of 1-based indices.

    Rows start normal(0, 1); indices equal to paddingValue get no gradient; with
    maxNorm, looked-up rows are renormalised to at most that norm.
    Example: emb = nn.LookupTable(10, 3); print(emb:forward(torch.LongTensor({1, 5, 1})))
    """

    __typename__ = "nn.LookupTable"

    def __init__(self, nIndex, nOutput, paddingValue=None, maxNorm=None, normType=None):
        Module.__init__(self)
        self.weight = torch.Tensor(nIndex, nOutput)
        self.gradWeight = torch.Tensor(nIndex, nOutput).zero()
        self.paddingValue = paddingValue or 0
        if maxNorm is not None:
            self.maxNorm = maxNorm
        if normType is not None:
            self.normType = normType
        self.shouldScaleGradByFreq = False
        self.reset()

    def reset(self, stdv=None):
        """m:reset([stdv=1]): new rows drawn normal(0, stdv). Example: emb:reset()"""
        self.weight.normal(0, 1 if stdv is None else stdv)
        return ()

    def scaleGradByFreq(self):
        """m:scaleGradByFreq(): divide each row's gradient by its count in the batch; returns m.

        Example: emb:scaleGradByFreq()
        """
        self.shouldScaleGradByFreq = True
        return self

    def setPadding(self, paddingValue):
        """m:setPadding(index): the index whose row gets no gradient; returns m. Example: emb:setPadding(1)"""
        self.paddingValue = paddingValue
        return self

    def setMaxNorm(self, maxNorm):
        """m:setMaxNorm(n): renormalise looked-up rows to norm <= n; returns m. Example: emb:setMaxNorm(1)"""
        self.maxNorm = maxNorm
        return self

    def _indices(self, input):
        if not arrays.is_tensor(input) or input.dim() not in (1, 2):
            raise TorchError("input must be a vector or matrix")
        idx = input._np().reshape(-1).astype(np.int64)
        n = self.weight.size(1)
        if idx.size and (idx.min() < 1 or idx.max() > n):
            raise TorchError("index out of range")
        return idx - 1

    def _renorm(self, idx):
        max_norm = self.__dict__.get("maxNorm")
        if max_norm is None:
            return
        p = self.__dict__.get("normType") or 2
        W = self.weight._np()
        rows = np.unique(idx)
        norms = np.linalg.norm(W[rows], ord=p, axis=1)
        big = norms > max_norm
        W[rows[big]] *= (max_norm / (norms[big] + 1e-7))[:, None]

    def updateOutput(self, input):
        idx = self._indices(input)
        self._renorm(idx)
        W = self.weight._np()
        shape = tuple(input._size) + (W.shape[1],)
        np.take(W, idx, axis=0, out=arrays.out(self.output, (idx.size, W.shape[1])))
        arrays.out(self.output, shape)
        return self.output

    def updateGradInput(self, input, gradOutput):
        if type(self.gradInput) is not type(input):
            self.gradInput = arrays.new(input)
        if not self.gradInput.isSameSizeAs(input):
            self.gradInput.resizeAs(input).zero()
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        scale = arrays.number_arg(scale)
        idx = self._indices(input)
        go = arrays.grad_array(self, gradOutput, self.output, "output").reshape(idx.size, -1)
        keep = idx != (self.paddingValue - 1)
        idx, go = idx[keep], go[keep]
        if self.shouldScaleGradByFreq:
            counts = np.bincount(idx, minlength=self.weight.size(1))
            go = go / counts[idx][:, None]
        np.add.at(self.gradWeight._np(), idx, scale * go)
        return ()


__all__ = ["Linear", "Add", "Mul", "CMul", "Bilinear", "Euclidean", "LookupTable"]
