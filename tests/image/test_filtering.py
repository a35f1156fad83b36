"""convolve, lcn, erode, dilate, gaussianpyramid against reference loops and known shapes."""
import numpy as np
import pytest

from th import image, torch
from th.lua.table import LuaTable
from image_reference import conv2_full, conv2_valid


@pytest.fixture
def img(rng):
    return rng.random((7, 9))


@pytest.fixture
def kernel(rng):
    return rng.random((3, 4))          # not symmetric: a correlation would differ


def test_convolve_valid_full_same(T, img, kernel):
    np.testing.assert_allclose(image.convolve(T(img), T(kernel)).numpy(),
                               conv2_valid(img, kernel), rtol=1e-13)
    full = conv2_full(img, kernel)
    np.testing.assert_allclose(image.convolve(T(img), T(kernel), "full").numpy(), full, rtol=1e-13)
    same = image.convolve(T(img), T(kernel), "same").numpy()
    # Torch7 narrows the full result at offsets ceil(k/2) (1-based): rows 2.., columns 2..
    np.testing.assert_allclose(same, full[1:1 + 7, 1:1 + 9], rtol=1e-13)


def test_convolve_planes(rng, T, kernel):
    planes = rng.random((3, 6, 8))
    got = image.convolve(T(planes), T(kernel), "valid").numpy()       # 2-D kernel on each plane
    for c in range(3):
        np.testing.assert_allclose(got[c], conv2_valid(planes[c], kernel), rtol=1e-13)
    own = rng.random((3, 2, 2))
    got = image.convolve(T(planes), T(own)).numpy()                   # each plane its kernel
    for c in range(3):
        np.testing.assert_allclose(got[c], conv2_valid(planes[c], own[c]), rtol=1e-13)
    bank = rng.random((2, 3, 3, 3))                                   # O x C kernels: summed
    got = image.convolve(T(planes), T(bank)).numpy()
    assert got.shape == (2, 4, 6)
    want = sum(conv2_valid(planes[c], bank[1, c]) for c in range(3))
    np.testing.assert_allclose(got[1], want, rtol=1e-13)


def test_convolve_into_dst_keeps_the_full_result_like_torch7(T, img, kernel):
    dst = torch.Tensor()
    same = image.convolve(dst, T(img), T(kernel), "same")
    assert dst.numpy().shape == (9, 12) and same.numpy().shape == (7, 9)
    same.fill(0)                                   # `same` is a view into dst
    assert dst.numpy()[1:8, 1:10].sum() == 0


def test_convolve_matches_torch_conv2(T, img, kernel):
    np.testing.assert_allclose(image.convolve(T(img), T(kernel), "full").numpy(),
                               torch.conv2(T(img), T(kernel), "F").numpy(), rtol=1e-12)


def test_convolve_keeps_the_type_and_errors(rng, T):
    f = image.convolve(T(rng.random((5, 5)), np.float32), T(np.ones((3, 3)), np.float32))
    assert f.__typename__ == "torch.FloatTensor"
    with pytest.raises(Exception, match="<image.convolve> mode has to be one of: full | valid | same"):
        image.convolve(T(np.ones((4, 4))), T(np.ones((2, 2))), "wrap")
    with pytest.raises(Exception, match="kernel is larger than the image"):
        image.convolve(T(np.ones((2, 2))), T(np.ones((3, 3))))


def lcn_reference(x, k):
    """image.lcn's Lua, step by step."""
    x = (x - x.mean()) / x.std(ddof=1)
    lmn = conv2_valid(x, k)
    lvar = np.maximum(conv2_valid(x * x, k) - lmn * lmn, 0)
    lstd = np.maximum(np.sqrt(lvar), 1)
    si, sj = k.shape[0] // 2, k.shape[1] // 2
    return (x[si:si + lstd.shape[0], sj:sj + lstd.shape[1]] - lmn) / lstd


def test_lcn(rng, T):
    x = rng.random((20, 18)) * 10
    k = image.gaussian(LuaTable.from_dict({"size": 9, "sigma": 1.591 / 9, "normalize": True}))
    got = image.lcn(T(x))
    assert got.__typename__ == "torch.DoubleTensor" and got.numpy().shape == (12, 10)
    np.testing.assert_allclose(got.numpy(), lcn_reference(x, k.numpy()), rtol=1e-10, atol=1e-12)
    small = T(np.ones((3, 3)) / 9)
    np.testing.assert_allclose(image.lcn(T(x[None]), small).numpy(),
                               lcn_reference(x, small.numpy()), rtol=1e-10, atol=1e-12)
    with pytest.raises(Exception, match="grayscale image expected"):
        image.lcn(T(rng.random((3, 20, 20))))


@pytest.fixture
def square(T):
    a = np.zeros((7, 7))
    a[1:6, 1:6] = 1
    return T(a)


def test_erode_and_dilate(square, T):
    eroded = image.erode(square).numpy()
    assert eroded.sum() == 9 and eroded[2:5, 2:5].all()
    dot = np.zeros((5, 5))
    dot[2, 2] = 1
    assert image.dilate(T(dot)).numpy().tolist() == [[0] * 5, [0, 1, 1, 1, 0], [0, 1, 1, 1, 0],
                                                   [0, 1, 1, 1, 0], [0] * 5]
    # outside counts as 1 for erosion (pad=1): a full image stays full
    assert image.erode(T(np.ones((4, 4)))).numpy().all()
    assert image.erode(T(np.ones((4, 4))), None, 0).numpy().sum() == 4


def test_dilate_correlates_with_the_kernel_as_torch7_did(T):
    dot = np.zeros((5, 5))
    dot[2, 2] = 1
    arrow = T([[0, 0, 0], [0, 1, 1], [0, 0, 0]])
    # Torch7's dilate mirrored the kernel, then convolved (mirroring again), and its erode
    # convolved: both act with the kernel reflected through its centre, so the dot grows
    # to the left and the hole to the right, where textbook morphology goes the other way.
    assert image.dilate(T(dot), arrow).numpy()[2].tolist() == [0, 1, 1, 0, 0]
    assert image.erode(T(1 - dot), arrow).numpy()[2].tolist() == [1, 1, 0, 0, 1]


def test_morphology_keeps_type_and_errors(T):
    b = image.erode(T(np.ones((5, 5)), np.uint8))
    assert b.__typename__ == "torch.ByteTensor"
    with pytest.raises(Exception, match="<image.erode> missing image"):
        image.erode()
    with pytest.raises(Exception, match="odd sizes"):
        image.dilate(T(np.ones((5, 5))), T(np.ones((2, 2))))


def test_gaussianpyramid(T, rng):
    src = T(rng.random((3, 16, 20)))
    levels = image.gaussianpyramid(src, LuaTable.from_list([1, 0.5, 0.25]))
    assert [levels[i].numpy().shape for i in (1, 2, 3)] == [(3, 16, 20), (3, 8, 10), (3, 4, 5)]
    np.testing.assert_array_equal(levels[1].numpy(), src.numpy())
    k = image.gaussian(LuaTable.from_dict({"width": 3, "normalize": True}))
    blurred = image.convolve(levels[1], k, "same")
    np.testing.assert_array_equal(levels[2].numpy(), image.scale(blurred, 10, 8, "simple").numpy())
    for t in ("torch.ByteTensor", "torch.FloatTensor"):        # Torch7's test: the type is kept
        out = image.gaussianpyramid(T(rng.random((8, 8))).type(t), LuaTable.from_list([0.5]))
        assert out[1].__typename__ == t
