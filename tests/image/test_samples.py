"""image.lena and image.fabio: th's own pictures, with Torch7's sizes and conventions."""
import numpy as np

from th import image, torch
from th.image import samples


def test_lena_is_a_3x512x512_image_like_a_loaded_file():
    img = image.lena()
    a = img.numpy()
    assert img.__typename__ == "torch.DoubleTensor" and a.shape == (3, 512, 512)
    assert 0 <= a.min() and a.max() <= 1
    # as image.load makes them: whole bytes times 1/255
    assert np.array_equal(a, samples.lena_pixels() * (1 / 255))


def test_lena_is_a_picture_not_noise():
    a = samples.lena_pixels().astype(float)
    assert 60 < a.mean() < 200 and a.std() > 40                 # contrast
    assert len(np.unique(a)) > 200                               # smooth tones
    edges = np.abs(np.diff(a, axis=2)).max(axis=0)
    assert (edges > 100).sum() > 500                             # sharp edges
    assert np.median(edges) < 10                                 # mostly smooth
    assert (np.abs(a[0] - a[2]) > 60).mean() > 0.2               # colourful


def test_samples_are_fresh_deterministic_tensors():
    one, two = image.lena(), image.lena()
    one.fill(0)
    assert two.numpy().max() > 0 and image.lena().numpy().max() > 0
    fresh = samples._landscape(64)
    assert np.array_equal(fresh, samples._landscape(64))


def test_fabio_is_a_257x271_grey_image():
    img = image.fabio()
    assert img.numpy().shape == (257, 271)
    assert np.array_equal(img.numpy(), samples.fabio_pixels() * (1 / 255))


def test_samples_follow_the_default_tensor_type():
    torch.setdefaulttensortype("torch.FloatTensor")
    assert image.lena().__typename__ == "torch.FloatTensor"
