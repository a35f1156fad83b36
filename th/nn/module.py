"""nn.Module: the protocol every layer follows, and what it gives them for free.

A module writes its maths in `updateOutput`, `updateGradInput` and `accGradParameters`;
`forward`, `backward`, `parameters`, `getParameters`, `type`, `clone`, ... live here
only, and find parameters by Torch7's field names (weight, bias, gradWeight, gradBias).
Fields are plain instance attributes, so the console's `{m}` lists what Torch7 listed.
Python code calls modules only through their Torch method names, which is what lets a
module written in Lua (`torch.class('nn.MyLayer', 'nn.Module')`) sit in a Python
container, and lets Lua code call Python modules.

Return convention (th/lua/interop.py): a method that returns nothing in Torch7 returns
() here, so `print(m:zeroGradParameters())` prints an empty line as in Torch7.
"""
import numpy as np

from th import torch
from th.lua.runtime import first
from th.lua.table import LuaTable
from th.nn import arrays
from th.torch.classes import TorchObject
from th.torch.errors import TorchError
from th.torch.storage import Storage, wrap_array
from th.torch.tensor import Tensor, make


class Module(TorchObject):
    """nn.Module(): the abstract base of every layer.

    Fields output and gradInput hold the last forward and backward results (reused
    buffers); subclasses add weight/bias and gradWeight/gradBias.
    Example: local M, parent = torch.class('nn.Double', 'nn.Module')
    """

    __typename__ = "nn.Module"

    def __init__(self, *args):
        output = torch.Tensor()
        # Field order is the order `{m}` lists them: Torch7's (LuaJIT's hash order).
        self.gradInput = torch.Tensor()
        self._type = output.type()
        self.output = output

    # ---- the three methods a layer writes ---------------------------------------------

    def updateOutput(self, input):
        """m:updateOutput(input): compute and return self.output (layers override this).

        Example: y = nn.Tanh():updateOutput(torch.randn(3))
        """
        return self.output

    def updateGradInput(self, input, gradOutput):
        """m:updateGradInput(input, gradOutput): compute and return self.gradInput.

        Example: g = lin:updateGradInput(x, torch.ones(3))
        """
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        """m:accGradParameters(input, gradOutput [, scale=1]): add scale * dE/dparameters
        to gradWeight/gradBias.

        Example: lin:zeroGradParameters(); lin:accGradParameters(x, delta)
        """
        return ()

    # ---- forward and backward ---------------------------------------------------------

    def forward(self, input=None, *_):
        """m:forward(input): the output for input (calls updateOutput).

        Example: y = nn.Linear(5, 3):forward(torch.randn(5))
        """
        return self.updateOutput(input)

    def backward(self, input=None, gradOutput=None, scale=1, *_):
        """m:backward(input, gradOutput [, scale=1]): updateGradInput then
        accGradParameters; returns gradInput. Call forward with the same input first.

        Example: y = lin:forward(x); g = lin:backward(x, torch.ones(3))
        """
        scale = arrays.number_arg(scale)
        self.updateGradInput(input, gradOutput)
        self.accGradParameters(input, gradOutput, scale)
        return self.gradInput

    def backwardUpdate(self, input=None, gradOutput=None, lr=None, *_):
        """m:backwardUpdate(input, gradOutput, lr): updateGradInput then
        accUpdateGradParameters; returns gradInput.

        Example: lin:backwardUpdate(x, g, 0.01)
        """
        self.updateGradInput(input, gradOutput)
        self.accUpdateGradParameters(input, gradOutput, arrays.number_arg(lr, "lr", None))
        return self.gradInput

    def accUpdateGradParameters(self, input, gradOutput, lr=None, *_):
        """m:accUpdateGradParameters(input, gradOutput, lr): update the parameters
        directly by -lr * dE/dparameters (without touching gradWeight/gradBias).

        Example: lin:accUpdateGradParameters(x, g, 0.01)
        """
        lr = arrays.number_arg(lr, "lr", None)
        if lr is None:
            raise TorchError("attempt to perform arithmetic on local 'lr' (a nil value)")
        if self.__dict__.get("_shared"):
            return self.sharedAccUpdateGradParameters(input, gradOutput, lr)
        return self._swap_acc_update(input, gradOutput, lr)

    def _swap_acc_update(self, input, gradOutput, lr):
        # Torch7's trick: accumulate into the parameters themselves, scaled by -lr.
        fields = self.__dict__
        saved = {}
        for grad, param in (("gradWeight", "weight"), ("gradBias", "bias")):
            if fields.get(param) is not None:
                saved[grad] = fields.get(grad)
                fields[grad] = fields[param]
        try:
            self.accGradParameters(input, gradOutput, -lr)
        finally:
            for grad, value in saved.items():
                fields[grad] = value
        return ()

    def sharedAccUpdateGradParameters(self, input, gradOutput, lr):
        """m:sharedAccUpdateGradParameters(input, gradOutput, lr): accUpdateGradParameters
        for modules whose parameters are shared (zero, accumulate, update).

        Example: m:sharedAccUpdateGradParameters(x, g, 0.01)
        """
        if param_lists(self)[0]:
            self.zeroGradParameters()
            self.accGradParameters(input, gradOutput, 1)
            self.updateParameters(lr)
        return ()

    def __call__(self, input, gradOutput=None):
        """m(input [, gradOutput]): forward (and backward); returns output (, gradInput).

        Example: y = lin(x); y, g = lin(x, torch.ones(3))
        """
        self.forward(input)
        if gradOutput is not None:
            self.backward(input, gradOutput)
            return self.output, self.gradInput
        return self.output

    # ---- parameters -------------------------------------------------------------------

    def parameters(self, *_):
        """m:parameters(): two tables, {weight, bias} and {gradWeight, gradBias}
        (nothing when the module has no parameters).

        Example: params, grads = nn.Linear(2, 2):parameters()
        """
        fields = self.__dict__
        w, b = fields.get("weight"), fields.get("bias")
        if w is not None and b is not None:
            return (LuaTable.from_list([w, b]),
                    LuaTable.from_list([fields.get("gradWeight"), fields.get("gradBias")]))
        if w is not None:
            return LuaTable.from_list([w]), LuaTable.from_list([fields.get("gradWeight")])
        if b is not None:
            return LuaTable.from_list([b]), LuaTable.from_list([fields.get("gradBias")])
        return ()

    def zeroGradParameters(self, *_):
        """m:zeroGradParameters(): set every gradient (gradWeight, gradBias, ...) to 0.

        Example: net:zeroGradParameters()
        """
        for g in param_lists(self)[1]:
            if g is not None:
                g.zero()
        return ()

    def updateParameters(self, learningRate=None, *_):
        """m:updateParameters(learningRate): parameters := parameters - lr * gradients.

        Example: net:updateParameters(0.01)
        """
        learningRate = arrays.number_arg(learningRate, "learningRate", None)
        if learningRate is None:
            raise TorchError("attempt to perform arithmetic on local 'learningRate' "
                             "(a nil value)")
        params, grads = param_lists(self)
        for p, g in zip(params, grads):
            arrays.axpy(p, -learningRate, g)
        return ()

    def getParameters(self, *_):
        """m:getParameters(): two 1-D tensors holding all parameters and all gradients.

        Every parameter (and gradient) is moved into one storage and becomes a view of
        the returned tensor, so updating the flat tensor updates the module. Call it
        once per network (it re-points the module's tensors).
        Example: p, g = net:getParameters(); p:add(-0.01, g)
        """
        params, grads = param_lists(self)
        p, g = flatten(params), flatten(grads)
        if p.nElement() != g.nElement():
            raise TorchError("check that you are sharing parameters and gradParameters")
        for i, (pi, gi) in enumerate(zip(params, grads), 1):
            if pi.storageOffset() != gi.storageOffset():
                raise TorchError(f"misaligned parameter at {i}")
        return p, g

    # ---- modes, sharing, copying, types -----------------------------------------------

    def training(self, *_):
        """m:training(): training mode (Dropout drops). Example: net:training()"""
        self.train = True
        return ()

    def evaluate(self, *_):
        """m:evaluate(): evaluation mode (Dropout passes through). Example: net:evaluate()"""
        self.train = False
        return ()

    def share(self, mlp=None, *names):
        """m:share(other, 'weight', 'bias', ...): make the named fields views of other's
        (the same storage); returns m.

        Example: b = nn.Linear(2, 2); b:share(a, 'weight', 'bias')
        """
        if not isinstance(mlp, Module):
            raise arrays.bad_argument(self, 1, "nn.Module", torch.type(mlp))
        for name in names:
            mine = self.__dict__.get(name)
            if mine is not None:
                mine.set(mlp.__dict__.get(name))
                self._shared = True
                mlp._shared = True
        return self

    def clone(self, *names):
        """m:clone(['weight', 'bias', ...]): a deep copy; the named fields are shared
        with m instead of copied.

        Example: twin = lin:clone('weight', 'bias')
        """
        twin = deep_copy(self, {})
        if names:
            twin.share(self, *names)
        return twin

    def type(self, typename=None, tensorCache=None):
        """m:type([typename]): the tensor type of m, or convert every tensor of m
        (sharing kept) to typename and return m.

        Example: lin:type('torch.FloatTensor')
        """
        if typename is None:
            return self._type
        cache = {} if tensorCache is None else tensorCache
        for key, value in list(self.__dict__.items()):
            self.__dict__[key] = recursive_type(value, typename, cache)
        self._type = typename
        return self

    def float(self, *args):
        """m:float(): m converted to FloatTensors. Example: lin:float()"""
        return self.type("torch.FloatTensor", *args)

    def double(self, *args):
        """m:double(): m converted to DoubleTensors. Example: lin:double()"""
        return self.type("torch.DoubleTensor", *args)

    def reset(self, stdv=None):
        """m:reset([stdv]): draw new initial parameters (layers with parameters).

        Example: torch.manualSeed(1); lin:reset()
        """
        return ()

    # ---- walking the module tree ------------------------------------------------------

    def apply(self, callback=None, *_):
        """m:apply(f): call f(module) on m and then on every module inside it.

        Example: net:apply(function(m) m.train = false end)
        """
        _check_function(self, callback)
        callback(self)
        for m in children(self):
            m.apply(callback)
        return ()

    def findModules(self, typename=None, container=None, *_):
        """m:findModules(typename): every module of that type inside m (and m itself),
        and the container holding each.

        Example: linears = net:findModules('nn.Linear')
        """
        container = self if container is None else container
        nodes, containers = [], []
        if type(self).__typename__ == typename:
            nodes.append(self)
            containers.append(container)
        for child in children(self):
            found, holders = (arrays.items(t) for t in child.findModules(typename, self))
            nodes.extend(found)
            containers.extend(holders)
        return LuaTable.from_list(nodes), LuaTable.from_list(containers)

    def listModules(self, *_):
        """m:listModules(): m and every module inside it, depth first.

        Example: for i, m in ipairs(net:listModules()) do print(m) end
        """
        found = [self]
        for child in children(self):
            found.extend(arrays.items(first(child.listModules())))
        return LuaTable.from_list(found)

    def replace(self, callback=None, *_):
        """m:replace(f): replace every module x inside m by f(x); returns f(m).

        Example: net = net:replace(function(m) return m end)
        """
        _check_function(self, callback)
        out = first(callback(self))
        mods = self.__dict__.get("modules")
        if type(mods) is LuaTable:
            for i, m in enumerate(list(mods.arr), 1):
                mods[i] = first(m.replace(callback))
        return out

    def clearState(self, *_):
        """m:clearState(): empty the output and gradInput buffers (before saving); returns m.

        Example: net:clearState(); torch.save('net.t7', net)
        """
        return clear(self, "output", "gradInput")


# ---- helpers shared with the containers ----------------------------------------------

def _check_function(module, f):
    """Lua's error for calling what is not a function (apply's and replace's callback)."""
    meta = f.metatable if type(f) is LuaTable else None
    if not callable(f) or type(f) is LuaTable and (meta is None or meta.get("__call") is None):
        raise TorchError(f"attempt to call local 'callback' (a {torch.type(f)} value)")


def field_order(obj, names):
    """Re-insert obj's fields `names` first, in that order: the console lists fields in
    insertion order, and this makes `{lin}` list them as Torch7 did."""
    fields = obj.__dict__
    for name in names:
        if name in fields:
            fields[name] = fields.pop(name)
    for name in [k for k in fields if k not in names]:
        fields[name] = fields.pop(name)


def children(module):
    """The modules inside `module` (its `modules` table), as a list."""
    mods = module.__dict__.get("modules")
    if type(mods) is LuaTable:
        return mods.arr
    return ()


def param_lists(module):
    """`module:parameters()` as two Python lists (empty when it returns nothing)."""
    r = module.parameters()
    if type(r) is not tuple or len(r) == 0:
        r = (r, None)
    params, grads = r[0], r[1] if len(r) > 1 else None
    return (_flat_tensors(params), _flat_tensors(grads))


def _flat_tensors(t):
    if t is None:
        return []
    if isinstance(t, Tensor):
        return [t]
    out = []
    for v in arrays.items(t):
        out.extend(_flat_tensors(v))
    return out


def clear(module, *names):
    """nn.utils.clear: empty the named fields (tensors emptied in place, tables
    replaced by empty ones, anything else removed); returns module."""
    fields = module.__dict__
    for name in names:
        v = fields.get(name)
        if v is None:
            continue
        if isinstance(v, Tensor):
            v.set()
        elif arrays.is_table(v):
            fields[name] = LuaTable()
        else:
            del fields[name]
    return module


# ---- getParameters: one storage for many tensors ----------------------------------------

def flatten(tensors):
    """Move `tensors` into one new storage (views into it, sharing kept); return a 1-D
    tensor over the whole of it. Holes between tensors are squeezed out."""
    if not tensors:
        return torch.Tensor()
    cls = type(tensors[0])
    bases, total, placed = {}, 0, []
    for t in tensors:
        st = t._storage
        if id(st) not in bases:
            bases[id(st)] = (st, total)
            total += st.size()
        placed.append((bases[id(st)][1] + t._offset, t._size, t._stride))
    flat = np.zeros(total, dtype=tensors[0]._type.dtype)
    for st, start in bases.values():
        flat[start:start + st.size()] = st._array
    used = np.zeros(total, dtype=bool)
    for off, size, stride in placed:
        if size:
            _strided(used, off, size, stride)[...] = True
    if not used.all():
        new_index = np.cumsum(used) - 1
        for off, size, stride in placed:
            if size and not _is_compact(size, stride):
                raise TorchError("Cannot gather tensors that are not compact")
        flat = flat[used]
        placed = [(int(new_index[off]) if size else 0, size, stride)
                  for off, size, stride in placed]
    storage = wrap_array(np.ascontiguousarray(flat))
    for t, (off, size, stride) in zip(tensors, placed):
        t._storage, t._offset, t._size, t._stride, t._abase = storage, off, size, stride, None
    return make(cls, storage, 0, (storage.size(),), (1,))


def _strided(array, offset, size, stride):
    item = array.itemsize
    return np.lib.stride_tricks.as_strided(array[offset:], size, tuple(s * item for s in stride))


def _is_compact(size, stride):
    # No gaps inside the tensor's own footprint: sorted by stride, each dimension
    # steps over exactly the ones below it (Torch7's isCompact).
    dims = sorted((st, sz) for sz, st in zip(size, stride) if st > 0)
    expected = 1
    for st, sz in dims:
        if st != expected:
            return False
        expected = st * sz
    return True


# ---- deep copies and type conversion ----------------------------------------------------

def deep_copy(obj, memo):
    """A deep copy of a module graph (what Torch7's clone gets by serialising): tensors
    sharing a storage still share their (new) storage; functions are kept."""
    key = id(obj)
    if key in memo:
        return memo[key]
    if isinstance(obj, Tensor):
        st = deep_copy(obj._storage, memo)
        new = make(type(obj), st, obj._offset, obj._size, obj._stride)
    elif isinstance(obj, Storage):
        new = wrap_array(obj._array.copy())
    elif type(obj) is LuaTable:
        new = LuaTable()
        memo[key] = new
        new.metatable = obj.metatable
        for k, v in list(obj.items()):
            new[deep_copy(k, memo)] = deep_copy(v, memo)
        return new
    elif isinstance(obj, TorchObject):
        new = type(obj).__new__(type(obj))
        memo[key] = new
        for k, v in obj.__dict__.items():
            setattr(new, k, deep_copy(v, memo))
        return new
    elif isinstance(obj, list):
        new = [deep_copy(v, memo) for v in obj]
    elif isinstance(obj, dict):
        new = {k: deep_copy(v, memo) for k, v in obj.items()}
    else:
        return obj
    memo[key] = new
    return new


def recursive_type(value, typename, cache):
    """nn.utils.recursiveType: value with its tensors converted to typename, tables
    and modules converted in place, sharing between tensors kept (through cache)."""
    if isinstance(value, Tensor):
        if value.__typename__ == typename:
            return value
        got = cache.get(id(value))
        if got is not None:
            return got
        new = _converted_view(value, typename, cache)
        cache[id(value)] = new
        return new
    if type(value) is LuaTable:
        for k, v in list(value.items()):
            value[k] = recursive_type(v, typename, cache)
        return value
    if isinstance(value, TorchObject) and callable(getattr(type(value), "type", None)):
        value.type(typename, cache)
        return value
    return value


def _converted_view(t, typename, cache):
    from th.torch import types
    ttype = types.BY_TYPENAME.get(typename)
    if ttype is None or not typename.endswith("Tensor"):
        raise TorchError(f"invalid tensor type '{typename}'")
    st_key = ("storage", id(t._storage))
    st = cache.get(st_key)
    if st is None:
        st = wrap_array(t._storage._array.astype(ttype.dtype))
        cache[st_key] = st
        cache[("keep", id(t._storage))] = t._storage   # keep ids unique while cached
    return make(ttype.tensor_class, st, t._offset, t._size, t._stride)


__all__ = ["Module"]
