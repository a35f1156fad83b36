"""nn.StochasticGradient: Torch7's plain SGD trainer over its dataset protocol.

A dataset is anything with `dataset:size()` and `dataset[i] = {input, target}` (a Lua
table with a size function, or a Python object). Each epoch visits the examples in one
random order drawn once (torch.randperm, so torch.manualSeed reproduces it), updating
the module after every example with accUpdateGradParameters. Lines are printed through
the running Lua `print` (trepl's under th, with its trailing tab), and on a terminal a
progress bar (xlua.progress) shows each epoch's advance.
"""
import sys

from th import torch
from th.lua.runtime import first
from th.lua.table import LuaTable
from th.torch.classes import TorchObject
from th.torch.errors import TorchError


class StochasticGradient(TorchObject):
    """nn.StochasticGradient(module, criterion): trains module with per-example SGD.

    Fields: learningRate (0.01), learningRateDecay (0), maxIteration (25 epochs, 0 =
    forever), shuffleIndices (true), verbose (true), and optional hookExample(self,
    example) / hookIteration(self, iteration, currentError).
    Example: trainer = nn.StochasticGradient(net, nn.MSECriterion()); trainer.learningRate = 0.1; trainer:train(dataset)
    """

    __typename__ = "nn.StochasticGradient"

    def __init__(self, module=None, criterion=None):
        self.learningRate = 0.01
        self.learningRateDecay = 0
        self.maxIteration = 25
        self.shuffleIndices = True
        self.module = module
        self.criterion = criterion
        self.verbose = True

    def train(self, dataset=None, *_):
        """trainer:train(dataset): run the epochs; dataset:size() examples, dataset[i] =
        {input, target}.

        Example: trainer:train(dataset)
        """
        size = _size(dataset)
        module, criterion = self.module, self.criterion
        for name, part in (("module", module), ("criterion", criterion)):
            if part is None or not hasattr(part, "forward"):
                raise TorchError(f"attempt to index field '{name}' (a {torch.type(part)} "
                                 f"value)")
        rate = self.learningRate
        order = []
        if size > 0:
            # Torch7 draws the permutation (once, for every epoch) even when not shuffling.
            order = [int(i) for i in torch.randperm(size, "torch.LongTensor").tolist()]
            if not self.shuffleIndices:
                order = list(range(1, size + 1))
        say = _printer()
        say("# StochasticGradient: training")
        iteration = 1
        bar = _progress_bar()
        while True:
            error = 0.0
            for t, index in enumerate(order, 1):
                example = _example(dataset, index)
                x, target = example[1], example[2]
                error += first(criterion.forward(first(module.forward(x)), target))
                module.updateGradInput(x, first(criterion.updateGradInput(module.output, target)))
                module.accUpdateGradParameters(x, criterion.gradInput, rate)
                hook = self.__dict__.get("hookExample")
                if hook is not None:
                    hook(self, example)
                if bar is not None:
                    bar(t, size)
            error = error / size if size else error
            hook = self.__dict__.get("hookIteration")
            if hook is not None:
                hook(self, iteration, error)
            if self.verbose:
                say("# current error = " + _number(error))
            iteration += 1
            rate = self.learningRate / (1 + iteration * self.learningRateDecay)
            if self.maxIteration > 0 and iteration > self.maxIteration:
                say("# StochasticGradient: you have reached the maximum number of iterations")
                say("# training error = " + _number(error))
                break
        return ()


def _size(dataset):
    """dataset:size(), a whole number (a number field `size` is accepted too)."""
    if type(dataset) is LuaTable:
        from th.lua.runtime import index
        f = index(dataset, "size")
        n = first(f(dataset)) if callable(f) else f      # Lua's dataset:size()
    else:
        f = getattr(dataset, "size", None)
        n = first(f()) if callable(f) else f
    if f is None:
        raise TorchError("dataset must have a size() method")
    if not isinstance(n, (int, float)) or isinstance(n, bool) or n != int(n):
        raise TorchError(f"dataset:size() must return a number (got {torch.type(n)})")
    return int(n)


def _example(dataset, i):
    if type(dataset) is LuaTable:
        from th.lua.runtime import index
        ex = index(dataset, i)
    else:
        ex = dataset[i]
    if ex is None:
        raise TorchError(f"dataset[{i}] is nil")
    if type(ex) is LuaTable:
        return ex
    if not isinstance(ex, (list, tuple)):
        raise TorchError(f"dataset[{i}] must be a table {{input, target}} (got "
                         f"{torch.type(ex)})")
    return LuaTable.from_list(list(ex))


def _number(v):
    from th.lua.runtime import tostring
    return tostring(v)


def _printer():
    """The running Lua state's print (trepl's under th), else Python's."""
    from th.lua.runtime import current_runtime
    rt = current_runtime()
    g = getattr(rt, "globals", None) if rt is not None else None
    lua_print = g.get("print") if g is not None else None
    if lua_print is None:
        return print
    return lua_print


def _progress_bar():
    """A per-epoch progress bar (xlua.progress) when writing to a terminal, else None.

    It is redrawn about a hundred times per epoch, not at every example."""
    if not sys.stdout.isatty():
        return None
    from th import xlua

    def draw(t, n):
        if t == n or t % max(1, n // 100) == 0:
            xlua.progress(t, n)
    return draw


__all__ = ["StochasticGradient"]
