"""Construction functions: zeros, ones, eye, range, linspace, logspace, cat, diag,
tril/triu, repeatTensor, reshape, split/chunk, default tensor type."""
import numpy as np
import pytest

from th import torch
from th.lua.table import LuaTable
from th.torch.errors import TorchError


def test_fillers():
    assert torch.zeros(2, 3).sum() == 0 and torch.ones(2, 3).sum() == 6
    assert torch.zeros(torch.LongStorage([2, 2])).size().tolist() == [2, 2]
    x = torch.Tensor()
    assert torch.ones(x, 3) is x and x.tolist() == [1, 1, 1]
    assert torch.eye(2, 3).tolist() == [[1, 0, 0], [0, 1, 0]]
    assert torch.Tensor(4).zeros(2).tolist() == [0, 0]


def test_range_linspace_logspace():
    assert torch.range(1, 10).nElement() == 10
    np.testing.assert_allclose(torch.range(2, 5, 1.2).numpy(), [2, 3.2, 4.4])
    assert torch.range(5, 1, -2).tolist() == [5, 3, 1]
    with pytest.raises(TorchError, match="step sign"):
        torch.range(5, 1)
    assert torch.linspace(0, 1, 5).tolist() == [0, 0.25, 0.5, 0.75, 1]
    assert torch.linspace(0, 1).nElement() == 100
    assert torch.logspace(0, 3, 4).tolist() == [1, 10, 100, 1000]
    assert torch.LongTensor().range(1, 3).tolist() == [1, 2, 3]


def test_cat_forms():
    a, b = torch.ones(2, 2), torch.zeros(2, 3)
    assert torch.cat(a, b).size().tolist() == [2, 5]                     # last dim
    assert torch.cat(a, torch.zeros(1, 2), 1).size().tolist() == [3, 2]
    tbl = LuaTable.from_list([torch.ones(2), torch.zeros(2), torch.ones(1)])
    assert torch.cat(tbl).tolist() == [1, 1, 0, 0, 1]
    assert torch.cat(torch.ones(2), torch.zeros(2), 2).tolist() == [[1, 0], [1, 0]]
    assert torch.cat(torch.Tensor(), torch.ones(2)).tolist() == [1, 1]   # empty skipped
    res = torch.Tensor()
    assert torch.cat(res, a, a, 1) is res and res.size().tolist() == [4, 2]
    with pytest.raises(TorchError, match="inconsistent tensor sizes"):
        torch.cat(torch.ones(2, 2), torch.ones(3, 3), 1)


def test_diag_tril_triu_repeat_reshape():
    assert torch.diag(torch.Tensor([1, 2])).tolist() == [[1, 0], [0, 2]]
    assert torch.diag(torch.Tensor([[1, 2], [3, 4]])).tolist() == [1, 4]
    assert torch.diag(torch.Tensor([1, 2]), 1).size().tolist() == [3, 3]
    m = torch.range(1, 9).view(3, 3)
    assert torch.tril(m).tolist() == [[1, 0, 0], [4, 5, 0], [7, 8, 9]]
    assert torch.triu(m, 1).tolist() == [[0, 2, 3], [0, 0, 6], [0, 0, 0]]
    assert torch.Tensor([1, 2]).repeatTensor(2, 2).tolist() == [[1, 2, 1, 2], [1, 2, 1, 2]]
    r = torch.reshape(m, 9)
    assert r.storage() is not m.storage() and r.size().tolist() == [9]
    parts = torch.range(1, 5).split(2)
    assert [p.tolist() for p in parts.to_list()] == [[1, 2], [3, 4], [5]]
    assert len(torch.range(1, 6).chunk(3)) == 3


def test_default_tensor_type():
    torch.setdefaulttensortype("torch.FloatTensor")
    try:
        assert torch.getdefaulttensortype() == "torch.FloatTensor"
        assert torch.Tensor(2).type() == "torch.FloatTensor"
        assert torch.zeros(2).type() == "torch.FloatTensor"
        assert torch.rand(2).type() == "torch.FloatTensor"
        assert torch.Storage(2).__typename__ == "torch.FloatStorage"
    finally:
        torch.setdefaulttensortype("torch.DoubleTensor")
    assert torch.Tensor(2).type() == "torch.DoubleTensor"
