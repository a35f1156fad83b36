"""minmax, toDisplayTensor and display (headless PNGs, inline terminals, a window process)."""
import os

import numpy as np
import pytest
from PIL import Image

from th import image, torch
from th.gnuplot import screen
from th.lua.table import LuaTable


def named(**kw):
    return LuaTable.from_dict(kw)


def test_minmax(T):
    t = T([1.0, 2.0, 5.0])
    out = image.minmax(named(tensor=t))
    assert out is not t and out.numpy().tolist() == [0, 0.25, 1]
    assert t.numpy().tolist() == [1, 2, 5]
    assert image.minmax(named(tensor=t, min=0, max=4, saturate=True)).numpy().tolist() == [0.25, 0.5, 1]
    assert image.minmax(named(tensor=t, min=0, max=4)).numpy().tolist() == [0.25, 0.5, 1.25]
    sym = image.minmax(named(tensor=T([-1.0, 0.0, 2.0]), symm=True))
    assert sym.numpy().tolist() == [0.25, 0.5, 1]
    image.minmax(named(tensor=t, inplace=True))
    assert t.numpy().tolist() == [0, 0.25, 1]
    out = torch.Tensor()
    assert image.minmax(named(tensor=T([2.0, 4.0]), tensorOut=out)) is out
    assert out.numpy().tolist() == [0, 1]


def test_grid_of_colour_images(T):
    batch = np.zeros((5, 3, 4, 4))
    for k in range(5):
        batch[k] = k + 1
    grid = image.toDisplayTensor(named(input=T(batch), padding=2, nrow=3)).numpy()
    assert grid.shape == (3, 2 * 6, 3 * 6)
    # image k sits at row k // 3, column k % 3, padding // 2 = 1 pixel into its cell
    assert grid[0, 1, 1] == 0 and grid[0, 1, 7] == 0.25 and grid[0, 7, 1] == 0.75
    assert grid[0, 0, 0] == 1 and grid[0, 7, 13] == 1        # background: the maximum


def test_grid_of_maps_and_lists(T):
    maps = T(np.arange(4 * 2 * 3, dtype=float).reshape(4, 2, 3))
    grid = image.toDisplayTensor(maps, 0, 2)
    assert grid.numpy().shape == (4, 6) and grid.numpy().min() == 0 and grid.numpy().max() == 1
    listed = image.toDisplayTensor(LuaTable.from_list([T(np.zeros((2, 2))), T(np.ones((2, 2)))]))
    assert listed.numpy().shape == (1, 2, 4)
    single = image.toDisplayTensor(T(np.array([[2.0, 4.0]])))
    assert single.numpy().tolist() == [[0, 1]]


def test_scaleeach_rescales_every_image(T):
    batch = np.stack([np.full((1, 2, 2), 1.0), np.full((1, 2, 2), 10.0)])
    batch[0, 0, 0, 0] = 0
    batch[1, 0, 0, 0] = 5
    grid = image.toDisplayTensor(named(input=T(batch), scaleeach=True)).numpy()
    assert grid.shape == (1, 2, 4)
    assert grid[0].tolist() == [[0, 1, 0, 1], [1, 1, 1, 1]]


def png_in(tmp_path):
    folder = tmp_path / "plots"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_display_headless_writes_a_png_and_reuses_it(tmp_path, T, capsys):
    img = T(np.linspace(0, 1, 3 * 4 * 6).reshape(3, 4, 6))
    win = image.display(named(image=img, zoom=2, legend="ramp"))
    [path] = png_in(tmp_path)
    assert f"image.display: ramp drawn to {path}" in capsys.readouterr().out
    assert str(win).startswith("image.display window") and win.path == str(path)
    pixels = np.asarray(Image.open(path))
    assert pixels.shape == (8, 12, 3)                           # zoomed twice
    want = np.floor(np.clip(img.numpy(), 0, 1) * 255 + 0.5).astype(np.uint8).transpose(1, 2, 0)
    assert np.array_equal(pixels[::2, ::2], want)
    image.display(named(image=T(np.zeros((5, 5))), win=win))  # redraws the same file, quietly
    assert png_in(tmp_path) == [path] and capsys.readouterr().out == ""
    assert np.asarray(Image.open(path)).shape == (5, 5)


def test_display_positional_and_errors(tmp_path, T):
    image.display(image.lena(), 0.25)
    [path] = png_in(tmp_path)
    assert Image.open(path).size == (128, 128)
    with pytest.raises(Exception, match="<image.display> missing argument: image"):
        image.display(named(zoom=2))


def test_display_inline_in_the_terminal(tmp_path, T, capsys):
    screen.setterm("kitty")
    image.display(T(np.ones((2, 2))))
    assert "\033_Ga=T,f=100" in capsys.readouterr().out


def test_display_opens_a_window_process_when_there_is_a_display(tmp_path, T, monkeypatch):
    # The window process starts with the backend gnuplot chose; with Agg it announces its
    # window and exits at once (plt.show has nothing to show), which is all we can check here.
    monkeypatch.setattr(screen, "_screen", [screen.WindowScreen("Agg")])
    win = image.display(T(np.ones((3, 4, 4))))
    assert win.viewer is not None
    assert win.viewer.wait(timeout=60) == 0
    assert os.path.exists(win.path)
