"""Normalisation modules: BatchNormalization, SpatialBatchNormalization, and the local
normalisations of images SpatialSubtractiveNormalization, SpatialDivisiveNormalization,
SpatialContrastiveNormalization (the lecture's "pre-normalisation" of RGB images).

Batch normalisation follows THNN's BatchNormalization.c (biased variance for the
output, unbiased for running_var; `save_std` holds 1/std). The local normalisations
compute, at every pixel, a kernel-weighted average over a neighbourhood of all planes
(Torch7 builds it from zero padding, a convolution and a Replicate; we do the same
arithmetic with the im2col kernel) and correct image borders with `coef`, the same
average computed on an image of ones.
"""
import numpy as np

from th import torch
from th.torch import kernels
from th.nn import arrays, gemm
from th.nn.module import Module
from th.nn.shapecheck import (check_same_type, check_shape, check_tensor, planes,
                              size_desc)

__all__ = [
    "BatchNormalization",
    "SpatialBatchNormalization",
    "SpatialSubtractiveNormalization",
    "SpatialDivisiveNormalization",
    "SpatialContrastiveNormalization",
]


class BatchNormalization(Module):
    """nn.BatchNormalization(N [, eps=1e-5, momentum=0.1, affine=true])

    Normalises each of N features over a mini-batch (B x N): y = (x - mean) / sqrt(var +
    eps) * weight + bias. Training updates running_mean and running_var (momentum);
    :evaluate() uses them instead, and then also accepts a single sample.
    Example: bn = nn.BatchNormalization(4); y = bn:forward(torch.randn(8, 4))
    """

    __typename__ = "nn.BatchNormalization"
    nDim = 2

    def __init__(self, nOutput=None, eps=None, momentum=None, affine=None):
        super().__init__()
        if not isinstance(nOutput, (int, float)) or isinstance(nOutput, bool):
            raise torch.TorchError("Missing argument #1: dimensionality of input. ")
        if nOutput == 0:
            raise torch.TorchError("To set affine=false call BatchNormalization(nOutput,  "
                                   "eps, momentum, false) ")
        if affine is not None and not isinstance(affine, bool):
            raise torch.TorchError("affine has to be true/false")
        self.affine = True if affine is None else affine
        self.eps = 1e-5 if eps is None else eps
        self.train = True
        self.momentum = 0.1 if momentum is None else momentum
        self.running_mean = torch.zeros(nOutput)
        self.running_var = torch.ones(nOutput)
        if self.affine:
            self.weight = torch.Tensor(nOutput)
            self.bias = torch.Tensor(nOutput)
            self.gradWeight = torch.Tensor(nOutput)
            self.gradBias = torch.Tensor(nOutput)
            self.reset()

    def reset(self):
        """bn:reset(): weight uniform in [0, 1), bias 0, running_mean 0, running_var 1.

        Example: bn:reset()
        """
        if getattr(self, "weight", None) is not None:
            self.weight.uniform()
        if getattr(self, "bias", None) is not None:
            self.bias.zero()
        self.running_mean.zero()
        self.running_var.fill(1)

    def updateOutput(self, input):
        """bn:updateOutput(input): the normalised input; returns self.output.

        Example: y = nn.BatchNormalization(3):updateOutput(torch.randn(5, 3))
        """
        self._check_input_dim(input)
        check_same_type(input, self.output)
        x, axes = self._features(input)
        n = x.size // x.shape[1]
        if self.train:
            mean = x.mean(axis=axes, dtype=np.float64)
            var = ((x - self._col(mean, x)) ** 2).sum(axis=axes, dtype=np.float64)
            invstd = np.where((var == 0) & (self.eps == 0), 0.0,
                              1 / np.sqrt(var / n + self.eps))
            self.save_mean = _keep(self, "save_mean", mean)
            self.save_std = _keep(self, "save_std", invstd)
            m = self.momentum
            rm, rv = self.running_mean.numpy(), self.running_var.numpy()
            rm[...] = m * mean + (1 - m) * rm
            rv[...] = m * var / max(n - 1, 1) + (1 - m) * rv
        else:
            mean = self.running_mean.numpy()
            invstd = 1 / np.sqrt(self.running_var.numpy() + self.eps)
        scale, shift = invstd, -mean * invstd
        if getattr(self, "weight", None) is not None:
            scale = scale * self.weight.numpy()
            shift = shift * self.weight.numpy() + self.bias.numpy()
        self.output.resizeAs(input)
        out = self.output.numpy().reshape(x.shape)
        np.multiply(x, self._col(scale, x), out=out)
        out += self._col(shift, x)
        return self.output

    def updateGradInput(self, input, gradOutput):
        """bn:updateGradInput(input, gradOutput): d(loss)/d(input); returns self.gradInput.

        Example: gi = bn:updateGradInput(x, torch.ones(x:size()))
        """
        self._backward(input, gradOutput, 1, True, False)
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=None):
        """bn:accGradParameters(input, gradOutput [, scale]): gradWeight, gradBias += scale * ...

        Example: bn:accGradParameters(x, gradOut, 1)
        """
        scale = arrays.number_arg(scale)
        self._backward(input, gradOutput, scale, False, True)

    # ---- extras --------------------------------------------------------------------

    def _backward(self, input, gradOutput, scale, want_input, want_params):
        """THNN's BatchNormalization_backward for the parts asked for."""
        self._check_input_dim(input)
        check_shape(input, gradOutput)
        x, axes = self._features(input)
        g, _ = self._features(gradOutput)
        n = x.size // x.shape[1]
        if self.train:
            if getattr(self, "save_mean", None) is None:
                raise torch.TorchError("must call :updateOutput() first")
            mean, invstd = self.save_mean.numpy(), self.save_std.numpy()
        else:
            mean = self.running_mean.numpy()
            invstd = 1 / np.sqrt(self.running_var.numpy() + self.eps)
        centred = x - self._col(mean, x)
        gsum = g.sum(axis=axes, dtype=np.float64)
        dot = (centred * g).sum(axis=axes, dtype=np.float64)
        if want_input and self.gradInput is not None:
            w = self.weight.numpy() if getattr(self, "weight", None) is not None else 1.0
            self.gradInput.resizeAs(gradOutput)
            gi = self.gradInput.numpy().reshape(x.shape)
            if self.train:
                k = dot * invstd * invstd / n
                gi[...] = (g - self._col(gsum / n, x) - centred * self._col(k, x)) \
                    * self._col(invstd * w, x)
            else:
                gi[...] = g * self._col(invstd * w, x)
        if want_params and getattr(self, "weight", None) is not None:
            self.gradWeight.numpy()[...] += scale * dot * invstd
            self.gradBias.numpy()[...] += scale * gsum

    def _check_input_dim(self, input):
        check_tensor(input)
        d = input.dim()
        if not (d == self.nDim or (d == self.nDim - 1 and not self.train)):
            raise torch.TorchError(f"only mini-batch supported ({self.nDim}D tensor), got "
                                   f"{d}D tensor instead")
        f = 1 if d == self.nDim - 1 else 2
        n = self.running_mean.nElement()
        if input.size(f) != n:
            raise torch.TorchError(f"got {input.size(f)}-feature tensor, expected {n}")

    def _features(self, t):
        """numpy (B, N, rest...) with features on axis 1, and the axes to reduce."""
        a = planes(t)
        if t.dim() == self.nDim - 1:
            a = a[None]
        return a, (0,) + tuple(range(2, a.ndim))

    @staticmethod
    def _col(v, x):
        """Per-feature vector v shaped to broadcast against x (B, N, ...)."""
        return np.asarray(v).reshape((1, -1) + (1,) * (x.ndim - 2))

    def __tostring__(self):
        return (f"{type(self).__typename__} ({self.nDim}D) "
                f"({self.running_mean.nElement()})")


class SpatialBatchNormalization(BatchNormalization):
    """nn.SpatialBatchNormalization(nFeature [, eps=1e-5, momentum=0.1, affine=true])

    Batch normalisation of the planes of a B x nFeature x H x W batch: each feature
    plane is normalised over the batch and all its pixels.
    Example: bn = nn.SpatialBatchNormalization(16); y = bn:forward(torch.randn(4, 16, 8, 8))
    """

    __typename__ = "nn.SpatialBatchNormalization"
    nDim = 4


def _keep(m, name, values):
    """m.<name> (a tensor of the input's type, created once) set to `values`."""
    t = getattr(m, name, None)
    if t is None:
        t = m.output.new()
    t.resize(len(values)).numpy()[...] = values
    return t


# ---- local (neighbourhood) normalisation ----------------------------------------------

def _check_kernel(kernel, nInputPlane, who, sqrt_1d=False):
    """Check the averaging kernel and normalise it in place, as Torch7 does: divided by
    its sum times nInputPlane, except a 1-D kernel of the divisive module, divided by
    its sum times sqrt(nInputPlane) (it is applied twice)."""
    if kernel.dim() not in (1, 2):
        raise torch.TorchError(f"<{who}> averaging kernel must be 2D or 1D")
    if kernel.size(1) % 2 == 0 or (kernel.dim() == 2 and kernel.size(2) % 2 == 0):
        raise torch.TorchError(f"<{who}> averaging kernel must have ODD dimensions")
    # Torch7: the user's kernel tensor itself is divided (it is shared, not copied).
    kernel.div(kernel.sum() * (nInputPlane ** 0.5 if sqrt_1d and kernel.dim() == 1
                               else nInputPlane))


def _kernel2d(kernel):
    """The 2-D kernel that Torch7's mean estimator applies to the sum of the planes: a
    1-D kernel is applied twice (along rows, then columns), an outer product."""
    k = kernel.numpy().astype(np.float64)
    return np.outer(k, k) if k.ndim == 1 else k


def _local_sum(s, k2):
    """Zero-padded 'same' correlation of maps s (B, H, W) with k2 (kh, kw)."""
    B, H, W = s.shape
    kh, kw = k2.shape
    col = np.empty((kh * kw, B * H * W), s.dtype)
    kernels.load("conv").im2col(s[:, None], kh, kw, 1, 1, kh // 2, kw // 2, H, W, col)
    with gemm.one_blas_thread():
        return (k2.reshape(1, -1).astype(s.dtype) @ col).reshape(B, H, W)


def _local_sum_adjoint(g, k2):
    """The adjoint of _local_sum: maps g (B, H, W) back through the correlation."""
    B, H, W = g.shape
    kh, kw = k2.shape
    col = k2.reshape(-1, 1).astype(g.dtype) @ g.reshape(1, -1)
    out = np.empty((B, 1, H, W), g.dtype)
    kernels.load("conv").col2im(np.ascontiguousarray(col), kh, kw, 1, 1, kh // 2, kw // 2,
                                H, W, out)
    return out[:, 0]


def _store(m, name, maps, input):
    """m.<name> = maps (B, H, W) as a tensor of input's type and size, each map repeated
    over the planes by a stride-0 view (as the Replicate in Torch7's estimator)."""
    B, H, W = maps.shape
    t = input.new(B, 1, H, W)
    t.numpy()[...] = maps[:, None]
    if input.dim() == 3:
        t = t.select(1, 1)
    setattr(m, name, t.expand(*input.size()))


def _load(t):
    """The (B, H, W) maps of a field written by _store."""
    a = t.numpy()
    return a[:, 0] if a.ndim == 4 else a[:1, :, :]


class _LocalNormalization(Module):
    """Shared by the subtractive and divisive normalisations: input checks, the batch
    view and the border coefficients."""

    def _maps(self, input):
        """numpy (B, C, H, W) of a 3-D or 4-D input with nInputPlane planes."""
        check_tensor(input)
        if input.dim() not in (3, 4):     # Torch7's first step is a SpatialZeroPadding
            raise torch.TorchError("input must be 3 or 4-dimensional")
        c = input.size(input.dim() - 2)
        if c != self.nInputPlane:
            raise torch.TorchError(f"Need input of dimension {input.dim()} and "
                                   f"input.size[{input.dim() - 3}] == {self.nInputPlane} "
                                   f"but got input to be of shape: {size_desc(input)}")
        check_same_type(input, self.output)
        a = planes(input)
        return a if a.ndim == 4 else a[None]

    def _grad(self, input, gradOutput):
        """gradOutput's planes, once checked to be shaped as the input."""
        check_shape(input, gradOutput)
        return planes(gradOutput)

    def _coef(self, input, x):
        """The local average of an image of ones (stored as self.coef): 1 inside with a
        2-D kernel, less near the borders."""
        B, C, H, W = x.shape
        ones = np.full((1, H, W), float(self.nInputPlane), x.dtype)
        coef = _local_sum(ones, _kernel2d(self.kernel))
        _store(self, "coef", np.broadcast_to(coef, (B, H, W)), input)
        return coef[0]


def _planes_and_kernel(m, nInputPlane, kernel):
    """Torch7's defaults of the local normalisations: one plane, a 9x9 kernel of ones."""
    m.nInputPlane = 1 if nInputPlane is None else nInputPlane
    m.kernel = torch.Tensor(9, 9).fill(1) if kernel is None else kernel


def _thresholds(m, threshold, thresval):
    """The divisive step's: deviations up to threshold (1e-4) become thresval (the
    threshold itself by default)."""
    m.threshold = 1e-4 if threshold is None else threshold
    m.thresval = thresval if thresval is not None else m.threshold


class SpatialSubtractiveNormalization(_LocalNormalization):
    """nn.SpatialSubtractiveNormalization(nInputPlane [, kernel])

    Subtracts from every pixel the kernel-weighted mean of its neighbourhood across all
    planes (borders corrected). kernel: a 2-D or 1-D (separable) tensor of odd sizes,
    default torch.ones(9, 9); it is normalised in place, as in Torch7.
    Example: norm = nn.SpatialSubtractiveNormalization(3, torch.Tensor({1, 2, 3, 2, 1}))
    """

    __typename__ = "nn.SpatialSubtractiveNormalization"

    def __init__(self, nInputPlane=None, kernel=None):
        super().__init__()
        _planes_and_kernel(self, nInputPlane, kernel)
        _check_kernel(self.kernel, self.nInputPlane, "SpatialSubtractiveNormalization")

    def updateOutput(self, input):
        """norm:updateOutput(input): input minus its local means; returns self.output.

        Example: y = nn.SpatialSubtractiveNormalization(1):updateOutput(torch.rand(1, 12, 12))
        """
        x = self._maps(input)
        coef = self._coef(input, x)
        sums = _local_sum(x.sum(axis=1), _kernel2d(self.kernel))
        _store(self, "localsums", sums, input)
        _store(self, "adjustedsums", sums / coef, input)
        self.output.resizeAs(input)
        np.subtract(x, (sums / coef)[:, None], out=self.output.numpy().reshape(x.shape))
        return self.output

    def updateGradInput(self, input, gradOutput):
        """norm:updateGradInput(input, gradOutput): d(loss)/d(input); returns self.gradInput.

        Example: gi = norm:updateGradInput(x, torch.ones(x:size()))
        """
        x = self._maps(input)
        g = self._grad(input, gradOutput).reshape(x.shape)
        coef = self._coef(input, x)
        back = _local_sum_adjoint(g.sum(axis=1) / coef, _kernel2d(self.kernel))
        self.gradInput.resizeAs(input)
        np.subtract(g, back[:, None], out=self.gradInput.numpy().reshape(x.shape))
        return self.gradInput


class SpatialDivisiveNormalization(_LocalNormalization):
    """nn.SpatialDivisiveNormalization(nInputPlane [, kernel, threshold=1e-4, thresval])

    Divides every pixel by the kernel-weighted standard deviation of its neighbourhood
    across all planes (borders corrected); deviations at or below `threshold` are
    replaced by `thresval` (default: threshold). kernel as in the subtractive module.
    Example: norm = nn.SpatialDivisiveNormalization(3, torch.Tensor({1, 2, 3, 2, 1}))
    """

    __typename__ = "nn.SpatialDivisiveNormalization"

    def __init__(self, nInputPlane=None, kernel=None, threshold=None, thresval=None):
        super().__init__()
        _planes_and_kernel(self, nInputPlane, kernel)
        _thresholds(self, threshold, thresval)
        _check_kernel(self.kernel, self.nInputPlane, "SpatialDivisiveNormalization",
                      sqrt_1d=True)

    def updateOutput(self, input):
        """norm:updateOutput(input): input over its local deviations; returns self.output.

        Example: y = nn.SpatialDivisiveNormalization(1):updateOutput(torch.rand(1, 12, 12))
        """
        x = self._maps(input)
        coef = self._coef(input, x)
        stds = np.sqrt(np.maximum(_local_sum((x * x).sum(axis=1), _kernel2d(self.kernel)), 0))
        adjusted = stds / coef
        divisor = np.where(adjusted > self.threshold, adjusted, self.thresval)
        _store(self, "localstds", stds, input)
        _store(self, "adjustedstds", adjusted, input)
        _store(self, "thresholdedstds", divisor, input)
        self.output.resizeAs(input)
        np.divide(x, divisor[:, None], out=self.output.numpy().reshape(x.shape))
        return self.output

    def updateGradInput(self, input, gradOutput):
        """norm:updateGradInput(input, gradOutput): d(loss)/d(input); returns self.gradInput.

        Uses the deviations of the last updateOutput, as Torch7 does.
        Example: gi = norm:updateGradInput(x, torch.ones(x:size()))
        """
        x = self._maps(input)
        g = self._grad(input, gradOutput).reshape(x.shape)
        coef = self._coef(input, x)
        stds, adjusted = _load(self.localstds), _load(self.adjustedstds)
        div = _load(self.thresholdedstds)
        d_div = -(g * x).sum(axis=1) / (div * div)
        d_stds = np.where(adjusted > self.threshold, d_div, 0) / coef
        # Sqrt's gradient, 0 where the deviation is 0 (as THNN's Sqrt)
        safe = np.where(stds > 0, stds, 1)
        d_sq = np.where(stds > 0, d_stds / (2 * safe), 0)
        back = _local_sum_adjoint(d_sq, _kernel2d(self.kernel))
        self.gradInput.resizeAs(input)
        gi = self.gradInput.numpy().reshape(x.shape)
        gi[...] = g / div[:, None] + 2 * x * back[:, None]
        return self.gradInput


class SpatialContrastiveNormalization(Module):
    """nn.SpatialContrastiveNormalization(nInputPlane [, kernel, threshold, thresval])

    Subtractive then divisive local normalisation with the same kernel: each pixel
    becomes (x - local mean) / local deviation. The usual first layer on raw RGB
    images ("pre-normalisation").
    Example: norm = nn.SpatialContrastiveNormalization(3, torch.Tensor({1, 2, 3, 2, 1}))
    """

    __typename__ = "nn.SpatialContrastiveNormalization"

    def __init__(self, nInputPlane=None, kernel=None, threshold=None, thresval=None):
        super().__init__()
        _planes_and_kernel(self, nInputPlane, kernel)
        _thresholds(self, threshold, thresval)
        from th.nn.containers import Sequential     # containers import module.py only
        self.normalizer = Sequential()
        self.normalizer.add(SpatialSubtractiveNormalization(self.nInputPlane, self.kernel))
        self.normalizer.add(SpatialDivisiveNormalization(self.nInputPlane, self.kernel,
                                                         self.threshold, self.thresval))

    def updateOutput(self, input):
        """norm:updateOutput(input): the normalised image; returns self.output.

        Example: y = nn.SpatialContrastiveNormalization(1):updateOutput(torch.rand(1, 12, 12))
        """
        self.output = self.normalizer.updateOutput(input)
        return self.output

    def updateGradInput(self, input, gradOutput):
        """norm:updateGradInput(input, gradOutput): d(loss)/d(input); returns self.gradInput.

        Example: gi = norm:updateGradInput(x, torch.ones(x:size()))
        """
        self.gradInput = self.normalizer.updateGradInput(input, gradOutput)
        return self.gradInput
