"""Reductions against numpy: values, kept dimensions, 1-based LongTensor indices."""
import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError
from th.torch.ops import reduce as reduce_ops
from torch_check import values, tensor_from, assert_close, SHAPES, LAYOUTS, FLOAT_TYPES


def each_input(typenames=FLOAT_TYPES):
    for typename in typenames:
        for shape in SHAPES:
            for layout in LAYOUTS:
                a = values(shape, typename)
                yield typename, a, tensor_from(a, typename, layout)


@pytest.mark.parametrize("name,oracle", [
    ("sum", np.sum), ("prod", np.prod), ("mean", np.mean),
    ("std", lambda a, axis=None, keepdims=False: np.std(a, axis=axis, ddof=1, keepdims=keepdims)),
    ("var", lambda a, axis=None, keepdims=False: np.var(a, axis=axis, ddof=1, keepdims=keepdims)),
])
def test_simple_reductions(name, oracle):
    for typename, a, t in each_input():
        whole = getattr(t, name)()
        assert isinstance(whole, float)
        assert np.isclose(whole, oracle(a), rtol=1e-5)
        for d in range(a.ndim):
            r = getattr(torch, name)(t, d + 1)
            assert r.size(d + 1) == 1 and r.type() == typename
            assert_close(r, oracle(a, axis=d, keepdims=True), typename, rtol=1e-5)


@pytest.mark.parametrize("typename", ["torch.DoubleTensor", "torch.FloatTensor"])
def test_big_sum_kernel(typename):
    from th.torch.ops import parallel
    x = torch.getmetatable(typename)(parallel.MIN_ELEMENTS + 5).uniform(-1, 2)
    assert x.sum() == pytest.approx(float(x.numpy().astype(np.float64).sum()), rel=1e-12)
    x[3] = float("inf")
    assert x.sum() == float("inf")
    x[4] = float("nan")
    assert np.isnan(x.sum())


def test_integer_sum_is_an_integer():
    assert torch.LongTensor([1, 2, 3]).sum() == 6
    assert isinstance(torch.ByteTensor([200, 100]).sum(), int)
    assert torch.ByteTensor([200, 100]).sum() == 300


def test_std_var_biased_flag():
    x = torch.Tensor([1, 2, 3, 4])
    assert np.isclose(x.std(), np.std([1, 2, 3, 4], ddof=1))
    assert np.isclose(x.std(True), np.std([1, 2, 3, 4]))
    assert np.isclose(x.view(2, 2).var(2, True)[1][1], 0.25)


@pytest.mark.parametrize("name", ["max", "min"])
def test_max_min_values_and_indices(name):
    np_val, np_arg = (np.max, np.argmax) if name == "max" else (np.min, np.argmin)
    for typename, a, t in each_input(FLOAT_TYPES + ["torch.LongTensor"]):
        assert getattr(t, name)() == np_val(a.astype(t.numpy().dtype))
        for d in range(a.ndim):
            v, i = getattr(torch, name)(t, d + 1)
            assert i.type() == "torch.LongTensor" and v.type() == typename
            assert_close(v, np_val(a, axis=d, keepdims=True), typename)
            expected = np.expand_dims(np_arg(a.astype(t.numpy().dtype), axis=d), d) + 1
            np.testing.assert_array_equal(i.numpy(), expected)


@pytest.mark.parametrize("shape", [(300, 700),        # dim 1: numba (parallel), dim 2: numpy
                                   (400, 2000),       # dim 2 rows split across threads
                                   (40, 30),          # dim 1: numba serial
                                   (8, 60, 300),      # dim 2: numba, planes threaded
                                   (5, 7)])           # numpy
def test_max_min_kernels_match_numpy(shape):
    torch.manualSeed(4)
    for x in (torch.randn(*shape), torch.LongTensor(*shape).random(1, 50)):
        a = x.numpy()
        for d in range(1, len(shape) + 1):
            for name, fn, arg in (("max", np.max, np.argmax), ("min", np.min, np.argmin)):
                v, i = getattr(x, name)(d)
                np.testing.assert_array_equal(v.numpy(), fn(a, axis=d - 1, keepdims=True))
                np.testing.assert_array_equal(i.numpy() - 1,
                                              np.expand_dims(arg(a, axis=d - 1), d - 1))


def test_max_ties_and_nan():
    big = reduce_ops.NUMBA_MIN * 2
    for n in (3, big):                               # numpy and numba paths agree
        row = np.zeros(n)
        row[1] = row[n - 1] = 3
        v, i = torch.Tensor(row.reshape(1, n).tolist()).max(2)
        assert i[1][1] == 2                          # the first maximum wins
        row[2] = float("nan")
        v, i = torch.Tensor(row.reshape(1, n).tolist()).max(2)
        assert np.isnan(v[1][1]) and i[1][1] == 3    # NaN propagates, as in TH
        v, i = torch.Tensor(row.reshape(n, 1).tolist()).min(1)
        assert np.isnan(v[1][1]) and i[1][1] == 3
    x = torch.randn(4, 8)
    vals, idx = torch.max(torch.Tensor(), torch.LongTensor(), x, 1)
    assert vals.size().tolist() == [1, 8] and idx.type() == "torch.LongTensor"


def test_result_tensors_are_reused():
    x = torch.Tensor([[1, 5], [7, 2]])
    v, i = torch.Tensor(), torch.LongTensor()
    rv, ri = torch.max(v, i, x, 2)
    assert rv is v and ri is i and i.tolist() == [[2], [1]]
    s = torch.Tensor()
    assert torch.sum(s, x, 1) is s and s.tolist() == [[8, 7]]


def test_cumulative():
    x = torch.Tensor([[1, 2], [3, 4]])
    assert x.cumsum().tolist() == [[1, 2], [4, 6]]
    assert x.cumsum(2).tolist() == [[1, 3], [3, 7]]
    assert torch.cumprod(x, 2).tolist() == [[1, 2], [3, 12]]


def test_norm_dist_renorm():
    x = torch.Tensor([[3, 4], [6, 8]])
    assert x.norm() == pytest.approx(np.sqrt(125))
    assert x.norm(1) == 21
    assert x.norm(2, 2).tolist() == [[5], [10]]
    assert torch.dist(torch.zeros(2), torch.Tensor([3, 4])) == 5
    assert torch.dist(torch.zeros(2), torch.Tensor([3, 4]), 1) == 7
    r = x.clone().renorm(2, 1, 5)
    np.testing.assert_allclose(r.norm(2, 2).numpy().ravel(), [5, 5], rtol=1e-6)


def test_order_statistics():
    x = torch.Tensor([[5, 1, 4], [2, 8, 2]])
    v, i = x.sort()
    assert v.tolist() == [[1, 4, 5], [2, 2, 8]] and i.tolist() == [[2, 3, 1], [1, 3, 2]]
    v, i = x.sort(1, True)
    assert v.tolist() == [[5, 8, 4], [2, 1, 2]] and i.tolist() == [[1, 2, 1], [2, 1, 2]]
    v, i = torch.Tensor([5, 1, 4, 2]).topk(2)
    assert v.tolist() == [1, 2] and i.tolist() == [2, 4]
    v, i = torch.Tensor([5, 1, 4, 2]).topk(2, 1, True)
    assert v.tolist() == [5, 4] and i.tolist() == [1, 3]
    v, i = torch.Tensor([5, 1, 4]).kthvalue(2)
    assert v.tolist() == [4] and i.tolist() == [3]
    v, i = torch.Tensor([3, 1, 2, 4]).median()
    assert v.tolist() == [2] and i.tolist() == [3]
    v, i = torch.Tensor([[1, 2, 2, 3], [7, 7, 1, 1]]).mode()
    assert v.tolist() == [[2], [1]]
    assert torch.eye(3).trace() == 3
    assert torch.cross(torch.Tensor([1, 0, 0]), torch.Tensor([0, 1, 0])).tolist() == [0, 0, 1]


def test_reduction_errors():
    with pytest.raises(TorchError, match="out of range"):
        torch.zeros(2, 3).sum(3)
    with pytest.raises(TorchError, match="does not implement the torch.mean"):
        torch.LongTensor([1]).mean()


def test_threaded_paths(monkeypatch):
    # Big tensors are cut into pieces for several threads (th.torch.workers); with 3
    # threads the pieces and their joins are exercised even on a one-core machine.
    from th.torch import kernels, workers
    from th.torch.ops import parallel, reduce, unary
    monkeypatch.setattr(workers, "_threads", 3)
    # small pieces, so that every threaded path runs on these small tensors
    monkeypatch.setattr(parallel, "MIN_ELEMENTS", 1 << 14)
    monkeypatch.setattr(parallel, "GRAIN", 1 << 12)
    monkeypatch.setattr(reduce, "SUM_PARALLEL", 1 << 14)
    monkeypatch.setattr(reduce, "SUM_BLOCK", 1 << 12)
    monkeypatch.setattr(unary, "SIGMOID_GRAIN", 1 << 12)
    monkeypatch.setattr(unary, "_exp", unary._vectorised("exp", np.exp, 1 << 13))
    monkeypatch.setattr(unary, "BACKWARD_GRAIN", 1 << 12)
    monkeypatch.setattr(kernels.load("copy"), "_GRAIN_ELEMENTS", 1 << 12)
    torch.manualSeed(5)
    x = torch.randn(400, 2000)
    x[7][3] = float("nan")
    a = x.numpy()
    for name, arg in (("max", np.argmax), ("min", np.argmin)):
        v, i = getattr(x, name)(2)
        np.testing.assert_array_equal(i.numpy()[:, 0] - 1, arg(a, axis=1))
        assert np.isnan(v[7][1]) and i[7][1] == 3
        v, i = getattr(x.view(4, 100, 2000), name)(2)           # planes: the numba kernel
        np.testing.assert_array_equal(i.numpy()[:, 0] - 1, arg(a.reshape(4, 100, 2000), axis=1))
    y = torch.randn(400, 2000)
    y[3][5] = float("nan")
    b = y.numpy()
    assert x.sum() != x.sum()                                   # the NaN spreads
    assert y.clone().fill(0.5).sum() == 400000
    z = torch.randn(800000)
    np.testing.assert_allclose(z.sum(), z.numpy().sum(), rtol=1e-12)
    s = torch.sigmoid(y)
    np.testing.assert_allclose(s.numpy(), 1 / (1 + np.exp(-b)), rtol=1e-15, atol=0)
    np.testing.assert_allclose((y + y).numpy(), b + b, rtol=0)
    np.testing.assert_allclose(torch.cmul(y, y).numpy(), b * b, rtol=0)
    np.testing.assert_allclose(torch.exp(y).numpy(), np.exp(b), rtol=5e-16)    # 1-2 ulp
    np.testing.assert_allclose(torch.tanh(y).numpy(), np.tanh(b), rtol=8e-16)
    np.testing.assert_allclose(torch.Tensor(2000, 400).copy(y.t()).numpy(), b.T, rtol=0)
    gi = torch.Tensor()
    torch.tanh_backward(gi, y, s)
    np.testing.assert_allclose(gi.numpy(), b * (1 - s.numpy() ** 2), rtol=0)
