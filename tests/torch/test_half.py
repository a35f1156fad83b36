"""torch.HalfTensor / HalfStorage: storage, copies and printing, as in Torch7."""
import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError


def test_construct_copy_and_convert():
    h = torch.HalfTensor([1.5, 2.25, -3, 0.1])
    assert h.__typename__ == "torch.HalfTensor" and h.elementSize() == 2
    assert h.tolist() == np.array([1.5, 2.25, -3, 0.1], np.float16).astype(float).tolist()
    assert torch.Tensor([0.1]).half()[1] == float(np.float16(0.1))
    assert h.double().__typename__ == "torch.DoubleTensor"
    assert h.type("torch.FloatTensor").tolist() == h.tolist()
    assert torch.typename(torch.zeros(2).type("torch.HalfTensor")) == "torch.HalfTensor"
    # big strided copies both ways (numba has no float16: numpy does these)
    a = np.random.RandomState(0).rand(300, 200)
    src = torch.from_numpy(a).t()
    hh = torch.HalfTensor(200, 300).copy(src)
    np.testing.assert_array_equal(hh.numpy(), a.T.astype(np.float16))
    back = torch.FloatTensor(300, 200).copy(hh.t())
    np.testing.assert_array_equal(back.numpy(), a.astype(np.float16).astype(np.float32))
    s = torch.HalfStorage([1, 2.5])
    assert s.size() == 2 and s[2] == 2.5 and s.elementSize() == 2
    v = torch.HalfTensor(s)
    v[1] = 7
    assert s[1] == 7 and v.narrow(1, 2, 1)[1] == 2.5


def test_prints_like_the_other_float_types():
    vals = [[0.5, -1.25], [3, 1000.5]]
    want = str(torch.DoubleTensor(vals)).replace("DoubleTensor", "HalfTensor")
    assert str(torch.HalfTensor(vals)) == want
    want = str(torch.DoubleStorage([1, 2.5])).replace("Double", "Half")
    assert str(torch.HalfStorage([1, 2.5])) == want and "2.5000" in want


def test_no_math():
    h = torch.HalfTensor(3).fill(1)
    for call in (lambda: h.exp(), lambda: torch.exp(h), lambda: h.add(1),
                 lambda: torch.sum(h), lambda: h.uniform()):
        with pytest.raises(TorchError, match=r"torch.HalfTensor does not implement the "
                                             r"torch.\w+\(\) function"):
            call()


@pytest.mark.parametrize("mode", ["binary", "ascii"])
def test_serialization_round_trip(mode):
    h = torch.HalfTensor([[1.5, -2], [0.333, 65504]])
    back = torch.deserialize(torch.serialize(h, mode), mode)
    assert back.__typename__ == "torch.HalfTensor" and back.tolist() == h.tolist()
