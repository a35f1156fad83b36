"""nn.BatchNormalization, SpatialBatchNormalization and the local normalisations
(Subtractive, Divisive, Contrastive): gradients, running statistics, evaluation mode,
batches, printing, errors; PyTorch's batch_norm and a direct loop as oracles."""
import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError
from th.nn.normalization import (BatchNormalization, SpatialBatchNormalization,
                                 SpatialContrastiveNormalization,
                                 SpatialDivisiveNormalization,
                                 SpatialSubtractiveNormalization)
from spatial_checks import (check_batch, check_input_grad, check_param_grads, randn,
                            to_pt, torch_oracle)


# ---- batch normalisation --------------------------------------------------------------------

@pytest.mark.parametrize("cls,shape", [(BatchNormalization, (5, 3)),
                                       (SpatialBatchNormalization, (3, 2, 3, 4))])
def test_BatchNormalization_gradients_training(cls, shape):
    m = cls(shape[1])
    x = randn(*shape)
    check_input_grad(m, x)
    check_param_grads(m, x)


@pytest.mark.parametrize("cls,shape", [(BatchNormalization, (4, 3)),
                                       (SpatialBatchNormalization, (3, 2, 3, 3))])
def test_BatchNormalization_evaluate(cls, shape):
    m = cls(shape[1])
    m.running_mean.numpy()[...] = [0.5, -1, 2][:shape[1]]
    m.running_var.numpy()[...] = [2, 0.5, 1][:shape[1]]
    m.evaluate()
    x = randn(*shape)
    check_input_grad(m, x)
    check_param_grads(m, x)
    check_batch(m, x)                       # evaluation mode also takes one sample


def test_BatchNormalization_running_statistics():
    m = BatchNormalization(2, 1e-5, 0.3)
    x = randn(6, 2)
    m.forward(x)
    a = x.numpy()
    np.testing.assert_allclose(m.running_mean.numpy(), 0.3 * a.mean(0))
    np.testing.assert_allclose(m.running_var.numpy(), 0.7 + 0.3 * a.var(0, ddof=1))
    np.testing.assert_allclose(m.save_std.numpy(), 1 / np.sqrt(a.var(0) + 1e-5))
    # output: normalised with the biased variance, then weight and bias
    w = m.weight.numpy()
    expected = (a - a.mean(0)) / np.sqrt(a.var(0) + 1e-5) * w + m.bias.numpy()
    np.testing.assert_allclose(m.output.numpy(), expected, rtol=1e-12)


def test_BatchNormalization_init_and_printing():
    torch.manualSeed(1)
    m = BatchNormalization(4)
    w = m.weight.numpy()
    assert ((w >= 0) & (w < 1)).all() and len(set(w)) == 4
    assert (m.bias.numpy() == 0).all() and (m.running_var.numpy() == 1).all()
    assert str(m) == "nn.BatchNormalization (2D) (4)"
    assert str(SpatialBatchNormalization(16)) == "nn.SpatialBatchNormalization (4D) (16)"
    plain = BatchNormalization(3, 1e-3, 0.1, False)
    assert getattr(plain, "weight", None) is None and plain.affine is False
    check_input_grad(plain, randn(4, 3))


def test_BatchNormalization_errors():
    with pytest.raises(TorchError, match=r"only mini-batch supported \(2D tensor\), got 1D "
                       r"tensor instead"):
        BatchNormalization(3).forward(randn(3))
    with pytest.raises(TorchError, match=r"only mini-batch supported \(4D tensor\), got 3D"):
        SpatialBatchNormalization(3).forward(randn(3, 4, 4))
    with pytest.raises(TorchError, match="got 4-feature tensor, expected 3"):
        BatchNormalization(3).forward(randn(2, 4))
    with pytest.raises(TorchError, match="affine has to be true/false"):
        BatchNormalization(3, 1e-5, 0.1, 1)


@pytest.mark.parametrize("cls,shape", [(BatchNormalization, (6, 3)),
                                       (SpatialBatchNormalization, (4, 3, 5, 5))])
def test_BatchNormalization_matches_pytorch(cls, shape):
    pt = torch_oracle()
    m = cls(shape[1])
    x = randn(*shape)
    y = m.forward(x)
    g = randn(*shape, seed=5)
    m.zeroGradParameters()
    gi = m.backward(x, g)
    px, pw, pb = to_pt(pt, x), to_pt(pt, m.weight), to_pt(pt, m.bias)
    rm, rv = pt.zeros(shape[1]), pt.ones(shape[1])
    py = pt.nn.functional.batch_norm(px, rm, rv, pw, pb, training=True, momentum=0.1,
                                     eps=1e-5)
    py.backward(pt.tensor(g.numpy()))
    np.testing.assert_allclose(y.numpy(), py.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(gi.numpy(), px.grad.numpy(), rtol=1e-9, atol=1e-11)
    np.testing.assert_allclose(m.gradWeight.numpy(), pw.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(m.gradBias.numpy(), pb.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(m.running_mean.numpy(), rm.numpy(), rtol=1e-10)
    np.testing.assert_allclose(m.running_var.numpy(), rv.numpy(), rtol=1e-10)


# ---- local normalisation --------------------------------------------------------------------

def _local_mean_by_loops(x, k2):
    """The local mean of Torch7's estimator, by its definition: zero-padded
    correlation of every plane with k2, summed over planes, over the same for ones."""
    C, H, W = x.shape
    kh, kw = k2.shape

    def estimate(img):
        out = np.zeros((H, W))
        for y in range(H):
            for xx in range(W):
                for c in range(C):
                    for i in range(kh):
                        for j in range(kw):
                            yy, xj = y + i - kh // 2, xx + j - kw // 2
                            if 0 <= yy < H and 0 <= xj < W:
                                out[y, xx] += k2[i, j] * img[c, yy, xj]
        return out
    return estimate(x) / estimate(np.ones_like(x))


@pytest.mark.parametrize("kernel", [torch.ones(3, 3), torch.Tensor([1, 2, 1]),
                                    torch.Tensor([[1, 2, 1], [0, 1, 0], [1, 1, 1]])])
def test_SpatialSubtractiveNormalization_values(kernel):
    m = SpatialSubtractiveNormalization(2, kernel.clone())
    x = randn(2, 5, 6)
    k = kernel.numpy()
    k2 = np.outer(k, k) if k.ndim == 1 else k
    expected = x.numpy() - _local_mean_by_loops(x.numpy(), k2)
    np.testing.assert_allclose(m.forward(x).numpy(), expected, rtol=1e-12, atol=1e-12)


def test_SpatialDivisiveNormalization_values():
    kernel = torch.Tensor([1, 2, 3, 2, 1])
    m = SpatialDivisiveNormalization(3, kernel.clone())
    x = randn(3, 6, 5)
    # Torch7 divides a 1-D kernel by sum * sqrt(nInputPlane) here and applies it along
    # rows and columns; the deviation is sqrt(local sum of squares) / the same for ones.
    k2 = np.outer(kernel.numpy(), kernel.numpy()) / (9 * np.sqrt(3)) ** 2
    num = np.zeros((6, 5))
    ones = np.zeros((6, 5))
    for c in range(3):
        num += _conv_same(x.numpy()[c] ** 2, k2)
        ones += _conv_same(np.ones((6, 5)), k2)
    std = np.sqrt(num) / ones
    expected = x.numpy() / np.where(std > 1e-4, std, 1e-4)
    np.testing.assert_allclose(m.forward(x).numpy(), expected, rtol=1e-10)


def _conv_same(img, k2):
    H, W = img.shape
    kh, kw = k2.shape
    p = np.pad(img, ((kh // 2, kh // 2), (kw // 2, kw // 2)))
    return sum(k2[i, j] * p[i:i + H, j:j + W] for i in range(kh) for j in range(kw))


@pytest.mark.parametrize("cls", [SpatialSubtractiveNormalization, SpatialDivisiveNormalization,
                                 SpatialContrastiveNormalization])
@pytest.mark.parametrize("kernel", [None, torch.Tensor([1, 3, 1]), torch.ones(3, 5)])
def test_local_normalisation_gradients_and_batch(cls, kernel):
    k = None if kernel is None else kernel.clone()
    m = cls(2, k)
    for x in (randn(2, 5, 6), randn(2, 2, 5, 6)):
        check_input_grad(m, x, tol=1e-5)
    check_batch(m, randn(3, 2, 5, 6), params=())


def test_local_normalisation_kernel_is_normalised_in_place():
    # Torch7 divides the caller's kernel by sum * nInputPlane (sum * sqrt(nInputPlane)
    # for the divisive module's 1-D kernels)
    k = torch.ones(3, 3)
    SpatialSubtractiveNormalization(3, k)
    np.testing.assert_allclose(k.numpy(), np.full((3, 3), 1 / 27))
    k = torch.ones(3)
    SpatialDivisiveNormalization(4, k)
    np.testing.assert_allclose(k.numpy(), np.full(3, 1 / 6))
    # in the contrastive module both share it: divided twice, ending as the divisive one
    k = torch.ones(3)
    SpatialContrastiveNormalization(4, k)
    np.testing.assert_allclose(k.numpy(), np.full(3, 1 / 6))


def test_SpatialContrastiveNormalization_output_statistics():
    # in the interior, the local mean is ~0 and the local deviation ~1
    m = SpatialContrastiveNormalization(3, torch.ones(15, 15))
    x = randn(3, 15, 15).mul(3).add(7)
    y = m.forward(x).numpy()
    assert abs(y[:, 7, 7].mean()) < 0.5 and abs(y.mean()) < 0.5
    assert str(m) == "nn.SpatialContrastiveNormalization"
    assert str(m.normalizer).startswith("nn.Sequential")


def test_local_normalisation_errors():
    with pytest.raises(TorchError, match="averaging kernel must have ODD dimensions"):
        SpatialSubtractiveNormalization(1, torch.ones(2, 3))
    with pytest.raises(TorchError, match="averaging kernel must be 2D or 1D"):
        SpatialDivisiveNormalization(1, torch.ones(3, 3, 3))
    m = SpatialSubtractiveNormalization(3)
    with pytest.raises(TorchError, match="input must be 3 or 4-dimensional"):
        m.forward(randn(5, 5))
    with pytest.raises(TorchError, match=r"input.size\[0\] == 3"):
        m.forward(randn(2, 5, 5))
