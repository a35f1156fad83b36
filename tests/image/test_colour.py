"""Colour conversions: Torch7's formulas pixel by pixel, inverses, byte images, colour maps."""
import numpy as np
import pytest

from th import image, torch
from image_reference import rgb2hsl_pixel, rgb2hsv_pixel, srgb_to_lab_pixel


@pytest.fixture
def rgb(rng):
    a = rng.random((3, 6, 7))
    a[:, 0, 0] = 0.5                      # grey pixels take the achromatic branch
    a[:, 0, 1] = [1, 0, 0]                # pure colours and a tie between channels
    a[:, 0, 2] = [0.2, 0.9, 0.9]
    a[:, 0, 3] = [0.3, 0.1, 0.8]
    return a


def per_pixel(f, a):
    return np.array([[f(*a[:, y, x]) for x in range(a.shape[2])]
                     for y in range(a.shape[1])]).transpose(2, 0, 1)


def test_rgb2yuv_and_back(rgb, T):
    yuv = image.rgb2yuv(T(rgb)).numpy()
    r, g, b = rgb
    np.testing.assert_allclose(yuv[0], 0.299 * r + 0.587 * g + 0.114 * b, rtol=1e-15)
    np.testing.assert_allclose(yuv[1], -0.14713 * r - 0.28886 * g + 0.436 * b, atol=1e-15)
    np.testing.assert_allclose(yuv[2], 0.615 * r - 0.51499 * g - 0.10001 * b, atol=1e-15)
    back = image.yuv2rgb(T(yuv)).numpy()
    np.testing.assert_allclose(back, rgb, atol=2e-5)   # the coefficients are rounded


def test_rgb2y_keeps_one_plane_and_rounds_bytes(rgb, T):
    y = image.rgb2y(T(rgb))
    assert y.numpy().shape == (1, 6, 7)
    np.testing.assert_allclose(y.numpy()[0], 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2],
                               rtol=1e-15)
    b = T([[[255, 10]], [[0, 10]], [[0, 11]]], np.uint8)
    assert image.rgb2y(b).numpy().tolist() == [[[76, 10]]]      # 76.245 -> 76, 10.114 -> 10


@pytest.mark.parametrize("forward, inverse, pixel", [
    (image.rgb2hsl, image.hsl2rgb, rgb2hsl_pixel),
    (image.rgb2hsv, image.hsv2rgb, rgb2hsv_pixel)])
def test_hsl_hsv_follow_the_formulas_and_invert(rgb, T, forward, inverse, pixel):
    out = forward(T(rgb)).numpy()
    np.testing.assert_allclose(out, per_pixel(pixel, rgb), atol=1e-15)
    np.testing.assert_allclose(inverse(T(out)).numpy(), rgb, atol=1e-12)


def test_hsv_of_known_colours(T):
    hsv = image.rgb2hsv(T([[[1, 0, 0]], [[0, 1, 0]], [[0, 0, 1]]])).numpy()
    np.testing.assert_allclose(hsv[:, 0], [[0, 1 / 3, 2 / 3], [1, 1, 1], [1, 1, 1]])


def test_byte_images_convert_in_0_255(T):
    b = T([[[255, 128]], [[0, 128]], [[0, 128]]], np.uint8)
    hsv = image.rgb2hsv(b)
    assert hsv.__typename__ == "torch.ByteTensor"
    assert hsv.numpy()[:, 0, :].tolist() == [[0, 0], [255, 0], [255, 128]]
    assert image.hsv2rgb(hsv).numpy().tolist() == b.numpy().tolist()


def test_lab_formula_and_round_trip(rgb, T):
    lab = image.rgb2lab(T(rgb)).numpy()
    np.testing.assert_allclose(lab, per_pixel(srgb_to_lab_pixel, rgb), atol=1e-10)
    assert np.isclose(image.rgb2lab(T(np.ones((3, 1, 1)))).numpy()[0, 0, 0], 100, atol=1e-4)
    back = image.lab2rgb(T(lab)).numpy()
    np.testing.assert_allclose(back, rgb, atol=1e-4)   # Torch7's own test's precision


def test_lab_refuses_bytes(T):
    with pytest.raises(Exception, match="image.rgb2lab: not supported for torch.ByteTensor"):
        image.rgb2lab(T(np.zeros((3, 2, 2)), np.uint8))


def test_output_argument_is_resized_and_returned(rgb, T):
    out = torch.FloatTensor()
    assert image.rgb2yuv(out, T(rgb)) is out
    assert out.numpy().shape == (3, 6, 7) and out.__typename__ == "torch.FloatTensor"
    y = torch.Tensor(5)
    assert image.rgb2y(y, T(rgb)) is y and y.numpy().shape == (1, 6, 7)


def test_float_images_compute_in_float(rgb, T):
    f = T(rgb, np.float32)
    yuv = image.rgb2yuv(f)
    assert yuv.__typename__ == "torch.FloatTensor"
    r, g, b = rgb.astype(np.float32)
    want = np.float32(0.299) * r + np.float32(0.587) * g + np.float32(0.114) * b
    assert np.array_equal(yuv.numpy()[0], want)


def test_rgb2nrgb(rgb, T):
    n = image.rgb2nrgb(T(rgb)).numpy()
    np.testing.assert_allclose(n, rgb / (rgb.sum(0) + 1e-6), rtol=1e-15)


def test_conversions_need_three_channels(T):
    with pytest.raises(Exception, match=r"<image.rgb2yuv> expecting a 3xHxW image"):
        image.rgb2yuv(T(np.zeros((2, 3))))
    with pytest.raises(Exception, match="<image.rgb2hsv> missing input"):
        image.rgb2hsv()


def test_jet_and_colormap_values():
    jet = image.jetColormap(4).numpy()
    np.testing.assert_allclose(jet, [[0, .5, 1], [.5, 1, .5], [1, .5, 0], [.5, 0, 0]])
    c = image.colormap(3).numpy()
    np.testing.assert_allclose(c[0], [0.65, 0.35, 0.35])
    assert c.shape == (3, 3) and (c >= 0).all() and (c <= 1).all()


def test_y2jet_colours_levels(T):
    out = image.y2jet(T([[1, 2], [3, 4]])).numpy()
    jet = image.jetColormap(4).numpy()
    assert out.shape == (3, 2, 2)
    np.testing.assert_array_equal(out[:, 1, 0], jet[2])
    byte = image.y2jet(T([[1, 2]], np.uint8))
    assert byte.__typename__ == "torch.ByteTensor"
    # jetColormap(2) * 255, rounded as Torch7's :round(): {127.5, 255, 127.5}, {127.5, 0, 0}
    assert byte.numpy()[:, 0, :].T.tolist() == [[128, 255, 128], [128, 0, 0]]
    with pytest.raises(Exception, match="levels must be numbers from 1"):
        image.y2jet(T([[0, 1]]))
