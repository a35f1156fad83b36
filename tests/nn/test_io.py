"""Every module survives torch.serialize / torch.deserialize: same printing, forward,
backward and parameter gradients (pytest -k Linear selects its case too)."""
import pytest

from th import nn, torch
from nn_check import check_io, rand_tensor, table


def pair():
    return table(rand_tensor(2, 3, seed=1), rand_tensor(2, 3, seed=2))


CASES = {
    "Linear": (lambda: nn.Linear(3, 2), lambda: rand_tensor(4, 3)),
    "Add": (lambda: nn.Add(3), lambda: rand_tensor(2, 3)),
    "Mul": (lambda: nn.Mul(), lambda: rand_tensor(2, 3)),
    "CMul": (lambda: nn.CMul(3), lambda: rand_tensor(2, 3)),
    "Bilinear": (lambda: nn.Bilinear(3, 3, 2), pair),
    "Euclidean": (lambda: nn.Euclidean(3, 2), lambda: rand_tensor(2, 3)),
    "LookupTable": (lambda: nn.LookupTable(5, 2), lambda: torch.LongTensor([1, 3, 5])),
    "Sigmoid": (lambda: nn.Sigmoid(), lambda: rand_tensor(2, 3)),
    "Tanh": (lambda: nn.Tanh(), lambda: rand_tensor(2, 3)),
    "ReLU": (lambda: nn.ReLU(), lambda: rand_tensor(2, 3)),
    "PReLU": (lambda: nn.PReLU(3), lambda: rand_tensor(2, 3)),
    "ELU": (lambda: nn.ELU(0.5), lambda: rand_tensor(2, 3)),
    "LeakyReLU": (lambda: nn.LeakyReLU(0.2), lambda: rand_tensor(2, 3)),
    "SoftMax": (lambda: nn.SoftMax(), lambda: rand_tensor(2, 3)),
    "LogSoftMax": (lambda: nn.LogSoftMax(), lambda: rand_tensor(2, 3)),
    "HardTanh": (lambda: nn.HardTanh(-0.5, 0.5), lambda: rand_tensor(2, 3)),
    "MulConstant": (lambda: nn.MulConstant(3), lambda: rand_tensor(2, 3)),
    "Reshape": (lambda: nn.Reshape(3, 1), lambda: rand_tensor(2, 3)),
    "View": (lambda: nn.View(-1), lambda: rand_tensor(2, 3)),
    "Transpose": (lambda: nn.Transpose([1, 2]), lambda: rand_tensor(2, 3)),
    "Narrow": (lambda: nn.Narrow(2, 2, 2), lambda: rand_tensor(2, 3)),
    "Replicate": (lambda: nn.Replicate(2), lambda: rand_tensor(3)),
    "Padding": (lambda: nn.Padding(1, 2, 1), lambda: rand_tensor(2, 3)),
    "Max": (lambda: nn.Max(2), lambda: rand_tensor(2, 3)),
    "Sum": (lambda: nn.Sum(2), lambda: rand_tensor(2, 3)),
    "Normalize": (lambda: nn.Normalize(2), lambda: rand_tensor(2, 3)),
    "Dropout": (lambda: _evaluating(nn.Dropout(0.5)), lambda: rand_tensor(2, 3)),
    "JoinTable": (lambda: nn.JoinTable(2), pair),
    "CAddTable": (lambda: nn.CAddTable(), pair),
    "PairwiseDistance": (lambda: nn.PairwiseDistance(2), pair),
    "CosineDistance": (lambda: nn.CosineDistance(), pair),
    "Sequential": (lambda: nn.Sequential().add(nn.Linear(3, 4)).add(nn.Tanh()).add(nn.Linear(4, 1)),
                   lambda: rand_tensor(2, 3)),
    "Concat": (lambda: nn.Concat(2).add(nn.Linear(3, 2)).add(nn.Identity()), lambda: rand_tensor(2, 3)),
    "ConcatTable": (lambda: nn.ConcatTable().add(nn.Linear(3, 2)).add(nn.Tanh()), lambda: rand_tensor(2, 3)),
    "ParallelTable": (lambda: nn.ParallelTable().add(nn.Linear(3, 2)).add(nn.Tanh()), pair),
    "MapTable": (lambda: nn.MapTable(nn.Linear(3, 2)), pair),
}
def _evaluating(m):
    m.evaluate()
    return m


@pytest.mark.parametrize("name", sorted(CASES))
def test_io(name):
    torch.manualSeed(1)
    make, data = CASES[name]
    check_io(make(), data())
