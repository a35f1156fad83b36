"""One test per module (pytest -k Linear): gradients by finite differences (input and
parameters), mini-batch equal to per-sample, the values themselves where they are
easy to state, and Torch7's printing."""
import math

import numpy as np
import pytest

from th import nn, torch
from th.lua.table import LuaTable
from nn_check import check_jacobian, check_batch, check_acc_update, rand_tensor, table


def same(t, expected, tol=1e-12):
    np.testing.assert_allclose(t._np(), np.asarray(expected, dtype=float), rtol=tol, atol=tol)


# ---- layers with parameters ---------------------------------------------------------------

def test_Linear():
    torch.manualSeed(1)
    lin = nn.Linear(5, 3)
    assert str(lin) == "nn.Linear(5 -> 3)"
    x = rand_tensor(5)
    same(lin.forward(x), lin.weight._np() @ x._np() + lin.bias._np())
    check_jacobian(lin, x)
    check_jacobian(lin, rand_tensor(4, 5))
    check_batch(lin, rand_tensor(4, 5))
    check_acc_update(lin, rand_tensor(4, 5))
    nobias = nn.Linear(4, 2, False)
    assert str(nobias) == "nn.Linear(4 -> 2) without bias" and "bias" not in vars(nobias)
    check_jacobian(nobias, rand_tensor(3, 4))
    assert str(nn.Linear(3, 2).noBias()) == "nn.Linear(3 -> 2) without bias"


def test_Linear_init_rule():
    torch.manualSeed(7)
    lin = nn.Linear(100, 50)
    bound = 1 / math.sqrt(100)
    assert np.abs(lin.weight._np()).max() <= bound and np.abs(lin.weight._np()).max() > 0.9 * bound
    lin.reset(0.1)
    assert np.abs(lin.weight._np()).max() <= 0.1 * math.sqrt(3)


def test_Linear_errors():
    lin = nn.Linear(5, 3)
    with pytest.raises(Exception, match=r"size mismatch, m1: \[2 x 4\], m2: \[5 x 3\]"):
        lin.forward(torch.zeros(2, 4))
    with pytest.raises(Exception, match="input must be vector or matrix"):
        lin.forward(torch.zeros(2, 2, 5))


def test_Add():
    m = nn.Add(4)
    x = rand_tensor(4)
    same(m.forward(x), x._np() + m.bias._np())
    check_jacobian(m, x)
    check_batch(m, rand_tensor(3, 4))
    s = nn.Add(4, True)
    assert s.bias.nElement() == 1
    check_jacobian(s, rand_tensor(2, 4))
    check_acc_update(m, rand_tensor(3, 4))


def test_Mul():
    m = nn.Mul()
    x = rand_tensor(3, 2)
    same(m.forward(x), x._np() * m.weight[1])
    check_jacobian(m, x)
    check_batch(m, rand_tensor(3, 2))


def test_CMul():
    m = nn.CMul(4)
    check_jacobian(m, rand_tensor(4))
    check_jacobian(m, rand_tensor(3, 4))
    check_batch(m, rand_tensor(3, 4))
    m2 = nn.CMul(1, 3)                       # broadcast over the size-1 dimension
    x = rand_tensor(2, 3)
    same(m2.forward(x), x._np() * m2.weight._np())
    check_jacobian(m2, x)


def test_Bilinear():
    m = nn.Bilinear(3, 4, 2)
    assert str(m) == "nn.Bilinear(3x4 -> 2) "
    x = table(rand_tensor(5, 3, seed=1), rand_tensor(5, 4, seed=2))
    W = m.weight._np()
    x1, x2 = x[1]._np(), x[2]._np()
    same(m.forward(x), np.einsum("bi,kij,bj->bk", x1, W, x2) + m.bias._np(), 1e-10)
    check_jacobian(m, x)
    with pytest.raises(Exception, match="two-dimensional"):
        m.forward(table(rand_tensor(3), rand_tensor(4)))


def test_Euclidean():
    m = nn.Euclidean(3, 4)
    x = rand_tensor(3)
    same(m.forward(x), np.linalg.norm(x._np()[:, None] - m.weight._np(), axis=0), 1e-12)
    check_jacobian(m, x, tol=1e-5)
    check_jacobian(m, rand_tensor(2, 3), tol=1e-5)
    check_batch(m, rand_tensor(3, 3))


def test_LookupTable():
    torch.manualSeed(3)
    m = nn.LookupTable(6, 3)
    idx = torch.LongTensor([2, 5, 2])
    out = m.forward(idx)
    same(out, m.weight._np()[[1, 4, 1]])
    m.zeroGradParameters()
    go = rand_tensor(3, 3)
    m.backward(idx, go)
    expected = np.zeros((6, 3))
    expected[1] = go._np()[0] + go._np()[2]
    expected[4] = go._np()[1]
    same(m.gradWeight, expected)
    assert m.gradInput.nElement() == 3 and float(m.gradInput.sum()) == 0
    check_jacobian(m, idx)                      # parameters only (indices are integers)
    check_batch(m, torch.LongTensor([[1, 2], [3, 1]]))
    pad = nn.LookupTable(4, 2, 1)               # index 1 is padding: no gradient
    pad.zeroGradParameters()
    pad.forward(torch.LongTensor([1, 2]))
    pad.backward(torch.LongTensor([1, 2]), torch.ones(2, 2))
    same(pad.gradWeight, [[0, 0], [1, 1], [0, 0], [0, 0]])
    with pytest.raises(Exception, match="index out of range"):
        m.forward(torch.LongTensor([7]))


def test_LookupTable_maxNorm():
    m = nn.LookupTable(3, 2, 0, 1.0)
    m.weight.copy(torch.Tensor([[3, 4], [0.3, 0.4], [6, 8]]))
    out = m.forward(torch.LongTensor([1, 2]))
    assert abs(np.linalg.norm(out._np()[0]) - 1) < 1e-6 and abs(out[2][1] - 0.3) < 1e-12
    assert m.weight[3][1] == 6                   # rows not looked up are untouched


# ---- transfer functions ---------------------------------------------------------------------

POINTWISE = [
    ("Sigmoid", lambda: nn.Sigmoid(), lambda x: 1 / (1 + np.exp(-x))),
    ("Tanh", lambda: nn.Tanh(), np.tanh),
    ("ReLU", lambda: nn.ReLU(), lambda x: np.maximum(x, 0)),
    ("ReLU6", lambda: nn.ReLU6(), lambda x: np.clip(x, 0, 6)),
    ("ELU", lambda: nn.ELU(), lambda x: np.where(x > 0, x, np.exp(x) - 1)),
    ("LeakyReLU", lambda: nn.LeakyReLU(0.1), lambda x: np.where(x > 0, x, 0.1 * x)),
    ("SoftPlus", lambda: nn.SoftPlus(), lambda x: np.log1p(np.exp(x))),
    ("SoftSign", lambda: nn.SoftSign(), lambda x: x / (1 + np.abs(x))),
    ("HardTanh", lambda: nn.HardTanh(), lambda x: np.clip(x, -1, 1)),
    ("Threshold", lambda: nn.Threshold(0.3, -2), lambda x: np.where(x > 0.3, x, -2)),
    ("LogSigmoid", lambda: nn.LogSigmoid(), lambda x: np.log(1 / (1 + np.exp(-x)))),
    ("Abs", lambda: nn.Abs(), np.abs),
    ("Square", lambda: nn.Square(), np.square),
    ("Exp", lambda: nn.Exp(), np.exp),
    ("MulConstant", lambda: nn.MulConstant(2.5), lambda x: 2.5 * x),
    ("AddConstant", lambda: nn.AddConstant(-1.5), lambda x: x - 1.5),
]


def _pointwise(name, low=-3, high=3):
    make, oracle = next((m, o) for n, m, o in POINTWISE if n == name)
    m = make()
    x = rand_tensor(3, 4, low=low, high=high, seed=5)
    same(m.forward(x), oracle(x._np()), 1e-12)
    check_jacobian(m, x)
    check_jacobian(m, rand_tensor(7, low=low, high=high, seed=6))
    check_batch(m, rand_tensor(3, 4, low=low, high=high, seed=8))
    assert str(m).startswith("nn." + name)
    return m


def test_Sigmoid():
    sig = _pointwise("Sigmoid")
    big = rand_tensor(64, 128, seed=9)            # large enough for the fused kernel
    out = sig.forward(big)
    same(out, 1 / (1 + np.exp(-big._np())), 1e-12)
    go = rand_tensor(64, 128, seed=10)
    y = out._np()
    same(sig.backward(big, go), go._np() * (1 - y) * y, 1e-12)


def test_Sigmoid_backward_reads_its_output():
    # The lecture calls sig:updateGradInput(z2, dE_dh) with the pre-activation z2.
    sig = nn.Sigmoid()
    z = torch.Tensor([0.5, -1.0, 2.0])
    h = sig.forward(z).clone()
    g = torch.Tensor([1.0, 2.0, 3.0])
    expected = g._np() * h._np() * (1 - h._np())
    same(sig.updateGradInput(z, g), expected)
    same(sig.updateGradInput(torch.Tensor([9.0, 9.0, 9.0]), g), expected)


def test_Tanh():
    tanh = _pointwise("Tanh")
    big = rand_tensor(100, 100, seed=11)
    same(tanh.forward(big), np.tanh(big._np()), 1e-12)


def test_ReLU():
    _pointwise("ReLU")
    ip = nn.ReLU(True)
    x = torch.Tensor([-1.0, 2.0])
    out = ip.forward(x)
    same(x, [0, 2])
    assert out.storage() is x.storage()


def test_ReLU6():
    _pointwise("ReLU6", -2, 8)


def test_ELU():
    m = _pointwise("ELU")
    assert str(m) == "nn.ELU (alpha:1.000000)"
    check_jacobian(nn.ELU(0.5), rand_tensor(6, seed=3))


def test_LeakyReLU():
    assert str(_pointwise("LeakyReLU")) == "nn.LeakyReLU(0.1)"
    assert str(nn.LeakyReLU()) == "nn.LeakyReLU(0.01)"


def test_PReLU():
    m = nn.PReLU()
    x = rand_tensor(5, seed=2)
    same(m.forward(x), np.where(x._np() > 0, x._np(), 0.25 * x._np()))
    check_jacobian(m, x)
    check_batch(m, rand_tensor(3, 4))
    per_plane = nn.PReLU(3)
    per_plane.weight.copy(torch.Tensor([0.1, 0.2, 0.3]))
    check_jacobian(per_plane, rand_tensor(2, 3))
    check_jacobian(per_plane, rand_tensor(3, 2, 2))
    check_batch(per_plane, rand_tensor(4, 3))


def test_SoftPlus():
    _pointwise("SoftPlus")
    check_jacobian(nn.SoftPlus(2), rand_tensor(5))
    big = nn.SoftPlus().forward(torch.Tensor([30.0]))
    assert big[1] == 30.0                         # above the threshold: identity


def test_SoftSign():
    _pointwise("SoftSign")


def test_HardTanh():
    _pointwise("HardTanh")
    check_jacobian(nn.HardTanh(-0.5, 2), rand_tensor(8, low=-3, high=3))


def test_Threshold():
    _pointwise("Threshold")


def test_LogSigmoid():
    _pointwise("LogSigmoid")


def test_Abs():
    _pointwise("Abs")


def test_Square():
    _pointwise("Square")


def test_Sqrt():
    m = nn.Sqrt()
    x = rand_tensor(3, 4, low=0.5, high=4)
    same(m.forward(x), np.sqrt(x._np()))
    check_jacobian(m, x)
    check_batch(m, rand_tensor(3, 4, low=0.5, high=4))


def test_Power():
    m = nn.Power(3)
    x = rand_tensor(3, 4)
    same(m.forward(x), x._np() ** 3, 1e-12)
    check_jacobian(m, x)
    check_batch(m, rand_tensor(2, 4))
    check_jacobian(nn.Power(0.5), rand_tensor(4, low=0.5, high=2))


def test_Exp():
    _pointwise("Exp")


def test_Log():
    m = nn.Log()
    x = rand_tensor(3, 4, low=0.2, high=3)
    same(m.forward(x), np.log(x._np()))
    check_jacobian(m, x)
    check_batch(m, rand_tensor(3, 4, low=0.2, high=3))


def test_MulConstant():
    _pointwise("MulConstant")
    ip = nn.MulConstant(2, True)
    x = torch.Tensor([1.0, 2.0])
    ip.forward(x)
    same(x, [2, 4])
    ip.backward(x, torch.Tensor([1.0, 1.0]))
    same(x, [1, 2])                               # restored, as Torch7 does


def test_AddConstant():
    _pointwise("AddConstant")


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def test_SoftMax():
    m = nn.SoftMax()
    x = rand_tensor(4, 5)
    same(m.forward(x), _softmax(x._np()))
    check_jacobian(m, x)
    check_jacobian(m, rand_tensor(5))
    check_batch(m, rand_tensor(3, 5))
    maps = rand_tensor(3, 2, 2)                   # planes first: softmax across planes
    out = m.forward(maps)._np()
    same(torch.Tensor(out.sum(axis=0).tolist()), np.ones((2, 2)))


def test_SoftMin():
    m = nn.SoftMin()
    x = rand_tensor(4, 5)
    same(m.forward(x), _softmax(-x._np()))
    check_jacobian(m, x)
    check_batch(m, rand_tensor(3, 5))


def test_LogSoftMax():
    m = nn.LogSoftMax()
    x = rand_tensor(4, 5)
    same(m.forward(x), np.log(_softmax(x._np())))
    check_jacobian(m, x)
    check_jacobian(m, rand_tensor(5))
    check_batch(m, rand_tensor(3, 5))
    huge = m.forward(torch.Tensor([1000.0, 0.0]))  # stable for large scores
    assert huge[1] == 0.0 and huge[2] == -1000.0


# ---- shape layers ---------------------------------------------------------------------------

def test_Reshape():
    m = nn.Reshape(2, 3)
    assert str(m) == "nn.Reshape(2x3)"
    x = rand_tensor(6)
    out = m.forward(x)
    assert out.size().tolist() == [2, 3] and out.storage() is x.storage()
    check_jacobian(m, x)
    b = m.forward(rand_tensor(4, 6))
    assert b.size().tolist() == [4, 2, 3]
    check_batch(m, rand_tensor(4, 6))
    assert nn.Reshape(6, False).forward(rand_tensor(2, 3)).size().tolist() == [6]
    t = rand_tensor(3, 2).t()                     # not contiguous: copied first
    same(nn.Reshape(6).forward(t), t._np().reshape(-1))


def test_View():
    m = nn.View(2, -1)
    assert str(nn.View(2, 5)) == "nn.View(2, 5)"
    x = rand_tensor(6)
    assert m.forward(x).size().tolist() == [2, 3]
    check_jacobian(m, x)
    batch = nn.View(6).setNumInputDims(2)
    assert batch.forward(rand_tensor(4, 2, 3)).size().tolist() == [4, 6]
    check_batch(nn.View(6), rand_tensor(4, 6))
    with pytest.raises(Exception, match=r"input view \(7\) and desired view \(2x-1\) do not match"):
        m.forward(rand_tensor(7))


def test_Transpose():
    m = nn.Transpose([1, 2])
    x = rand_tensor(2, 3)
    same(m.forward(x), x._np().T)
    check_jacobian(m, x)
    two = nn.Transpose([1, 2], [2, 3])
    y = rand_tensor(2, 3, 4)
    same(two.forward(y), y._np().transpose(1, 2, 0))
    check_jacobian(two, y)


def test_Narrow():
    m = nn.Narrow(1, 2, 3)
    x = rand_tensor(5)
    same(m.forward(x), x._np()[1:4])
    check_jacobian(m, x)
    check_jacobian(nn.Narrow(2, 2, 2), rand_tensor(3, 4))
    same(nn.Narrow(1, -2, 2).forward(x), x._np()[3:5])


def test_Select():
    m = nn.Select(1, 2)
    x = rand_tensor(3, 4)
    same(m.forward(x), x._np()[1])
    check_jacobian(m, x)
    same(nn.Select(2, -1).forward(x), x._np()[:, 3])
    check_jacobian(nn.Select(2, 3), rand_tensor(3, 4, 2))


def test_Replicate():
    m = nn.Replicate(3)
    x = rand_tensor(4)
    out = m.forward(x)
    assert out.size().tolist() == [3, 4] and out.stride(1) == 0
    same(out, np.tile(x._np(), (3, 1)))
    check_jacobian(m, x)
    m2 = nn.Replicate(2, 2)
    same(m2.forward(x), np.tile(x._np()[:, None], (1, 2)))
    check_jacobian(m2, x)
    check_batch(nn.Replicate(2, 1, 1), rand_tensor(3, 4))


def test_Squeeze():
    m = nn.Squeeze()
    x = rand_tensor(2, 1, 3)
    assert m.forward(x).size().tolist() == [2, 3]
    check_jacobian(m, x)
    assert nn.Squeeze(2).forward(rand_tensor(1, 1, 3)).size().tolist() == [1, 3]
    one = nn.Squeeze(None, 2).forward(rand_tensor(1, 1, 3))  # a batch of one
    assert one.size().tolist() == [1, 3]


def test_Unsqueeze():
    m = nn.Unsqueeze(2)
    assert str(m) == "nn.Unsqueeze(dim 2)"
    x = rand_tensor(3, 4)
    assert m.forward(x).size().tolist() == [3, 1, 4]
    check_jacobian(m, x)
    batch = nn.Unsqueeze(1, 1)
    assert batch.forward(rand_tensor(5, 4)).size().tolist() == [5, 1, 4]


def test_Padding():
    same(nn.Padding(1, 2).forward(torch.Tensor([1.0, 2.0])), [1, 2, 0, 0])
    same(nn.Padding(1, -2, None, 9).forward(torch.Tensor([1.0, 2.0])), [9, 9, 1, 2])
    same(nn.Padding(1, 1, None, 7, 2).forward(torch.Tensor([1.0, 2.0, 3.0])), [1, 2, 7, 3])
    m = nn.Padding(1, 3, 1)                     # a sample is 1-D: a batch pads dim 2
    x = rand_tensor(4, 2)
    assert m.forward(x).size().tolist() == [4, 5]
    check_jacobian(m, x)
    check_jacobian(nn.Padding(1, -1, None, 0, 2), rand_tensor(3, 2))
    check_batch(m, rand_tensor(4, 2))


def test_Max():
    m = nn.Max(2)
    x = rand_tensor(3, 5)
    same(m.forward(x), x._np().max(axis=1))
    check_jacobian(m, x)
    check_batch(nn.Max(1, 1), rand_tensor(3, 5))
    same(nn.Max(1).forward(torch.Tensor([1.0, 4.0, 2.0])), [4])


def test_Min():
    m = nn.Min(2)
    x = rand_tensor(3, 5)
    same(m.forward(x), x._np().min(axis=1))
    check_jacobian(m, x)
    check_batch(nn.Min(1, 1), rand_tensor(3, 5))


def test_Sum():
    m = nn.Sum(2)
    x = rand_tensor(3, 5)
    same(m.forward(x), x._np().sum(axis=1))
    check_jacobian(m, x)
    check_batch(nn.Sum(1, 1), rand_tensor(3, 5))
    same(nn.Sum(1, None, True).forward(x), x._np().mean(axis=0))


def test_Mean():
    m = nn.Mean(2)
    x = rand_tensor(3, 5)
    same(m.forward(x), x._np().mean(axis=1))
    check_jacobian(m, x)
    check_batch(nn.Mean(1, 1), rand_tensor(3, 5))


def test_Normalize():
    m = nn.Normalize(2)
    assert str(m) == "nn.Normalize(2)"
    x = rand_tensor(3, 4)
    same(m.forward(x), x._np() / np.linalg.norm(x._np(), axis=1, keepdims=True), 1e-9)
    check_jacobian(m, x, tol=1e-5)
    check_batch(m, rand_tensor(3, 4))
    check_jacobian(nn.Normalize(1.5), rand_tensor(4), tol=1e-5)
    check_jacobian(nn.Normalize(math.inf), rand_tensor(2, 4), tol=1e-5)
    assert str(nn.Normalize(math.inf)) == "nn.Normalize(inf)"


def test_Dropout():
    torch.manualSeed(5)
    d = nn.Dropout(0.4)
    assert str(d) == "nn.Dropout(0.400000)" and d.train is True
    x = torch.ones(1000)
    out = d.forward(x)._np()
    kept = out != 0
    assert set(np.round(out, 12)) <= {0.0, round(1 / 0.6, 12)}
    assert 0.5 < kept.mean() < 0.7
    g = d.backward(x, torch.ones(1000))._np()
    np.testing.assert_array_equal(g, out)         # gradients masked like the output
    d.evaluate()
    same(d.forward(x), np.ones(1000))
    same(d.backward(x, torch.ones(1000)), np.ones(1000))
    old = nn.Dropout(0.5, True)                   # v1: scale at evaluation instead
    old.evaluate()
    same(old.forward(torch.ones(3)), [0.5, 0.5, 0.5])
    with pytest.raises(Exception, match="illegal percentage"):
        nn.Dropout(1)


def test_Copy():
    c = nn.Copy("torch.DoubleTensor", "torch.FloatTensor")
    out = c.forward(torch.Tensor([1.5, 2.0]))
    assert torch.type(out) == "torch.FloatTensor" and out.tolist() == [1.5, 2.0]
    g = c.backward(torch.Tensor([1.5, 2.0]), torch.FloatTensor([1.0, 1.0]))
    assert torch.type(g) == "torch.DoubleTensor"
    same_type = nn.Copy()
    x = torch.ones(2)
    assert same_type.forward(x) is x


def test_Contiguous():
    m = nn.Contiguous()
    x = rand_tensor(3, 2).t()
    out = m.forward(x)
    assert out.isContiguous() and out.tolist() == x.tolist()
    y = rand_tensor(3)
    assert m.forward(y).storage() is y.storage()
    check_jacobian(m, x)


# ---- table layers -----------------------------------------------------------------------------

def test_Identity():
    m = nn.Identity()
    x = rand_tensor(3)
    assert m.forward(x) is x
    g = torch.ones(3)
    assert m.backward(x, g) is g
    t = table(x, g)
    assert m.forward(t) is t


def test_SplitTable():
    m = nn.SplitTable(1)
    x = rand_tensor(3, 2)
    out = m.forward(x)
    assert isinstance(out, LuaTable) and len(out) == 3
    same(out[2], x._np()[1])
    check_jacobian(m, x)
    same(nn.SplitTable(-1).forward(x)[2], x._np()[:, 1])
    batch = nn.SplitTable(1, 1).forward(rand_tensor(4, 2))    # a batch: split dim 2
    assert len(batch) == 2 and batch[1].size().tolist() == [4]


def test_JoinTable():
    m = nn.JoinTable(1)
    a, b = rand_tensor(2, seed=1), rand_tensor(3, seed=2)
    same(m.forward(table(a, b)), np.concatenate([a._np(), b._np()]))
    check_jacobian(m, table(a, b))
    neg = nn.JoinTable(-1)                         # the lecture's JoinTable(-1)
    p, q = rand_tensor(2, 2, seed=3), rand_tensor(2, 3, seed=4)
    same(neg.forward(table(p, q)), np.concatenate([p._np(), q._np()], axis=1))
    check_jacobian(neg, table(p, q))
    check_batch(nn.JoinTable(1, 1), table(rand_tensor(3, 2), rand_tensor(3, 4)))


def test_SelectTable():
    m = nn.SelectTable(2)
    assert str(m) == "nn.SelectTable(2)"
    t = table(rand_tensor(2, seed=1), rand_tensor(3, seed=2), rand_tensor(4, seed=3))
    assert m.forward(t) is t[2]
    check_jacobian(m, t)
    assert nn.SelectTable(-1).forward(t) is t[3]
    g = m.backward(t, torch.ones(3))
    same(g[1], np.zeros(2))
    same(g[2], np.ones(3))


def test_NarrowTable():
    m = nn.NarrowTable(2, 2)
    t = table(rand_tensor(2, seed=1), rand_tensor(3, seed=2), rand_tensor(4, seed=3))
    out = m.forward(t)
    assert len(out) == 2 and out[1] is t[2] and out[2] is t[3]
    check_jacobian(m, t)


def test_FlattenTable():
    m = nn.FlattenTable()
    a, b, c = rand_tensor(2, seed=1), rand_tensor(3, seed=2), rand_tensor(1, seed=3)
    nested = table(a, table(b, table(c)))
    out = m.forward(nested)
    assert [x for x in out.to_list()] == [a, b, c]
    check_jacobian(m, nested)
    g = m.backward(nested, table(torch.ones(2), torch.ones(3), torch.ones(1)))
    assert isinstance(g[2][2], LuaTable) and g[2][2][1].tolist() == [1.0]


def _ctable(m, fn, n=2):
    xs = [rand_tensor(2, 3, low=0.5, high=2, seed=s) for s in range(n)]
    t = table(*xs)
    same(m.forward(t), fn(*[x._np() for x in xs]), 1e-12)
    check_jacobian(m, t)
    check_batch(m, table(*[rand_tensor(3, 2, low=0.5, high=2, seed=10 + s) for s in range(n)]))


def test_CAddTable():
    _ctable(nn.CAddTable(), lambda a, b, c: a + b + c, 3)


def test_CSubTable():
    _ctable(nn.CSubTable(), lambda a, b: a - b)


def test_CMulTable():
    _ctable(nn.CMulTable(), lambda a, b, c: a * b * c, 3)


def test_CDivTable():
    _ctable(nn.CDivTable(), lambda a, b: a / b)


def test_PairwiseDistance():
    m = nn.PairwiseDistance(2)
    a, b = rand_tensor(4, seed=1), rand_tensor(4, seed=2)
    same(m.forward(table(a, b)), [np.linalg.norm(a._np() - b._np())], 1e-12)
    check_jacobian(m, table(a, b), tol=1e-5)
    check_batch(m, table(rand_tensor(3, 4, seed=3), rand_tensor(3, 4, seed=4)))
    check_jacobian(nn.PairwiseDistance(1), table(a, b), tol=1e-5)
    check_jacobian(nn.PairwiseDistance(3), table(rand_tensor(2, 4), rand_tensor(2, 4, seed=5)),
                   tol=1e-5)


def test_CosineDistance():
    m = nn.CosineDistance()
    a, b = rand_tensor(4, seed=1), rand_tensor(4, seed=2)
    cos = a._np() @ b._np() / np.linalg.norm(a._np()) / np.linalg.norm(b._np())
    same(m.forward(table(a, b)), [cos], 1e-10)
    check_jacobian(m, table(a, b))
    check_batch(m, table(rand_tensor(3, 4, seed=3), rand_tensor(3, 4, seed=4)))


def test_every_module_has_a_test():
    families = ("th.nn.module", "th.nn.table", "th.nn.linear", "th.nn.activation",
                "th.nn.shape")                  # containers and criterions: own files
    mine = {n for n in nn.__all__ if getattr(nn, n).__module__ in families} - {"Module"}
    tested = {n[5:] for n in globals() if n.startswith("test_")}
    assert mine <= tested, sorted(mine - tested)
