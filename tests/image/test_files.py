"""image.load / image.save and friends: round trips through real files, formats, depths,
types, the in-memory forms, and Torch7's error messages."""
import numpy as np
import pytest
from PIL import Image

from th import image, torch


@pytest.fixture
def photo(rng):
    """A 3 x 20 x 30 byte image, noisy enough to exercise compression."""
    return rng.integers(0, 256, (3, 20, 30)).astype(np.uint8)


def test_png_round_trip_is_lossless(tmp_path, photo, T):
    path = str(tmp_path / "a.png")
    image.save(path, T(photo, np.uint8))
    back = image.load(path, 3, "byte")
    assert back.__typename__ == "torch.ByteTensor"
    assert np.array_equal(back.numpy(), photo)
    double = image.load(path)                       # default type, values * (1/255)
    assert double.__typename__ == "torch.DoubleTensor"
    assert np.array_equal(double.numpy(), photo * (1 / 255))
    image.save(path, double)                        # and back: every level survives
    assert np.array_equal(image.load(path, 3, "byte").numpy(), photo)


def test_png_round_trip_of_lena_exact(tmp_path):
    path = str(tmp_path / "lena.png")
    img = image.lena()
    image.save(path, img)
    assert np.array_equal(image.load(path).numpy(), img.numpy())


def test_saved_pixels_are_what_other_programs_read(tmp_path, T):
    path = str(tmp_path / "g.png")
    image.save(path, T([[[0, 0.5, 1, 2, -1]]]))    # saturated to [0, 1], rounded to bytes
    assert np.asarray(Image.open(path)).tolist() == [[0, 128, 255, 255, 0]]
    path = str(tmp_path / "c.png")
    image.save(path, T([[[1.0]], [[0.0]], [[0.25]]], np.float32))
    assert np.asarray(Image.open(path)).tolist() == [[[255, 0, 64]]]


def test_jpeg_round_trip_within_tolerance(tmp_path):
    path = str(tmp_path / "lena.jpg")
    img = image.lena()
    image.save(path, img)
    with open(path, "rb") as f:
        assert f.read(3) == b"\xff\xd8\xff"
    back = image.load(path)
    err = back.numpy() - img.numpy()
    assert back.numpy().shape == (3, 512, 512)
    assert abs(err.mean()) < 1e-2 and err.std() < 0.05


def test_compress_and_decompress_jpg_like_torch7s_test():
    img = image.lena()
    best = image.compressJPG(img, 100)
    assert best.__typename__ == "torch.ByteTensor" and best.dim() == 1
    err = image.decompressJPG(best).numpy() - img.numpy()
    assert abs(err.mean()) < 1e-3 and err.std() < 1e-1
    assert image.compressJPG(img, 25).numpy().size < best.numpy().size


def test_compress_and_decompress_png(photo, T):
    blob = image.compressPNG(T(photo, np.uint8))
    assert blob.numpy()[:4].tobytes() == b"\x89PNG"
    assert np.array_equal(image.decompressPNG(blob, 3, "byte").numpy(), photo)
    assert np.array_equal(image.decompress(blob, 3, "byte").numpy(), photo)
    with pytest.raises(Exception, match="<image.decompressPNG> Input tensor \\(with compressed png\\) must be a byte tensor"):
        image.decompressPNG(T([1.0, 2.0]))
    with pytest.raises(Exception, match="<image.decompress> Input must be either jpg or png format"):
        image.decompress(T([1, 2, 3, 4, 5], np.uint8))


def write_png(path, array, mode=None):
    Image.fromarray(array, mode).save(path)
    return str(path)


def test_torch7s_png_test_images(tmp_path):
    # Torch7's test.LoadPNG: gray 3x1, gray 16-bit 1x2, rgb 2x1 (its assets, rebuilt here)
    gray = write_png(tmp_path / "gray3x1.png", np.array([[0, 127, 255]], np.uint8))
    assert image.load(gray, 1, "byte").numpy().tolist() == [[[0, 127, 255]]]
    np.testing.assert_allclose(image.load(gray, 1, "double").numpy(), [[[0, 127 / 255, 1]]])
    g16 = str(tmp_path / "gray16.png")
    Image.fromarray(np.array([[0, 65534]], np.uint16)).save(g16)
    assert image.load(g16, 1, "byte").numpy().tolist() == [[[0, 255]]]
    np.testing.assert_allclose(image.load(g16, 1, "float").numpy(), [[[0, 65534 / 65535]]], rtol=1e-6)
    rgb = write_png(tmp_path / "rgb2x1.png", np.array([[[255, 0, 127], [0, 63, 0]]], np.uint8))
    assert image.load(rgb, 3, "byte").numpy().reshape(3, 2).tolist() == [[255, 0], [0, 63], [127, 0]]


def test_depth_conversions(tmp_path, photo, T):
    path = str(tmp_path / "c.png")
    image.save(path, T(photo, np.uint8))
    grey = image.load(path, 1, "byte")               # luma, as an H x W image (Torch7's rgb2y(...)[1])
    assert grey.numpy().shape == (20, 30)
    assert np.array_equal(grey.numpy(), image.rgb2y(T(photo, np.uint8)).numpy()[0])
    gpath = write_png(tmp_path / "g.png", photo[0])
    assert image.load(gpath).numpy().shape == (1, 20, 30)
    three = image.load(gpath, 3, "byte").numpy()
    assert three.shape == (3, 20, 30) and (three == photo[0]).all()
    rgba = np.concatenate([photo, np.full((1, 20, 30), 200, np.uint8)])
    apath = str(tmp_path / "a.png")
    image.save(apath, T(rgba, np.uint8))
    assert image.load(apath, None, "byte").numpy().shape == (4, 20, 30)
    assert np.array_equal(image.load(apath, 3, "byte").numpy(), photo)


def test_palette_and_bilevel_pngs(tmp_path):
    pal = Image.new("P", (2, 1))
    pal.putpalette([10, 20, 30, 40, 50, 60] + [0] * 762)
    pal.putpixel((1, 0), 1)
    pal.save(tmp_path / "p.png")
    assert image.load(str(tmp_path / "p.png"), None, "byte").numpy().reshape(3, 2).tolist() == \
        [[10, 40], [20, 50], [30, 60]]
    Image.new("1", (2, 2), 1).save(tmp_path / "b.png")
    assert image.load(str(tmp_path / "b.png"), None, "byte").numpy().max() == 255


def test_ppm_pgm_binary_and_ascii(tmp_path, photo, T):
    ppm = str(tmp_path / "x.ppm")
    image.save(ppm, T(photo, np.uint8))
    with open(ppm, "rb") as f:
        assert f.read(13) == b"P6\n30 20\n255\n"
    assert np.array_equal(image.load(ppm, 3, "byte").numpy(), photo)
    pgm = str(tmp_path / "x.pgm")
    image.save(pgm, T(photo[:1], np.uint8))
    assert np.array_equal(image.load(pgm, None, "byte").numpy(), photo[:1])
    # Torch7's test_pgmaload: an ASCII PGM with maxval 15, pixel (2,2) = 3 -> floor(255*3/15)
    ascii_pgm = tmp_path / "ascii.pgm"
    ascii_pgm.write_text("P2\n# a comment\n3 2\n15\n0 1 2\n4 3 15\n")
    img = image.load(str(ascii_pgm), 1, "byte")
    assert img.numpy().tolist() == [[[0, 17, 34], [68, 51, 255]]]
    (tmp_path / "a.ppm").write_text("P3 1 1 255 10 20 30")
    np.testing.assert_allclose(image.load(str(tmp_path / "a.ppm")).numpy().ravel(),
                               np.array([10, 20, 30]) * (1 / 255))


def test_format_comes_from_magic_bytes_first(tmp_path, photo, T):
    path = str(tmp_path / "really_a_png.jpg")
    image.savePNG(path, T(photo, np.uint8))
    assert np.array_equal(image.load(path, 3, "byte").numpy(), photo)
    noext = str(tmp_path / "noextension")
    image.savePNG(noext, T(photo, np.uint8))
    assert image.load(noext).numpy().shape == (3, 20, 30)


def test_get_size(tmp_path, photo, T):
    path = str(tmp_path / "s.png")
    image.save(path, T(photo, np.uint8))
    assert image.getSize(path) == (3, 20, 30)
    assert image.getPNGsize(path) == (3, 20, 30)


def test_errors(tmp_path, T):
    with pytest.raises(Exception, match="nowhere.png: No such file or directory"):
        image.load(str(tmp_path / "nowhere.png"))
    with pytest.raises(Exception, match="<image.load> missing file name"):
        image.load()
    (tmp_path / "x.gif").write_bytes(b"GIF89a")
    with pytest.raises(Exception, match="<image.load> unknown image type: gif"):
        image.load(str(tmp_path / "x.gif"))
    with pytest.raises(Exception, match="<image.save> unknown image type: bmp"):
        image.save(str(tmp_path / "x.bmp"), T(np.zeros((3, 2, 2))))
    with pytest.raises(Exception, match="<image.save> missing file name | tensor to save"):
        image.save(str(tmp_path / "x.png"))
    with pytest.raises(Exception, match=r"\[write_png_file\] Depth must be 1, 3 or 4"):
        image.save(str(tmp_path / "x.png"), T(np.zeros((2, 2, 2))))
    with pytest.raises(Exception, match="<image.savePPM> can only save 3xHxW images as PPM"):
        image.save(str(tmp_path / "x.ppm"), T(np.zeros((2, 2))))
    with pytest.raises(Exception, match="could not be opened for writing"):
        image.save(str(tmp_path / "no" / "dir.png"), T(np.zeros((2, 2))))
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    with pytest.raises(Exception, match="image.load"):
        image.load(str(tmp_path / "bad.png"))
    with pytest.raises(Exception, match="tensor type must be one of: byte | float | double"):
        image.load(_a_png(tmp_path), 3, "int")


def _a_png(tmp_path):
    path = str(tmp_path / "ok.png")
    Image.new("L", (1, 1)).save(path)
    return path


def test_no_partial_file_is_left_behind(tmp_path, T):
    image.save(str(tmp_path / "ok.png"), T(np.zeros((3, 4, 4))))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.png"]
