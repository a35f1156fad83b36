"""crop, scale, rotate, translate and flips: Torch7's geometry on known patterns and
against pixel-by-pixel transcriptions of its C loops."""
import math

import numpy as np
import pytest

from th import image, torch
from image_reference import (rotate_bilinear, rotate_simple, scale_cubic_rowcol,
                             scale_linear_rowcol, scale_separable, scale_simple)


def outer(v):
    v = np.array(v, dtype=np.float64)
    return np.outer(v, v)


# ---- scale --------------------------------------------------------------------------------

@pytest.mark.parametrize("want, mode", [
    (outer([1, 1.5, 2, 3, 4, 3, 2]), "bilinear"), (outer([1.25, 3, 2.5]), "bilinear"),
    (outer([1, 1.4375, 2, 3.1875, 4, 3.25, 2]), "bicubic"), (outer([1, 3.1875, 2]), "bicubic")])
def test_torch7s_own_scale_tests(T, want, mode):
    got = image.scale(T(outer([1, 2, 4, 2])), want.shape[0], want.shape[1], mode)
    np.testing.assert_allclose(got.numpy(), want, atol=1e-5)


@pytest.mark.parametrize("h, w", [(17, 23), (5, 4), (31, 9), (9, 31), (1, 1), (13, 13)])
def test_bilinear_equals_torch7s_loops(rng, T, h, w):
    src = rng.random((13, 13))
    got = image.scale(T(src), w, h, "bilinear").numpy()
    want = scale_separable(src, h, w, scale_linear_rowcol)
    np.testing.assert_allclose(got, want, rtol=1e-15, atol=0)


@pytest.mark.parametrize("h, w", [(20, 7), (4, 30)])
def test_bicubic_equals_torch7s_loops(rng, T, h, w):
    src = rng.random((11, 12))
    got = image.scale(T(src), w, h, "bicubic").numpy()
    np.testing.assert_allclose(got, scale_separable(src, h, w, scale_cubic_rowcol), rtol=1e-13)


def test_byte_images_are_rounded_after_each_pass(rng, T):
    src = rng.integers(0, 256, (9, 10)).astype(np.uint8)
    got = image.scale(T(src, np.uint8), 23, 4, "bilinear")
    assert got.__typename__ == "torch.ByteTensor"
    rowcol = lambda row, n: scale_linear_rowcol(row, n, byte=True)   # noqa: E731
    np.testing.assert_array_equal(got.numpy(), scale_separable(src, 4, 23, rowcol))


def test_simple_scale_picks_torch7s_pixels(rng, T):
    src = rng.random((10, 7))
    got = image.scale(T(src), 15, 4, "simple").numpy()
    np.testing.assert_array_equal(got, scale_simple(src, 4, 15))


def test_colour_images_scale_each_plane(rng, T):
    src = rng.random((3, 8, 6))
    got = image.scale(T(src), 12, 5).numpy()
    for c in range(3):
        np.testing.assert_allclose(got[c], scale_separable(src[c], 5, 12, scale_linear_rowcol),
                                   rtol=1e-15)


@pytest.mark.parametrize("size, want", [
    (256, (3, 128, 256)), ("256", (3, 128, 256)), ("100x40", (3, 40, 100)),
    ("^64", (3, 64, 128)), ("*0.5", (3, 100, 200)), ("*1/4", (3, 50, 100)),
    ("*3/2", (3, 300, 600))])
def test_size_strings(T, size, want):
    img = T(np.zeros((3, 200, 400)))
    assert image.scale(img, size).numpy().shape == want
    assert image.scale(img, size, "simple").numpy().shape == want


def test_scale_into_a_destination(rng, T):
    src = T(rng.random((3, 8, 8)))
    dst = torch.Tensor(3, 4, 5)
    assert image.scale(dst, src) is dst
    np.testing.assert_allclose(dst.numpy(), image.scale(src, 5, 4).numpy())
    with pytest.raises(Exception, match="image.scale: src and dst depths do not match"):
        image.scale(torch.Tensor(4, 5), src)


def test_scale_errors(T):
    img = T(np.zeros((4, 4)))
    with pytest.raises(Exception, match="<image.scale> could not find valid dest size"):
        image.scale(img, "big")
    with pytest.raises(Exception, match="<image.scale> mode must be one of: simple | bicubic | bilinear"):
        image.scale(img, 2, 2, "cubic")
    with pytest.raises(Exception, match="<image.scale> incorrect arguments"):
        image.scale(img)
    with pytest.raises(Exception, match=r"bad argument #1 to 'scale' \(torch.\*Tensor expected, got nil\)"):
        image.scale(None, 2, 2)


# ---- crop ---------------------------------------------------------------------------------

@pytest.fixture
def pattern(T):
    """3 x 6 x 8: each pixel's value is 100 * channel + 10 * row + column (0-based)."""
    c, y, x = np.mgrid[0:3, 0:6, 0:8]
    return T(100 * c + 10 * y + x)


def test_crop_rectangle_is_0_based_end_exclusive(pattern):
    got = image.crop(pattern, 2, 1, 5, 4).numpy()
    assert got.shape == (3, 3, 3)
    assert got[0, 0].tolist() == [12, 13, 14] and got[2, 2, 2] == 234


@pytest.mark.parametrize("fmt, corner", [("c", (2, 1)), ("tl", (0, 0)), ("tr", (5, 0)),
                                         ("bl", (0, 2)), ("br", (5, 2))])
def test_crop_formats(pattern, fmt, corner):
    got = image.crop(pattern, fmt, 3, 4).numpy()
    x, y = corner
    assert got.shape == (3, 4, 3) and got[0, 0, 0] == 10 * y + x


def test_crop_into_destinations(pattern):
    dst = torch.Tensor(3, 2, 2)
    image.crop(dst, pattern, 1, 1)                         # dst's size, no scaling
    assert dst.numpy()[0].tolist() == [[11, 12], [21, 22]]
    big = torch.Tensor(3, 6, 6)
    image.crop(big, pattern, 0, 0, 3, 3)                   # cropped, then scaled to dst
    np.testing.assert_allclose(big.numpy(), image.scale(image.crop(pattern, 0, 0, 3, 3), 6, 6).numpy())


def test_crop_of_a_grey_image_and_errors(T):
    img = T(np.arange(20.0).reshape(4, 5))
    assert image.crop(img, 1, 1, 3, 2).numpy().tolist() == [[6, 7]]
    with pytest.raises(Exception, match="image.crop: crop goes outside bounds of src"):
        image.crop(img, 3, 0, 6, 2)
    with pytest.raises(Exception, match='crop format must be "c"|"tl"|"tr"|"bl"|"br"'):
        image.crop(img, "middle", 2, 2)
    with pytest.raises(Exception, match="<image.crop> incorrect arguments"):
        image.crop(img, 1)


# ---- rotate, translate --------------------------------------------------------------------

def test_quarter_turn_of_a_square(T):
    m = np.arange(1.0, 10).reshape(3, 3)
    # counter-clockwise as displayed: the right column becomes the top row
    assert image.rotate(T(m), math.pi / 2).numpy().tolist() == [[3, 6, 9], [2, 5, 8], [1, 4, 7]]
    assert image.rotate(T(m), -math.pi / 2).numpy().tolist() == [[7, 4, 1], [8, 5, 2], [9, 6, 3]]


@pytest.mark.parametrize("theta", [0.3, -1.1, 2.5, math.pi])
def test_rotate_equals_torch7s_loops(rng, T, theta):
    src = rng.random((9, 12))
    np.testing.assert_array_equal(image.rotate(T(src), theta).numpy(), rotate_simple(src, theta))
    np.testing.assert_array_equal(image.rotate(T(src), theta, "bilinear").numpy(),
                                  rotate_bilinear(src, theta))


def test_rotate_forms_and_errors(rng, T):
    src = T(rng.random((2, 5, 5)))
    dst = torch.Tensor()
    assert image.rotate(dst, src, 0.5) is dst and dst.numpy().shape == (2, 5, 5)
    image.rotate(dst, src, 0.5, "bilinear")
    with pytest.raises(Exception, match="image.rotate: in-place rotate not supported"):
        image.rotate(src, src, 0.5)
    with pytest.raises(Exception, match="<image.rotate> mode must be one of: simple | bilinear"):
        image.rotate(src, 0.5, "bicubic")


def test_translate(T):
    m = np.arange(1.0, 10).reshape(3, 3)
    assert image.translate(T(m), 1, -1).numpy().tolist() == [[0, 4, 5], [0, 7, 8], [0, 0, 0]]
    assert image.translate(T(m), -5, 0).numpy().tolist() == [[0] * 3] * 3
    dst = torch.Tensor()
    assert image.translate(dst, T(m), 0, 2) is dst
    assert dst.numpy().tolist() == [[0, 0, 0], [0, 0, 0], [1, 2, 3]]


# ---- flips --------------------------------------------------------------------------------

def test_torch7s_flip_tests(T):
    assert image.vflip(T([[1, 2], [3, 4]])).numpy().tolist() == [[3, 4], [1, 2]]
    odd = T([[1, 2, 3], [4, 5, 6]])
    assert image.hflip(odd).numpy().tolist() == [[3, 2, 1], [6, 5, 4]]
    image.hflip(odd, odd)                                  # in place
    assert odd.numpy().tolist() == [[3, 2, 1], [6, 5, 4]]
    m = T([[1, 2], [3, 4], [5, 6]])
    image.vflip(m, m)
    assert m.numpy().tolist() == [[5, 6], [3, 4], [1, 2]]


def test_flip_any_dimension_up_to_5(rng, T):
    for ndims in range(1, 6):
        a = rng.random(tuple(rng.integers(2, 5, ndims)))
        for d in range(1, ndims + 1):
            np.testing.assert_array_equal(image.flip(T(a), d).numpy(), np.flip(a, d - 1))
    with pytest.raises(Exception, match="Bad flip dimension"):
        image.flip(T(np.zeros((2, 2))), 3)
    with pytest.raises(Exception, match=r"too many input dims \(up to 5D supported\)"):
        image.flip(torch.Tensor(1, 1, 1, 1, 1, 2), 1)


def test_byte_and_double_flips_agree(rng, T):
    a = rng.integers(0, 256, (3, 7, 9)).astype(np.float64)
    for f in (image.hflip, image.vflip):
        assert np.array_equal(f(T(a)).numpy(), f(T(a, np.uint8)).numpy())


# ---- other types, and what loading image costs ------------------------------------------

def test_float_images_scale_and_rotate_close_to_the_double_result(rng, T):
    src = rng.random((3, 9, 11))
    for mode in ("bilinear", "bicubic"):
        f = image.scale(T(src, np.float32), 17, 5, mode)
        assert f.__typename__ == "torch.FloatTensor"
        np.testing.assert_allclose(f.numpy(), image.scale(T(src), 17, 5, mode).numpy(), atol=1e-6)
    r = image.rotate(T(src, np.float32), 0.7, "bilinear")
    np.testing.assert_allclose(r.numpy(), image.rotate(T(src), 0.7, "bilinear").numpy(), atol=1e-6)


def test_byte_images_stay_in_range_when_interpolation_overshoots(T):
    # bicubic overshoots at a sharp edge: byte results saturate at 0 and 255
    edge = np.zeros((1, 8), np.uint8)
    edge[0, 4:] = 255
    out = image.scale(T(edge, np.uint8), 29, 1, "bicubic").numpy()
    wide = image.scale(T(edge.astype(float)), 29, 1, "bicubic").numpy()
    assert wide.min() < 0 and wide.max() > 255
    assert np.array_equal(out, np.clip(np.floor(wide + 0.5), 0, 255))


def test_requiring_image_does_not_load_numba():
    import subprocess
    import sys
    code = ("import sys; from th import image; image.convolve(image.lena(), image.gaussian(3)); "
            "image.crop(image.lena(), 'c', 9, 9); print('numba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr
