"""The golden transcripts' Lua programs, written as the same calls from Python.

Each function returns what the Lua script prints (tostring of tensors plus the th
`print` rules: a tensor is followed by a blank line, scalars end with a tab). They let
the golden files be checked before (and independently of) the Lua engine.
"""
import math

from th import torch


def _fmt_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if v == math.floor(v) and abs(v) < 1e15:
            return str(int(v))
        return "%.14g" % v
    return str(v)


def th_print(out, *values):
    """th's pretty print: objects through tostring plus newline, scalars tab-separated."""
    line = []
    for v in values:
        if isinstance(v, (int, float, bool, str)) or v is None:
            line.append(_fmt_scalar(v) + "\t")
        else:
            if line:
                out.append("".join(line))
                line = []
            out.append(str(v) + "\n")
    if line:
        out.append("".join(line) + "\n")


def printing_lua():
    out = []
    p = lambda *v: th_print(out, *v)  # noqa: E731
    T = torch.Tensor
    p(T([1, 2, 3]))
    p(T([[1.5, -2.25], [3, 4]]))
    p(T([[0.001, 0.002], [0.003, 0.004]]))
    p(T([1e-5, 1]))
    p(T([100, -5]))
    p(T([123456.7, 100000]))
    p(T([0.5, 12.25, 300.125]))
    p(T([1e10, 2]))
    p(torch.zeros(2, 3))
    p(torch.range(1, 8).view(2, 2, 1, 2))
    p(torch.range(1, 60).view(2, 30).long())
    p(torch.linspace(0, 1, 12).view(1, 12))
    p(torch.range(1, 24).view(2, 3, 4))
    p(T())
    p(T([1, 2, 3]).gt(2))
    p(torch.LongStorage([2, 3]))
    p(torch.DoubleStorage([0.5, 1.5]))
    p(torch.zeros(2, 4).__lua_len__())
    p(torch.zeros(3, 4).size())
    p(torch.eye(3))
    p(T([-0.0001, 0.0002]))
    p(T([math.inf, 1]))
    p(torch.FloatTensor([1.25, 2.5]))
    p(torch.IntTensor([-3, 40]))
    p(torch.ByteTensor([255, 0]))
    p(T([[1, 2], [3, 4]]).t())
    p(T([3.14159]))
    p(torch.range(3, 8))
    p(torch.logspace(0, 3, 4))
    return "".join(out)


def rng_lua():
    out = []
    p = lambda *v: th_print(out, *v)  # noqa: E731
    torch.manualSeed(1)
    p(torch.rand(5))
    p(torch.randn(5))
    torch.manualSeed(1)
    p(torch.randn(3, 4))
    torch.manualSeed(123)
    p(torch.Tensor(4).uniform(-1, 1))
    p(torch.Tensor(4).normal(10, 2))
    p(torch.Tensor(6).bernoulli(0.3))
    p(torch.randperm(8))
    p(torch.Tensor(5).random(1, 100))
    p(torch.uniform(), torch.normal(), torch.random(1, 6))
    torch.manualSeed(7)
    p(torch.Tensor(3).exponential(1.5))
    p(torch.Tensor(3).geometric(0.25))
    p(torch.Tensor(3).cauchy(0, 1))
    p(torch.Tensor(3).logNormal(0, 0.5))
    p(torch.initialSeed())
    state = torch.getRNGState()
    a = torch.rand(3)
    torch.setRNGState(state)
    b = torch.rand(3)
    p(torch.equal(a, b))
    torch.manualSeed(42)
    p(torch.multinomial(torch.Tensor([0.1, 0.2, 0.7]), 5, True))
    return "".join(out)
