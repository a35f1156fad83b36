"""BLAS and LAPACK wrappers against numpy, in Torch7's argument orders."""
import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError
from torch_check import values, tensor_from, assert_close, LAYOUTS, FLOAT_TYPES


def mats(*shapes, typename="torch.DoubleTensor", layout="contiguous"):
    out = []
    for s in shapes:
        a = values(s, typename)
        out.append((a, tensor_from(a, typename, layout)))
    return out


@pytest.mark.parametrize("typename", FLOAT_TYPES + ["torch.LongTensor"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_products(typename, layout):
    (a, A), (b, B), (v, V), (w, W) = mats((3, 4), (4, 5), (4,), (3,), typename=typename,
                                            layout=layout)
    assert_close(torch.mm(A, B), a @ b, typename)
    assert_close(torch.mv(A, V), a @ v, typename)
    assert_close(torch.ger(W, V), np.outer(w, v), typename)
    assert np.isclose(torch.dot(V, V), v @ v, rtol=1e-5)
    res = torch.getmetatable(typename)()
    assert torch.mm(res, A, B) is res
    (c, C), (d, D) = mats((2, 3, 4), (2, 4, 5), typename=typename, layout=layout)
    assert_close(torch.bmm(C, D), c @ d, typename)


def test_add_forms():
    (m, M), (a, A), (b, B) = mats((3, 5), (3, 4), (4, 5))
    assert_close(torch.addmm(M, A, B), m + a @ b, "torch.DoubleTensor")
    assert_close(torch.addmm(0.5, M, 2, A, B), 0.5 * m + 2 * a @ b, "torch.DoubleTensor")
    assert_close(torch.addmm(M, 3, A, B), m + 3 * (a @ b), "torch.DoubleTensor")
    x = M.clone()
    x.addmm(A, B)                                     # x = x + A B
    assert_close(x, m + a @ b, "torch.DoubleTensor")
    x = M.clone()
    x.addmm(2, A, B)                                  # one number: alpha
    assert_close(x, m + 2 * a @ b, "torch.DoubleTensor")
    x = M.clone()
    x.addmm(0, 1, A, B)                               # two numbers: beta, alpha
    assert_close(x, a @ b, "torch.DoubleTensor")
    (v, V), (y, Y) = mats((4,), (3,))
    assert_close(torch.addmv(Y, A, V), y + a @ v, "torch.DoubleTensor")
    assert_close(torch.addr(torch.zeros(3, 4), Y, V), np.outer(y, v), "torch.DoubleTensor")
    (p, P), (q, Q), (r, R) = mats((2, 3, 4), (2, 4, 5), (3, 5))
    assert_close(torch.addbmm(R, P, Q), r + (p @ q).sum(0), "torch.DoubleTensor")
    (s, S), = mats((2, 3, 5))
    assert_close(torch.baddbmm(S, P, Q), s + p @ q, "torch.DoubleTensor")


def test_blas_errors():
    with pytest.raises(TorchError, match=r"size mismatch, m1: \[2 x 3\], m2: \[2 x 3\]"):
        torch.mm(torch.ones(2, 3), torch.ones(2, 3))
    with pytest.raises(TorchError, match="matrices expected, got 1D, 2D"):
        torch.mm(torch.ones(2), torch.ones(2, 3))
    with pytest.raises(TorchError, match="sizes do not match"):
        torch.dot(torch.ones(2), torch.ones(3))


def test_linear_algebra():
    rng = np.random.RandomState(0)
    a = rng.randn(4, 4) + 4 * np.eye(4)
    b = rng.randn(4, 2)
    A, B = torch.Tensor(a.tolist()), torch.Tensor(b.tolist())
    X, LU = torch.gesv(B, A)
    np.testing.assert_allclose(a @ X.numpy(), b, atol=1e-10)
    np.testing.assert_allclose(torch.inverse(A).numpy(), np.linalg.inv(a), atol=1e-10)
    spd = a @ a.T
    S = torch.Tensor(spd.tolist())
    U = torch.potrf(S)
    np.testing.assert_allclose(U.numpy().T @ U.numpy(), spd, atol=1e-9)
    assert np.allclose(np.tril(U.numpy(), -1), 0)
    np.testing.assert_allclose(torch.potrs(B, U).numpy(), np.linalg.solve(spd, b), atol=1e-9)
    np.testing.assert_allclose(torch.potri(U).numpy(), np.linalg.inv(spd), atol=1e-9)
    Q, R = torch.qr(A)
    np.testing.assert_allclose(Q.numpy() @ R.numpy(), a, atol=1e-10)
    u, s, v = torch.svd(A)
    np.testing.assert_allclose(u.numpy() @ np.diag(s.numpy()) @ v.numpy().T, a, atol=1e-10)
    e, V = torch.symeig(S, "V")
    np.testing.assert_allclose(spd @ V.numpy(), V.numpy() * e.numpy(), atol=1e-8)
    assert list(e.numpy()) == sorted(e.numpy())
    e2 = torch.eig(torch.Tensor([[2, 0], [0, 3]]))[0]
    assert e2.size().tolist() == [2, 2] and sorted(e2.select(2, 1).tolist()) == [2, 3]
    tall = rng.randn(5, 3)
    y = rng.randn(5, 1)
    Xls = torch.gels(torch.Tensor(y.tolist()), torch.Tensor(tall.tolist()))[0]
    np.testing.assert_allclose(Xls.numpy()[:3], np.linalg.lstsq(tall, y, rcond=None)[0], atol=1e-10)
    T = torch.Tensor([[2, 1], [0, 4]])
    Xt = torch.trtrs(torch.Tensor([[3], [4]]), T)[0]
    assert Xt.tolist() == [[1], [1]]
    with pytest.raises(TorchError, match="singular"):
        torch.gesv(torch.ones(2, 1), torch.zeros(2, 2))


def test_conv2():
    x = torch.range(1, 16).view(4, 4)
    k = torch.Tensor([[1, 0], [0, -1]])
    a, w = x.numpy(), k.numpy()
    valid = np.array([[(a[i:i + 2, j:j + 2] * w).sum() for j in range(3)] for i in range(3)])
    assert torch.xcorr2(x, k).numpy().tolist() == valid.tolist()
    flipped = np.array([[(a[i:i + 2, j:j + 2] * w[::-1, ::-1]).sum() for j in range(3)]
                        for i in range(3)])
    assert torch.conv2(x, k).numpy().tolist() == flipped.tolist()
    assert torch.conv2(x, k, "F").size().tolist() == [5, 5]
    assert torch.conv2(torch.ones(3, 4, 4), torch.ones(2, 3, 2, 2)).size().tolist() == [2, 3, 3]
