"""Criterions (losses): nn.Criterion and MSE, Abs, SmoothL1, ClassNLL, CrossEntropy,
BCE, DistKLDiv, Margin, MultiMargin, HingeEmbedding, CosineEmbedding, MarginRanking,
MultiCriterion, ParallelCriterion.

`forward(input, target)` returns the loss (a number, also kept in `output`);
`backward(input, target)` returns dloss/dinput (kept in `gradInput`). `sizeAverage`
(default true) divides by the number of elements, or of samples for the
classification criterions, as each of Torch7's does; `weights` rescale classes.
"""

import numpy as np

from th import torch
from th.lua.runtime import first
from th.lua.table import LuaTable
from th.nn import arrays
from th.nn.module import clear, field_order, recursive_type
from th.torch.classes import TorchObject
from th.torch.errors import TorchError


class Criterion(TorchObject):
    """nn.Criterion(): the abstract base of losses: forward(input, target) gives the
    loss, backward(input, target) its gradient with respect to input.

    Example: crit = nn.MSECriterion(); loss = crit:forward(torch.ones(2), torch.zeros(2))
    """

    __typename__ = "nn.Criterion"

    def __init__(self, *args):
        self.gradInput = torch.Tensor()
        self.output = 0

    def updateOutput(self, input, target):
        """crit:updateOutput(input, target): compute self.output (criterions override this).

        Example: loss = crit:updateOutput(x, y)
        """
        return ()

    def updateGradInput(self, input, target):
        """crit:updateGradInput(input, target): compute self.gradInput.

        Example: g = crit:updateGradInput(x, y)
        """
        return ()

    def forward(self, input=None, target=None, *_):
        """crit:forward(input, target): the loss (a number).

        Example: print(nn.MSECriterion():forward(torch.Tensor({1, 2}), torch.Tensor({1, 1})))  -- 0.5
        """
        return self.updateOutput(input, target)

    def backward(self, input=None, target=None, *_):
        """crit:backward(input, target): the gradient of the loss with respect to input.

        Example: g = nn.MSECriterion():backward(torch.Tensor({1, 2}), torch.Tensor({1, 1}))
        """
        return self.updateGradInput(input, target)

    def __call__(self, input, target):
        """crit(input, target): forward then backward; returns loss, gradInput.

        Example: loss, g = crit(x, y)
        """
        self.output = first(self.forward(input, target))
        self.gradInput = first(self.backward(input, target))
        return self.output, self.gradInput

    def clone(self, *_):
        """crit:clone(): a deep copy. Example: c2 = crit:clone()"""
        from th.nn.module import deep_copy
        return deep_copy(self, {})

    def type(self, typename=None, tensorCache=None):
        """crit:type(typename): convert the criterion's tensors; returns crit.

        Example: crit:type('torch.FloatTensor')
        """
        if typename is None:
            raise TorchError("Criterion: must provide a type to convert to")
        cache = {} if tensorCache is None else tensorCache
        for key, value in list(self.__dict__.items()):
            self.__dict__[key] = recursive_type(value, typename, cache)
        return self

    def float(self, *_):
        """crit:float(): crit converted to FloatTensors. Example: crit:float()"""
        return self.type("torch.FloatTensor")

    def double(self, *_):
        """crit:double(): crit converted to DoubleTensors. Example: crit:double()"""
        return self.type("torch.DoubleTensor")

    def clearState(self, *_):
        """crit:clearState(): empty gradInput; returns crit. Example: crit:clearState()"""
        return clear(self, "gradInput")


def _size_average(value):
    return True if value is None else bool(value)


def _pair(crit, input, target):
    """numpy views of input and target (same element count, target shaped as input)."""
    x = arrays.check_tensor(input)._np()
    t = arrays.check_tensor(target, "target")._np()
    if t.size != x.size:
        raise TorchError(f"input and target size mismatch (input has {x.size} elements, "
                         f"target has {t.size})")
    return x, t.reshape(x.shape)


class _Elementwise(Criterion):
    """A loss that is a sum over elements, divided by their count when sizeAverage."""

    def __init__(self, sizeAverage=None):
        Criterion.__init__(self)
        self.sizeAverage = _size_average(sizeAverage)
        field_order(self, ("gradInput", "sizeAverage", "output"))     # as `{loss}` listed

    def updateOutput(self, input, target):
        x, t = _pair(self, input, target)
        total = float(self._loss(x, t).sum())
        self.output = total / x.size if self.sizeAverage else total
        return self.output

    def updateGradInput(self, input, target):
        x, t = _pair(self, input, target)
        g = self._grad(x, t)
        if self.sizeAverage:
            g = g / x.size
        np.copyto(arrays.out_like(self.gradInput, input), g)
        return self.gradInput


class MSECriterion(_Elementwise):
    """nn.MSECriterion([sizeAverage=true]): sum (x - y)^2 (divided by the element count).

    Example: print(nn.MSECriterion():forward(torch.Tensor({1, 2, 3}), torch.Tensor({1, 1, 1})))  -- 1.6667
    """

    __typename__ = "nn.MSECriterion"

    def _loss(self, x, t):
        d = x - t
        return d * d

    def _grad(self, x, t):
        return 2 * (x - t)


class AbsCriterion(_Elementwise):
    """nn.AbsCriterion([sizeAverage=true]): sum |x - y| (divided by the element count).

    Example: print(nn.AbsCriterion():forward(torch.Tensor({1, 3}), torch.Tensor({2, 2})))  -- 1
    """

    __typename__ = "nn.AbsCriterion"

    def _loss(self, x, t):
        return np.abs(x - t)

    def _grad(self, x, t):
        return np.sign(x - t)


class SmoothL1Criterion(_Elementwise):
    """nn.SmoothL1Criterion([sizeAverage=true]): sum of 0.5 d^2 where |d| < 1, else |d| - 0.5
    (d = x - y; the Huber loss).

    Example: print(nn.SmoothL1Criterion():forward(torch.Tensor({0, 3}), torch.Tensor({0.5, 0})))
    """

    __typename__ = "nn.SmoothL1Criterion"

    def _loss(self, x, t):
        d = np.abs(x - t)
        return np.where(d < 1, 0.5 * d * d, d - 0.5)

    def _grad(self, x, t):
        d = x - t
        return np.where(np.abs(d) < 1, d, np.sign(d))


class DistKLDivCriterion(_Elementwise):
    """nn.DistKLDivCriterion([sizeAverage=true]): the Kullback-Leibler divergence
    sum y * (log y - x) of target probabilities y from log-probabilities x.

    Example: print(nn.DistKLDivCriterion():forward(torch.log(torch.Tensor({0.5, 0.5})), torch.Tensor({0.9, 0.1})))
    """

    __typename__ = "nn.DistKLDivCriterion"

    def _loss(self, x, t):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(t > 0, t * (np.log(np.where(t > 0, t, 1)) - x), 0)

    def _grad(self, x, t):
        return np.where(t > 0, -t, 0)


class MarginCriterion(_Elementwise):
    """nn.MarginCriterion([margin=1]): the two-class hinge loss sum max(0, margin - x*y)
    for targets y = 1 or -1 (divided by the element count).

    Example: print(nn.MarginCriterion():forward(torch.Tensor({0.5, -2}), torch.Tensor({1, -1})))  -- 0.25
    """

    __typename__ = "nn.MarginCriterion"

    def __init__(self, margin=None):
        _Elementwise.__init__(self)
        self.margin = 1 if margin is None else margin

    def _loss(self, x, t):
        return np.maximum(0, self.margin - x * t)

    def _grad(self, x, t):
        return np.where(x * t < self.margin, -t, 0)


# ---- classification -----------------------------------------------------------------------

def _class_targets(target, nframe):
    """Class numbers (0-based int array) from a number or a tensor of them."""
    if isinstance(target, (int, float)) and not isinstance(target, bool):
        t = np.array([target])
    else:
        t = arrays.check_tensor(target, "target")._np().reshape(-1)
    if t.size != nframe:
        raise TorchError("inconsistent target size")
    return t.astype(np.int64) - 1


class ClassNLLCriterion(Criterion):
    """nn.ClassNLLCriterion([weights, sizeAverage=true, ignoreIndex]): the negative
    log-likelihood -x[class] of log-probabilities x (a vector, or a batch with a
    tensor of class numbers); forward also returns the total weight.

    Example: print(nn.ClassNLLCriterion():forward(torch.log(torch.Tensor({0.2, 0.8})), 2))
    """

    __typename__ = "nn.ClassNLLCriterion"

    def __init__(self, weights=None, sizeAverage=None, ignoreIndex=None):
        Criterion.__init__(self)
        self.sizeAverage = _size_average(sizeAverage)
        self.ignoreIndex = -100 if ignoreIndex is None else ignoreIndex
        if weights is not None:
            if weights.dim() != 1:
                raise TorchError("weights input should be 1-D Tensor")
            self.weights = weights
        self.output_tensor = torch.zeros(1)
        self.total_weight_tensor = torch.ones(1)
        self.target = torch.zeros(1).long()

    def _prepare(self, input, target):
        x = arrays.check_tensor(input)._np()
        if input.dim() not in (1, 2):
            raise TorchError("input tensor should be 1D or 2D")
        rows = x.reshape(1, -1) if x.ndim == 1 else x
        t = _class_targets(target, rows.shape[0])
        keep = t != self.ignoreIndex - 1
        if ((t[keep] < 0) | (t[keep] >= rows.shape[1])).any():
            raise TorchError("target out of bounds")
        weights = self.__dict__.get("weights")
        w = np.ones(t.shape) if weights is None else weights._np()[np.where(keep, t, 0)]
        w = np.where(keep, w, 0)
        return rows, np.where(keep, t, 0), w

    def updateOutput(self, input, target):
        rows, t, w = self._prepare(input, target)
        total_weight = float(w.sum())
        loss = -float((rows[np.arange(rows.shape[0]), t] * w).sum())
        if self.sizeAverage and total_weight != 0:
            loss /= total_weight
        self.output_tensor[1] = loss
        self.total_weight_tensor[1] = total_weight
        self.output = loss
        return self.output, total_weight

    def updateGradInput(self, input, target):
        rows, t, w = self._prepare(input, target)
        g = np.zeros(rows.shape)
        scale = -w
        if self.sizeAverage:
            total = w.sum()
            if total != 0:
                scale = scale / total
        g[np.arange(rows.shape[0]), t] = scale
        np.copyto(arrays.out_like(self.gradInput, input), g.reshape(input._np().shape))
        return self.gradInput


class CrossEntropyCriterion(Criterion):
    """nn.CrossEntropyCriterion([weights, sizeAverage=true]): LogSoftMax then
    ClassNLLCriterion, on raw scores.

    Example: print(nn.CrossEntropyCriterion():forward(torch.Tensor({1, 2, 3}), 3))  -- 0.4076
    """

    __typename__ = "nn.CrossEntropyCriterion"

    def __init__(self, weights=None, sizeAverage=None):
        from th.nn.activation import LogSoftMax
        Criterion.__init__(self)
        self.lsm = LogSoftMax()
        self.nll = ClassNLLCriterion(weights, sizeAverage)
        self.sizeAverage = self.nll.sizeAverage

    @staticmethod
    def _squeezed(input, target):
        x = arrays.check_tensor(input).squeeze()
        if not arrays.is_tensor(x):                 # a single score left
            x = input.view(1)
        if not isinstance(target, (int, float)):
            target = arrays.check_tensor(target, "target").squeeze()
        return x, target

    def updateOutput(self, input, target):
        x, target = self._squeezed(input, target)
        self.nll.sizeAverage = self.sizeAverage
        self.lsm.updateOutput(x)
        self.nll.updateOutput(self.lsm.output, target)
        self.output = self.nll.output
        return self.output

    def updateGradInput(self, input, target):
        x, target = self._squeezed(input, target)
        size = input.size()
        self.nll.sizeAverage = self.sizeAverage
        self.nll.updateGradInput(self.lsm.output, target)
        self.lsm.updateGradInput(x, self.nll.gradInput)
        self.gradInput.view(self.lsm.gradInput, size)
        return self.gradInput


class BCECriterion(Criterion):
    """nn.BCECriterion([weights, sizeAverage=true]): the binary cross-entropy
    -sum w * (y log(x) + (1 - y) log(1 - x)) for probabilities x (1e-12 guards the logs).

    Example: print(nn.BCECriterion():forward(torch.Tensor({0.2, 0.9}), torch.Tensor({0, 1})))  -- 0.1643
    """

    __typename__ = "nn.BCECriterion"
    _EPS = 1e-12

    def __init__(self, weights=None, sizeAverage=None):
        Criterion.__init__(self)
        self.sizeAverage = _size_average(sizeAverage)
        if weights is not None:
            if weights.dim() != 1:
                raise TorchError("weights input should be 1D Tensor")
            self.weights = weights

    def _weights(self, x):
        weights = self.__dict__.get("weights")
        if weights is None:
            return 1
        w = weights._np()
        return w.reshape(1, -1) if x.ndim > 1 else w.reshape(x.shape)

    def updateOutput(self, input, target):
        x, t = _pair(self, input, target)
        eps = self._EPS
        loss = -(self._weights(x) * (t * np.log(x + eps) + (1 - t) * np.log(1 - x + eps))).sum()
        self.output = float(loss) / x.size if self.sizeAverage else float(loss)
        return self.output

    def updateGradInput(self, input, target):
        x, t = _pair(self, input, target)
        eps = self._EPS
        g = -self._weights(x) * (t - x) / ((1 - x + eps) * (x + eps))
        if self.sizeAverage:
            g = g / x.size
        np.copyto(arrays.out_like(self.gradInput, input), g)
        return self.gradInput


class MultiMarginCriterion(Criterion):
    """nn.MultiMarginCriterion([p=1, weights, margin=1]): the multi-class hinge loss
    sum over i ~= y of max(0, margin - x[y] + x[i])^p / #classes.

    Example: print(nn.MultiMarginCriterion():forward(torch.Tensor({0.1, 0.8, 0.3}), 2))
    """

    __typename__ = "nn.MultiMarginCriterion"

    def __init__(self, p=None, weights=None, margin=None):
        Criterion.__init__(self)
        p = 1 if p is None else p
        if p not in (1, 2):
            raise TorchError("only p == 1 and p == 2 supported")
        self.p = p
        self.margin = 1 if margin is None else margin
        self.sizeAverage = True
        if weights is not None:
            if weights.dim() != 1:
                raise TorchError("weights input should be 1-D Tensor")
            self.weights = weights

    def _terms(self, input, target):
        x = arrays.check_tensor(input)._np()
        if input.dim() not in (1, 2):
            raise TorchError("vector or matrix expected")
        rows = x.reshape(1, -1) if x.ndim == 1 else x
        t = _class_targets(target, rows.shape[0])
        if ((t < 0) | (t >= rows.shape[1])).any():
            raise TorchError("target out of range")
        n = np.arange(rows.shape[0])
        z = self.margin - rows[n, t][:, None] + rows
        z[n, t] = 0
        z = np.maximum(z, 0)
        weights = self.__dict__.get("weights")
        w = 1 if weights is None else weights._np()[t][:, None]
        return rows, t, n, z, w

    def updateOutput(self, input, target):
        rows, t, n, z, w = self._terms(input, target)
        total = float((w * (z if self.p == 1 else z * z)).sum()) / rows.shape[1]
        self.output = total / rows.shape[0] if self.sizeAverage else total
        return self.output

    def updateGradInput(self, input, target):
        rows, t, n, z, w = self._terms(input, target)
        g = 1 / (rows.shape[1] * (rows.shape[0] if self.sizeAverage else 1))
        h = np.where(z > 0, g if self.p == 1 else 2 * g * z, 0) * w
        h[n, t] = 0
        h[n, t] = -h.sum(axis=1)
        np.copyto(arrays.out_like(self.gradInput, input), h.reshape(input._np().shape))
        return self.gradInput


# ---- embeddings and rankings ----------------------------------------------------------------

def _signs(target, like):
    """The +1/-1 targets as an array shaped like `like` (a number or a tensor)."""
    if isinstance(target, (int, float)) and not isinstance(target, bool):
        return np.full(like.shape, float(target))
    t = arrays.check_tensor(target, "target")._np()
    if t.size != like.size:
        raise TorchError(f"input and target size mismatch (input has {like.size} elements, "
                         f"target has {t.size})")
    return t.reshape(like.shape)


def _two_tensors(crit, input):
    """The tensors {x1, x2} of an embedding or ranking criterion's input, of one size."""
    a, b = arrays.tensor_items(crit, input, 1, 2)[:2]
    arrays.like_array(a, b)
    return a, b


class HingeEmbeddingCriterion(Criterion):
    """nn.HingeEmbeddingCriterion([margin=1]): x where y = 1, max(0, margin - x) where
    y = -1 (x: distances, e.g. from nn.PairwiseDistance).

    Example: print(nn.HingeEmbeddingCriterion(1):forward(torch.Tensor({0.3, 0.2}), torch.Tensor({1, -1})))  -- 0.55
    """

    __typename__ = "nn.HingeEmbeddingCriterion"

    def __init__(self, margin=None):
        Criterion.__init__(self)
        self.margin = 1 if margin is None else margin
        self.sizeAverage = True

    def updateOutput(self, input, target):
        x = arrays.check_tensor(input)._np()
        y = _signs(target, x)
        total = float(np.where(y == -1, 0, x).sum() +
                      np.where(y == 1, 0, np.maximum(self.margin - x, 0)).sum())
        self.output = total / x.size if self.sizeAverage is not False else total
        return self.output

    def updateGradInput(self, input, target):
        x = arrays.check_tensor(input)._np()
        y = _signs(target, x)
        g = np.where((y == -1) & (x > self.margin), 0, y)
        if self.sizeAverage is not False:
            g = g / x.size
        np.copyto(arrays.out_like(self.gradInput, input), g)
        return self.gradInput


class CosineEmbeddingCriterion(Criterion):
    """nn.CosineEmbeddingCriterion([margin=0]): for {x1, x2} and y, 1 - cos(x1, x2)
    where y = 1 and max(0, cos(x1, x2) - margin) where y = -1.

    Example: print(nn.CosineEmbeddingCriterion():forward({torch.Tensor({1, 0}), torch.Tensor({1, 1})}, 1))
    """

    __typename__ = "nn.CosineEmbeddingCriterion"
    _EPS = 1e-12

    def __init__(self, margin=None):
        Criterion.__init__(self)
        self.margin = 0 if margin is None else margin
        self.gradInput = LuaTable.from_list([torch.Tensor(), torch.Tensor()])
        self.sizeAverage = True

    def _terms(self, input, target):
        a, b = _two_tensors(self, input)
        if a.dim() == 0:
            raise TorchError("input tensors should not be empty")
        x1 = a._np().reshape(-1, a._np().shape[-1])
        x2 = b._np().reshape(x1.shape)
        w1 = (x1 * x2).sum(axis=1)
        w22 = (x1 * x1).sum(axis=1) + self._EPS
        w32 = (x2 * x2).sum(axis=1) + self._EPS
        cos = w1 / np.sqrt(w22 * w32)
        y = _signs(target, cos)
        losses = np.where(y == -1, np.maximum(cos - self.margin, 0), 1 - cos)
        return a, b, x1, x2, w1, w22, w32, y, losses

    def updateOutput(self, input, target):
        *_, y, losses = self._terms(input, target)
        total = float(losses.sum())
        self.output = total / y.size if self.sizeAverage else total
        return self.output

    def updateGradInput(self, input, target):
        a, b, x1, x2, w1, w22, w32, y, losses = self._terms(input, target)
        w = (1 / np.sqrt(w22 * w32))[:, None]
        g1 = (x2 - (w1 / w22)[:, None] * x1) * w
        g2 = (x1 - (w1 / w32)[:, None] * x2) * w
        live = (losses > 0)[:, None]
        sign = np.where(y == 1, -1.0, 1.0)[:, None]
        scale = 1 / y.size if self.sizeAverage else 1
        g1, g2 = g1 * live * sign * scale, g2 * live * sign * scale
        grads = self.gradInput
        np.copyto(arrays.out_like(grads[1], a), g1.reshape(a._np().shape))
        np.copyto(arrays.out_like(grads[2], b), g2.reshape(b._np().shape))
        return self.gradInput


class MarginRankingCriterion(Criterion):
    """nn.MarginRankingCriterion([margin=1]): max(0, -y * (x1 - x2) + margin) for
    {x1, x2} (1-element tensors with y a number, or batches with y a tensor).

    Example: print(nn.MarginRankingCriterion(0.5):forward({torch.Tensor({1}), torch.Tensor({2})}, 1))  -- 1.5
    """

    __typename__ = "nn.MarginRankingCriterion"

    def __init__(self, margin=None):
        Criterion.__init__(self)
        self.margin = 1 if margin is None else margin
        self.gradInput = LuaTable.from_list([torch.Tensor(1), torch.Tensor(1)])
        self.sizeAverage = True

    def _dist(self, input, target):
        a, b = _two_tensors(self, input)
        if isinstance(target, (int, float)):
            x1, x2 = a._np().reshape(-1)[:1], b._np().reshape(-1)[:1]
        else:
            x1, x2 = a._np().reshape(-1), b._np().reshape(-1)
        y = _signs(target, x1)
        return a, b, y, -y * (x1 - x2) + self.margin

    def updateOutput(self, input, target):
        _, _, y, dist = self._dist(input, target)
        total = float(np.maximum(dist, 0).sum())
        batch = not isinstance(target, (int, float))
        self.output = total / y.size if batch and self.sizeAverage else total
        return self.output

    def updateGradInput(self, input, target):
        a, b, y, dist = self._dist(input, target)
        batch = not isinstance(target, (int, float))
        mask = (dist >= 0) if batch else (dist >= 0).repeat(1)
        g1 = np.where(mask, -y, 0.0)
        if batch and self.sizeAverage:
            g1 = g1 / y.size
        shape = a._np().shape if batch else (1,)
        np.copyto(arrays.out(self.gradInput[1], shape), g1.reshape(shape))
        np.copyto(arrays.out(self.gradInput[2], shape), -g1.reshape(shape))
        return self.gradInput


# ---- combinations ------------------------------------------------------------------------------

def _zero_like(value):
    """nn.utils.recursiveResizeAs + fill(0): zeros shaped like a tensor or table (of
    the default type for a tensor of integers, as Torch7 resized its own gradInput)."""
    if arrays.is_table(value):
        return LuaTable.from_list([_zero_like(v) for v in arrays.items(value)])
    if not arrays.is_tensor(value):
        raise TorchError(f"expecting nested tensors or tables. Got {torch.type(value)} "
                         f"instead")
    zeros = arrays.new(value) if value._type.is_float else torch.Tensor()
    return zeros.resizeAs(value).zero()


def _add_into(dst, weight, src):
    """nn.utils.recursiveAdd: dst += weight * src, tensors or (nested) tables."""
    if arrays.is_table(dst):
        for d, s in zip(arrays.items(dst), arrays.items(src)):
            _add_into(d, weight, s)
    else:
        arrays.axpy(dst, weight, src)


class MultiCriterion(Criterion):
    """nn.MultiCriterion(): a weighted sum of criterions applied to the same input and
    target; add(criterion [, weight=1]) adds one.

    Example: mc = nn.MultiCriterion():add(nn.MSECriterion()):add(nn.AbsCriterion(), 0.5)
    """

    __typename__ = "nn.MultiCriterion"

    def __init__(self):
        Criterion.__init__(self)
        self.criterions = LuaTable()
        self.weights = torch.DoubleStorage()

    def add(self, criterion, weight=1):
        """mc:add(criterion [, weight=1]): add a weighted criterion; returns mc.

        Example: mc:add(nn.MSECriterion(), 2)
        """
        self.criterions.arr.append(criterion)
        w = self.weights.tolist() + [1 if weight is None else weight]
        self.weights = torch.DoubleStorage(w)
        return self

    def updateOutput(self, input, target):
        self.output = 0
        for i, c in enumerate(self.criterions.arr, 1):
            self.output += self.weights[i] * first(c.updateOutput(input, target))
        return self.output

    def updateGradInput(self, input, target):
        self.gradInput = _zero_like(input)
        for i, c in enumerate(self.criterions.arr, 1):
            _add_into(self.gradInput, self.weights[i], first(c.updateGradInput(input, target)))
        return self.gradInput


class ParallelCriterion(Criterion):
    """nn.ParallelCriterion([repeatTarget=false]): a weighted sum of criterions, the i-th
    applied to input[i] and target[i] (or to the same target when repeatTarget).

    Example: pc = nn.ParallelCriterion():add(nn.MSECriterion()):add(nn.ClassNLLCriterion(), 0.5)
    """

    __typename__ = "nn.ParallelCriterion"

    def __init__(self, repeatTarget=False):
        Criterion.__init__(self)
        self.criterions = LuaTable()
        self.weights = LuaTable()
        self.gradInput = LuaTable()
        self.repeatTarget = bool(repeatTarget)

    def add(self, criterion, weight=1):
        """pc:add(criterion [, weight=1]): add a weighted criterion; returns pc.

        Example: pc:add(nn.MSECriterion(), 2)
        """
        self.criterions.arr.append(criterion)
        self.weights.arr.append(1 if weight is None else weight)
        return self

    def _items(self, input, target):
        """The inputs and the targets, one per criterion (target itself when repeated)."""
        n = len(self.criterions.arr)
        inputs = arrays.table_items(self, input, 1, n)
        targets = [target] * n if self.repeatTarget else arrays.table_items(self, target, 2, n)
        return inputs, targets

    def updateOutput(self, input, target):
        self.output = 0
        inputs, targets = self._items(input, target)
        for i, c in enumerate(self.criterions.arr, 1):
            loss = first(c.updateOutput(inputs[i - 1], targets[i - 1]))
            self.output += self.weights[i] * loss
        return self.output

    def updateGradInput(self, input, target):
        inputs, targets = self._items(input, target)
        self.gradInput = _zero_like(input)
        for i, c in enumerate(self.criterions.arr, 1):
            g = first(c.updateGradInput(inputs[i - 1], targets[i - 1]))
            _add_into(self.gradInput[i], self.weights[i], g)
        return self.gradInput


__all__ = ["Criterion", "MSECriterion", "AbsCriterion", "SmoothL1Criterion",
           "ClassNLLCriterion", "CrossEntropyCriterion", "BCECriterion",
           "DistKLDivCriterion", "MarginCriterion", "MultiMarginCriterion",
           "HingeEmbeddingCriterion", "CosineEmbeddingCriterion", "MarginRankingCriterion",
           "MultiCriterion", "ParallelCriterion"]
