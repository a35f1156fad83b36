"""Element-wise math against numpy: unary functions, arithmetic in every Torch7 form,
operators, comparisons, integer semantics, errors."""
import math

import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError
from torch_check import check_unary, check_binary, FLOAT_TYPES, ALL_TYPES


def c_round(a):
    return np.trunc(a) + np.copysign((np.abs(a - np.trunc(a)) >= 0.5).astype(float), a)


UNARY = [
    ("exp", np.exp, -3, 3), ("log", np.log, 0.1, 5), ("log1p", np.log1p, 0, 5),
    ("sqrt", np.sqrt, 0, 9), ("rsqrt", lambda a: 1 / np.sqrt(a), 0.1, 9),
    ("sigmoid", lambda a: 1 / (1 + np.exp(-a)), -6, 6), ("tanh", np.tanh, -3, 3),
    ("sin", np.sin, -3, 3), ("cos", np.cos, -3, 3), ("tan", np.tan, -1, 1),
    ("asin", np.arcsin, -1, 1), ("acos", np.arccos, -1, 1), ("atan", np.arctan, -3, 3),
    ("sinh", np.sinh, -2, 2), ("cosh", np.cosh, -2, 2), ("floor", np.floor, -3, 3),
    ("ceil", np.ceil, -3, 3), ("trunc", np.trunc, -3, 3), ("round", c_round, -3, 3),
    ("frac", lambda a: a - np.trunc(a), -3, 3), ("abs", np.abs, -3, 3),
    ("sign", np.sign, -3, 3), ("neg", np.negative, -3, 3), ("cinv", lambda a: 1 / a, 0.5, 3),
]


@pytest.mark.parametrize("name,oracle,low,high", UNARY, ids=[u[0] for u in UNARY])
def test_unary(name, oracle, low, high):
    check_unary(name, oracle, FLOAT_TYPES, low, high)


def test_unary_on_integers_and_numbers():
    check_unary("abs", np.abs, ["torch.LongTensor", "torch.IntTensor"])
    assert torch.exp(0) == 1.0 and torch.abs(-2) == 2
    assert torch.round(2.5) == 3 and torch.round(-2.5) == -3
    with pytest.raises(TorchError, match="does not implement the torch.exp"):
        torch.LongTensor([1]).exp()


def test_round_halves_away_from_zero():
    t = torch.Tensor([0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994])
    assert t.round().tolist() == [1, 2, 3, -1, -2, 0]


@pytest.mark.parametrize("n", [10, 5000, 300000])
def test_sigmoid_tanh_paths_match_numpy(n):
    # n crosses the numba / numpy / threaded-numpy choices of ops/unary.py
    x = torch.randn(n)
    a = x.numpy().copy()
    np.testing.assert_allclose(torch.sigmoid(x).numpy(), 1 / (1 + np.exp(-a)), rtol=1e-12)
    np.testing.assert_allclose(torch.tanh(x).numpy(), np.tanh(a), rtol=1e-12)
    go = torch.randn(x.nElement())
    out = torch.sigmoid(x)
    gi = torch.Tensor()
    torch.sigmoid_backward(gi, go, out)
    o = out.numpy()
    np.testing.assert_allclose(gi.numpy(), go.numpy() * (1 - o) * o, rtol=1e-12)
    out = torch.tanh(x)
    torch.tanh_backward(gi, go, out)
    o = out.numpy()
    np.testing.assert_allclose(gi.numpy(), go.numpy() * (1 - o * o), rtol=1e-12)
    small = torch.Tensor([0.5])
    torch.sigmoid_backward(gi, torch.Tensor([2.0]), small)
    assert gi[1] == 2.0 * 0.5 * 0.5
    strided = torch.zeros(n, 2).select(2, 1).fill(0.5)       # numpy path (non-contiguous)
    torch.tanh_backward(gi, torch.ones(n), strided)
    assert gi.numpy()[0] == 0.75


BINARY_TENSOR = [
    ("cmul", np.multiply), ("cdiv", np.divide), ("cmax", np.maximum), ("cmin", np.minimum),
    ("atan2", np.arctan2),
]


@pytest.mark.parametrize("name,oracle", BINARY_TENSOR, ids=[b[0] for b in BINARY_TENSOR])
def test_binary_tensor(name, oracle):
    check_binary(name, oracle, FLOAT_TYPES, low2=0.5, high2=3)


def test_cpow():
    check_binary("cpow", np.power, FLOAT_TYPES, low=0.5, high=2, low2=-2, high2=2)


BINARY_SCALAR = [
    ("mul", np.multiply, 2.5), ("div", np.divide, 4.0), ("add", np.add, 1.5),
    ("pow", np.power, 2), ("fmod", np.fmod, 1.5), ("cmax", np.maximum, 0.5),
    ("cmin", np.minimum, 0.5), ("remainder", lambda a, b: a - b * np.floor(a / b), 1.5),
]


@pytest.mark.parametrize("name,oracle,value", BINARY_SCALAR, ids=[b[0] for b in BINARY_SCALAR])
def test_binary_scalar(name, oracle, value):
    check_binary(name, oracle, FLOAT_TYPES, scalar=value)


def test_integer_semantics():
    # C: scalars are cast to the element type, division truncates toward zero.
    x = torch.LongTensor([7, -7, 5])
    assert x.clone().div(2).tolist() == [3, -3, 2]
    assert x.clone().mul(2.7).tolist() == [14, -14, 10]
    assert torch.cdiv(x, torch.LongTensor([2, 2, -2])).tolist() == [3, -3, -2]
    assert x.clone().fmod(3).tolist() == [1, -1, 2]
    assert x.clone().remainder(3).tolist() == [1, 2, 2]
    assert torch.ByteTensor([250]).add(10).tolist() == [4]
    check_binary("add", np.add, ALL_TYPES)
    check_binary("cmul", np.multiply, ALL_TYPES)


def test_add_forms():
    x = torch.ones(3)
    y = torch.Tensor([1, 2, 3])
    assert x.clone().add(2).tolist() == [3, 3, 3]
    assert x.clone().add(y).tolist() == [2, 3, 4]
    assert x.clone().add(2, y).tolist() == [3, 5, 7]
    assert torch.Tensor(3).add(y, 10).tolist() == [11, 12, 13]
    assert torch.Tensor(3).add(y, 2, y).tolist() == [3, 6, 9]
    assert torch.add(y, 2, y).tolist() == [3, 6, 9]
    assert torch.add(y, y).tolist() == [2, 4, 6]
    res = torch.Tensor()
    assert torch.add(res, y, 1) is res and res.tolist() == [2, 3, 4]
    assert torch.csub(y, 1).tolist() == [0, 1, 2]
    assert y.clone().csub(2, y).tolist() == [-1, -2, -3]


def test_shapes_may_differ_with_equal_counts():
    a = torch.ones(2, 3)
    b = torch.range(1, 6)
    assert torch.cmul(a, b).size().tolist() == [2, 3]
    assert torch.add(a, b).tolist() == [[2, 3, 4], [5, 6, 7]]
    with pytest.raises(TorchError, match="inconsistent tensor size"):
        torch.add(a, torch.ones(5))


def test_mixed_types_are_an_error():
    with pytest.raises(TorchError, match="invalid arguments: DoubleTensor FloatTensor"):
        torch.ones(2).add(torch.FloatTensor(2).fill(1))
    with pytest.raises(TorchError, match="expected arguments"):
        torch.ones(2).add("a")


def test_addcmul_addcdiv_lerp_clamp():
    x = torch.zeros(2)
    t1, t2 = torch.Tensor([1, 2]), torch.Tensor([3, 4])
    assert x.clone().addcmul(2, t1, t2).tolist() == [6, 16]
    assert x.clone().addcmul(t1, t2).tolist() == [3, 8]
    assert torch.addcmul(torch.ones(2), 1, t1, t2).tolist() == [4, 9]
    assert torch.addcdiv(torch.ones(2), 2, t2, t1).tolist() == [7, 5]
    assert x.clone().lerp(torch.Tensor([4, 8]), 0.25).tolist() == [1, 2]
    assert torch.lerp(torch.zeros(2), torch.Tensor([4, 8]), 0.5).tolist() == [2, 4]
    assert torch.Tensor([-2, 0, 5]).clamp(-1, 1).tolist() == [-1, 0, 1]
    assert torch.clamp(torch.Tensor([-2, 5]), 0, 3).tolist() == [0, 3]
    assert torch.pow(2, torch.Tensor([1, 3])).tolist() == [2, 8]


def test_addcdiv_addcmul_round_as_torch7():
    # Torch7's C computes x + (v * t1) / t2 and x + (v * t1) * t2, one rounding per
    # operation in the element type: the same order gives bit-identical results
    # (optim's adam and adagrad depend on it).
    rs = np.random.RandomState(7)
    a, b, c = rs.randn(3, 2000)
    v = 0.1
    for cls, dt in ((torch.DoubleTensor, np.float64), (torch.FloatTensor, np.float32)):
        x, t1, t2 = (cls(list(map(float, arr))) for arr in (a, b, c))
        xa, t1a, t2a = (arr.astype(dt) for arr in (a, b, c))
        want_div = [float(dt(xi) + (dt(v) * dt(p)) / dt(q)) for xi, p, q in zip(xa, t1a, t2a)]
        want_mul = [float(dt(xi) + (dt(v) * dt(p)) * dt(q)) for xi, p, q in zip(xa, t1a, t2a)]
        other_order = [float(dt(xi) + dt(v) * (dt(p) / dt(q))) for xi, p, q in zip(xa, t1a, t2a)]
        assert other_order != want_div                  # the order matters on this data
        assert x.clone().addcdiv(v, t1, t2).tolist() == want_div
        assert torch.addcdiv(x, v, t1, t2).tolist() == want_div
        assert x.clone().addcmul(v, t1, t2).tolist() == want_mul
    x = torch.LongTensor([10, -10, 7])
    assert x.addcdiv(3, torch.LongTensor([5, 5, 2]), torch.LongTensor([2, 2, 4])).tolist() == [17, -3, 8]


def test_operators():
    a = torch.Tensor([[1, 2], [3, 4]])
    v = torch.Tensor([1, 1])
    assert (a + 1).tolist() == [[2, 3], [4, 5]]
    assert (1 + a).tolist() == [[2, 3], [4, 5]]
    assert (a - a).sum() == 0
    assert (10 - a).tolist() == [[9, 8], [7, 6]]
    assert (-a).tolist() == [[-1, -2], [-3, -4]]
    assert (a * 2).tolist() == [[2, 4], [6, 8]]
    assert (2 * a).tolist() == [[2, 4], [6, 8]]
    assert (a / 2).tolist() == [[0.5, 1], [1.5, 2]]
    assert (a * a).tolist() == [[7, 10], [15, 22]]           # matrix product
    assert (a * v).tolist() == [3, 7]                        # matrix-vector
    assert v * v == 2 and isinstance(v * v, float)           # dot product
    assert (a % 3).tolist() == [[1, 2], [0, 1]]
    with pytest.raises(TorchError, match="multiplication between 3D and 2D"):
        torch.ones(2, 2, 2) * a
    with pytest.raises(TorchError, match="number expected"):
        a / a
    with pytest.raises(TorchError, match="number expected"):
        a + torch.FloatTensor(2, 2)


def test_comparisons():
    x = torch.Tensor([1, 2, 3])
    for name, op in (("lt", np.less), ("le", np.less_equal), ("gt", np.greater),
                     ("ge", np.greater_equal), ("eq", np.equal), ("ne", np.not_equal)):
        r = getattr(x, name)(2)
        assert r.type() == "torch.ByteTensor"
        assert r.tolist() == op(np.array([1, 2, 3]), 2).astype(int).tolist()
        r2 = getattr(torch, name)(x, torch.Tensor([3, 2, 1]))
        assert r2.tolist() == op(np.array([1, 2, 3]), np.array([3, 2, 1])).astype(int).tolist()
    res = torch.Tensor()
    torch.gt(res, x, 1)                         # a result of x's own type
    assert res.type() == "torch.DoubleTensor" and res.tolist() == [0, 1, 1]
    assert x.gt(0).all() and x.gt(2).any() and not x.gt(5).any()
    assert torch.equal(x, torch.Tensor([1, 2, 3])) and not x.equal(torch.Tensor([1, 2]))


def test_apply_map_map2():
    x = torch.range(1, 4)
    x.apply(lambda v: v * v)
    assert x.tolist() == [1, 4, 9, 16]
    seen = []
    x.apply(lambda v: seen.append(v))           # nil results leave elements alone
    assert seen == [1, 4, 9, 16] and x.tolist() == [1, 4, 9, 16]
    y = torch.ones(4)
    x.map(y, lambda a, b: a + 10 * b)
    assert x.tolist() == [11, 14, 19, 26]
    x.map2(y, y, lambda a, b, c: a - b - c)
    assert x.tolist() == [9, 12, 17, 24]
    with pytest.raises(TorchError, match="should return a number or nil"):
        x.apply(lambda v: "no")
    t = torch.zeros(2, 2).t()
    t.apply(lambda v: 1)
    assert t.sum() == 4
    assert math.isclose(torch.Tensor([1.5]).apply(lambda v: (v, 0))[1], 1.5)


@pytest.mark.parametrize("typename", ["torch.DoubleTensor", "torch.FloatTensor"])
def test_big_tensor_paths_match_numpy(typename):
    # Above parallel.MIN_ELEMENTS: pieces shared between threads (contiguous and strided
    # tensors) must give numpy's results.
    from th.torch.ops import parallel
    n = parallel.MIN_ELEMENTS * 2 + 3
    cls = torch.getmetatable(typename)
    torch.manualSeed(0)
    a, b = cls(n).uniform(0.5, 2), cls(n).uniform(0.5, 2)
    x, y = a.numpy().copy(), b.numpy().copy()
    r = cls()
    for name, expected in (("add", x + y), ("cmul", x * y), ("cdiv", x / y),
                           ("csub", x - y)):
        getattr(r, name)(a, b)
        np.testing.assert_allclose(r.numpy(), expected, rtol=1e-6)
    np.testing.assert_allclose(r.mul(a, 2.5).numpy(), x * 2.5, rtol=1e-6)
    np.testing.assert_allclose(r.div(a, 4).numpy(), x / 4, rtol=1e-6)
    np.testing.assert_allclose(r.add(a, 3).numpy(), x + 3, rtol=1e-6)
    np.testing.assert_allclose((a + b).numpy(), x + y, rtol=1e-6)
    np.testing.assert_allclose((a * 2).numpy(), x * 2, rtol=1e-6)
    np.testing.assert_allclose(torch.exp(a).numpy(), np.exp(x), rtol=1e-6)
    m = a.narrow(1, 1, 3 * ((n - 1) // 3)).view(3, -1)
    mt = m.t()                                            # strided: thread-pool path
    np.testing.assert_allclose(torch.sqrt(mt).numpy(), np.sqrt(mt.numpy()), rtol=1e-6)
    np.testing.assert_allclose(torch.add(mt, mt).numpy(), 2 * mt.numpy(), rtol=1e-6)
    big = torch.LongTensor(n).fill(3)
    assert torch.add(big, big).sum() == 6 * n                 # integers: numpy path
