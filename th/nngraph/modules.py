"""The small modules nngraph adds: nn.ModuleFromCriterion, nngraph.JustElement and
nngraph.JustTable.

ModuleFromCriterion is what calling a criterion on nodes builds
(`nn.MSECriterion()({prediction, target})`): a module whose output is the loss as a
1-element tensor. JustElement unwraps a one-element table (node:split(1) uses it);
JustTable wraps its input in a table. Imports th.nn and th.torch only.
"""
from th import torch
from th.lua.runtime import first
from th.lua.table import LuaTable
from th.nn import arrays
from th.nn.module import Module
from th.torch.errors import TorchError


class ModuleFromCriterion(Module):
    """nn.ModuleFromCriterion(criterion): a criterion as a module of {prediction, target}.

    Its output is a 1-element tensor holding the loss; its gradInput is {dloss/dprediction
    scaled by gradOutput[1], zeros for the target}. Calling a criterion on nodes wraps it
    in one.
    Example: m = nn.ModuleFromCriterion(nn.MSECriterion()); print(m:forward({torch.ones(2), torch.zeros(2)})[1])
    """

    __typename__ = "nn.ModuleFromCriterion"

    def __init__(self, criterion=None):
        Module.__init__(self)
        self.criterion = criterion
        self.output = torch.Tensor(1)
        self.gradInput = LuaTable.from_list([torch.Tensor(), torch.Tensor()])

    def updateOutput(self, input):
        prediction, target = _pair(input)
        loss = first(self.criterion.updateOutput(prediction, target))
        self.output._np().reshape(-1)[0] = loss
        return self.output

    def updateGradInput(self, input, gradOutput):
        prediction, target = _pair(input)
        grad = first(self.criterion.updateGradInput(prediction, target))
        scale = float(arrays.grad_array(self, gradOutput, self.output, "output")[0])
        g1, g2 = self.gradInput[1], self.gradInput[2]
        g1.resizeAs(grad).copy(grad).mul(scale)
        g2.resizeAs(target).zero()
        return self.gradInput


def _pair(input):
    if not arrays.is_table(input):
        raise TorchError("nn.ModuleFromCriterion expects a table {prediction, target}")
    items = arrays.items(input)
    return (items + [None, None])[:2]


class JustElement(Module):
    """nngraph.JustElement(): the single element of a one-element table.

    Example: print(nngraph.JustElement():forward({torch.ones(2)}))
    """

    __typename__ = "nngraph.JustElement"

    def __init__(self):
        Module.__init__(self)
        self.gradInput = LuaTable()

    def updateOutput(self, input):
        if len(arrays.table_items(self, input)) != 1:
            raise TorchError("expecting one element")
        self.output = arrays.items(input)[0]
        return self.output

    def updateGradInput(self, input, gradOutput):
        self.gradInput[1] = gradOutput
        return self.gradInput


class JustTable(Module):
    """nngraph.JustTable(): its input wrapped in a one-element table.

    Example: print(#nngraph.JustTable():forward(torch.ones(2)))
    """

    __typename__ = "nngraph.JustTable"

    def __init__(self):
        Module.__init__(self)
        self.output = LuaTable()

    def updateOutput(self, input):
        self.output[1] = input
        return self.output

    def updateGradInput(self, input, gradOutput):
        self.gradInput = arrays.table_items(self, gradOutput, 2, 1)[0]
        return self.gradInput


__all__ = ["ModuleFromCriterion", "JustElement", "JustTable"]
