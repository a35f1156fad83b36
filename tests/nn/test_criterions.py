"""One test per criterion: the loss against a numpy formula, sizeAverage and weights,
gradients by finite differences, single sample and mini-batch."""
import numpy as np
import pytest

from th import nn, torch
from nn_check import check_criterion, rand_tensor, table, flat


def close(a, b, tol=1e-12):
    assert abs(a - b) <= tol * max(1.0, abs(b)), (a, b)


def batch_is_sum_of_samples(crit, inputs, targets, pick_input, pick_target, n):
    """With sizeAverage off, a batch's loss and gradient are the samples' ones."""
    crit.sizeAverage = False
    total = crit.forward(inputs, targets)
    total = total[0] if isinstance(total, tuple) else total
    grad = flat(crit.backward(inputs, targets)).copy()
    losses, grads = 0.0, []
    for b in range(1, n + 1):
        loss = crit.forward(pick_input(b), pick_target(b))
        losses += loss[0] if isinstance(loss, tuple) else loss
        grads.append(flat(crit.backward(pick_input(b), pick_target(b))).copy())
    close(total, losses, 1e-10)
    if grad.size == sum(g.size for g in grads):
        np.testing.assert_allclose(np.sort(grad), np.sort(np.concatenate(grads)), atol=1e-12)
    crit.sizeAverage = True


def rows(t):
    return lambda b: t.select(1, b).clone()


def test_MSECriterion():
    c = nn.MSECriterion()
    x, y = rand_tensor(3, 4, seed=1), rand_tensor(3, 4, seed=2)
    close(c.forward(x, y), float(((x._np() - y._np()) ** 2).mean()))
    np.testing.assert_allclose(c.backward(x, y)._np(), 2 * (x._np() - y._np()) / 12)
    check_criterion(c, x, y)
    c2 = nn.MSECriterion(False)
    close(c2.forward(x, y), float(((x._np() - y._np()) ** 2).sum()))
    check_criterion(c2, x, y)
    batch_is_sum_of_samples(c, x, y, rows(x), rows(y), 3)
    assert c.forward(torch.Tensor([1, 2, 3]), torch.Tensor([1, 1, 1])) == pytest.approx(5 / 3)


def test_AbsCriterion():
    c = nn.AbsCriterion()
    x, y = rand_tensor(3, 4, seed=1), rand_tensor(3, 4, seed=2)
    close(c.forward(x, y), float(np.abs(x._np() - y._np()).mean()))
    check_criterion(c, x, y)
    batch_is_sum_of_samples(c, x, y, rows(x), rows(y), 3)


def test_SmoothL1Criterion():
    c = nn.SmoothL1Criterion()
    x, y = rand_tensor(3, 4, low=-2, high=2, seed=1), rand_tensor(3, 4, seed=2)
    d = np.abs(x._np() - y._np())
    close(c.forward(x, y), float(np.where(d < 1, 0.5 * d * d, d - 0.5).mean()))
    check_criterion(c, x, y)
    batch_is_sum_of_samples(c, x, y, rows(x), rows(y), 3)


def test_ClassNLLCriterion():
    c = nn.ClassNLLCriterion()
    x = nn.LogSoftMax().forward(rand_tensor(4, 3)).clone()
    t = torch.Tensor([1, 3, 2, 3])
    loss, total = c.forward(x, t)
    close(loss, -float(x._np()[[0, 1, 2, 3], [0, 2, 1, 2]].mean()))
    assert total == 4
    check_criterion(c, x, t)
    single = c.forward(x.select(1, 2), 3)
    close(single[0], -x[2][3])
    check_criterion(c, x.select(1, 2).clone(), 3)
    batch_is_sum_of_samples(c, x, t, rows(x), lambda b: int(t[b]), 4)
    w = torch.Tensor([1, 2, 0.5])
    cw = nn.ClassNLLCriterion(w)
    loss, total = cw.forward(x, t)
    weights = np.array([1, 0.5, 2, 0.5])
    close(total, weights.sum())
    close(loss, -float((x._np()[[0, 1, 2, 3], [0, 2, 1, 2]] * weights).sum() / weights.sum()))
    check_criterion(cw, x, t)
    ignore = nn.ClassNLLCriterion(None, True, 3)
    loss, total = ignore.forward(x, t)
    assert total == 2
    with pytest.raises(Exception, match="target out of bounds"):
        c.forward(x, torch.Tensor([1, 4, 1, 1]))


def test_CrossEntropyCriterion():
    c = nn.CrossEntropyCriterion()
    close(c.forward(torch.Tensor([1, 2, 3]), 3), float(np.log(np.exp([1, 2, 3]).sum()) - 3))
    x, t = rand_tensor(4, 5), torch.Tensor([5, 1, 2, 2])
    lsm = x._np() - np.log(np.exp(x._np()).sum(axis=1, keepdims=True))
    close(c.forward(x, t), -float(lsm[[0, 1, 2, 3], [4, 0, 1, 1]].mean()))
    check_criterion(c, x, t)
    check_criterion(c, rand_tensor(1, 5), torch.Tensor([2]))     # squeezed to one sample
    assert c.backward(rand_tensor(1, 5), torch.Tensor([2])).size().tolist() == [1, 5]
    batch_is_sum_of_samples(c, x, t, rows(x), lambda b: int(t[b]), 4)


def test_BCECriterion():
    c = nn.BCECriterion()
    close(c.forward(torch.Tensor([0.2, 0.9]), torch.Tensor([0, 1])),
          -(np.log(0.8 + 1e-12) + np.log(0.9 + 1e-12)) / 2)
    x, y = rand_tensor(3, 4, low=0.05, high=0.95), rand_tensor(3, 4, low=0, high=1, seed=3).gt(0.5).double()
    check_criterion(c, x, y)
    w = torch.Tensor([1, 2, 3, 0.5])
    cw = nn.BCECriterion(w)
    expected = -(w._np() * (y._np() * np.log(x._np() + 1e-12) +
                            (1 - y._np()) * np.log(1 - x._np() + 1e-12))).mean()
    close(cw.forward(x, y), float(expected))
    check_criterion(cw, x, y)
    batch_is_sum_of_samples(c, x, y, rows(x), rows(y), 3)


def test_DistKLDivCriterion():
    c = nn.DistKLDivCriterion()
    x = nn.LogSoftMax().forward(rand_tensor(2, 4)).clone()
    y = nn.SoftMax().forward(rand_tensor(2, 4, seed=7)).clone()
    close(c.forward(x, y), float((y._np() * (np.log(y._np()) - x._np())).mean()))
    check_criterion(c, x, y)
    batch_is_sum_of_samples(c, x, y, rows(x), rows(y), 2)


def test_MarginCriterion():
    c = nn.MarginCriterion()
    close(c.forward(torch.Tensor([0.5, -2]), torch.Tensor([1, -1])), 0.25)
    x, y = rand_tensor(6, low=-2, high=2), torch.Tensor([1, -1, 1, 1, -1, -1])
    check_criterion(c, x, y)
    check_criterion(nn.MarginCriterion(0.3), x, y)


def test_MultiMarginCriterion():
    c = nn.MultiMarginCriterion()
    x = torch.Tensor([0.1, 0.8, 0.3])
    close(c.forward(x, 2), (max(0, 1 - 0.8 + 0.1) + max(0, 1 - 0.8 + 0.3)) / 3)
    xb, t = rand_tensor(4, 5), torch.Tensor([1, 5, 2, 2])
    check_criterion(c, xb, t)
    check_criterion(nn.MultiMarginCriterion(2), xb, t)
    check_criterion(nn.MultiMarginCriterion(1, torch.Tensor([1, 2, 3, 4, 5]), 0.5), xb, t)
    batch_is_sum_of_samples(c, xb, t, rows(xb), lambda b: int(t[b]), 4)


def test_HingeEmbeddingCriterion():
    c = nn.HingeEmbeddingCriterion(1)
    close(c.forward(torch.Tensor([0.3, 0.2]), torch.Tensor([1, -1])), (0.3 + 0.8) / 2)
    x, y = rand_tensor(6, low=0, high=2), torch.Tensor([1, -1, 1, -1, -1, 1])
    check_criterion(c, x, y)
    close(c.forward(torch.Tensor([0.4]), -1), 0.6)


def test_CosineEmbeddingCriterion():
    c = nn.CosineEmbeddingCriterion(0.2)
    a, b = rand_tensor(5, seed=1), rand_tensor(5, seed=2)
    cos = float(a._np() @ b._np() / np.linalg.norm(a._np()) / np.linalg.norm(b._np()))
    close(c.forward(table(a, b), 1), 1 - cos, 1e-10)
    close(c.forward(table(a, b), -1), max(0, cos - 0.2), 1e-10)
    check_criterion(c, table(a, b), 1)
    check_criterion(c, table(a, b), -1) if cos > 0.2 else None
    A, B = rand_tensor(4, 5, seed=3), rand_tensor(4, 5, seed=4)
    y = torch.Tensor([1, -1, -1, 1])
    check_criterion(nn.CosineEmbeddingCriterion(-0.5), table(A, B), y)
    batch_is_sum_of_samples(c, table(A, B), y, lambda i: table(A.select(1, i).clone(), B.select(1, i).clone()),
                            lambda i: y[i], 4)


def test_MarginRankingCriterion():
    c = nn.MarginRankingCriterion(0.5)
    close(c.forward(table(torch.Tensor([1]), torch.Tensor([2])), 1), 1.5)
    close(c.forward(table(torch.Tensor([3]), torch.Tensor([2])), 1), 0)
    check_criterion(c, table(torch.Tensor([0.3]), torch.Tensor([0.1])), -1)
    A, B = rand_tensor(5, seed=1), rand_tensor(5, seed=2)
    y = torch.Tensor([1, -1, 1, -1, 1])
    loss = np.maximum(0, -y._np() * (A._np() - B._np()) + 0.5).mean()
    close(c.forward(table(A, B), y), float(loss))
    check_criterion(c, table(A, B), y)


def test_MultiCriterion():
    mc = nn.MultiCriterion().add(nn.MSECriterion()).add(nn.AbsCriterion(), 0.5)
    x, y = rand_tensor(3, 2, seed=1), rand_tensor(3, 2, seed=2)
    close(mc.forward(x, y), nn.MSECriterion().forward(x, y) + 0.5 * nn.AbsCriterion().forward(x, y))
    check_criterion(mc, x, y)


def test_ParallelCriterion():
    pc = nn.ParallelCriterion().add(nn.MSECriterion()).add(nn.ClassNLLCriterion(), 0.5)
    x1, y1 = rand_tensor(3, seed=1), rand_tensor(3, seed=2)
    x2 = nn.LogSoftMax().forward(rand_tensor(4, seed=3)).clone()
    inputs, targets = table(x1, x2), table(y1, 2)
    expected = nn.MSECriterion().forward(x1, y1) + 0.5 * -x2[2]
    close(pc.forward(inputs, targets), expected)
    check_criterion(pc, inputs, targets)
    rep = nn.ParallelCriterion(True).add(nn.MSECriterion()).add(nn.AbsCriterion())
    check_criterion(rep, table(x1, rand_tensor(3, seed=9)), y1)


def test_criterion_call_and_printing():
    c = nn.MSECriterion()
    loss, grad = c(torch.Tensor([1, 2]), torch.Tensor([1, 1]))
    assert loss == 0.5 and grad.tolist() == [0.0, 1.0]
    assert str(c) == "nn.MSECriterion" and torch.type(c) == "nn.MSECriterion"
    assert sorted(vars(nn.MSECriterion())) == ["gradInput", "output", "sizeAverage"]
    f = nn.MSECriterion().float()
    assert torch.type(f.gradInput) == "torch.FloatTensor"


def test_every_criterion_has_a_test():
    mine = {n for n in nn.__all__ if getattr(nn, n).__module__ == "th.nn.criterion"} - {"Criterion"}
    tested = {n[5:] for n in globals() if n.startswith("test_")}
    assert mine <= tested, sorted(mine - tested)
