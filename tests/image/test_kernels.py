"""image.gaussian, gaussian1D, laplacian: Torch7's formulas, arguments and errors."""
import math

import numpy as np
import pytest

from th import image, torch
from th.lua.table import LuaTable
from image_reference import naive_gaussian


def named(**kw):
    return LuaTable.from_dict(kw)


def test_gaussian_defaults_are_torch7s_3x3():
    # sigma 0.25 of 3 pixels: the corners are exp(-(1/0.75)^2), the edges exp(-(1/0.75)^2/2)
    g = image.gaussian().numpy()
    e = math.exp(-0.5 * (1 / 0.75) ** 2)
    np.testing.assert_allclose(g, [[e * e, e, e * e], [e, 1, e], [e * e, e, e * e]], rtol=1e-15)
    assert image.gaussian().__typename__ == "torch.DoubleTensor"


@pytest.mark.parametrize("normalize", [False, True])
def test_gaussian_matches_the_naive_formula_of_torch7s_test(normalize):
    # Torch7's test.gaussian: 640x480, random sigmas and means, amplitude 10.
    rng = np.random.default_rng(5)
    sh, sv = 0.1 + rng.random() * 0.3, 0.1 + rng.random() * 0.3
    mh, mv = 0.1 + rng.random() * 0.8, 0.1 + rng.random() * 0.8
    got = image.gaussian(named(amplitude=10, normalize=normalize, width=64, height=48,
                               sigma_horz=sh, sigma_vert=sv, mean_horz=mh, mean_vert=mv))
    want = naive_gaussian(64, 48, 10, normalize, sh, sv, mh, mv)
    np.testing.assert_allclose(got.numpy(), want, rtol=1e-12, atol=1e-300)


def test_gaussian_positional_order_has_width_and_height_after_normalize():
    g = image.gaussian(3, 0.25, 2, False, 5, 3)           # size, sigma, amplitude, normalize, width, height
    assert g.numpy().shape == (3, 5)
    np.testing.assert_allclose(g.numpy(), naive_gaussian(5, 3, 2), rtol=1e-14)


def test_gaussian_normalized_sums_to_one_and_fills_a_given_float_tensor():
    t = torch.FloatTensor(4, 6)
    out = image.gaussian(named(tensor=t, normalize=True, size=99))
    assert out is t and t.numpy().shape == (4, 6)
    assert abs(float(t.numpy().sum()) - 1) < 1e-6
    np.testing.assert_allclose(t.numpy(), naive_gaussian(6, 4, normalize=True), rtol=1e-6)


def test_gaussian_follows_the_default_tensor_type():
    torch.setdefaulttensortype("torch.FloatTensor")
    assert image.gaussian(5).__typename__ == "torch.FloatTensor"


def test_gaussian1D_values():
    k = image.gaussian1D(7).numpy()
    i = np.arange(1, 8)
    np.testing.assert_allclose(k, np.exp(-((i - 4) / 1.75) ** 2 / 2), rtol=1e-15)
    np.testing.assert_allclose(k, [0.2301, 0.5205, 0.8494, 1, 0.8494, 0.5205, 0.2301], atol=1e-4)


def test_gaussian1D_named_normalized_and_off_centre():
    k = image.gaussian1D(named(size=5, sigma=0.5, mean=0.3, amplitude=3, normalize=True)).numpy()
    c = 0.3 * 5 + 0.5
    raw = 3 * np.exp(-((np.arange(1, 6) - c) / 2.5) ** 2 / 2)
    np.testing.assert_allclose(k, raw / raw.sum(), rtol=1e-14)
    t = torch.Tensor(9)
    assert image.gaussian1D(named(tensor=t)) is t and t.numpy().argmax() == 4


def test_laplacian_is_torch7s_formula():
    k = image.laplacian(5).numpy()
    c = 0.5 * 5 + 0.5
    r = np.arange(1, 6)
    q = ((r[:, None] - c) / 0.5) ** 2 / 2 + ((r[None, :] - c) / 0.5) ** 2 / 2
    np.testing.assert_allclose(k, (1 - q) * np.exp(-q), rtol=1e-14)
    assert k[2, 2] == 1


def test_laplacian_rows_use_the_horizontal_parameters_as_in_torch7():
    k = image.laplacian(named(width=5, height=3, sigma_horz=0.2, sigma_vert=0.4)).numpy()
    assert k.shape == (3, 5)
    rows, cols = np.arange(1, 4), np.arange(1, 6)
    xsq = ((rows - 3.0) / (0.2 * 5)) ** 2 / 2          # row index with the width's centre
    ysq = ((cols - 2.0) / (0.4 * 3)) ** 2 / 2
    q = xsq[:, None] + ysq[None, :]
    np.testing.assert_allclose(k, (1 - q) * np.exp(-q), rtol=1e-14)


def test_kernel_errors():
    with pytest.raises(Exception, match="expecting 2D tensor"):
        image.gaussian(named(tensor=torch.Tensor(3)))
    with pytest.raises(Exception, match="expecting 1D tensor"):
        image.gaussian1D(named(tensor=torch.Tensor(3, 3)))
    with pytest.raises(Exception, match=r"bad argument #2 to 'gaussian' \(number expected, got string\)"):
        image.gaussian(3, "wide")
    with pytest.raises(Exception, match="kernel size must be positive"):
        image.gaussian(0)
