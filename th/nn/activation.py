"""Transfer functions and element-wise layers: Sigmoid, Tanh, the ReLU family, SoftMax
and its relatives, and the simple maths layers (Abs, Square, Sqrt, Power, Exp, Log,
MulConstant, AddConstant).

Each works on a tensor of any shape (SoftMax-likes: 1-D, a 2-D batch, or 3-D/4-D maps).
Backward passes read what forward cached, as THNN's do: Sigmoid's and Tanh's
updateGradInput use self.output (the lecture calls `sig:updateGradInput(z2, dE_dh)`
with the pre-activation and still gets the right answer). Sigmoid and Tanh use the
tensor core's fused numba kernels on large tensors.
"""
import numpy as np

from th import torch
from th.nn import arrays
from th.nn.module import Module
from th.torch.ops.unary import sigmoid_backward, tanh_backward


class Sigmoid(Module):
    """nn.Sigmoid(): y = 1 / (1 + exp(-x)), element-wise.

    Its backward uses the cached output: dx = dy * y * (1 - y).
    Example: sig = nn.Sigmoid(); print(sig:forward(torch.Tensor({-1, 0, 1})))
    """

    __typename__ = "nn.Sigmoid"

    def updateOutput(self, input):
        self.output.sigmoid(arrays.check_input(self, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.grad_array(self, gradOutput, self.output, "output")
        sigmoid_backward(self.gradInput, gradOutput, self.output)
        return self.gradInput


class Tanh(Module):
    """nn.Tanh(): y = tanh(x), element-wise; backward uses the output: dx = dy * (1 - y^2).

    Example: print(nn.Tanh():forward(torch.Tensor({-1, 0, 1})))
    """

    __typename__ = "nn.Tanh"

    def updateOutput(self, input):
        self.output.tanh(arrays.check_input(self, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        arrays.grad_array(self, gradOutput, self.output, "output")
        tanh_backward(self.gradInput, gradOutput, self.output)
        return self.gradInput


# ---- the threshold family -----------------------------------------------------------------

class Threshold(Module):
    """nn.Threshold([th=1e-6, v=0, inplace=false]): y = x if x > th, else v.

    Example: print(nn.Threshold(0.5, -1):forward(torch.Tensor({0, 1})))  -- -1 1
    """

    __typename__ = "nn.Threshold"

    def __init__(self, th=1e-6, v=0, ip=False):
        Module.__init__(self)
        self.threshold = th
        self.val = v
        self.inplace = bool(ip)

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        if self.inplace:
            x[x <= self.threshold] = self.val
            self.output.set(input)
            return self.output
        o = arrays.out_like(self.output, input)
        if self.threshold == 0 and self.val == 0:
            np.maximum(x, 0, out=o)
        else:
            np.copyto(o, np.where(x > self.threshold, x, self.val))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x, go = arrays.input_array(self, input), arrays.grad_array(self, gradOutput, input)
        if self.inplace:
            go[x <= self.threshold] = 0
            self.gradInput.set(gradOutput)
            return self.gradInput
        gi = arrays.out_like(self.gradInput, input)
        np.multiply(go, x > self.threshold, out=gi)
        return self.gradInput


class ReLU(Threshold):
    """nn.ReLU([inplace=false]): y = max(0, x).

    Example: print(nn.ReLU():forward(torch.Tensor({-2, 3})))  -- 0 3
    """

    __typename__ = "nn.ReLU"

    def __init__(self, p=False):
        Threshold.__init__(self, 0, 0, p)


class ReLU6(Module):
    """nn.ReLU6([inplace=false]): y = min(max(0, x), 6).

    Example: print(nn.ReLU6():forward(torch.Tensor({-1, 3, 9})))  -- 0 3 6
    """

    __typename__ = "nn.ReLU6"

    def __init__(self, inplace=False):
        Module.__init__(self)
        self.inplace = bool(inplace)

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        if self.inplace:
            np.clip(x, 0, 6, out=x)
            self.output.set(input)
        else:
            np.clip(x, 0, 6, out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x, go = arrays.input_array(self, input), arrays.grad_array(self, gradOutput, input)
        inside = (x > 0) & (x < 6)
        if self.inplace:
            go[~inside] = 0
            self.gradInput.set(gradOutput)
        else:
            np.multiply(go, inside, out=arrays.out_like(self.gradInput, input))
        return self.gradInput


class LeakyReLU(Module):
    """nn.LeakyReLU([negval=0.01, inplace=false]): y = x if x > 0, else negval * x.

    Example: print(nn.LeakyReLU(0.1):forward(torch.Tensor({-2, 3})))  -- -0.2 3
    """

    __typename__ = "nn.LeakyReLU"

    def __init__(self, negval=None, ip=False):
        Module.__init__(self)
        if isinstance(negval, bool):       # nn.LeakyReLU(true): in place, default slope
            negval, ip = None, negval
        self.negval = 1 / 100 if negval is None else negval
        self.inplace = bool(ip)

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        y = np.where(x > 0, x, x * self.negval)
        if self.inplace:
            x[...] = y
            self.output.set(input)
        else:
            np.copyto(arrays.out_like(self.output, input), y)
        return self.output

    def updateGradInput(self, input, gradOutput):
        x, go = arrays.input_array(self, input), arrays.grad_array(self, gradOutput, input)
        g = np.where(x > 0, go, go * self.negval)
        if self.inplace:
            go[...] = g
            self.gradInput.set(gradOutput)
        else:
            np.copyto(arrays.out_like(self.gradInput, input), g)
        return self.gradInput

    def __tostring__(self):
        return torch.type(self) + "(" + _g(self.negval) + ")"


class PReLU(Module):
    """nn.PReLU([nOutputPlane=0]): LeakyReLU with a learnt slope (one shared, or one
    per input plane), initialised to 0.25.

    Example: m = nn.PReLU(); print(m:forward(torch.Tensor({-4, 2})))  -- -1 2
    """

    __typename__ = "nn.PReLU"

    def __init__(self, nOutputPlane=0):
        Module.__init__(self)
        self.nOutputPlane = nOutputPlane or 0
        n = self.nOutputPlane or 1
        self.weight = torch.Tensor(n).fill(0.25)
        self.gradWeight = torch.Tensor(n).zero()

    def _slopes(self, x):
        w = self.weight._np()
        if self.nOutputPlane == 0:
            return w[0]
        axis = 0 if x.ndim in (1, 3) else 1
        if x.shape[axis] != self.nOutputPlane:
            raise torch.TorchError(f"wrong number of input planes. Expected {self.nOutputPlane} "
                                   f"but got {x.shape[axis]}.")
        shape = [1] * x.ndim
        shape[axis] = self.nOutputPlane
        return w.reshape(shape)

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.copyto(arrays.out_like(self.output, input), np.where(x > 0, x, x * self._slopes(x)))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x, go = arrays.input_array(self, input), arrays.grad_array(self, gradOutput, input)
        g = np.where(x > 0, go, go * self._slopes(x))
        np.copyto(arrays.out_like(self.gradInput, input), g)
        return self.gradInput

    def accGradParameters(self, input, gradOutput, scale=1):
        scale = arrays.number_arg(scale)
        x, go = arrays.input_array(self, input), arrays.grad_array(self, gradOutput, input)
        contrib = np.where(x > 0, 0, x * go)
        gw = self.gradWeight._np()
        if self.nOutputPlane == 0:
            gw[0] += scale * contrib.sum()
        else:
            axis = 0 if x.ndim in (1, 3) else 1
            others = tuple(a for a in range(x.ndim) if a != axis)
            gw += scale * contrib.sum(axis=others)
        return ()


class ELU(Module):
    """nn.ELU([alpha=1, inplace=false]): y = x if x > 0, else alpha * (exp(x) - 1).

    Example: print(nn.ELU():forward(torch.Tensor({-1, 2})))
    """

    __typename__ = "nn.ELU"

    def __init__(self, alpha=1.0, inplace=False):
        Module.__init__(self)
        self.alpha = 1.0 if alpha is None else alpha
        self.inplace = bool(inplace)

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        y = np.where(x > 0, x, self.alpha * np.expm1(np.minimum(x, 0)))
        if self.inplace:
            x[...] = y
            self.output.set(input)
        else:
            np.copyto(arrays.out_like(self.output, input), y)
        return self.output

    def updateGradInput(self, input, gradOutput):
        y, go = self.output._np(), arrays.grad_array(self, gradOutput, self.output, "output")
        g = np.where(y > 0, go, go * (y + self.alpha))
        if self.inplace:
            go[...] = g
            self.gradInput.set(gradOutput)
        else:
            np.copyto(arrays.out_like(self.gradInput, self.output), g)
        return self.gradInput

    def __tostring__(self):
        return f"{torch.type(self)} (alpha:{self.alpha:f})"


class HardTanh(Module):
    """nn.HardTanh([min=-1, max=1, inplace=false]): x clamped to [min, max].

    Example: print(nn.HardTanh():forward(torch.Tensor({-3, 0.5, 3})))  -- -1 0.5 1
    """

    __typename__ = "nn.HardTanh"

    def __init__(self, min_value=-1, max_value=1, inplace=False):
        Module.__init__(self)
        self.min_val = -1 if min_value is None else min_value
        self.max_val = 1 if max_value is None else max_value
        self.inplace = bool(inplace)
        if self.max_val <= self.min_val:
            raise torch.TorchError("max_value must be larger than min_value")

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        if self.inplace:
            np.clip(x, self.min_val, self.max_val, out=x)
            self.output.set(input)
        else:
            np.clip(x, self.min_val, self.max_val, out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x, go = arrays.input_array(self, input), arrays.grad_array(self, gradOutput, input)
        inside = (x > self.min_val) & (x < self.max_val)
        if self.inplace:
            go[~inside] = 0
            self.gradInput.set(gradOutput)
        else:
            np.multiply(go, inside, out=arrays.out_like(self.gradInput, input))
        return self.gradInput


class SoftPlus(Module):
    """nn.SoftPlus([beta=1, threshold=20]): y = log(1 + exp(beta * x)) / beta
    (y = x where beta * x > threshold).

    Example: print(nn.SoftPlus():forward(torch.Tensor({0})))  -- 0.6931
    """

    __typename__ = "nn.SoftPlus"

    def __init__(self, beta=1, threshold=20):
        Module.__init__(self)
        self.beta = 1 if beta is None else beta
        self.threshold = 20 if threshold is None else threshold

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        bx = x * self.beta
        y = np.where(bx > self.threshold, x, np.log1p(np.exp(np.minimum(bx, self.threshold))) / self.beta)
        np.copyto(arrays.out_like(self.output, input), y)
        return self.output

    def updateGradInput(self, input, gradOutput):
        y = self.output._np()
        go = arrays.grad_array(self, gradOutput, self.output, "output")
        by = y * self.beta
        z = np.exp(np.minimum(by, self.threshold))
        g = np.where(by > self.threshold, go, go * (z - 1) / z)
        np.copyto(arrays.out_like(self.gradInput, self.output), g)
        return self.gradInput


class SoftSign(Module):
    """nn.SoftSign(): y = x / (1 + |x|).

    Example: print(nn.SoftSign():forward(torch.Tensor({-1, 3})))  -- -0.5 0.75
    """

    __typename__ = "nn.SoftSign"

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.divide(x, 1 + np.abs(x), out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x = arrays.input_array(self, input)
        d = 1 + np.abs(x)
        go = arrays.grad_array(self, gradOutput, input)
        np.divide(go, d * d, out=arrays.out_like(self.gradInput, input))
        return self.gradInput


class LogSigmoid(Module):
    """nn.LogSigmoid(): y = log(1 / (1 + exp(-x))).

    Example: print(nn.LogSigmoid():forward(torch.Tensor({0})))  -- -0.6931
    """

    __typename__ = "nn.LogSigmoid"

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.negative(np.logaddexp(0, -x), out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x = arrays.input_array(self, input)
        # d/dx log(sigmoid(x)) = 1 - sigmoid(x) = sigmoid(-x)
        s = np.exp(-np.logaddexp(0, x))
        go = arrays.grad_array(self, gradOutput, input)
        np.multiply(go, s, out=arrays.out_like(self.gradInput, input))
        return self.gradInput


# ---- SoftMax and relatives ------------------------------------------------------------------

def _class_axis(x):
    # THNN: a vector, a batch of vectors (2-D), maps (3-D: planes first) or batches of
    # maps (4-D): the softmax runs over the vector entries / the planes. An empty
    # tensor has no dimensions in Torch7.
    if x.size == 0:
        raise torch.TorchError("1D, 2D, 3D or 4D tensor expected")
    if x.ndim in (1, 3):
        return 0
    if x.ndim in (2, 4):
        return 1
    raise torch.TorchError("1D, 2D, 3D or 4D tensor expected")


def _softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    e /= e.sum(axis=axis, keepdims=True)
    return e


class SoftMax(Module):
    """nn.SoftMax(): y_i = exp(x_i) / sum_j exp(x_j), over a vector or each row of a batch.

    Example: print(nn.SoftMax():forward(torch.Tensor({1, 2, 3})))
    """

    __typename__ = "nn.SoftMax"

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.copyto(arrays.out_like(self.output, input), _softmax(x, _class_axis(x)))
        return self.output

    def updateGradInput(self, input, gradOutput):
        y = self.output._np()
        go = arrays.grad_array(self, gradOutput, self.output, "output")
        dot = (go * y).sum(axis=_class_axis(y), keepdims=True)
        np.multiply(y, go - dot, out=arrays.out_like(self.gradInput, self.output))
        return self.gradInput


class SoftMin(Module):
    """nn.SoftMin(): SoftMax of -x.

    Example: print(nn.SoftMin():forward(torch.Tensor({1, 2, 3})))
    """

    __typename__ = "nn.SoftMin"

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.copyto(arrays.out_like(self.output, input), _softmax(-x, _class_axis(x)))
        return self.output

    def updateGradInput(self, input, gradOutput):
        y = self.output._np()
        go = arrays.grad_array(self, gradOutput, self.output, "output")
        dot = (go * y).sum(axis=_class_axis(y), keepdims=True)
        np.multiply(y, dot - go, out=arrays.out_like(self.gradInput, self.output))
        return self.gradInput


class LogSoftMax(Module):
    """nn.LogSoftMax(): y_i = x_i - log(sum_j exp(x_j)), over a vector or each row of
    a batch (pair it with nn.ClassNLLCriterion).

    Example: print(nn.LogSoftMax():forward(torch.Tensor({1, 2, 3})))
    """

    __typename__ = "nn.LogSoftMax"

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        axis = _class_axis(x)
        top = x.max(axis=axis, keepdims=True)
        # THNN's order: log-sum = max + log(sum(exp(x - max))), then x - log-sum.
        logsum = top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))
        np.subtract(x, logsum, out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        y = self.output._np()
        go = arrays.grad_array(self, gradOutput, self.output, "output")
        total = go.sum(axis=_class_axis(y), keepdims=True)
        np.subtract(go, np.exp(y) * total, out=arrays.out_like(self.gradInput, self.output))
        return self.gradInput


# ---- simple maths layers ----------------------------------------------------------------------

class Abs(Module):
    """nn.Abs(): y = |x|.

    Example: print(nn.Abs():forward(torch.Tensor({-2, 3})))
    """

    __typename__ = "nn.Abs"

    def updateOutput(self, input):
        np.abs(arrays.input_array(self, input), out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x = arrays.input_array(self, input)
        go = arrays.grad_array(self, gradOutput, input)
        # THNN: the slope at 0 is +1
        np.copyto(arrays.out_like(self.gradInput, input), np.where(x >= 0, go, -go))
        return self.gradInput


class Square(Module):
    """nn.Square(): y = x^2.

    Example: print(nn.Square():forward(torch.Tensor({-2, 3})))
    """

    __typename__ = "nn.Square"

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.multiply(x, x, out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x = arrays.input_array(self, input)
        go = arrays.grad_array(self, gradOutput, input)
        np.multiply(go, 2 * x, out=arrays.out_like(self.gradInput, input))
        return self.gradInput


class Sqrt(Module):
    """nn.Sqrt([b=0]): y = sqrt(x + b).

    Example: print(nn.Sqrt():forward(torch.Tensor({4, 9})))  -- 2 3
    """

    __typename__ = "nn.Sqrt"

    def __init__(self, b=0):
        Module.__init__(self)
        self.eps = b or 0

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.sqrt(x + self.eps, out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        y = self.output._np()
        go = arrays.grad_array(self, gradOutput, self.output, "output")
        safe = np.where(y == 0, 1, y)
        np.copyto(arrays.out_like(self.gradInput, self.output), np.where(y == 0, 0, 0.5 * go / safe))
        return self.gradInput


class Power(Module):
    """nn.Power(p): y = x^p.

    Example: print(nn.Power(3):forward(torch.Tensor({2})))  -- 8
    """

    __typename__ = "nn.Power"

    def __init__(self, p):
        Module.__init__(self)
        self.pow = p
        if p is None:
            raise torch.TorchError("nn.Power(power) needs a power")

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        np.power(x, self.pow, out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x = arrays.input_array(self, input)
        g = arrays.grad_array(self, gradOutput, input) * self.pow * np.power(x, self.pow - 1)
        np.copyto(arrays.out_like(self.gradInput, input), g)
        return self.gradInput


class Exp(Module):
    """nn.Exp(): y = exp(x).

    Example: print(nn.Exp():forward(torch.Tensor({0, 1})))
    """

    __typename__ = "nn.Exp"

    def updateOutput(self, input):
        np.exp(arrays.input_array(self, input), out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        y = self.output._np()
        go = arrays.grad_array(self, gradOutput, self.output, "output")
        np.multiply(go, y, out=arrays.out_like(self.gradInput, self.output))
        return self.gradInput


class Log(Module):
    """nn.Log(): y = log(x).

    Example: print(nn.Log():forward(torch.Tensor({1, 10})))
    """

    __typename__ = "nn.Log"

    def updateOutput(self, input):
        np.log(arrays.input_array(self, input), out=arrays.out_like(self.output, input))
        return self.output

    def updateGradInput(self, input, gradOutput):
        x = arrays.input_array(self, input)
        go = arrays.grad_array(self, gradOutput, input)
        np.divide(go, x, out=arrays.out_like(self.gradInput, input))
        return self.gradInput


class _ConstantOp(Module):
    """What MulConstant and AddConstant share: a number c, an in-place flag, and the
    forward pass y = op(x, c) (op: the class's numpy ufunc)."""

    _ufunc = None

    def __init__(self, constant_scalar=None, ip=False):
        Module.__init__(self)
        if not isinstance(constant_scalar, (int, float)) or isinstance(constant_scalar, bool):
            raise torch.TorchError("input is not scalar!")
        self.constant_scalar = constant_scalar
        self.inplace = bool(ip)

    def updateOutput(self, input):
        x = arrays.input_array(self, input)
        if self.inplace:
            self._ufunc(x, self.constant_scalar, out=x)
            self.output.set(input)
        else:
            self._ufunc(x, self.constant_scalar, out=arrays.out_like(self.output, input))
        return self.output


class MulConstant(_ConstantOp):
    """nn.MulConstant(c [, inplace=false]): y = c * x.

    Example: print(nn.MulConstant(2):forward(torch.Tensor({1, 2})))  -- 2 4
    """

    __typename__ = "nn.MulConstant"
    _ufunc = np.multiply

    def updateGradInput(self, input, gradOutput):
        arrays.grad_array(self, gradOutput, arrays.check_input(self, input))
        if self.inplace:
            gradOutput.mul(self.constant_scalar)
            self.gradInput.set(gradOutput)
            input.div(self.constant_scalar)         # give the caller its input back
        else:
            np.multiply(gradOutput._np(), self.constant_scalar,
                        out=arrays.out_like(self.gradInput, gradOutput))
        return self.gradInput


class AddConstant(_ConstantOp):
    """nn.AddConstant(c [, inplace=false]): y = x + c.

    Example: print(nn.AddConstant(1):forward(torch.Tensor({1, 2})))  -- 2 3
    """

    __typename__ = "nn.AddConstant"
    _ufunc = np.add

    def updateGradInput(self, input, gradOutput):
        arrays.grad_array(self, gradOutput, arrays.check_input(self, input))
        if self.inplace:
            self.gradInput.set(gradOutput)
            input.add(-self.constant_scalar)        # give the caller its input back
        else:
            np.copyto(arrays.out_like(self.gradInput, gradOutput), gradOutput._np())
        return self.gradInput


def _g(v):
    """C's %g (Lua's string.format('%g'))."""
    return "%g" % v


__all__ = ["Sigmoid", "Tanh", "Threshold", "ReLU", "ReLU6", "LeakyReLU", "PReLU", "ELU",
           "HardTanh", "SoftPlus", "SoftSign", "LogSigmoid", "SoftMax", "SoftMin",
           "LogSoftMax", "Abs", "Square", "Sqrt", "Power", "Exp", "Log", "MulConstant",
           "AddConstant"]
