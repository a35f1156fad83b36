"""nn.SpatialMaxPooling, SpatialAveragePooling, TemporalMaxPooling,
SpatialUpSamplingNearest, SpatialZeroPadding: gradients, batches, THNN's output sizes
(floor/ceil, padding), indices, printing, errors, and PyTorch as an oracle."""
import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError
from th.nn.pooling import (SpatialAveragePooling, SpatialMaxPooling, SpatialUpSamplingNearest,
                           SpatialZeroPadding, TemporalMaxPooling)
from spatial_checks import check_batch, check_input_grad, like, randn, to_pt, torch_oracle

POOLS = [  # (kW, kH, dW, dH, padW, padH), ceil, H, W
    ((2, 2), False, 6, 6),
    ((3, 3, 2, 2), False, 7, 8),
    ((3, 3, 2, 2), True, 7, 8),
    ((3, 2, 2, 1, 1, 1), False, 5, 6),
    ((3, 3, 2, 2, 1, 1), True, 6, 6),
    ((2, 2, 3, 3), True, 7, 7),
    ((2, 2, 2, 2, 1, 1), True, 5, 5),
]


def _make(cls, args, ceil):
    m = cls(*args)
    return m.ceil() if ceil else m.floor()


@pytest.mark.parametrize("cls", [SpatialMaxPooling, SpatialAveragePooling])
@pytest.mark.parametrize("args,ceil,H,W", POOLS)
def test_pooling_gradients_and_batch(cls, args, ceil, H, W):
    m = _make(cls, args, ceil)
    for x in (randn(2, H, W), randn(2, 2, H, W)):
        check_input_grad(m, x)
    check_batch(m, randn(3, 2, H, W), params=())


def test_SpatialAveragePooling_exclude_pad_gradients():
    m = SpatialAveragePooling(3, 3, 2, 2, 1, 1).ceil().setCountExcludePad()
    check_input_grad(m, randn(2, 6, 7))
    check_batch(m, randn(2, 2, 6, 7), params=())


def test_SpatialMaxPooling_sizes_floor_and_ceil():
    x = randn(1, 7, 7)
    assert tuple(SpatialMaxPooling(2, 2).forward(x).size()) == (1, 3, 3)
    assert tuple(SpatialMaxPooling(2, 2).ceil().forward(x).size()) == (1, 4, 4)
    # with padding, a last window starting in the padding is dropped
    assert tuple(SpatialMaxPooling(2, 2, 2, 2, 1, 1).ceil().forward(randn(1, 6, 6)).size()) \
        == (1, 4, 4)
    assert tuple(SpatialMaxPooling(2, 2, 2, 2, 1, 1).ceil().forward(randn(1, 5, 5)).size()) \
        == (1, 3, 3)
    # dW, dH default to the window for max pooling, to 1 for average pooling
    m, a = SpatialMaxPooling(3, 2), SpatialAveragePooling(3, 2)
    assert (m.dW, m.dH, a.dW, a.dH) == (3, 2, 1, 1)


def test_SpatialMaxPooling_values_and_indices():
    x = torch.range(1, 16).view(1, 4, 4)
    m = SpatialMaxPooling(2, 2, 2, 2)
    y = m.forward(x)
    np.testing.assert_array_equal(y.numpy(), [[[6, 8], [14, 16]]])
    assert m.indices.__typename__ == "torch.LongTensor"
    np.testing.assert_array_equal(m.indices.numpy(), [[[6, 8], [14, 16]]])  # 1-based
    gi = m.backward(x, torch.ones(1, 2, 2))
    assert gi.numpy().sum() == 4 and gi.numpy()[0, 1, 1] == 1


def test_SpatialMaxPooling_overlapping_windows_accumulate():
    x = torch.zeros(1, 3, 3)
    x[1][2][2] = 5        # the centre is the maximum of all four 2x2 windows
    m = SpatialMaxPooling(2, 2, 1, 1)
    m.forward(x)
    gi = m.backward(x, torch.ones(1, 2, 2))
    assert gi.numpy()[0, 1, 1] == 4 and gi.numpy().sum() == 4


def test_SpatialAveragePooling_count_include_pad():
    x = torch.ones(1, 3, 3)
    inc = SpatialAveragePooling(3, 3, 1, 1, 1, 1)
    exc = SpatialAveragePooling(3, 3, 1, 1, 1, 1).setCountExcludePad()
    assert inc.forward(x).numpy()[0, 0, 0] == pytest.approx(4 / 9)
    assert exc.forward(x).numpy()[0, 0, 0] == pytest.approx(1.0)


def test_pooling_printing():
    assert str(SpatialMaxPooling(2, 2, 2, 2)) == "nn.SpatialMaxPooling(2x2, 2,2)"
    assert str(SpatialMaxPooling(3, 3)) == "nn.SpatialMaxPooling(3x3, 3,3)"
    assert str(SpatialMaxPooling(3, 3, 2, 2, 1, 1)) == "nn.SpatialMaxPooling(3x3, 2,2, 1,1)"
    assert str(SpatialAveragePooling(2, 2)) == "nn.SpatialAveragePooling(2x2, 1,1)"
    assert str(SpatialZeroPadding(1)) == "nn.SpatialZeroPadding(l=1, r=1, t=1, b=1)"
    assert str(SpatialZeroPadding(1, 2, -1, 0)) == "nn.SpatialZeroPadding(l=1, r=2, t=-1, b=0)"
    assert str(TemporalMaxPooling(2)) == "nn.TemporalMaxPooling"
    assert str(SpatialUpSamplingNearest(2)) == "nn.SpatialUpSamplingNearest"


def test_pooling_errors():
    m = SpatialMaxPooling(2, 2)
    with pytest.raises(TorchError, match=r"^bad argument #2 to 'v' \(3D or 4D input tensor "
                       r"expected but got: \[4 x 4\]\)$"):
        m.forward(randn(4, 4))
    with pytest.raises(TorchError, match=r"^Given input size: \(2x1x4\). Calculated output "
                       r"size: \(2x0x2\). Output size is too small$"):
        m.forward(randn(2, 1, 4))
    with pytest.raises(TorchError, match=r"pad should be smaller than half of kernel size, "
                       r"but got padW = 2, padH = 2, kW = 3, kH = 3"):
        SpatialMaxPooling(3, 3, 1, 1, 2, 2).forward(randn(1, 5, 5))
    with pytest.raises(TorchError, match=r"^bad argument #8 to 'v' \(stride should be "
                       r"greater than zero, but got dH: 0 dW: 1\)$"):
        SpatialAveragePooling(2, 2, 1, 0).forward(randn(1, 5, 5))


# ---- TemporalMaxPooling -------------------------------------------------------------------

@pytest.mark.parametrize("kW,dW,T", [(2, None, 6), (3, 1, 7), (2, 3, 8)])
def test_TemporalMaxPooling_gradients_and_batch(kW, dW, T):
    m = TemporalMaxPooling(kW, dW)
    for x in (randn(T, 3), randn(2, T, 3)):
        check_input_grad(m, x)
    check_batch(m, randn(3, T, 3), params=())


def test_TemporalMaxPooling_values_and_errors():
    x = torch.Tensor([[1, 5], [3, 2], [0, 9], [4, 1]])
    m = TemporalMaxPooling(2)
    np.testing.assert_array_equal(m.forward(x).numpy(), [[3, 5], [4, 9]])
    np.testing.assert_array_equal(m.indices.numpy(), [[1, 0], [1, 0]])   # offsets in window
    with pytest.raises(TorchError, match="input sequence smaller than kernel size. "
                       "Got: 1, Expected: 2"):
        m.forward(randn(1, 2))


# ---- SpatialUpSamplingNearest and SpatialZeroPadding --------------------------------------

def test_SpatialUpSamplingNearest():
    m = SpatialUpSamplingNearest(2)
    x = torch.range(1, 4).view(1, 2, 2)
    np.testing.assert_array_equal(m.forward(x).numpy()[0],
                                  [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]])
    for x in (randn(2, 3, 2), randn(2, 2, 3, 2)):
        check_input_grad(m, x)
    check_batch(SpatialUpSamplingNearest(3), randn(2, 2, 2, 3), params=())
    with pytest.raises(TorchError, match="scale_factor must be integer"):
        SpatialUpSamplingNearest(1.5)
    with pytest.raises(TorchError, match="3D or 4D input tensor expected but got: \\[4\\]"):
        m.forward(randn(4))


@pytest.mark.parametrize("pads", [(1,), (1, 2, 0, 3), (-1, 1, 2, -2), (0, -2, -1, 0)])
def test_SpatialZeroPadding(pads):
    m = SpatialZeroPadding(*pads)
    x = randn(2, 5, 6)
    y = m.forward(x).numpy()
    l, r, t, b = (pads * 4)[:4] if len(pads) == 1 else pads
    padded = np.pad(x.numpy(), ((0, 0), (max(t, 0), max(b, 0)), (max(l, 0), max(r, 0))))
    crop = padded[:, max(-t, 0):padded.shape[1] - max(-b, 0),
                  max(-l, 0):padded.shape[2] - max(-r, 0)]
    np.testing.assert_array_equal(y, crop)
    check_input_grad(m, x)
    check_batch(m, randn(2, 2, 5, 6), params=())
    with pytest.raises(TorchError, match="input must be 3 or 4-dimensional"):
        m.forward(randn(5, 6))


# ---- PyTorch as an oracle -----------------------------------------------------------------

@pytest.mark.parametrize("args,ceil,H,W", POOLS)
def test_pooling_matches_pytorch(args, ceil, H, W):
    pt = torch_oracle()
    F = pt.nn.functional
    x = randn(2, 3, H, W)
    for cls, fn in ((SpatialMaxPooling, F.max_pool2d), (SpatialAveragePooling, F.avg_pool2d)):
        m = _make(cls, args, ceil)
        y = m.forward(x)
        g = randn(*y.size(), seed=4)
        gi = m.backward(x, g)
        px = to_pt(pt, x)
        py = fn(px, (m.kH, m.kW), (m.dH, m.dW), (m.padH, m.padW), ceil_mode=ceil)
        py.backward(pt.tensor(g.numpy()))
        np.testing.assert_allclose(y.numpy(), py.detach().numpy(), rtol=1e-12)
        np.testing.assert_allclose(gi.numpy(), px.grad.numpy(), rtol=1e-12, atol=1e-14)


def test_pooling_clearState_and_type():
    m = SpatialMaxPooling(2, 2)
    x = randn(1, 4, 4)
    m.forward(x)
    m.clearState()
    assert m.indices.nElement() == 0 and m.output.nElement() == 0
    m.float()                       # :type() converts every tensor field, indices too
    y = m.forward(x.float())
    assert m.indices.__typename__ == "torch.LongTensor"
    gi = m.backward(x.float(), y.clone().fill(1))
    assert gi.__typename__ == "torch.FloatTensor" and gi.numpy().sum() == 4
    t = TemporalMaxPooling(2)
    t.forward(randn(4, 3))
    t.clearState()
    assert t.indices.nElement() == 0


def test_parallel_kernels_match_serial(monkeypatch):
    """Big inputs take the multi-threaded drivers: same numbers as the serial ones."""
    from th.torch import kernels
    from th.nn.conv import SpatialConvolution
    x = randn(3, 2, 9, 9)
    mods = [SpatialMaxPooling(3, 3, 2, 2, 1, 1), SpatialAveragePooling(3, 3, 2, 2, 1, 1),
            SpatialConvolution(2, 3, 3, 3, 1, 1, 1, 1)]
    results = []
    for work in (1 << 62, 0):
        monkeypatch.setattr(kernels.load("pool"), "PARALLEL_WORK", work)
        monkeypatch.setattr(kernels.load("conv"), "PARALLEL_WORK", work)
        got = []
        for m in mods:
            y = m.forward(x).numpy().copy()
            got += [y, m.updateGradInput(x, like(m.output, seed=3)).numpy().copy()]
        results.append(got)
    for serial, parallel in zip(*results):
        np.testing.assert_array_equal(serial, parallel)


@pytest.mark.parametrize("args,ceil,H,W", [p for p in POOLS if len(p[0]) == 6])
def test_average_pooling_exclude_pad_matches_pytorch(args, ceil, H, W):
    pt = torch_oracle()
    m = _make(SpatialAveragePooling, args, ceil).setCountExcludePad()
    x = randn(2, 3, H, W)
    y = m.forward(x)
    g = randn(*y.size(), seed=4)
    gi = m.backward(x, g)
    px = to_pt(pt, x)
    py = pt.nn.functional.avg_pool2d(px, (m.kH, m.kW), (m.dH, m.dW), (m.padH, m.padW),
                                     ceil_mode=ceil, count_include_pad=False)
    py.backward(pt.tensor(g.numpy()))
    np.testing.assert_allclose(y.numpy(), py.detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(gi.numpy(), px.grad.numpy(), rtol=1e-12, atol=1e-14)
