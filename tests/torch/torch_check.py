"""check_op: run a torch op and its numpy oracle over shapes, types and layouts.

Each input is made three ways: contiguous, transposed (a non-contiguous view whose
elements are in another order) and narrowed out of a bigger tensor (an offset and gaps).
The op is called in Torch7's forms (torch.f(t, ...), torch.f(res, t, ...), t:f(...) in
place) and every result is compared with the numpy oracle.
"""
import numpy as np

from th import torch

SHAPES = [(5,), (3, 4), (2, 3, 4)]
FLOAT_TYPES = ["torch.DoubleTensor", "torch.FloatTensor"]
ALL_TYPES = FLOAT_TYPES + ["torch.LongTensor", "torch.IntTensor", "torch.ShortTensor"]
LAYOUTS = ["contiguous", "transposed", "narrowed"]

_rng = np.random.RandomState(1234)


def values(shape, typename, low=-3.0, high=3.0):
    a = _rng.uniform(low, high, size=shape)
    if not typename.startswith(("torch.Double", "torch.Float")):
        a = np.round(a)
    return a


def tensor_from(a, typename, layout):
    """A tensor holding array a's values, laid out as `layout` says (1-D arrays cannot
    be transposed: they are narrowed instead)."""
    cls = torch.getmetatable(typename)
    if layout == "transposed" and a.ndim >= 2:
        t = cls(np.swapaxes(a, 0, a.ndim - 1).tolist()).transpose(1, a.ndim)
        assert not t.isContiguous()
        return t
    if layout in ("narrowed", "transposed"):
        t = cls(*[s + 2 for s in a.shape]).fill(99)
        for d, s in enumerate(a.shape):
            t = t.narrow(d + 1, 2, s)
        t.copy(cls(a.tolist()))
        return t
    return cls(a.tolist())


def assert_close(t, expected, typename, rtol=1e-6, atol=1e-6):
    got = t.numpy() if hasattr(t, "numpy") else np.asarray(t)
    exp = np.asarray(expected)
    if typename == "torch.FloatTensor":
        rtol, atol = max(rtol, 2e-5), max(atol, 2e-5)
    assert got.shape == exp.shape, (got.shape, exp.shape)
    np.testing.assert_allclose(got, exp.astype(got.dtype) if got.dtype.kind in "iu" else exp,
                               rtol=rtol, atol=atol, equal_nan=True)


def check_unary(name, oracle, typenames=FLOAT_TYPES, low=-3.0, high=3.0):
    """torch.f(t), torch.f(res, t), t:f() and res:f(t) against oracle(array)."""
    for typename in typenames:
        for shape in SHAPES:
            for layout in LAYOUTS:
                a = values(shape, typename, low, high)
                expected = oracle(a)
                t = tensor_from(a, typename, layout)
                assert_close(getattr(torch, name)(t), expected, typename)
                res = torch.getmetatable(typename)()
                out = getattr(torch, name)(res, t)
                assert out is res
                assert_close(res, expected, typename)
                r2 = torch.getmetatable(typename)()
                getattr(r2, name)(t)
                assert_close(r2, expected, typename)
                getattr(t, name)()
                assert_close(t, expected, typename)


def check_binary(name, oracle, typenames=FLOAT_TYPES, scalar=None, low=-3.0, high=3.0,
                 low2=None, high2=None):
    """With a tensor second operand (or a number when scalar is given): torch.f(a, b),
    torch.f(res, a, b), a:f(b) in place and res:f(a, b)."""
    for typename in typenames:
        for shape in SHAPES:
            for layout in LAYOUTS:
                a = values(shape, typename, low, high)
                if scalar is None:
                    b = values(shape, typename, low2 if low2 is not None else low,
                               high2 if high2 is not None else high)
                    other = tensor_from(b, typename, LAYOUTS[(LAYOUTS.index(layout) + 1) % 3])
                else:
                    b = scalar
                    other = scalar
                expected = oracle(a, b)
                t = tensor_from(a, typename, layout)
                assert_close(getattr(torch, name)(t, other), expected, typename)
                res = torch.getmetatable(typename)()
                assert getattr(torch, name)(res, t, other) is res
                assert_close(res, expected, typename)
                r2 = torch.getmetatable(typename)()
                getattr(r2, name)(t, other)
                assert_close(r2, expected, typename)
                getattr(t, name)(other)
                assert_close(t, expected, typename)
