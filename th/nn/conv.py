"""Convolution modules: SpatialConvolution(MM), SpatialFullConvolution, TemporalConvolution.

Spatial modules take one image (nInputPlane x H x W) or a batch (B x nInputPlane x H x
W). As Torch7's SpatialConvolutionMM, a convolution is an unfolding (`im2col`,
th/torch/kernels/conv.py) followed by one BLAS matrix product; the whole batch is
unfolded side by side so that each pass is a single large product (th.nn.gemm: one
BLAS thread per call, big products shared between threads). This beat direct
numba convolution loops by up to 2.9x on LeNet's layers (bench/conv_kernels.py, figures
in th/torch/kernels/conv.py); bench/nn_train.py times a whole convnet against PyTorch.

Buffers keep Torch7's names: `finput` holds the unfolded input (C*kH*kW x B*oH*oW;
for one image exactly Torch7's layout) and `fgradInput` the unfolded gradient.
"""
import math

import numpy as np

from th import torch
from th.torch import kernels, workers
from th.nn import arrays, gemm
from th.nn.module import Module, clear
from th.nn.shapecheck import (FORWARD, arg_check, arg_check_dims, check_dim_size,
                              check_grad_sizes, check_kernel, check_numbers,
                              check_same_type, planes)

__all__ = [
    "SpatialConvolution",
    "SpatialConvolutionMM",
    "SpatialFullConvolution",
    "TemporalConvolution",
]


def _batch4(t):
    """(numpy (B, C, H, W) contiguous, was_batch) for a 3-D or 4-D tensor."""
    a = planes(t)
    return (a, True) if a.ndim == 4 else (a[None], False)


def _rows(a4):
    """(B, C, H, W) -> (C, B*H*W): channels as rows, samples side by side."""
    B, C = a4.shape[:2]
    if B == 1:
        return a4.reshape(C, -1)
    return np.ascontiguousarray(a4.reshape(B, C, -1).transpose(1, 0, 2)).reshape(C, -1)


def _unrows(m, out4, bias=None):
    """out4 (B, C, H, W) = m (C, B*H*W) laid back per sample, plus bias per channel."""
    B, C = out4.shape[:2]
    src = m.reshape(C, B, -1).transpose(1, 0, 2)
    dst = out4.reshape(B, C, -1)
    if bias is None:
        np.copyto(dst, src)
    else:
        np.add(src, bias.reshape(1, C, 1), out=dst)


def _buffer(t, shape):
    """Resize tensor t to `shape` and return its numpy array."""
    t.resize(*shape)
    return t.numpy()


def _field(m, name):
    """The buffer tensor m.<name>, created (of the weight's type) on first use, as
    Torch7 creates finput and fgradInput in the first forward."""
    t = getattr(m, name, None)
    if t is None:
        t = m.weight.new()
        setattr(m, name, t)
    return t


def _stride_part(m):
    """Torch7's ', dW,dH' and ', padW,padH' suffixes of a convolution's name."""
    s = ""
    if m.dW != 1 or m.dH != 1 or m.padW != 0 or m.padH != 0:
        s += f", {m.dW},{m.dH}"
    if m.padW != 0 or m.padH != 0:
        s += f", {m.padW},{m.padH}"
    return s


def _uniform_init(m, stdv, fan_in):
    # Torch7: reset(stdv) means a uniform of that standard deviation (half-width
    # stdv*sqrt(3)); by default the half-width is 1/sqrt(fan-in). Weight first, then bias.
    stdv = arrays.number_arg(stdv, "stdv", None)
    stdv = stdv * math.sqrt(3) if stdv is not None else 1 / math.sqrt(fan_in)
    m.weight.uniform(-stdv, stdv)
    if m.bias is not None:
        m.bias.uniform(-stdv, stdv)


# Direct loops (kernels/conv_direct.py) instead of unfolding + product, for stride-1
# layers with at most DIRECT_MAX_PLANES output planes and output rows at least
# DIRECT_MIN_WIDTH wide. Measured on a 32-image batch, microseconds on 2 threads:
#                           forward      gradInput    gradWeight (with its unfolding)
#   3 -> 6, 5x5, 32x32     888 / 1890    836 / 1650   1028 / 1580      direct / unfold
#   6 -> 16, 5x5, 14x14   1135 / 687    1142 / 922    1762 / 1300
# (f32 alike): the direct loops win with few output planes and wide rows, and lose
# with more planes or narrow rows (their SIMD runs along a row). LeNet's step in
# bench/nn_train.py, th alone: 10.8 -> 7.9 ms f64, 6.5 -> 6.0 ms f32. Layers that take
# these loops keep no unfolded input (finput is empty).
DIRECT_MAX_PLANES = 8
DIRECT_MIN_WIDTH = 16
# The weight gradient is summed in this many runs of samples at most (fixed, so that
# every thread count gives the same bits).
DIRECT_PARTS = 8


def _direct(m, oW):
    """Whether convolution m takes the direct loops for outputs oW wide."""
    return (m.dW == 1 and m.dH == 1 and m.nOutputPlane <= DIRECT_MAX_PLANES
            and oW >= DIRECT_MIN_WIDTH)


def _padded(m, x):
    """x (B, C, H, W) with m's zero padding around each plane."""
    if not (m.padH or m.padW):
        return x
    return np.pad(x, ((0, 0), (0, 0), (m.padH, m.padH), (m.padW, m.padW)))


class SpatialConvolution(Module):
    """nn.SpatialConvolution(nInputPlane, nOutputPlane, kW, kH [, dW, dH, padW, padH])

    2-D convolution (cross-correlation, as Torch7) over planes of an nInputPlane x H x W
    image or a B x nInputPlane x H x W batch. Output size per dimension:
    floor((in + 2*pad - k) / d) + 1. weight is nOutputPlane x nInputPlane x kH x kW;
    padH defaults to padW. :noBias() drops the bias.
    Example: conv = nn.SpatialConvolution(3, 16, 5, 5); y = conv:forward(torch.randn(3, 32, 32))
    """

    __typename__ = "nn.SpatialConvolution"

    def __init__(self, nInputPlane=None, nOutputPlane=None, kW=None, kH=None, dW=None,
                 dH=None, padW=None, padH=None):
        check_numbers(type(self).__typename__[3:], nInputPlane, nOutputPlane, kW, kH)
        super().__init__()
        self.nInputPlane = nInputPlane
        self.nOutputPlane = nOutputPlane
        self.kW = kW
        self.kH = kH
        self.dW = 1 if dW is None else dW
        self.dH = 1 if dH is None else dH
        self.padW = 0 if padW is None else padW
        self.padH = self.padW if padH is None else padH
        self.weight = torch.Tensor(nOutputPlane, nInputPlane, kH, kW)
        self.bias = torch.Tensor(nOutputPlane)
        self.gradWeight = torch.Tensor(nOutputPlane, nInputPlane, kH, kW)
        self.gradBias = torch.Tensor(nOutputPlane)
        self.reset()

    def reset(self, stdv=None):
        """conv:reset([stdv]): re-draw weight and bias uniformly (±1/sqrt(kW*kH*nInputPlane)).

        Example: conv:reset()
        """
        _uniform_init(self, stdv, self.kW * self.kH * self.nInputPlane)

    def updateOutput(self, input):
        """conv:updateOutput(input): the convolution of input; sets and returns self.output.

        Example: y = nn.SpatialConvolution(1, 2, 3, 3):updateOutput(torch.rand(1, 5, 5))
        """
        oH, oW = self._check(input, FORWARD)
        check_same_type(input, self.output)
        x, batch = _batch4(input)
        B = x.shape[0]
        if _direct(self, oW):
            return self._forward_direct(x, batch, oH, oW)
        col = self._unfold(x, oH, oW)
        w = self.weight.numpy().reshape(self.nOutputPlane, -1)
        y = gemm.matmul(w, col, np.empty((w.shape[0], col.shape[1]), col.dtype))
        out = _buffer(self.output, (B, self.nOutputPlane, oH, oW) if batch
                      else (self.nOutputPlane, oH, oW))
        bias = self.bias.numpy() if self.bias is not None else None
        _unrows(y, out.reshape(B, self.nOutputPlane, oH, oW), bias)
        return self.output

    def updateGradInput(self, input, gradOutput):
        """conv:updateGradInput(input, gradOutput): d(loss)/d(input); returns self.gradInput.

        Example: gi = conv:updateGradInput(x, torch.ones(conv.output:size()))
        """
        if self.gradInput is None:
            return None
        oH, oW = self._check(input, gradOutput)
        x, _ = _batch4(input)
        if _direct(self, oW):
            return self._grad_input_direct(input, x, _batch4(gradOutput)[0])
        g = _rows(_batch4(gradOutput)[0])
        w = self.weight.numpy().reshape(self.nOutputPlane, -1)
        fgrad = _buffer(_field(self, "fgradInput"), (w.shape[1], g.shape[1]))
        gemm.matmul(w.T, g, fgrad)
        self.gradInput.resizeAs(input)
        gi = self.gradInput.numpy().reshape(x.shape)
        kernels.load("conv").col2im(fgrad, self.kH, self.kW, self.dH, self.dW,
                                    self.padH, self.padW, oH, oW, gi)
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=None):
        """conv:accGradParameters(input, gradOutput [, scale]): gradWeight, gradBias += scale * ...

        Uses the unfolded input of the last updateOutput, as Torch7 does.
        Example: conv:accGradParameters(x, gradOut, 1)
        """
        scale = arrays.number_arg(scale)
        oH, oW = self._check(input, gradOutput)
        g4 = _batch4(gradOutput)[0]
        if _direct(self, oW):
            self._grad_parameters_direct(_batch4(input)[0], g4, scale)
            return
        B = g4.shape[0]
        g = g4.reshape(B, self.nOutputPlane, -1)
        col = self.finput.numpy()
        cols = col.reshape(col.shape[0], B, -1).transpose(1, 2, 0)     # per sample
        gw = self.gradWeight.numpy().reshape(self.nOutputPlane, -1)
        gw += scale * gemm.matmul_sum(g, cols, np.empty(gw.shape, g.dtype))
        if self.gradBias is not None:
            self.gradBias.numpy()[...] += scale * g.sum(axis=(0, 2))

    # ---- the direct loops (see _direct) ------------------------------------------

    def _weight4(self, dtype):
        return np.ascontiguousarray(self.weight.numpy(), dtype)

    def _forward_direct(self, x, batch, oH, oW):
        xp = _padded(self, np.ascontiguousarray(x, self.weight.numpy().dtype))
        w = self._weight4(xp.dtype)
        B = xp.shape[0]
        _field(self, "finput").resize(0)       # no unfolded input on this path
        out = _buffer(self.output, (B, self.nOutputPlane, oH, oW) if batch
                      else (self.nOutputPlane, oH, oW)).reshape(B, self.nOutputPlane, oH, oW)
        bias = self.bias.numpy() if self.bias is not None else np.zeros(w.shape[0], w.dtype)
        k = kernels.load("conv_direct")
        workers.split(B, lambda lo, hi: k.forward(xp, w, bias, out, lo, hi), 1, align=1)
        return self.output

    def _grad_input_direct(self, input, x, g4):
        g4 = np.ascontiguousarray(g4)
        B, C, H, W = x.shape
        self.gradInput.resizeAs(input)
        gi = self.gradInput.numpy().reshape(x.shape)
        w = self._weight4(gi.dtype)
        full = gi if not (self.padH or self.padW) else \
            np.empty((B, C, H + 2 * self.padH, W + 2 * self.padW), gi.dtype)
        k = kernels.load("conv_direct")
        workers.split(B, lambda lo, hi: k.grad_input(g4, w, full, lo, hi), 1, align=1)
        if full is not gi:
            gi[...] = full[:, :, self.padH:self.padH + H, self.padW:self.padW + W]
        return self.gradInput

    def _grad_parameters_direct(self, x, g4, scale):
        g4 = np.ascontiguousarray(g4)
        xp = _padded(self, np.ascontiguousarray(x, g4.dtype))
        B = g4.shape[0]
        parts = np.empty((min(B, DIRECT_PARTS),) + self.gradWeight.numpy().shape, g4.dtype)
        k = kernels.load("conv_direct")
        workers.split(len(parts), lambda lo, hi: k.grad_weight(g4, xp, parts, lo, hi), 1,
                      align=1)
        self.gradWeight.numpy()[...] += scale * parts.sum(axis=0)
        if self.gradBias is not None:
            self.gradBias.numpy()[...] += scale * g4.sum(axis=(0, 2, 3))

    # ---- extras --------------------------------------------------------------------

    def noBias(self):
        """conv:noBias(): remove the bias (and gradBias); returns conv.

        Example: conv = nn.SpatialConvolution(3, 8, 3, 3):noBias()
        """
        self.bias = None
        self.gradBias = None
        return self

    def _check(self, input, gradOutput):
        """THNN's SpatialConvolutionMM_shapeCheck; returns (oH, oW)."""
        check_kernel(self, 9, 11)
        arg_check_dims(input, (3, 4), 2, "3D or 4D input tensor expected but got: ")
        nd = input.dim()
        f = nd - 3
        H, W = input.size(f + 2), input.size(f + 3)
        oH = (H + 2 * self.padH - self.kH) // self.dH + 1
        oW = (W + 2 * self.padW - self.kW) // self.dW + 1
        if oH < 1 or oW < 1:
            raise torch.TorchError(
                f"Given input size: ({self.nInputPlane} x {H} x {W}). Calculated output "
                f"size: ({self.nOutputPlane} x {oH} x {oW}). Output size is too small")
        check_dim_size(input, "input", nd, f, self.nInputPlane)
        check_grad_sizes(input, gradOutput, f, (self.nOutputPlane, oH, oW))
        return oH, oW

    def _unfold(self, x, oH, oW):
        """im2col of x (B, C, H, W) into self.finput; returns its numpy array."""
        col = _buffer(_field(self, "finput"), (self.nInputPlane * self.kH * self.kW,
                                    x.shape[0] * oH * oW))
        if col.dtype != x.dtype:
            x = x.astype(col.dtype)
        kernels.load("conv").im2col(x, self.kH, self.kW, self.dH, self.dW, self.padH,
                                    self.padW, oH, oW, col)
        return col

    def clearState(self):
        """conv:clearState(): empty output, gradInput and the unfolding buffers; returns conv.

        Example: conv:clearState(); torch.save('conv.t7', conv)
        """
        clear(self, "finput", "fgradInput")
        return super().clearState()

    def __tostring__(self):
        s = (f"{type(self).__typename__}({self.nInputPlane} -> {self.nOutputPlane}, "
             f"{self.kW}x{self.kH}{_stride_part(self)})")
        return s if self.bias is not None else s + " without bias"


class SpatialConvolutionMM(SpatialConvolution):
    """nn.SpatialConvolutionMM(nInputPlane, nOutputPlane, kW, kH [, dW, dH, padW, padH])

    The same convolution as nn.SpatialConvolution (both unfold the input and use one
    matrix product); kept as its own class because Torch7 scripts name it.
    Example: conv = nn.SpatialConvolutionMM(3, 16, 5, 5, 1, 1, 2, 2)
    """

    __typename__ = "nn.SpatialConvolutionMM"


class SpatialFullConvolution(Module):
    """nn.SpatialFullConvolution(nInputPlane, nOutputPlane, kW, kH [, dW, dH, padW, padH, adjW, adjH])

    Transposed ("full", "deconvolution") 2-D convolution: the adjoint of
    SpatialConvolution. Output size: (in - 1) * d - 2*pad + k + adj.
    weight is nInputPlane x nOutputPlane x kH x kW.
    Example: up = nn.SpatialFullConvolution(16, 3, 4, 4, 2, 2, 1, 1)
    """

    __typename__ = "nn.SpatialFullConvolution"

    def __init__(self, nInputPlane=None, nOutputPlane=None, kW=None, kH=None, dW=None,
                 dH=None, padW=None, padH=None, adjW=None, adjH=None):
        check_numbers("SpatialFullConvolution", nInputPlane, nOutputPlane, kW, kH)
        super().__init__()
        self.nInputPlane = nInputPlane
        self.nOutputPlane = nOutputPlane
        self.kW = kW
        self.kH = kH
        self.dW = 1 if dW is None else dW
        self.dH = 1 if dH is None else dH
        self.padW = 0 if padW is None else padW
        self.padH = 0 if padH is None else padH
        self.adjW = 0 if adjW is None else adjW
        self.adjH = 0 if adjH is None else adjH
        if self.adjW > self.dW - 1 or self.adjH > self.dH - 1:
            raise torch.TorchError("adjW and adjH must be smaller than self.dW - 1 and "
                                   "self.dH - 1 respectively")
        self.weight = torch.Tensor(nInputPlane, nOutputPlane, kH, kW)
        self.gradWeight = torch.Tensor(nInputPlane, nOutputPlane, kH, kW)
        self.bias = torch.Tensor(nOutputPlane)
        self.gradBias = torch.Tensor(nOutputPlane)
        self.ones = torch.Tensor()
        self.reset()

    def reset(self, stdv=None):
        """up:reset([stdv]): re-draw weight and bias uniformly (±1/sqrt(kW*kH*nInputPlane)).

        Example: up:reset()
        """
        _uniform_init(self, stdv, self.kW * self.kH * self.nInputPlane)

    def updateOutput(self, input):
        """up:updateOutput(input): the transposed convolution; returns self.output.

        Example: y = nn.SpatialFullConvolution(2, 1, 3, 3, 2, 2):forward(torch.rand(2, 4, 4))
        """
        oH, oW = self._check(input, FORWARD)
        check_same_type(input, self.output)
        x, batch = _batch4(input)
        B, _, H, W = x.shape
        w = self.weight.numpy().reshape(self.nInputPlane, -1)
        xr = _rows(x)
        col = gemm.matmul(w.T, xr, np.empty((w.shape[1], xr.shape[1]), xr.dtype))
        out = _buffer(self.output, (B, self.nOutputPlane, oH, oW) if batch
                      else (self.nOutputPlane, oH, oW)).reshape(B, self.nOutputPlane, oH, oW)
        kernels.load("conv").col2im(col, self.kH, self.kW, self.dH, self.dW, self.padH,
                                    self.padW, H, W, out)
        if self.bias is not None:
            out += self.bias.numpy().reshape(1, -1, 1, 1)
        return self.output

    def updateGradInput(self, input, gradOutput):
        """up:updateGradInput(input, gradOutput): d(loss)/d(input); returns self.gradInput.

        Example: gi = up:updateGradInput(x, torch.ones(up.output:size()))
        """
        if self.gradInput is None:
            return None
        self._check(input, gradOutput)
        x, _ = _batch4(input)
        col = self._unfold_grad(gradOutput, x.shape)
        w = self.weight.numpy().reshape(self.nInputPlane, -1)
        self.gradInput.resizeAs(input)
        y = gemm.matmul(w, col, np.empty((w.shape[0], col.shape[1]), w.dtype))
        _unrows(y, self.gradInput.numpy().reshape(x.shape))
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=None):
        """up:accGradParameters(input, gradOutput [, scale]): gradWeight, gradBias += scale * ...

        Example: up:accGradParameters(x, gradOut, 1)
        """
        scale = arrays.number_arg(scale)
        self._check(input, gradOutput)
        x, _ = _batch4(input)
        col = self._unfold_grad(gradOutput, x.shape)
        gw = self.gradWeight.numpy().reshape(self.nInputPlane, -1)
        gw += scale * gemm.matmul(_rows(x), col.T, np.empty(gw.shape, gw.dtype))
        if self.gradBias is not None:
            g = _batch4(gradOutput)[0]
            self.gradBias.numpy()[...] += scale * g.sum(axis=(0, 2, 3))

    # ---- extras --------------------------------------------------------------------

    def noBias(self):
        """up:noBias(): remove the bias (and gradBias); returns up. Example: up:noBias()"""
        self.bias = None
        self.gradBias = None
        return self

    def _check(self, input, gradOutput):
        """THNN's SpatialFullConvolution_shapeCheck; returns (oH, oW)."""
        check_kernel(self, 9, 11)
        arg_check(self.adjW < self.dW and self.adjH < self.dH, 15, "output adjustment "
                  "must be smaller than stride, but got adjH: "
                  f"{self.adjH} adjW: {self.adjW} dH: {self.dH} dW: {self.dW}")
        arg_check_dims(input, (3, 4), 2, "3D or 4D input tensor expected but got: ")
        nd = input.dim()
        f = nd - 3
        H, W = input.size(f + 2), input.size(f + 3)
        oH = (H - 1) * self.dH - 2 * self.padH + self.kH + self.adjH
        oW = (W - 1) * self.dW - 2 * self.padW + self.kW + self.adjW
        if oH < 1 or oW < 1:
            raise torch.TorchError(
                f"Given input size: ({self.nInputPlane} x {H} x {W}). Calculated output "
                f"size: ({self.nOutputPlane} x {oH} x {oW}). Output size is too small")
        check_dim_size(input, "input", nd, f, self.nInputPlane)
        check_grad_sizes(input, gradOutput, f, (self.nOutputPlane, oH, oW))
        return oH, oW

    def _unfold_grad(self, gradOutput, xshape):
        """im2col of gradOutput on the input's grid: (nOut*kH*kW, B*H*W)."""
        g, _ = _batch4(gradOutput)
        B, _, H, W = xshape
        col = np.empty((self.nOutputPlane * self.kH * self.kW, B * H * W), g.dtype)
        kernels.load("conv").im2col(g, self.kH, self.kW, self.dH, self.dW, self.padH,
                                    self.padW, H, W, col)
        return col

    def __tostring__(self):
        s = (f"{type(self).__typename__}({self.nInputPlane} -> {self.nOutputPlane}, "
             f"{self.kW}x{self.kH}{_stride_part(self)}")
        if self.adjW != 0 or self.adjH != 0:
            s += f", {self.adjW},{self.adjH}"
        return s + ")" if self.bias is not None else s + ") without bias"


class TemporalConvolution(Module):
    """nn.TemporalConvolution(inputFrameSize, outputFrameSize, kW [, dW])

    1-D convolution over a sequence: input nInputFrame x inputFrameSize (or a batch
    B x nInputFrame x inputFrameSize), output nOutputFrame x outputFrameSize with
    nOutputFrame = floor((nInputFrame - kW) / dW) + 1.
    weight is outputFrameSize x (kW * inputFrameSize).
    Example: tc = nn.TemporalConvolution(10, 4, 3); y = tc:forward(torch.randn(7, 10))
    """

    __typename__ = "nn.TemporalConvolution"

    def __init__(self, inputFrameSize=None, outputFrameSize=None, kW=None, dW=None):
        check_numbers("TemporalConvolution", inputFrameSize, outputFrameSize, kW)
        super().__init__()
        self.inputFrameSize = inputFrameSize
        self.outputFrameSize = outputFrameSize
        self.kW = kW
        self.dW = 1 if dW is None else dW
        self.weight = torch.Tensor(outputFrameSize, inputFrameSize * kW)
        self.bias = torch.Tensor(outputFrameSize)
        self.gradWeight = torch.Tensor(outputFrameSize, inputFrameSize * kW)
        self.gradBias = torch.Tensor(outputFrameSize)
        self.reset()

    def reset(self, stdv=None):
        """tc:reset([stdv]): re-draw weight and bias uniformly (±1/sqrt(kW*inputFrameSize)).

        Example: tc:reset()
        """
        _uniform_init(self, stdv, self.kW * self.inputFrameSize)

    def updateOutput(self, input):
        """tc:updateOutput(input): the 1-D convolution of input; returns self.output.

        Example: y = nn.TemporalConvolution(2, 3, 2):updateOutput(torch.rand(5, 2))
        """
        n = self._check(input, FORWARD)
        check_same_type(input, self.output)
        x, batch = self._batch3(input)
        win = self._windows(x, n)                       # (B, n, kW*F)
        out = _buffer(self.output, (x.shape[0], n, self.outputFrameSize) if batch
                      else (n, self.outputFrameSize))
        out = out.reshape(x.shape[0], n, self.outputFrameSize)
        with gemm.one_blas_thread():
            np.matmul(win, self.weight.numpy().T, out=out)
        out += self.bias.numpy()
        return self.output

    def updateGradInput(self, input, gradOutput):
        """tc:updateGradInput(input, gradOutput): d(loss)/d(input); returns self.gradInput.

        Example: gi = tc:updateGradInput(x, torch.ones(tc.output:size()))
        """
        if self.gradInput is None:
            return None
        n = self._check(input, gradOutput)
        x, _ = self._batch3(input)
        g = self._batch3(gradOutput)[0]
        with gemm.one_blas_thread():
            gwin = g @ self.weight.numpy()               # (B, n, kW*F)
        self.gradInput.resizeAs(input).zero()
        gi = self.gradInput.numpy().reshape(x.shape)
        F, dW = self.inputFrameSize, self.dW
        for k in range(self.kW):
            gi[:, k:k + dW * (n - 1) + 1:dW, :] += gwin[:, :, k * F:(k + 1) * F]
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=None):
        """tc:accGradParameters(input, gradOutput [, scale]): gradWeight, gradBias += scale * ...

        Example: tc:accGradParameters(x, gradOut, 1)
        """
        scale = arrays.number_arg(scale)
        n = self._check(input, gradOutput)
        x, _ = self._batch3(input)
        g = self._batch3(gradOutput)[0].reshape(-1, self.outputFrameSize)
        win = self._windows(x, n).reshape(-1, self.kW * self.inputFrameSize)
        gw = self.gradWeight.numpy()
        gw += scale * gemm.matmul(g.T, win, np.empty(gw.shape, gw.dtype))
        self.gradBias.numpy()[...] += scale * g.sum(axis=0)

    # ---- extras --------------------------------------------------------------------

    @staticmethod
    def _batch3(t):
        a = planes(t)
        return (a, True) if a.ndim == 3 else (a[None], False)

    def _windows(self, x, n):
        """(B, T, F) -> (B, n, kW*F): frame windows side by side (a view, no copy)."""
        B, _, F = x.shape
        s = x.strides
        return np.lib.stride_tricks.as_strided(
            x, (B, n, self.kW * F), (s[0], s[1] * self.dW, s[2]), writeable=False)

    def _check(self, input, gradOutput):
        """THNN's TemporalConvolution_shapeCheck; returns nOutputFrame."""
        check_kernel(self, 9, 11)
        arg_check_dims(input, (2, 3), 2,
                       "2D or 3D (batch mode) tensor expected for input, but got: ")
        s = input.dim() - 1                               # 1-based sequence dimension
        arg_check(input.size(s + 1) == self.inputFrameSize, 2, "invalid input frame "
                  f"size. Got: {input.size(s + 1)}, Expected: {self.inputFrameSize}")
        arg_check(input.size(s) >= self.kW, 2, "input sequence smaller than kernel "
                  f"size. Got: {input.size(s)}, Expected: {self.kW}")
        n = (input.size(s) - self.kW) // self.dW + 1
        check_grad_sizes(input, gradOutput, s - 1, (n, self.outputFrameSize))
        return n
