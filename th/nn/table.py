"""Table layers: modules whose input or output is a Lua table of tensors.

SplitTable and JoinTable (negative dimensions count from the end), SelectTable,
NarrowTable, FlattenTable, the element-wise CAddTable / CSubTable / CMulTable /
CDivTable, Identity, and the distances PairwiseDistance and CosineDistance. Tables come
from Lua as LuaTables (from Python, lists work too); the tables these modules return
are LuaTables.
"""
import numpy as np

from th import torch
from th.lua.table import LuaTable
from th.nn import arrays
from th.nn.module import Module
from th.torch.errors import TorchError


def _dimension(module, first_dim):
    """The positive dimension of a Split/JoinTable for an input of first_dim dimensions."""
    d = module.dimension
    if d < 0:
        return first_dim + d + 1
    n = module.__dict__.get("nInputDims")
    if n and first_dim == n + 1:
        return d + 1
    return d


class SplitTable(Module):
    """nn.SplitTable(dim [, nInputDims]): a tensor split along dim into a table of
    its slices.

    Example: t = nn.SplitTable(1):forward(torch.Tensor({{1, 2}, {3, 4}})); print(t[2])  -- 3 4
    """

    __typename__ = "nn.SplitTable"

    def __init__(self, dimension, nInputDims=None):
        Module.__init__(self)
        self.dimension = dimension
        if nInputDims is not None:
            self.nInputDims = nInputDims

    def updateOutput(self, input):
        dim = _dimension(self, arrays.check_input(self, input, any_type=True).dim())
        self.output = LuaTable.from_list([input.select(dim, i)
                                          for i in range(1, input.size(dim) + 1)])
        return self.output

    def updateGradInput(self, input, gradOutput):
        dim = _dimension(self, arrays.check_input(self, input, any_type=True).dim())
        grads = arrays.tensor_items(self, gradOutput, 2, input.size(dim), any_type=True)
        self.gradInput.resizeAs(input)
        for i in range(1, input.size(dim) + 1):
            part = self.gradInput.select(dim, i)
            if arrays.is_tensor(part):
                part.copy(grads[i - 1])
            else:
                self.gradInput[i] = grads[i - 1]
        return self.gradInput


class JoinTable(Module):
    """nn.JoinTable(dim [, nInputDims]): a table of tensors concatenated along dim
    (negative dims count from the end).

    Example: print(nn.JoinTable(1):forward({torch.Tensor({1, 2}), torch.Tensor({3})}))
    """

    __typename__ = "nn.JoinTable"

    def __init__(self, dimension, nInputDims=None):
        Module.__init__(self)
        self.size = torch.LongStorage()
        self.dimension = dimension
        if nInputDims is not None:
            self.nInputDims = nInputDims
        self.gradInput = LuaTable()

    def updateOutput(self, input):
        parts = arrays.tensor_items(self, input, any_type=True)
        dim = _dimension(self, parts[0].dim())
        if not 1 <= dim <= parts[0].dim():
            raise TorchError(f"bad argument #1 to 'JoinTable' (dimension {dim} out of range)")
        size = list(parts[0]._size)
        for p in parts[1:]:
            if p.dim() != len(size) or any(a != b for d, (a, b) in
                                           enumerate(zip(p._size, size), 1) if d != dim):
                raise TorchError("inconsistent tensor sizes")
            size[dim - 1] += p.size(dim)
        self.size = torch.LongStorage(size)
        o = arrays.out(self.output, tuple(size))
        np.concatenate([p._np() for p in parts], axis=dim - 1, out=o)
        return self.output

    def updateGradInput(self, input, gradOutput):
        parts = arrays.tensor_items(self, input, any_type=True)
        arrays.check_input(self, gradOutput, 2, any_type=True)
        dim = _dimension(self, parts[0].dim())
        if type(self.gradInput) is not LuaTable:
            self.gradInput = LuaTable()
        grads = self.gradInput
        offset = 1
        for i, p in enumerate(parts, 1):
            if grads[i] is None:
                grads[i] = arrays.new(p)
            n = p.size(dim)
            grads[i].resizeAs(p).copy(gradOutput.narrow(dim, offset, n))
            offset += n
        for i in range(len(grads.arr), len(parts), -1):
            grads[i] = None
        return self.gradInput


def _zero_copy(dst, src):
    """Make table dst mirror src's structure, with zeroed tensors (SelectTable's gradInput)."""
    src_items = arrays.items(src)
    for k, v in enumerate(src_items, 1):
        if arrays.is_table(v):
            dst[k] = _zero_copy(dst[k] if type(dst[k]) is LuaTable else LuaTable(), v)
        elif arrays.is_tensor(v):
            if dst[k] is None or not arrays.is_tensor(dst[k]):
                dst[k] = v.clone().zero()
            else:
                dst[k].resizeAs(v).zero()
        else:
            dst[k] = None
    for k in range(len(dst.arr), len(src_items), -1):
        dst[k] = None
    return dst


def _copy_into(module, dst, src):
    """nn.utils.recursiveCopy: copy tensors of src into dst (tables walked); returns dst.
    src is the gradOutput of `module` (or a part of it)."""
    if arrays.is_table(src):
        dst = dst if type(dst) is LuaTable else LuaTable()
        for k, v in enumerate(arrays.items(src), 1):
            dst[k] = _copy_into(module, dst[k], v)
        return dst
    arrays.check_input(module, src, 2, any_type=True)
    if not arrays.is_tensor(dst):
        dst = arrays.new(src)
    return dst.resizeAs(src).copy(src)


class SelectTable(Module):
    """nn.SelectTable(index): the index-th entry of the input table (negative counts
    from the end).

    Example: print(nn.SelectTable(2):forward({torch.ones(1), torch.zeros(2)}))
    """

    __typename__ = "nn.SelectTable"

    def __init__(self, index):
        Module.__init__(self)
        self.index = index
        self.gradInput = LuaTable()

    def _where(self, input):
        n = len(arrays.table_items(self, input))
        return n + self.index + 1 if self.index < 0 else self.index

    def updateOutput(self, input):
        i = self._where(input)
        entries = arrays.items(input)
        if not 1 <= i <= len(entries) or entries[i - 1] is None:
            raise TorchError("index does not exist in the input table")
        self.output = entries[i - 1]
        return self.output

    def updateGradInput(self, input, gradOutput):
        if type(self.gradInput) is not LuaTable:
            self.gradInput = LuaTable()
        i = self._where(input)
        if not (arrays.is_tensor(gradOutput) or arrays.is_table(gradOutput)):
            raise arrays.bad_argument(self, 2, "tensor or table", torch.type(gradOutput))
        _zero_copy(self.gradInput, input)
        self.gradInput[i] = _copy_into(self, self.gradInput[i], gradOutput)
        return self.gradInput

    def __tostring__(self):
        return f"{torch.type(self)}({self.index})"


class NarrowTable(Module):
    """nn.NarrowTable(offset [, length=1]): the entries offset .. offset+length-1 of
    the input table, as a table.

    Example: t = nn.NarrowTable(2, 2):forward({torch.ones(1), torch.ones(2), torch.ones(3)})
    """

    __typename__ = "nn.NarrowTable"

    def __init__(self, offset, length=1):
        Module.__init__(self)
        self.offset = offset
        self.length = 1 if length is None else length
        self.output = LuaTable()
        self.gradInput = LuaTable()

    def updateOutput(self, input):
        entries = arrays.table_items(self, input)
        self.output = LuaTable.from_list(entries[self.offset - 1:self.offset - 1 + self.length])
        return self.output

    def updateGradInput(self, input, gradOutput):
        entries = arrays.table_items(self, input)
        grads = arrays.table_items(self, gradOutput, 2, len(self.output.arr))
        if type(self.gradInput) is not LuaTable:
            self.gradInput = LuaTable()
        for i, x in enumerate(entries, 1):
            k = i - self.offset
            if 0 <= k < self.length:
                self.gradInput[i] = grads[k]
            else:
                self.gradInput[i] = _zero_copy(LuaTable(), x) if arrays.is_table(x) else x.clone().zero()
        for i in range(len(self.gradInput.arr), len(entries), -1):
            self.gradInput[i] = None
        return self.gradInput


def _flatten(value, out):
    if arrays.is_table(value):
        for v in arrays.items(value):
            _flatten(v, out)
    else:
        out.append(value)
    return out


def _unflatten(template, flat, pos):
    """Rebuild template's nesting from the flat list (pos: next index into it)."""
    if not arrays.is_table(template):
        return flat[pos], pos + 1
    t = LuaTable()
    for k, v in enumerate(arrays.items(template), 1):
        t[k], pos = _unflatten(v, flat, pos)
    return t, pos


class FlattenTable(Module):
    """nn.FlattenTable(): a nested table of tensors as one flat table (depth first).

    Example: t = nn.FlattenTable():forward({torch.ones(1), {torch.ones(2), torch.ones(3)}}); print(#t)  -- 3
    """

    __typename__ = "nn.FlattenTable"

    def __init__(self):
        Module.__init__(self)
        self.output = LuaTable()
        self.gradInput = LuaTable()

    def updateOutput(self, input):
        self.output = LuaTable.from_list(_flatten(input, []))
        return self.output

    def updateGradInput(self, input, gradOutput):
        grads = arrays.table_items(self, gradOutput, 2, len(_flatten(input, [])))
        self.gradInput, _ = _unflatten(input, grads, 0)
        return self.gradInput


class Identity(Module):
    """nn.Identity(): returns its input (tensor, table or anything) unchanged.

    Example: print(nn.Identity():forward(torch.ones(2)))
    """

    __typename__ = "nn.Identity"

    def updateOutput(self, input):
        self.output = input
        return self.output

    def updateGradInput(self, input, gradOutput):
        self.gradInput = gradOutput
        return self.gradInput


# ---- element-wise operations on a table of tensors -----------------------------------------

class _CTable(Module):
    """Shared shape of CAddTable, CSubTable, CMulTable, CDivTable."""

    def __init__(self, ip=False):
        Module.__init__(self)
        self.inplace = bool(ip)
        self.gradInput = LuaTable()

    def _grads(self, input, gradOutput, count=None):
        """The input's tensors and the gradInput arrays to fill (shaped as them), after
        checking both arguments; gradOutput comes back as an array shaped as input[1]."""
        entries = arrays.tensor_items(self, input, 1, count)[:count]
        for x in entries[1:]:
            arrays.like_array(entries[0], x)
        go = arrays.like_array(entries[0], arrays.check_input(self, gradOutput, 2))
        if type(self.gradInput) is not LuaTable:
            self.gradInput = LuaTable()
        for i, x in enumerate(entries, 1):
            if self.gradInput[i] is None:
                self.gradInput[i] = arrays.new(x)
        for i in range(len(self.gradInput.arr), len(entries), -1):
            self.gradInput[i] = None
        return entries, go, [arrays.out_like(self.gradInput[i], x) for i, x in enumerate(entries, 1)]


class CAddTable(_CTable):
    """nn.CAddTable([inplace=false]): the element-wise sum of a table of tensors.

    Example: print(nn.CAddTable():forward({torch.ones(2), torch.ones(2)}))  -- 2 2
    """

    __typename__ = "nn.CAddTable"

    def updateOutput(self, input):
        entries = arrays.tensor_items(self, input)
        if self.inplace:
            self.output.set(entries[0])
        else:
            self.output.resizeAs(entries[0]).copy(entries[0])
        o = self.output._np()
        for x in entries[1:]:
            np.add(o, arrays.like_array(self.output, x), out=o)
        return self.output

    def updateGradInput(self, input, gradOutput):
        entries, go, grads = self._grads(input, gradOutput)
        if self.inplace:
            self.gradInput = LuaTable.from_list([gradOutput] * len(entries))
            return self.gradInput
        for g in grads:
            np.copyto(g, go.reshape(g.shape))
        return self.gradInput


class CSubTable(_CTable):
    """nn.CSubTable(): input[1] - input[2], element-wise.

    Example: print(nn.CSubTable():forward({torch.ones(2), torch.ones(2)}))  -- 0 0
    """

    __typename__ = "nn.CSubTable"

    def updateOutput(self, input):
        a, b = arrays.tensor_items(self, input, 1, 2)[:2]
        np.subtract(a._np(), arrays.like_array(a, b), out=arrays.out_like(self.output, a))
        return self.output

    def updateGradInput(self, input, gradOutput):
        entries, go, grads = self._grads(input, gradOutput, 2)
        np.copyto(grads[0], go)
        np.negative(arrays.like_array(entries[1], gradOutput), out=grads[1])
        return self.gradInput


class CMulTable(_CTable):
    """nn.CMulTable(): the element-wise product of a table of tensors.

    Example: print(nn.CMulTable():forward({torch.Tensor({2, 3}), torch.Tensor({4, 5})}))  -- 8 15
    """

    __typename__ = "nn.CMulTable"

    def updateOutput(self, input):
        entries = arrays.tensor_items(self, input)
        o = arrays.out_like(self.output, entries[0])
        np.copyto(o, entries[0]._np())
        for x in entries[1:]:
            np.multiply(o, arrays.like_array(self.output, x), out=o)
        return self.output

    def updateGradInput(self, input, gradOutput):
        entries, go, grads = self._grads(input, gradOutput)
        for i, g in enumerate(grads):
            prod = go.reshape(g.shape).copy()
            for j, x in enumerate(entries):
                if j != i:
                    prod *= x._np().reshape(g.shape)
            np.copyto(g, prod)
        return self.gradInput


class CDivTable(_CTable):
    """nn.CDivTable(): input[1] / input[2], element-wise.

    Example: print(nn.CDivTable():forward({torch.Tensor({6}), torch.Tensor({3})}))  -- 2
    """

    __typename__ = "nn.CDivTable"

    def updateOutput(self, input):
        a, b = arrays.tensor_items(self, input, 1, 2)[:2]
        np.divide(a._np(), arrays.like_array(a, b), out=arrays.out_like(self.output, a))
        return self.output

    def updateGradInput(self, input, gradOutput):
        entries, go, grads = self._grads(input, gradOutput, 2)
        a, b = entries[0]._np(), arrays.like_array(entries[0], entries[1])
        np.divide(go, b.reshape(a.shape), out=grads[0])
        np.copyto(grads[1], (-grads[0] * a / b.reshape(a.shape)).reshape(grads[1].shape))
        return self.gradInput


# ---- distances ------------------------------------------------------------------------------

def _pair(module, input):
    """The two tensors of a distance's input, checked: vectors or matrices of one size."""
    a, b = arrays.tensor_items(module, input, 1, 2)[:2]
    if a.dim() not in (1, 2):
        raise TorchError("input must be vector or matrix")
    arrays.like_array(a, b)
    return a, b


class PairwiseDistance(Module):
    """nn.PairwiseDistance(p): the L_p distance between input[1] and input[2] (vectors,
    or the rows of two batches).

    Example: print(nn.PairwiseDistance(2):forward({torch.Tensor({0, 0}), torch.Tensor({3, 4})}))  -- 5
    """

    __typename__ = "nn.PairwiseDistance"

    def __init__(self, p):
        Module.__init__(self)
        self.gradInput = LuaTable.from_list([torch.Tensor(), torch.Tensor()])
        self.output = torch.Tensor(1)
        self.diff = torch.Tensor()
        self.norm = p

    def updateOutput(self, input):
        a, b = _pair(self, input)
        x = a._np()
        rows = np.abs(x - b._np().reshape(x.shape)).reshape(-1, x.shape[-1])
        y = np.power(np.power(rows, self.norm).sum(axis=1), 1 / self.norm)
        np.copyto(arrays.out(self.output, y.shape), y)
        return self.output

    def updateGradInput(self, input, gradOutput):
        a, b = _pair(self, input)
        x = a._np()
        diff = x - b._np().reshape(x.shape)
        rows = diff.reshape(1, -1) if a.dim() == 1 else diff
        y = self.output._np().reshape(-1, 1)
        go = arrays.grad_array(self, gradOutput, self.output, "output").reshape(-1, 1)
        if self.norm == 1:
            g = np.sign(rows)
        else:
            g = rows * np.power(np.abs(rows), self.norm - 2) if self.norm > 2 else rows.copy()
            g = g * np.power(y + 1e-6, -(self.norm - 1))     # 1e-6: Torch7's guard against 0
        g = g * go
        g1 = arrays.out_like(self.gradInput[1], a)
        np.copyto(g1, g.reshape(x.shape))
        np.negative(g1, out=arrays.out_like(self.gradInput[2], b))
        return self.gradInput


class CosineDistance(Module):
    """nn.CosineDistance(): the cosine similarity of input[1] and input[2] (vectors, or
    the rows of two batches).

    Example: print(nn.CosineDistance():forward({torch.Tensor({1, 0}), torch.Tensor({1, 1})}))  -- 0.7071
    """

    __typename__ = "nn.CosineDistance"

    def __init__(self):
        Module.__init__(self)
        self.gradInput = LuaTable.from_list([torch.Tensor(), torch.Tensor()])

    def _terms(self, input):
        a, b = _pair(self, input)
        x1, x2 = a._np().reshape(-1, a._np().shape[-1]), b._np().reshape(-1, a._np().shape[-1])
        eps = 1e-12
        w1 = (x1 * x2).sum(axis=1, keepdims=True)
        w22 = 1 / ((x1 * x1).sum(axis=1, keepdims=True) + eps)
        w32 = 1 / ((x2 * x2).sum(axis=1, keepdims=True) + eps)
        return a, b, x1, x2, w1, w22, w32, np.sqrt(w22 * w32)

    def updateOutput(self, input):
        a, _, _, _, w1, _, _, w = self._terms(input)
        y = (w1 * w).reshape(-1)
        np.copyto(arrays.out(self.output, y.shape), y)
        return self.output

    def updateGradInput(self, input, gradOutput):
        a, b, x1, x2, w1, w22, w32, w = self._terms(input)
        go = arrays.grad_array(self, gradOutput, self.output, "output").reshape(-1, 1)
        g1 = (x2 - w1 * w22 * x1) * w * go
        g2 = (x1 - w1 * w32 * x2) * w * go
        np.copyto(arrays.out_like(self.gradInput[1], a), g1.reshape(a._np().shape))
        np.copyto(arrays.out_like(self.gradInput[2], b), g2.reshape(b._np().shape))
        return self.gradInput


__all__ = ["SplitTable", "JoinTable", "SelectTable", "NarrowTable", "FlattenTable",
           "Identity", "CAddTable", "CSubTable", "CMulTable", "CDivTable",
           "PairwiseDistance", "CosineDistance"]
