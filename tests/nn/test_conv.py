"""nn.SpatialConvolution(MM), SpatialFullConvolution, TemporalConvolution: gradients,
batches, sizes, printing, errors, Torch7's initialisation, and PyTorch as an oracle."""
import pathlib
import subprocess
import sys

import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError
from th.nn import conv
from th.nn.conv import (SpatialConvolution, SpatialConvolutionMM, SpatialFullConvolution,
                        TemporalConvolution)
from spatial_checks import (check_batch, check_input_grad, check_param_grads, randn,
                            to_pt, torch_oracle)

REF = pathlib.Path("/work/shared/reference/transcripts")

SPATIAL = [  # (nIn, nOut, kW, kH, dW, dH, padW, padH), H, W
    ((2, 3, 3, 3), 5, 6),
    ((2, 3, 3, 2, 2, 1), 6, 5),
    ((1, 2, 3, 3, 1, 1, 1, 1), 4, 4),
    ((2, 2, 2, 3, 2, 2, 1, 0), 5, 7),
]


@pytest.fixture(params=["unfold", "direct"])
def conv_path(request, monkeypatch):
    """Both of SpatialConvolution's paths: unfolding + product, and the direct loops
    (forced here on every stride-1 layer, whatever its width)."""
    if request.param == "direct":
        monkeypatch.setattr(conv, "DIRECT_MIN_WIDTH", 1)
    return request.param


@pytest.mark.parametrize("cls", [SpatialConvolution, SpatialConvolutionMM])
@pytest.mark.parametrize("args,H,W", SPATIAL)
def test_SpatialConvolution_gradients(cls, args, H, W, conv_path):
    m = cls(*args)
    for x in (randn(args[0], H, W), randn(2, args[0], H, W)):
        check_input_grad(m, x)
        check_param_grads(m, x)


@pytest.mark.parametrize("args,H,W", SPATIAL)
def test_SpatialConvolution_batch_is_per_sample(args, H, W, conv_path):
    check_batch(SpatialConvolution(*args), randn(3, args[0], H, W))


def test_direct_loops_take_few_planes_and_wide_rows():
    assert conv._direct(SpatialConvolution(3, 6, 5, 5), 28)           # LeNet's first layer
    assert not conv._direct(SpatialConvolution(6, 16, 5, 5), 10)      # its second
    assert not conv._direct(SpatialConvolution(3, 6, 5, 5, 2, 2), 28)  # strided


@pytest.mark.parametrize("dtype", ["torch.DoubleTensor", "torch.FloatTensor"])
@pytest.mark.parametrize("pad,batch", [(0, 4), (2, 3), (1, 0)])
def test_direct_loops_agree_with_unfolding(dtype, pad, batch, monkeypatch):
    torch.manualSeed(3)
    m = SpatialConvolution(3, 6, 5, 5, 1, 1, pad, pad).type(dtype)
    x = torch.randn(*((batch,) if batch else ()), 3, 24, 20).type(dtype)
    assert conv._direct(m, 20 + 2 * pad - 4)
    results = []
    for path in ("direct", "unfold"):
        if path == "unfold":
            monkeypatch.setattr(conv, "DIRECT_MAX_PLANES", 0)
        m.zeroGradParameters()
        y = m.forward(x).clone()
        g = torch.Tensor(y.size()).type(dtype).fill(0.5).add(y)
        gi = m.backward(x, g, 0.5).clone()
        results.append([t.numpy().copy() for t in (y, gi, m.gradWeight, m.gradBias)])
        assert m.finput.nElement() == (0 if path == "direct" else 75 * y.nElement() // 6)
    tol = 1e-12 if dtype == "torch.DoubleTensor" else 2e-5
    for a, b in zip(*results):
        np.testing.assert_allclose(a, b, rtol=tol, atol=tol * np.abs(b).max())


def test_SpatialConvolution_output_size():
    # floor((in + 2*pad - k) / d) + 1 in each dimension
    m = SpatialConvolution(3, 4, 5, 3, 2, 3, 1, 2)
    assert tuple(m.forward(randn(3, 11, 12)).size()) == (4, 5, 5)
    assert tuple(m.forward(randn(2, 3, 11, 12)).size()) == (2, 4, 5, 5)
    assert m.padH == 2 and SpatialConvolution(1, 1, 3, 3, 1, 1, 2).padH == 2


def test_SpatialConvolution_printing():
    assert str(SpatialConvolution(3, 16, 5, 5)) == "nn.SpatialConvolution(3 -> 16, 5x5)"
    assert str(SpatialConvolution(3, 16, 5, 5, 2, 2, 1, 1)) == \
        "nn.SpatialConvolution(3 -> 16, 5x5, 2,2, 1,1)"
    assert str(SpatialConvolution(3, 16, 5, 5, 1, 1, 2, 2)) == \
        "nn.SpatialConvolution(3 -> 16, 5x5, 1,1, 2,2)"
    assert str(SpatialConvolution(3, 16, 5, 5, 2, 2)) == \
        "nn.SpatialConvolution(3 -> 16, 5x5, 2,2)"
    assert str(SpatialConvolution(1, 2, 3, 3).noBias()) == \
        "nn.SpatialConvolution(1 -> 2, 3x3) without bias"
    assert str(SpatialConvolutionMM(3, 8, 3, 3)) == "nn.SpatialConvolutionMM(3 -> 8, 3x3)"
    assert str(SpatialFullConvolution(3, 8, 4, 4, 2, 2, 1, 1, 1, 1)) == \
        "nn.SpatialFullConvolution(3 -> 8, 4x4, 2,2, 1,1, 1,1)"
    assert str(TemporalConvolution(4, 3, 2)) == "nn.TemporalConvolution"


def test_SpatialConvolution_noBias_gradients():
    m = SpatialConvolution(2, 3, 3, 3).noBias()
    x = randn(2, 2, 5, 5)
    check_input_grad(m, x)
    check_param_grads(m, x, names=("weight",))
    params, grads = m.parameters()
    assert list(params.arr) == [m.weight] and list(grads.arr) == [m.gradWeight]


def test_SpatialConvolution_errors():
    m = SpatialConvolution(3, 4, 3, 3)
    with pytest.raises(TorchError, match=r"^bad argument #2 to 'v' \(3D or 4D input tensor "
                       r"expected but got: \[5 x 5\]\)$"):
        m.forward(randn(5, 5))
    with pytest.raises(TorchError, match=r"^Need input of dimension 3 and input.size\[0\] "
                       r"== 3 but got input to be of shape: \[2 x 5 x 5\]$"):
        m.forward(randn(2, 5, 5))
    with pytest.raises(TorchError, match=r"^Given input size: \(3 x 2 x 5\). Calculated "
                       r"output size: \(4 x 0 x 3\). Output size is too small$"):
        m.forward(randn(3, 2, 5))
    m.forward(randn(3, 5, 5))
    with pytest.raises(TorchError, match=r"Need gradOutput of dimension 3 and "
                       r"gradOutput.size\[1\] == 3"):
        m.backward(randn(3, 5, 5), randn(4, 2, 3))
    with pytest.raises(TorchError, match="cannot convert 'struct THDoubleTensor"):
        m.forward(torch.FloatTensor(3, 5, 5))


def test_SpatialConvolution_float():
    m = SpatialConvolution(2, 3, 3, 3)
    x = randn(2, 2, 6, 6)
    ref = m.forward(x).numpy().copy()
    m.float()
    y = m.forward(x.float())
    assert y.__typename__ == "torch.FloatTensor"
    np.testing.assert_allclose(y.numpy(), ref, rtol=1e-5, atol=1e-5)
    gi = m.backward(x.float(), y.clone().fill(1))
    assert gi.__typename__ == "torch.FloatTensor"


def test_SpatialConvolution_non_contiguous_input():
    m = SpatialConvolution(2, 2, 3, 3)
    x = randn(2, 6, 7)
    xt = x.transpose(2, 3).contiguous().transpose(2, 3)     # same values, other strides
    assert not xt.isContiguous()
    np.testing.assert_array_equal(m.forward(xt).numpy().copy(), m.forward(x).numpy())


def test_SpatialConvolution_torch7_init_and_forward():
    """The SpatialConvolution part of the nn.lua transcript, from Python."""
    expected = (REF / "nn.out").read_text()
    torch.manualSeed(2)
    conv = SpatialConvolution(1, 2, 3, 3)
    x = torch.range(1, 25).view(1, 5, 5)
    text = f"{conv.weight}\n{conv.bias}\n{conv.forward(x)}\n"
    assert text in expected


def test_SpatialConvolution_transcript_from_lua(tmp_path):
    """The SpatialConvolution lines of nn.lua, run by `th`, print what Torch7 printed."""
    lines = (REF / "nn.lua").read_text().splitlines()
    keep = [ln for ln in lines if "Spatial" in ln or "conv" in ln or "local x =" in ln
            or ln.startswith("require") or "manualSeed(2)" in ln]
    script = tmp_path / "conv.lua"
    script.write_text("\n".join(keep) + "\n")
    proc = subprocess.run([sys.executable, "-m", "th.cli", str(script)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = (REF / "nn.out").read_text()
    start = out.index("nn.SpatialConvolution(3 -> 16, 5x5)\n")
    conv_part = out[start:out.index("nn.Dropout")] + out[out.index("(1,1,.,.)"):
                                                         out.index("-0.4799")]
    assert proc.stdout == conv_part


# ---- SpatialFullConvolution -------------------------------------------------------------

FULL = [  # (nIn, nOut, kW, kH, dW, dH, padW, padH, adjW, adjH), H, W
    ((2, 3, 3, 3), 3, 4),
    ((2, 2, 3, 3, 2, 2, 1, 1, 1, 1), 3, 3),
    ((1, 2, 4, 3, 2, 1, 1, 0, 1, 0), 3, 2),
]


@pytest.mark.parametrize("args,H,W", FULL)
def test_SpatialFullConvolution_gradients(args, H, W):
    m = SpatialFullConvolution(*args)
    for x in (randn(args[0], H, W), randn(2, args[0], H, W)):
        check_input_grad(m, x)
        check_param_grads(m, x)
    check_batch(m, randn(3, args[0], H, W))


def test_SpatialFullConvolution_output_size_and_errors():
    m = SpatialFullConvolution(3, 2, 4, 4, 2, 2, 1, 1, 1, 1)
    assert tuple(m.forward(randn(3, 5, 6)).size()) == (2, 11, 13)
    with pytest.raises(TorchError, match="adjW and adjH must be smaller"):
        SpatialFullConvolution(1, 1, 3, 3, 1, 1, 0, 0, 1, 0)
    with pytest.raises(TorchError, match="Need input of dimension 4 and input.size\\[1\\]"):
        m.forward(randn(2, 2, 5, 6))


def test_SpatialFullConvolution_is_the_adjoint_of_SpatialConvolution():
    conv = SpatialConvolution(3, 2, 3, 3, 2, 2, 1, 1)
    full = SpatialFullConvolution(2, 3, 3, 3, 2, 2, 1, 1, 0, 0).noBias()
    full.weight.copy(conv.weight)
    x = randn(3, 7, 7)
    y = conv.forward(x)
    np.testing.assert_allclose(full.forward(y).numpy(),
                               conv.updateGradInput(x, y).numpy(), rtol=1e-12)


# ---- TemporalConvolution ----------------------------------------------------------------

@pytest.mark.parametrize("args,T", [((3, 2, 2), 5), ((2, 3, 3, 2), 8), ((1, 1, 1), 3)])
def test_TemporalConvolution_gradients(args, T):
    m = TemporalConvolution(*args)
    for x in (randn(T, args[0]), randn(2, T, args[0])):
        check_input_grad(m, x)
        check_param_grads(m, x)
    check_batch(m, randn(3, T, args[0]))


def test_TemporalConvolution_sizes_and_errors():
    m = TemporalConvolution(4, 3, 3, 2)
    assert tuple(m.forward(randn(9, 4)).size()) == (4, 3)
    assert tuple(m.forward(randn(2, 10, 4)).size()) == (2, 4, 3)
    assert tuple(m.weight.size()) == (3, 12)
    with pytest.raises(TorchError, match=r"invalid input frame size. Got: 5, Expected: 4"):
        m.forward(randn(9, 5))
    with pytest.raises(TorchError, match=r"input sequence smaller than kernel size. "
                       r"Got: 2, Expected: 3"):
        m.forward(randn(2, 4))
    with pytest.raises(TorchError, match=r"2D or 3D \(batch mode\) tensor expected for "
                       r"input, but got: \[4\]"):
        m.forward(randn(4))


def test_TemporalConvolution_init_range():
    torch.manualSeed(3)
    m = TemporalConvolution(5, 7, 3)
    bound = 1 / np.sqrt(15)
    w = m.weight.numpy()
    assert np.abs(w).max() <= bound and np.abs(w).max() > 0.8 * bound


# ---- PyTorch as an oracle ---------------------------------------------------------------

@pytest.mark.parametrize("args,H,W", SPATIAL)
def test_SpatialConvolution_matches_pytorch(args, H, W):
    pt = torch_oracle()
    m = SpatialConvolution(*args)
    x = randn(2, args[0], H, W)
    y = m.forward(x)
    g = randn(*y.size(), seed=3)
    m.zeroGradParameters()
    gi = m.backward(x, g)
    px, pw, pb = to_pt(pt, x), to_pt(pt, m.weight), to_pt(pt, m.bias)
    py = pt.nn.functional.conv2d(px, pw, pb, stride=(m.dH, m.dW), padding=(m.padH, m.padW))
    py.backward(pt.tensor(g.numpy()))
    np.testing.assert_allclose(y.numpy(), py.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(gi.numpy(), px.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(m.gradWeight.numpy(), pw.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(m.gradBias.numpy(), pb.grad.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("args,H,W", FULL)
def test_SpatialFullConvolution_matches_pytorch(args, H, W):
    pt = torch_oracle()
    m = SpatialFullConvolution(*args)
    x = randn(2, args[0], H, W)
    y = m.forward(x)
    px, pw, pb = to_pt(pt, x), to_pt(pt, m.weight), to_pt(pt, m.bias)
    py = pt.nn.functional.conv_transpose2d(px, pw, pb, stride=(m.dH, m.dW),
                                           padding=(m.padH, m.padW),
                                           output_padding=(m.adjH, m.adjW))
    np.testing.assert_allclose(y.numpy(), py.detach().numpy(), rtol=1e-10, atol=1e-12)


def test_TemporalConvolution_matches_pytorch():
    pt = torch_oracle()
    m = TemporalConvolution(3, 4, 3, 2)
    x = randn(2, 9, 3)
    y = m.forward(x)
    px = to_pt(pt, x)
    w = pt.tensor(m.weight.numpy().reshape(4, 3, 3).transpose(0, 2, 1).copy())
    py = pt.nn.functional.conv1d(px.transpose(1, 2), w, pt.tensor(m.bias.numpy()), stride=2)
    np.testing.assert_allclose(y.numpy(), py.transpose(1, 2).detach().numpy(), rtol=1e-10)


def test_bad_arguments_read_as_lua_errors():
    from nn_check import run_lua
    out, _ = run_lua("""
for _, f in ipairs{
  function() return nn.SpatialConvolution(3) end,
  function() return nn.SpatialMaxPooling() end,
  function() return nn.TemporalConvolution(3, 2) end,
  function() return nn.SpatialZeroPadding() end,
  function() return nn.SpatialConvolution(1, 1, 3, 3):forward({}) end,
  function() return nn.SpatialAveragePooling(2, 2):forward(nil) end,
  function() return nn.BatchNormalization(3):forward('x') end,
} do print(select(2, pcall(f))) end
""")
    assert out.splitlines() == [
        "test:4: bad argument #2 to 'SpatialConvolution' (number expected, got nil)",
        "test:5: bad argument #1 to 'SpatialMaxPooling' (number expected, got nil)",
        "test:6: bad argument #3 to 'TemporalConvolution' (number expected, got nil)",
        "test:7: bad argument #1 to 'SpatialZeroPadding' (number expected, got nil)",
        "test:8: bad argument #2 to 'v' (torch.*Tensor expected, got table)",
        "test:9: bad argument #2 to 'v' (torch.*Tensor expected, got nil)",
        "test:10: bad argument #2 to 'v' (torch.*Tensor expected, got string)",
    ]


def test_save_and_load_give_the_same_forward_and_backward(tmp_path):
    """Torch7's testIO: a net of these modules survives torch.save / torch.load."""
    from th import nn
    net = nn.Sequential()
    for m in (nn.SpatialConvolution(3, 4, 3, 3, 1, 1, 1, 1), nn.SpatialBatchNormalization(4),
              nn.SpatialMaxPooling(2, 2, 2, 2).ceil(),
              nn.SpatialContrastiveNormalization(4, torch.ones(3)),
              nn.SpatialFullConvolution(4, 2, 2, 2, 2, 2), nn.SpatialZeroPadding(1, 0, -1, 2),
              nn.SpatialUpSamplingNearest(2), nn.SpatialAveragePooling(2, 2, 2, 2)):
        net.add(m)
    net.evaluate()
    x = randn(2, 3, 7, 7)
    y = net.forward(x).numpy().copy()
    g = randn(*net.output.size(), seed=5)
    gi = net.backward(x, g).numpy().copy()
    torch.save(str(tmp_path / "net.t7"), net)
    twin = torch.load(str(tmp_path / "net.t7"))
    assert str(twin) == str(net)
    np.testing.assert_array_equal(twin.forward(x).numpy(), y)
    np.testing.assert_array_equal(twin.backward(x, g).numpy(), gi)
