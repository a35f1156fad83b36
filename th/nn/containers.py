"""Containers: modules made of modules (Sequential, Concat, DepthConcat, Parallel,
ParallelTable, ConcatTable, MapTable) and their ASCII-tree printing.

A container keeps its children in `self.modules`, a LuaTable (so Lua reads
`net.modules[1]` and `#net.modules`), and calls them only through their Torch method
names, so children written in Lua work like Python ones. An error raised by a child
comes back as Torch7 words it: "In <i> module of nn.Sequential:" then the child's
message (outermost container first).
"""
import re

from th import torch
from th.lua.runtime import first
from th.lua.table import LuaTable
from th.nn import arrays
from th.nn.module import Module, param_lists


class ContainerError(RuntimeError):
    """An error raised inside a child module, re-thrown by its container."""


_NESTED = re.compile(r"[^\n]*\nIn \d+ module of ")


def rethrown(container, index, exc):
    """The ContainerError for `exc`, raised by child `index` of `container`."""
    message = str(exc)
    if isinstance(exc, ContainerError) or _NESTED.match(message):
        # Already wrapped deeper down: drop its first line (the Lua position, if any).
        message = message.split("\n", 1)[1]
    return ContainerError(f"\nIn {index} module of {torch.type(container)}:\n{message}")


def _branch_tree(container):
    """Torch7's printing of Concat, ConcatTable, Parallel, ParallelTable, DepthConcat."""
    lines = [torch.type(container) + " {", "  input"]
    mods = container.modules.arr
    for i, m in enumerate(mods, 1):
        last = i == len(mods)
        head = "  " + ("   `-> " if last else "  |`-> ")
        cont = "\n  " + ("       " if last else "  |    ")
        lines.append(f"{head}({i}): " + str(m).replace("\n", cont))
    lines.append("  " + "   ... -> output")
    lines.append("}")
    return "\n".join(lines)


def _check_module(container, module):
    """A module to add: nn.Module's error words when it is anything else."""
    if not isinstance(module, Module):
        raise arrays.bad_argument(container, 1, "nn.Module", torch.type(module))


def _index(v, default, argn, fname):
    """A position in the chain (insert, remove): `default` for nil, else a number."""
    if v is None:
        return default
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return int(v)
    raise ContainerError(f"bad argument #{argn} to '{fname}' (number expected, got "
                         f"{torch.type(v)})")


# ---- Container ---------------------------------------------------------------------------

class Container(Module):
    """nn.Container(): the abstract base of modules holding a list of modules.

    Its children are the table `modules`; add, get and size manage them.
    Example: net = nn.Sequential():add(nn.Linear(2, 2)); print(net:get(1), net:size())
    """

    __typename__ = "nn.Container"

    def __init__(self, *args):
        Module.__init__(self)
        self.modules = LuaTable()

    def add(self, module=None, *_):
        """c:add(module): append a child module; returns c (so calls chain).

        Example: net:add(nn.Linear(10, 5)):add(nn.Tanh())
        """
        _check_module(self, module)
        self.modules.arr.append(module)
        return self

    def get(self, index=None, *_):
        """c:get(i): the i-th child module. Example: lin = net:get(1)"""
        return self.modules[index]

    def size(self, *_):
        """c:size(): the number of child modules. Example: print(net:size())"""
        return len(self.modules.arr)

    def rethrowErrors(self, module, moduleIndex, funcName, *args):
        """c:rethrowErrors(module, i, 'method', ...): call module:method(...), re-raising
        an error with "In i module of <container>:" in front.

        Example: out = self:rethrowErrors(self.modules[1], 1, 'updateOutput', input)
        """
        try:
            return first(getattr(module, funcName)(*args))
        except Exception as e:
            raise rethrown(self, moduleIndex, e) from e

    def applyToModules(self, func=None, *_):
        """c:applyToModules(f): call f(child) for each child. Example: net:applyToModules(print)"""
        for m in list(self.modules.arr):
            func(m)
        return ()

    def zeroGradParameters(self, *_):
        """c:zeroGradParameters(): zero the gradients of every child. Example: net:zeroGradParameters()"""
        for m in self.modules.arr:
            m.zeroGradParameters()
        return ()

    def updateParameters(self, learningRate=None, *_):
        """c:updateParameters(lr): update every child's parameters. Example: net:updateParameters(0.01)"""
        for m in self.modules.arr:
            m.updateParameters(learningRate)
        return ()

    def training(self, *_):
        """c:training(): training mode for c and every child. Example: net:training()"""
        for m in self.modules.arr:
            m.training()
        return Module.training(self)

    def evaluate(self, *_):
        """c:evaluate(): evaluation mode for c and every child. Example: net:evaluate()"""
        for m in self.modules.arr:
            m.evaluate()
        return Module.evaluate(self)

    def share(self, mlp=None, *names):
        """c:share(other, 'weight', ...): share the named fields child by child; returns c.

        Example: twin:share(net, 'weight', 'bias')
        """
        if not isinstance(mlp, Container):
            raise arrays.bad_argument(self, 1, "nn.Container", torch.type(mlp))
        for mine, theirs in zip(self.modules.arr, mlp.modules.arr):
            mine.share(theirs, *names)
        return self

    def reset(self, stdv=None, *_):
        """c:reset([stdv]): re-initialise every child. Example: net:reset()"""
        for m in self.modules.arr:
            m.reset(stdv)
        return ()

    def parameters(self, *_):
        """c:parameters(): every child's parameters and gradients, in order, as two tables.

        Example: params, grads = net:parameters(); print(#params)
        """
        params, grads = [], []
        for m in self.modules.arr:
            p, g = param_lists(m)
            params.extend(p)
            grads.extend(g)
        return LuaTable.from_list(params), LuaTable.from_list(grads)

    def clearState(self, *_):
        """c:clearState(): empty the buffers of c and every child; returns c.

        Example: net:clearState()
        """
        # New empty buffers rather than emptied ones: output may be a child's own.
        fields = self.__dict__
        for name in ("output", "gradInput"):
            v = fields.get(name)
            if arrays.is_tensor(v):
                fields[name] = arrays.new(v)
            elif arrays.is_table(v):
                fields[name] = LuaTable()
        for m in self.modules.arr:
            m.clearState()
        return self


# ---- Sequential ---------------------------------------------------------------------------

class Sequential(Container):
    """nn.Sequential(): modules applied one after the other (a feed-forward chain).

    add, insert, remove, get and size manage the chain; `#net` is its length.
    Example: net = nn.Sequential():add(nn.Linear(10, 25)):add(nn.Tanh()):add(nn.Linear(25, 1))
    """

    __typename__ = "nn.Sequential"

    def __lua_len__(self):
        return len(self.modules.arr)

    def add(self, module=None, *_):
        """net:add(module): append module to the chain; returns net.

        Example: net:add(nn.Linear(10, 25)):add(nn.Tanh())
        """
        _check_module(self, module)
        mods = self.modules.arr
        if not mods:
            self.gradInput = module.gradInput
        mods.append(module)
        self.output = module.output
        return self

    def insert(self, module=None, index=None, *_):
        """net:insert(module [, i]): insert module at position i (default: the end).

        Example: net:insert(nn.Dropout(0.5), 2)
        """
        _check_module(self, module)
        mods = self.modules.arr
        index = _index(index, len(mods) + 1, 2, "insert")
        if index > len(mods) + 1 or index < 1:
            raise ContainerError("index should be contiguous to existing modules")
        mods.insert(index - 1, module)
        self.output = mods[-1].output
        self.gradInput = mods[0].gradInput
        return ()

    def remove(self, index=None, *_):
        """net:remove([i]): remove the i-th module (default: the last).

        Example: net:remove(2)
        """
        mods = self.modules.arr
        index = _index(index, len(mods), 1, "remove")
        if index > len(mods) or index < 1:
            raise ContainerError("index out of range")
        del mods[index - 1]
        if mods:
            self.output = mods[-1].output
            self.gradInput = mods[0].gradInput
        else:
            self.output = torch.Tensor()
            self.gradInput = torch.Tensor()
        return ()

    def updateOutput(self, input):
        current = input
        for i, m in enumerate(self.modules.arr, 1):
            current = self.rethrowErrors(m, i, "updateOutput", current)
        self.output = current
        return current

    def updateGradInput(self, input, gradOutput):
        mods = self.modules.arr
        current = gradOutput
        for i in range(len(mods) - 1, -1, -1):
            m = mods[i]
            below = mods[i - 1].output if i > 0 else input
            current = self.rethrowErrors(m, i + 1, "updateGradInput", below, current)
        self.gradInput = current
        return current

    def accGradParameters(self, input, gradOutput, scale=1):
        mods = self.modules.arr
        current = gradOutput
        for i in range(len(mods) - 1, -1, -1):
            m = mods[i]
            below = mods[i - 1].output if i > 0 else input
            self.rethrowErrors(m, i + 1, "accGradParameters", below, current, scale)
            current = m.gradInput
        return ()

    def backward(self, input, gradOutput, scale=1):
        if scale is None:
            scale = 1
        mods = self.modules.arr
        current = gradOutput
        for i in range(len(mods) - 1, -1, -1):
            m = mods[i]
            below = mods[i - 1].output if i > 0 else input
            current = self.rethrowErrors(m, i + 1, "backward", below, current, scale)
            if i > 0:
                m.gradInput = current
        self.gradInput = current
        return current

    def accUpdateGradParameters(self, input, gradOutput, lr):
        mods = self.modules.arr
        current = gradOutput
        for i in range(len(mods) - 1, -1, -1):
            m = mods[i]
            below = mods[i - 1].output if i > 0 else input
            self.rethrowErrors(m, i + 1, "accUpdateGradParameters", below, current, lr)
            current = m.gradInput
        return ()

    def __tostring__(self):
        mods = self.modules.arr
        chain = "".join(f" -> ({i})" for i in range(1, len(mods) + 1))
        lines = ["nn.Sequential {", f"  [input{chain} -> output]"]
        for i, m in enumerate(mods, 1):
            lines.append(f"  ({i}): " + str(m).replace("\n", "\n  "))
        lines.append("}")
        return "\n".join(lines)


# ---- gradients of branches that all saw the same input -----------------------------------

def _retable(dst, src, combine):
    """Walk the (nested) table src, combining each tensor into dst's matching slot."""
    src_items = arrays.items(src)
    for k, v in enumerate(src_items, 1):
        if arrays.is_table(v):
            sub = dst[k] if type(dst[k]) is LuaTable else LuaTable()
            dst[k] = _retable(sub, v, combine)
        else:
            combine(dst, k, v)
    for k in range(len(dst.arr), len(src_items), -1):
        dst[k] = None
    return dst


def _copy_slot(t, k, v):
    if t[k] is None:
        t[k] = v.clone()
    t[k].resizeAs(v).copy(v)


def _add_slot(t, k, v):
    if t[k] is None:
        t[k] = v.clone()
    else:
        t[k].add(v)


def sum_branch_grads(container, index, grad, input):
    """Add branch `index`'s gradInput into container.gradInput (tables handled too)."""
    if arrays.is_table(input):
        if index == 1:
            if type(container.gradInput) is not LuaTable:
                container.gradInput = LuaTable()
            _retable(container.gradInput, grad, _copy_slot)
        else:
            _retable(container.gradInput, grad, _add_slot)
        return
    if grad is None:
        return
    if not arrays.is_tensor(container.gradInput):
        container.gradInput = input.clone()
    if index == 1:
        container.gradInput.resizeAs(grad).copy(grad)
    else:
        container.gradInput.add(grad)


# ---- Concat and DepthConcat -----------------------------------------------------------

class Concat(Container):
    """nn.Concat(dim): every child sees the same input; outputs are concatenated along dim.

    Example: c = nn.Concat(1):add(nn.Linear(5, 3)):add(nn.Linear(5, 7)); print(c:forward(torch.randn(5)):size())
    """

    __typename__ = "nn.Concat"
    _zero_fill = False          # DepthConcat pads with zeros

    def __init__(self, dimension):
        Container.__init__(self)
        self.outputSize = torch.LongStorage()
        self.dimension = dimension

    def _sizes(self, outs):
        d = self.dimension - 1
        size = list(outs[0]._size)
        for o in outs[1:]:
            size[d] += o._size[d]
        return size

    def _window(self, t, current, offset):
        return t.narrow(self.dimension, offset, current.size(self.dimension))

    def updateOutput(self, input):
        outs = []
        for i, m in enumerate(self.modules.arr, 1):
            outs.append(self.rethrowErrors(m, i, "updateOutput", input))
        size = self._sizes(outs)
        self.outputSize = torch.LongStorage(size)
        arrays.out(self.output, tuple(size))
        if self._zero_fill:
            self.output.zero()
        offset = 1
        for o in outs:
            self._window(self.output, o, offset).copy(o)
            offset += o.size(self.dimension)
        return self.output

    def _backward(self, method, input, gradOutput, scale=None):
        arrays.check_input(self, gradOutput, 2, any_type=True)
        offset = 1
        if not arrays.is_table(input) and arrays.is_tensor(self.gradInput):
            self.gradInput.resizeAs(input)
        for i, m in enumerate(self.modules.arr, 1):
            current = m.output
            part = self._window(gradOutput, current, offset)
            args = (input, part) if scale is None else (input, part, scale)
            grad = self.rethrowErrors(m, i, method, *args)
            sum_branch_grads(self, i, grad, input)
            offset += current.size(self.dimension)
        return self.gradInput

    def updateGradInput(self, input, gradOutput):
        return self._backward("updateGradInput", input, gradOutput)

    def backward(self, input, gradOutput, scale=1):
        return self._backward("backward", input, gradOutput, 1 if scale is None else scale)

    def _each_part(self, method, input, gradOutput, extra):
        arrays.check_input(self, gradOutput, 2, any_type=True)
        offset = 1
        for i, m in enumerate(self.modules.arr, 1):
            current = m.output
            part = self._window(gradOutput, current, offset)
            self.rethrowErrors(m, i, method, input, part, extra)
            offset += current.size(self.dimension)
        return ()

    def accGradParameters(self, input, gradOutput, scale=1):
        return self._each_part("accGradParameters", input, gradOutput, scale)

    def accUpdateGradParameters(self, input, gradOutput, lr):
        return self._each_part("accUpdateGradParameters", input, gradOutput, lr)

    def __tostring__(self):
        return _branch_tree(self)


class DepthConcat(Concat):
    """nn.DepthConcat(dim): Concat whose children's outputs may differ in their other
    sizes; smaller ones are centred and zero-padded to the largest.

    Example: c = nn.DepthConcat(1):add(nn.Identity()):add(nn.Padding(1, 2))
    """

    __typename__ = "nn.DepthConcat"
    _zero_fill = True

    def _sizes(self, outs):
        size = Concat._sizes(self, outs)
        d = self.dimension - 1
        for k in range(len(size)):
            if k != d:
                size[k] = max(o._size[k] for o in outs)
        return size

    def _window(self, t, current, offset):
        window = t.narrow(self.dimension, offset, current.size(self.dimension))
        for k, n in enumerate(current._size):
            full = self.outputSize[k + 1]
            if k != self.dimension - 1 and full != n:
                # 5 vs 3 -> starts at 2 (one pad each side); 9 vs 4 -> 3 (2 and 3 pads)
                window = window.narrow(k + 1, (full - n) // 2 + 1, n)
        return window


# ---- Parallel -------------------------------------------------------------------------

class Parallel(Container):
    """nn.Parallel(inputDim, outputDim): child i gets slice i of the input along
    inputDim; their outputs are concatenated along outputDim.

    Example: p = nn.Parallel(1, 1):add(nn.Linear(3, 2)):add(nn.Linear(3, 4)); print(p:forward(torch.randn(2, 3)))
    """

    __typename__ = "nn.Parallel"

    def __init__(self, inputDimension, outputDimension):
        Container.__init__(self)
        self.inputDimension = inputDimension
        self.outputDimension = outputDimension

    def updateOutput(self, input):
        n = arrays.check_input(self, input, any_type=True).size(self.inputDimension)
        outs = []
        mods = self.modules.arr
        for i in range(1, n + 1):
            outs.append(self.rethrowErrors(mods[i - 1], i, "updateOutput",
                                           input.select(self.inputDimension, i)))
        d = self.outputDimension - 1
        size = list(outs[0]._size)
        for o in outs[1:]:
            size[d] += o._size[d]
        self.totalOutputSize = torch.LongStorage(size)
        arrays.out(self.output, tuple(size))
        offset = 1
        for o in outs:
            k = o.size(self.outputDimension)
            self.output.narrow(self.outputDimension, offset, k).copy(o)
            offset += k
        return self.output

    def _each(self, method, input, gradOutput, extra=None):
        arrays.check_args(self, input, gradOutput, any_type=True)
        n = input.size(self.inputDimension)
        mods = self.modules.arr
        offset = 1
        results = []
        for i in range(1, n + 1):
            m = mods[i - 1]
            k = m.output.size(self.outputDimension)
            args = (input.select(self.inputDimension, i),
                    gradOutput.narrow(self.outputDimension, offset, k))
            if extra is not None:
                args += (extra,)
            results.append(self.rethrowErrors(m, i, method, *args))
            offset += k
        return results

    def _gather(self, input, grads):
        self.gradInput.resizeAs(input)
        for i, g in enumerate(grads, 1):
            part = self.gradInput.select(self.inputDimension, i)
            if arrays.is_tensor(part):
                part.copy(g)
            else:
                self.gradInput.narrow(self.inputDimension, i, 1).copy(g)
        return self.gradInput

    def updateGradInput(self, input, gradOutput):
        return self._gather(input, self._each("updateGradInput", input, gradOutput))

    def backward(self, input, gradOutput, scale=1):
        return self._gather(input, self._each("backward", input, gradOutput,
                                              1 if scale is None else scale))

    def accGradParameters(self, input, gradOutput, scale=1):
        self._each("accGradParameters", input, gradOutput, scale)
        return ()

    def accUpdateGradParameters(self, input, gradOutput, lr):
        self._each("accUpdateGradParameters", input, gradOutput, lr)
        return ()

    def __tostring__(self):
        return _branch_tree(self)


# ---- table containers -------------------------------------------------------------------

class ParallelTable(Container):
    """nn.ParallelTable(): child i is applied to the i-th entry of the input table;
    the output is the table of their outputs.

    Example: pt = nn.ParallelTable():add(nn.Linear(2, 3)):add(nn.Tanh()); out = pt:forward({torch.randn(2), torch.randn(4)})
    """

    __typename__ = "nn.ParallelTable"

    def __init__(self):
        Container.__init__(self)
        self.output = LuaTable()
        self.gradInput = LuaTable()

    def updateOutput(self, input):
        inputs = arrays.table_items(self, input, 1, len(self.modules.arr))
        for i, m in enumerate(self.modules.arr, 1):
            self.output[i] = self.rethrowErrors(m, i, "updateOutput", inputs[i - 1])
        return self.output

    def _each(self, method, input, gradOutput, extra, keep):
        n = len(self.modules.arr)
        inputs = arrays.table_items(self, input, 1, n)
        grads = arrays.table_items(self, gradOutput, 2, n)
        for i, m in enumerate(self.modules.arr, 1):
            args = (inputs[i - 1], grads[i - 1]) + (() if extra is None else (extra,))
            r = self.rethrowErrors(m, i, method, *args)
            if keep:
                self.gradInput[i] = r
        return self.gradInput if keep else ()

    def updateGradInput(self, input, gradOutput):
        return self._each("updateGradInput", input, gradOutput, None, True)

    def backward(self, input, gradOutput, scale=1):
        return self._each("backward", input, gradOutput, 1 if scale is None else scale, True)

    def accGradParameters(self, input, gradOutput, scale=1):
        return self._each("accGradParameters", input, gradOutput, scale, False)

    def accUpdateGradParameters(self, input, gradOutput, lr):
        return self._each("accUpdateGradParameters", input, gradOutput, lr, False)

    def __tostring__(self):
        return _branch_tree(self)


class ConcatTable(Container):
    """nn.ConcatTable(): every child is applied to the same input; the output is the
    table of their outputs.

    Example: ct = nn.ConcatTable():add(nn.Linear(5, 2)):add(nn.Linear(5, 3)); out = ct:forward(torch.randn(5))
    """

    __typename__ = "nn.ConcatTable"

    def __init__(self):
        Container.__init__(self)
        self.output = LuaTable()

    def updateOutput(self, input):
        for i, m in enumerate(self.modules.arr, 1):
            self.output[i] = self.rethrowErrors(m, i, "updateOutput", input)
        return self.output

    def _backward(self, method, input, gradOutput, scale=None):
        grads = arrays.table_items(self, gradOutput, 2, len(self.modules.arr))
        for i, m in enumerate(self.modules.arr, 1):
            args = (input, grads[i - 1]) + (() if scale is None else (scale,))
            grad = self.rethrowErrors(m, i, method, *args)
            if arrays.is_table(input) and not arrays.is_table(grad):
                raise ContainerError("currentGradInput is not a table!")
            sum_branch_grads(self, i, grad, input)
        return self.gradInput

    def updateGradInput(self, input, gradOutput):
        return self._backward("updateGradInput", input, gradOutput)

    def backward(self, input, gradOutput, scale=1):
        return self._backward("backward", input, gradOutput, 1 if scale is None else scale)

    def _each(self, method, input, gradOutput, extra):
        grads = arrays.table_items(self, gradOutput, 2, len(self.modules.arr))
        for i, m in enumerate(self.modules.arr, 1):
            self.rethrowErrors(m, i, method, input, grads[i - 1], extra)
        return ()

    def accGradParameters(self, input, gradOutput, scale=1):
        return self._each("accGradParameters", input, gradOutput, scale)

    def accUpdateGradParameters(self, input, gradOutput, lr):
        return self._each("accUpdateGradParameters", input, gradOutput, lr)

    def __tostring__(self):
        return _branch_tree(self)


class MapTable(Container):
    """nn.MapTable(module [, shared=true]): applies clones of module (sharing its
    parameters) to every entry of the input table.

    Example: mt = nn.MapTable(nn.Linear(3, 2)); out = mt:forward({torch.randn(3), torch.randn(3)})
    """

    __typename__ = "nn.MapTable"
    _SHARED = ("weight", "bias", "gradWeight", "gradBias")

    def __init__(self, module=None, shared=None):
        Container.__init__(self)
        self.shared = True if shared is None else shared
        self.sharedparams = LuaTable.from_list(self._SHARED)
        self.output = LuaTable()
        self.gradInput = LuaTable()
        if module is not None:
            self.add(module)

    def add(self, module=None, *_):
        """mt:add(module): set the module to map (only one); returns mt. Example: nn.MapTable():add(nn.Tanh())"""
        if self.__dict__.get("module") is not None:
            raise ContainerError("Single module required")
        _check_module(self, module)
        self.module = module
        self.modules[1] = module
        return self

    def _extend(self, n):
        mods = self.modules
        mods[1] = self.module
        names = arrays.items(self.sharedparams)
        for i in range(2, n + 1):
            if mods[i] is None:
                mods[i] = self.module.clone(*names) if self.shared else self.module.clone()

    def resize(self, n):
        """mt:resize(n): keep n clones. Example: mt:resize(3)"""
        self._extend(n)
        for i in range(len(self.modules.arr), n, -1):
            self.modules[i].clearState()
            self.modules[i] = None
        return ()

    def updateOutput(self, input):
        inputs = arrays.table_items(self, input)
        self.output = LuaTable()
        self._extend(len(inputs))
        for i, x in enumerate(inputs, 1):
            self.output[i] = self.rethrowErrors(self.modules[i], i, "updateOutput", x)
        return self.output

    def _each(self, method, input, gradOutput, extra, keep):
        inputs = arrays.table_items(self, input)
        grads = arrays.table_items(self, gradOutput, 2, len(inputs))
        if keep:
            self.gradInput = LuaTable()
        self._extend(len(inputs))
        for i, x in enumerate(inputs, 1):
            args = (x, grads[i - 1]) + (() if extra is None else (extra,))
            r = self.rethrowErrors(self.modules[i], i, method, *args)
            if keep:
                self.gradInput[i] = r
        return self.gradInput if keep else ()

    def updateGradInput(self, input, gradOutput):
        return self._each("updateGradInput", input, gradOutput, None, True)

    def accGradParameters(self, input, gradOutput, scale=1):
        return self._each("accGradParameters", input, gradOutput, scale, False)

    def accUpdateGradParameters(self, input, gradOutput, lr=1):
        return self._each("accUpdateGradParameters", input, gradOutput, lr, False)

    def zeroGradParameters(self):
        if self.__dict__.get("module") is not None:
            if self.shared:
                self.module.zeroGradParameters()
            else:
                Container.zeroGradParameters(self)
        return ()

    def updateParameters(self, learningRate):
        if self.__dict__.get("module") is not None:
            if self.shared:
                self.module.updateParameters(learningRate)
            else:
                Container.updateParameters(self, learningRate)
        return ()

    def clearState(self):
        for i in range(len(self.modules.arr), 1, -1):
            self.modules[i].clearState()
            self.modules[i] = None
        return Container.clearState(self)

    def __tostring__(self):
        if self.__dict__.get("module") is None:
            return torch.type(self) + " { }"
        inner = str(self.module).replace("\n", "\n" + "  " + "      ")
        return torch.type(self) + " {\n  " + inner + "\n}"


__all__ = ["Container", "Sequential", "Concat", "DepthConcat", "Parallel", "ParallelTable",
           "ConcatTable", "MapTable"]
