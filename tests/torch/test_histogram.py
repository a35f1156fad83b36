"""torch.histc and torch.bhistc against a transcription of Torch7's C loop."""
import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError


def c_histc(values, nbins, lo, hi, real):
    """THTensor_histc, element by element, in the element type `real`."""
    lo, hi = real(lo), real(hi)
    if lo == hi:
        lo, hi = real(min(values)), real(max(values))
    if lo == hi:
        lo, hi = real(lo - 1), real(hi + 1)
    h = [0] * nbins
    for v in values:
        v = real(v)
        if lo <= v <= hi:
            b = int((v - lo) / (hi - lo) * real(nbins))
            h[min(b, nbins - 1)] += 1
    return h


@pytest.mark.parametrize("cls,real", [(torch.DoubleTensor, np.float64),
                                      (torch.FloatTensor, np.float32)])
def test_histc_matches_torch7(cls, real):
    rs = np.random.RandomState(3)
    vals = list(rs.randn(500)) + [0.0, 1.0, -1.0]
    for nbins, lo, hi in ((100, 0, 0), (7, -1, 1), (10, 0.5, 0.5), (3, -2.5, 0)):
        # a NaN is never counted (in a NaN range, nothing is: keep it out of those)
        here = vals + [float("nan")] if lo != hi else vals
        got = torch.histc(cls(here), nbins, lo, hi)
        assert type(got) is cls and got.size(1) == nbins
        assert got.tolist() == c_histc(here, nbins, lo, hi, real), (nbins, lo, hi)
    assert torch.histc(cls([2, 2, 2]), 4).tolist() == [0, 0, 3, 0]    # [1, 3]: range widened
    res = cls()
    assert torch.histc(res, x:=cls([1, 2, 1, 4]), 4) is res and res.tolist() == [2, 1, 0, 1]
    assert x.tolist() == [1, 2, 1, 4]


def test_bhistc_rows_share_the_range():
    rs = np.random.RandomState(4)
    a = rs.uniform(-3, 3, (5, 40))
    got = torch.bhistc(torch.Tensor(a.tolist()), 6)
    assert got.size(1) == 5 and got.size(2) == 6
    lo, hi = a.min(), a.max()
    for r in range(5):
        assert got[r + 1].tolist() == c_histc(list(a[r]), 6, lo, hi, np.float64)
    assert torch.bhistc(torch.Tensor([[1, 2], [2, 2]]), 2).tolist() == [[1, 1], [0, 2]]


def test_histogram_errors():
    with pytest.raises(TorchError, match="torch.LongTensor does not implement the torch.histc"):
        torch.histc(torch.LongTensor([1]))
    with pytest.raises(TorchError, match="bins must be > 0"):
        torch.histc(torch.Tensor([1]), 0)
    with pytest.raises(TorchError, match="invalid dimension 3, the input must be a 2d tensor"):
        torch.bhistc(torch.zeros(2, 2, 2))
    with pytest.raises(TorchError, match="invalid arguments"):
        torch.histc("a")
