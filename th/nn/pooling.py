"""Pooling, up-sampling and padding: SpatialMaxPooling, SpatialAveragePooling,
TemporalMaxPooling, SpatialUpSamplingNearest, SpatialZeroPadding.

Spatial modules take one image (C x H x W) or a batch (B x C x H x W). The 2-D pooling
loops are numba kernels (th/torch/kernels/pool.py) over the B*C planes; the others are
a few numpy slicing operations. Output sizes, index conventions and error messages
follow THNN.
"""
import math

import numpy as np

from th import torch
from th.torch import kernels
from th.nn import arrays
from th.nn.module import Module, clear
from th.nn.shapecheck import (FORWARD, arg_check, arg_check_dims, check_grad_sizes,
                              check_kernel, check_numbers, check_same_type, check_tensor,
                              planes)

__all__ = [
    "SpatialMaxPooling",
    "SpatialAveragePooling",
    "TemporalMaxPooling",
    "SpatialUpSamplingNearest",
    "SpatialZeroPadding",
]


def _pooled_size(n, k, d, pad, ceil_mode):
    """THNN's pooled length: floor or ceil of (n + 2*pad - k) / d, plus one; with
    padding, a last window that would start in the padding is dropped."""
    q = (n + 2 * pad - k) / d
    out = (math.ceil(q) if ceil_mode else math.floor(q)) + 1
    if pad and (out - 1) * d >= n + pad:
        out -= 1
    return out


def _long_indices(m):
    """m.indices as a LongTensor: m:type() converts every tensor field, and Torch7
    turns the indices back (`self.indices:long()`) before each forward."""
    t = getattr(m, "indices", None)
    m.indices = torch.LongTensor() if t is None else t.long()


class _SpatialPooling(Module):
    """What max and average pooling share: fields, :ceil()/:floor(), checks, printing."""

    def ceil(self):
        """pool:ceil(): round output sizes up (windows may overhang); returns pool.

        Example: pool = nn.SpatialMaxPooling(3, 3, 2, 2):ceil()
        """
        self.ceil_mode = True
        return self

    def floor(self):
        """pool:floor(): round output sizes down (the default); returns pool.

        Example: pool = nn.SpatialMaxPooling(3, 3, 2, 2):floor()
        """
        self.ceil_mode = False
        return self

    def _check(self, input, gradOutput, karg, darg):
        """THNN's pooling shapeCheck; returns (oH, oW)."""
        check_kernel(self, karg, darg)
        arg_check_dims(input, (3, 4), 2, "3D or 4D input tensor expected but got: ")
        arg_check(self.kW // 2 >= self.padW and self.kH // 2 >= self.padH, 2,
                  "pad should be smaller than half of kernel size, but got padW = "
                  f"{self.padW}, padH = {self.padH}, kW = {self.kW}, kH = {self.kH}")
        nd = input.dim()
        f = nd - 3
        C, H, W = input.size(f + 1), input.size(f + 2), input.size(f + 3)
        oH = _pooled_size(H, self.kH, self.dH, self.padH, self.ceil_mode)
        oW = _pooled_size(W, self.kW, self.dW, self.padW, self.ceil_mode)
        if oH < 1 or oW < 1:
            raise torch.TorchError(f"Given input size: ({C}x{H}x{W}). Calculated output "
                                   f"size: ({C}x{oH}x{oW}). Output size is too small")
        check_grad_sizes(input, gradOutput, f, (C, oH, oW))
        return oH, oW

    def _planes(self, t):
        """numpy (P, H, W) of a 3-D or 4-D tensor, with P = B*C."""
        a = planes(t)
        return a.reshape(-1, a.shape[-2], a.shape[-1])

    def _resize_output(self, input, oH, oW):
        """Resize self.output like input with the last two sizes (oH, oW); its planes."""
        size = tuple(input.size())[:-2] + (oH, oW)
        self.output.resize(*size)
        return self.output.numpy().reshape(-1, oH, oW)

    def __tostring__(self):
        s = f"{type(self).__typename__}({self.kW}x{self.kH}, {self.dW},{self.dH}"
        if self.padW != 0 or self.padH != 0:
            s += f", {self.padW},{self.padH}"
        return s + ")"


class SpatialMaxPooling(_SpatialPooling):
    """nn.SpatialMaxPooling(kW, kH [, dW, dH, padW, padH])

    Maximum over kW x kH windows moved by (dW, dH) (default: the window size), per
    plane. Output size floor((in + 2*pad - k) / d) + 1, or ceil with :ceil().
    `indices` keeps each maximum's 1-based position in its plane for the backward.
    Example: pool = nn.SpatialMaxPooling(2, 2, 2, 2); y = pool:forward(torch.rand(3, 8, 8))
    """

    __typename__ = "nn.SpatialMaxPooling"

    def __init__(self, kW=None, kH=None, dW=None, dH=None, padW=None, padH=None):
        check_numbers("SpatialMaxPooling", kW, kH)
        super().__init__()
        self.kW = kW
        self.kH = kH
        self.dW = kW if dW is None else dW
        self.dH = kH if dH is None else dH
        self.padW = 0 if padW is None else padW
        self.padH = 0 if padH is None else padH
        self.ceil_mode = False
        self.indices = torch.LongTensor()

    def updateOutput(self, input):
        """pool:updateOutput(input): the window maxima; returns self.output.

        Example: y = nn.SpatialMaxPooling(2, 2):updateOutput(torch.rand(1, 4, 4))
        """
        oH, oW = self._check(input, FORWARD, 5, 8)
        check_same_type(input, self.output)
        x = self._planes(input)
        self.iheight, self.iwidth = x.shape[1], x.shape[2]
        out = self._resize_output(input, oH, oW)
        _long_indices(self)
        self.indices.resize(*self.output.size())
        ind = self.indices.numpy().reshape(out.shape)
        kernels.load("pool").max_forward(x, self.kH, self.kW, self.dH, self.dW,
                                         self.padH, self.padW, out, ind)
        return self.output

    def updateGradInput(self, input, gradOutput):
        """pool:updateGradInput(input, gradOutput): routes each gradient to its maximum.

        Example: gi = pool:updateGradInput(x, torch.ones(pool.output:size()))
        """
        oH, oW = self._check(input, gradOutput, 5, 8)
        g = self._planes(gradOutput)
        self.gradInput.resizeAs(input)
        gi = self.gradInput.numpy().reshape(-1, input.size(input.dim() - 1),
                                            input.size(input.dim()))
        ind = self.indices.numpy().reshape(g.shape)
        kernels.load("pool").max_backward(g, ind, gi)
        return self.gradInput

    def clearState(self):
        """pool:clearState(): empty output, gradInput and indices; returns pool.

        Example: pool:clearState(); torch.save('pool.t7', pool)
        """
        clear(self, "indices")
        return super().clearState()


class SpatialAveragePooling(_SpatialPooling):
    """nn.SpatialAveragePooling(kW, kH [, dW=1, dH=1, padW=0, padH=0])

    Mean over kW x kH windows moved by (dW, dH), per plane. :ceil()/:floor() choose the
    rounding of output sizes; :setCountIncludePad() (default) divides by the window
    size including padding, :setCountExcludePad() by the cells inside the image.
    Example: pool = nn.SpatialAveragePooling(2, 2, 2, 2); y = pool:forward(torch.rand(3, 8, 8))
    """

    __typename__ = "nn.SpatialAveragePooling"

    def __init__(self, kW=None, kH=None, dW=None, dH=None, padW=None, padH=None):
        check_numbers("SpatialAveragePooling", kW, kH)
        super().__init__()
        self.kW = kW
        self.kH = kH
        self.dW = 1 if dW is None else dW
        self.dH = 1 if dH is None else dH
        self.padW = 0 if padW is None else padW
        self.padH = 0 if padH is None else padH
        self.ceil_mode = False
        self.count_include_pad = True
        self.divide = True

    def updateOutput(self, input):
        """pool:updateOutput(input): the window means; returns self.output.

        Example: y = nn.SpatialAveragePooling(2, 2):updateOutput(torch.rand(1, 4, 4))
        """
        oH, oW = self._check(input, FORWARD, 5, 8)
        check_same_type(input, self.output)
        out = self._resize_output(input, oH, oW)
        kernels.load("pool").avg_forward(self._planes(input), self.kH, self.kW, self.dH,
                                         self.dW, self.padH, self.padW,
                                         bool(self.count_include_pad), out)
        if not self.divide:     # Torch7: old saved models sum instead of averaging
            out *= self.kW * self.kH
        return self.output

    def updateGradInput(self, input, gradOutput):
        """pool:updateGradInput(input, gradOutput): spreads each gradient over its window.

        Example: gi = pool:updateGradInput(x, torch.ones(pool.output:size()))
        """
        self._check(input, gradOutput, 5, 8)
        self.gradInput.resizeAs(input)
        gi = self.gradInput.numpy().reshape(-1, input.size(input.dim() - 1),
                                            input.size(input.dim()))
        kernels.load("pool").avg_backward(self._planes(gradOutput), self.kH, self.kW,
                                          self.dH, self.dW, self.padH, self.padW,
                                          bool(self.count_include_pad), gi)
        if not self.divide:
            gi *= self.kW * self.kH
        return self.gradInput

    def setCountIncludePad(self):
        """pool:setCountIncludePad(): divide by the whole window, padding included.

        Example: pool = nn.SpatialAveragePooling(3, 3, 1, 1, 1, 1):setCountIncludePad()
        """
        self.count_include_pad = True
        return self

    def setCountExcludePad(self):
        """pool:setCountExcludePad(): divide by the window's cells inside the image.

        Example: pool = nn.SpatialAveragePooling(3, 3, 1, 1, 1, 1):setCountExcludePad()
        """
        self.count_include_pad = False
        return self


class TemporalMaxPooling(Module):
    """nn.TemporalMaxPooling(kW [, dW=kW])

    Maximum over windows of kW frames moved by dW, per feature: input nInputFrame x
    frameSize (or a batch B x nInputFrame x frameSize), output nOutputFrame x frameSize
    with nOutputFrame = floor((nInputFrame - kW) / dW) + 1. `indices` keeps each
    maximum's 0-based offset in its window, as THNN.
    Example: pool = nn.TemporalMaxPooling(2); y = pool:forward(torch.randn(6, 4))
    """

    __typename__ = "nn.TemporalMaxPooling"

    def __init__(self, kW=None, dW=None):
        check_numbers("TemporalMaxPooling", kW)
        super().__init__()
        self.kW = kW
        self.dW = kW if dW is None else dW

    def updateOutput(self, input):
        """pool:updateOutput(input): the window maxima; returns self.output.

        Example: y = nn.TemporalMaxPooling(2):updateOutput(torch.randn(4, 3))
        """
        n = self._check(input, FORWARD)
        check_same_type(input, self.output)
        x = self._batch3(input)
        win = self._windows(x, n)                        # (B, n, kW, F)
        where = win.argmax(axis=2)
        _long_indices(self)
        size = (n, x.shape[2]) if input.dim() == 2 else (x.shape[0], n, x.shape[2])
        self.indices.resize(*size).numpy()[...] = where.reshape(size)
        self.output.resize(*size)
        out = self.output.numpy().reshape(where.shape)
        out[...] = np.take_along_axis(win, where[:, :, None, :], axis=2)[:, :, 0, :]
        return self.output

    def updateGradInput(self, input, gradOutput):
        """pool:updateGradInput(input, gradOutput): routes each gradient to its maximum.

        Example: gi = pool:updateGradInput(x, torch.ones(pool.output:size()))
        """
        n = self._check(input, gradOutput)
        x = self._batch3(input)
        g = self._batch3(gradOutput)
        self.gradInput.resizeAs(input).zero()
        gi = self.gradInput.numpy().reshape(x.shape)
        where = self.indices.numpy().reshape(g.shape)
        B, _, F = x.shape
        frames = where + (np.arange(n) * self.dW)[None, :, None]
        b = np.arange(B)[:, None, None]
        f = np.arange(F)[None, None, :]
        np.add.at(gi, (b, frames, f), g)
        return self.gradInput

    def clearState(self):
        """pool:clearState(): empty output, gradInput and indices; returns pool.

        Example: pool:clearState(); torch.save('pool.t7', pool)
        """
        clear(self, "indices")
        return super().clearState()

    # ---- extras --------------------------------------------------------------------

    @staticmethod
    def _batch3(t):
        a = planes(t)
        return a if a.ndim == 3 else a[None]

    def _windows(self, x, n):
        """(B, T, F) -> (B, n, kW, F): the pooling windows (a view)."""
        s = x.strides
        return np.lib.stride_tricks.as_strided(
            x, (x.shape[0], n, self.kW, x.shape[2]), (s[0], s[1] * self.dW, s[1], s[2]),
            writeable=False)

    def _check(self, input, gradOutput):
        """THNN's TemporalMaxPooling_shapeCheck; returns nOutputFrame."""
        check_kernel(self, 5, 6)
        arg_check_dims(input, (2, 3), 2,
                       "2D or 3D (batch mode) tensor expected for input, but got: ")
        s = input.dim() - 1                               # 1-based frame dimension
        arg_check(input.size(s) >= self.kW, 2, "input sequence smaller than kernel "
                  f"size. Got: {input.size(s)}, Expected: {self.kW}")
        n = (input.size(s) - self.kW) // self.dW + 1
        check_grad_sizes(input, gradOutput, s - 1, (n, input.size(s + 1)))
        return n


class SpatialUpSamplingNearest(Module):
    """nn.SpatialUpSamplingNearest(scale)

    Enlarges each plane by an integer factor, repeating every pixel scale x scale times:
    C x H x W becomes C x (H*scale) x (W*scale) (batches too).
    Example: up = nn.SpatialUpSamplingNearest(2); y = up:forward(torch.rand(1, 2, 2))
    """

    __typename__ = "nn.SpatialUpSamplingNearest"

    def __init__(self, scale=None):
        check_numbers("SpatialUpSamplingNearest", scale)
        super().__init__()
        self.scale_factor = scale
        if self.scale_factor < 1:
            raise torch.TorchError("scale_factor must be greater than 1")
        if math.floor(self.scale_factor) != self.scale_factor:
            raise torch.TorchError("scale_factor must be integer")
        self.scale_factor = int(scale)
        self.inputSize = torch.LongStorage(4)
        self.outputSize = torch.LongStorage(4)

    def updateOutput(self, input):
        """up:updateOutput(input): the enlarged planes; returns self.output.

        Example: y = nn.SpatialUpSamplingNearest(3):updateOutput(torch.rand(2, 4, 4))
        """
        arg_check_dims(input, (3, 4), 2, "3D or 4D input tensor expected but got: ")
        check_same_type(input, self.output)
        s = self.scale_factor
        x = planes(input)
        size = x.shape[:-2] + (x.shape[-2] * s, x.shape[-1] * s)
        self.output.resize(*size)
        out = self.output.numpy().reshape(x.shape[:-1] + (s, x.shape[-1], s))
        out[...] = x[..., :, None, :, None]
        return self.output

    def updateGradInput(self, input, gradOutput):
        """up:updateGradInput(input, gradOutput): sums the gradient over each block.

        Example: gi = up:updateGradInput(x, torch.ones(up.output:size()))
        """
        s = self.scale_factor
        x = planes(input)
        check_tensor(gradOutput, 3)
        g = planes(gradOutput)
        if g.shape != x.shape[:-2] + (x.shape[-2] * s, x.shape[-1] * s):
            raise torch.TorchError("gradOutput has the wrong size for this up-sampling: "
                                   f"expected {x.shape[-2] * s}x{x.shape[-1] * s} planes")
        self.gradInput.resizeAs(input)
        gi = self.gradInput.numpy()
        g.reshape(x.shape[:-1] + (s, x.shape[-1], s)).sum(axis=(-3, -1), out=gi)
        return self.gradInput


class SpatialZeroPadding(Module):
    """nn.SpatialZeroPadding(padLeft [, padRight, padTop, padBottom])

    Adds rows and columns of zeros around each plane; a negative pad crops instead.
    Missing pads default to padLeft. Works on C x H x W and B x C x H x W.
    Example: pad = nn.SpatialZeroPadding(1, 1, 2, 2); y = pad:forward(torch.ones(1, 2, 2))
    """

    __typename__ = "nn.SpatialZeroPadding"

    def __init__(self, pad_l=None, pad_r=None, pad_t=None, pad_b=None):
        check_numbers("SpatialZeroPadding", pad_l)
        super().__init__()
        self.pad_l = pad_l
        self.pad_r = pad_l if pad_r is None else pad_r
        self.pad_t = pad_l if pad_t is None else pad_t
        self.pad_b = pad_l if pad_b is None else pad_b

    def updateOutput(self, input):
        """pad:updateOutput(input): the padded (or cropped) planes; returns self.output.

        Example: y = nn.SpatialZeroPadding(1):updateOutput(torch.ones(1, 2, 2))
        """
        check_tensor(input)
        if input.dim() not in (3, 4):
            raise torch.TorchError("input must be 3 or 4-dimensional")
        x = input.numpy()
        H, W = x.shape[-2], x.shape[-1]
        oH, oW = H + self.pad_t + self.pad_b, W + self.pad_l + self.pad_r
        if oH < 1 or oW < 1:
            raise torch.TorchError("input is too small")
        self.output.resize(*(x.shape[:-2] + (oH, oW))).zero()
        outer, inner = self._cells(oH, oW, H, W)
        self.output.numpy()[outer] = x[inner]
        return self.output

    def updateGradInput(self, input, gradOutput):
        """pad:updateGradInput(input, gradOutput): the gradient of the kept cells.

        Example: gi = pad:updateGradInput(x, torch.ones(pad.output:size()))
        """
        arrays.check_args(self, input, gradOutput)
        H, W = input.size(input.dim() - 1), input.size(input.dim())
        g = arrays.grad_array(self, gradOutput, self.output, "output")
        outer, inner = self._cells(g.shape[-2], g.shape[-1], H, W)
        self.gradInput.resizeAs(input).zero()
        self.gradInput.numpy()[inner] = g[outer]
        return self.gradInput

    def _cells(self, oH, oW, H, W):
        """(slice of the output, slice of the input) holding the same cells."""
        t, b, l, r = self.pad_t, self.pad_b, self.pad_l, self.pad_r
        outer = (Ellipsis, slice(max(t, 0), oH - max(b, 0)), slice(max(l, 0), oW - max(r, 0)))
        inner = (Ellipsis, slice(max(-t, 0), H - max(-b, 0)), slice(max(-l, 0), W - max(-r, 0)))
        return outer, inner

    def __tostring__(self):
        return (f"{type(self).__typename__}(l={self.pad_l}, r={self.pad_r}, "
                f"t={self.pad_t}, b={self.pad_b})")
