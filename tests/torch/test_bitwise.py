"""Bit operations against C's semantics (unsigned bit patterns, wrap-around), in every
form and on strided views."""
import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError

INT_TYPES = [("torch.ByteTensor", 8, False), ("torch.CharTensor", 8, True),
             ("torch.ShortTensor", 16, True), ("torch.IntTensor", 32, True),
             ("torch.LongTensor", 64, True)]


def signed(u, bits, is_signed):
    u %= 1 << bits
    return u - (1 << bits) if is_signed and u >= 1 << (bits - 1) else u


ORACLES = {
    "lshift": lambda x, v, bits: (x % (1 << bits)) << v,
    "rshift": lambda x, v, bits: (x % (1 << bits)) >> v,
    "bitand": lambda x, v, bits: x & v,
    "bitor": lambda x, v, bits: x | v,
    "bitxor": lambda x, v, bits: x ^ v,
}


def sample(bits, is_signed, n, rs):
    lo, hi = (-(1 << (bits - 1)), 1 << (bits - 1)) if is_signed else (0, 1 << bits)
    return [int(v) for v in rs.randint(max(lo, -2**62), min(hi, 2**62), size=n)]


@pytest.mark.parametrize("typename,bits,is_signed", INT_TYPES)
@pytest.mark.parametrize("name", sorted(ORACLES))
def test_scalar_and_tensor_forms(typename, bits, is_signed, name):
    rs = np.random.RandomState(bits)
    cls = torch.getmetatable(typename)
    xs = sample(bits, is_signed, 12, rs)
    amounts = [int(v) for v in rs.randint(0, bits, size=12)] if "shift" in name else \
        sample(bits, is_signed, 12, rs)
    v = amounts[0]
    want = [signed(ORACLES[name](x, v, bits), bits, is_signed) for x in xs]
    x = cls(xs)
    assert getattr(torch, name)(x, v).tolist() == want
    view = cls(24).fill(0).narrow(1, 3, 12)              # an offset view
    view.copy(x)
    assert getattr(view, name)(v) is view and view.tolist() == want
    # element-wise (c*) forms, with a transposed (strided) operand
    cname = "c" + name
    want = [signed(ORACLES[name](a, b, bits), bits, is_signed) for a, b in zip(xs, amounts)]
    other = cls([amounts[:6], amounts[6:]]).t().contiguous().t()     # strided 2x6
    res = cls()
    assert getattr(torch, cname)(res, cls(xs).view(2, 6), other) is res
    assert res.view(12).tolist() == want


def test_float_shifts_scale_and_bit_ops_refuse():
    assert torch.Tensor([1.5, -3]).lshift(2).tolist() == [6, -12]
    assert torch.FloatTensor([8]).rshift(3).tolist() == [1]
    assert torch.clshift(torch.Tensor([1, 1]), torch.Tensor([1, 3])).tolist() == [2, 8]
    for name in ("bitand", "bitor", "bitxor"):
        with pytest.raises(TorchError, match=f"{name} is only supported for integer type"):
            getattr(torch.Tensor(2), name)(1)
    with pytest.raises(TorchError, match="cbitand is only supported for integer type"):
        torch.FloatTensor(2).cbitand(torch.FloatTensor(2))


def test_from_lua():
    from th.lua import Runtime
    rt = Runtime()
    out = rt.execute("torch = require 'torch'\n"
                     "return torch.CharTensor({-4, 8}):rshift(1):totable()[1], "
                     "torch.bitxor(torch.IntTensor({6}), 3)[1]")
    assert tuple(out) == (126, 5)
