"""th.image speed side by side with PyTorch (CPU) and plain numpy/Pillow, in one run.

    python bench/image_ops.py [--quick]

On a 3 x 512 x 512 DoubleTensor (image.lena()) it times each image function as a
Torch7 user calls it, and the nearest PyTorch equivalent on the same data (same
precision, same output size; the interpolation formulas differ in detail: Torch7's
bilinear shrink averages areas, PyTorch's antialiased bilinear uses a triangle filter),
or numpy/Pillow where PyTorch has none. Prints milliseconds per call (best of several)
and the ratio th / baseline: below 1, th is faster.
"""
import argparse
import io
import math
import os
import platform
import tempfile
import timeit

import numpy as np
from PIL import Image

from th import image
from th.lua.table import LuaTable

try:
    import torch as pt
    import torch.nn.functional as F
except ImportError:          # PyTorch is a benchmark-only dependency
    pt = None


def best_ms(fn, budget):
    fn()
    timer = timeit.Timer(fn)
    number, elapsed = timer.autorange()
    repeats = max(3, int(budget / max(elapsed / number, 1e-9) / number))
    return min(timer.repeat(min(repeats, 7), number)) / number * 1e3


def cases(img, grey):
    """(name, th call, baseline name, baseline call) for each measured operation."""
    a = img.numpy()
    x = pt.from_numpy(a.copy())[None] if pt is not None else None
    k9 = image.gaussian(LuaTable.from_dict({"size": 9, "sigma": 1.591 / 9, "normalize": True}))
    k9t = pt.from_numpy(k9.numpy().copy())[None, None].repeat(3, 1, 1, 1) if pt else None
    theta = math.pi / 7
    grid = None
    if pt is not None:
        c, s = math.cos(theta), math.sin(theta)
        affine = pt.tensor([[[c, -s, 0.0], [s, c, 0.0]]], dtype=pt.float64)
        grid = F.affine_grid(affine, x.shape, align_corners=True)
    folder = tempfile.mkdtemp()
    png = os.path.join(folder, "lena.png")
    image.save(png, img)
    as_bytes = np.ascontiguousarray((a * 255 + 0.5).astype(np.uint8).transpose(1, 2, 0))

    def pillow_save():
        Image.fromarray(np.ascontiguousarray(
            (np.clip(a, 0, 1) * 255 + 0.5).astype(np.uint8).transpose(1, 2, 0))).save(png)

    def pillow_load():
        with Image.open(png) as im:
            return np.asarray(im).transpose(2, 0, 1) * (1 / 255)

    yuv = pt.tensor([[0.299, 0.587, 0.114], [-0.14713, -0.28886, 0.436],
                     [0.615, -0.51499, -0.10001]], dtype=pt.float64) if pt else None
    torch_cases = [
        ("scale 512->256 bilinear", lambda: image.scale(img, 256, 256),
         "F.interpolate antialias", lambda: F.interpolate(x, size=(256, 256), mode="bilinear",
                                                         antialias=True)),
        ("scale 512->768 bilinear", lambda: image.scale(img, 768, 768),
         "F.interpolate", lambda: F.interpolate(x, size=(768, 768), mode="bilinear",
                                               align_corners=True)),
        ("scale 512->768 bicubic", lambda: image.scale(img, 768, 768, "bicubic"),
         "F.interpolate", lambda: F.interpolate(x, size=(768, 768), mode="bicubic",
                                               align_corners=True)),
        ("scale 512->300 simple", lambda: image.scale(img, 300, 300, "simple"),
         "F.interpolate nearest", lambda: F.interpolate(x, size=(300, 300), mode="nearest")),
        ("rotate bilinear", lambda: image.rotate(img, theta, "bilinear"),
         "F.grid_sample", lambda: F.grid_sample(x, grid, align_corners=True)),
        ("rotate simple", lambda: image.rotate(img, theta),
         "F.grid_sample nearest", lambda: F.grid_sample(x, grid, mode="nearest",
                                                        align_corners=True)),
        ("convolve 9x9 same", lambda: image.convolve(img, k9, "same"),
         "F.conv2d groups=3", lambda: F.conv2d(x, k9t, padding=4, groups=3)),
        ("rgb2yuv", lambda: image.rgb2yuv(img),
         "einsum 3x3", lambda: pt.einsum("oc,bchw->bohw", yuv, x)),
        ("hflip", lambda: image.hflip(img), "torch.flip", lambda: pt.flip(x, (3,))),
    ]
    numpy_cases = [
        ("rgb2hsv", lambda: image.rgb2hsv(img), "numpy (max/min/where)",
         lambda: _numpy_hsv(a)),
        ("lcn (512x512 grey)", lambda: image.lcn(grey), "numpy + F.conv2d" if pt else "-",
         (lambda: _torch_lcn(grey.numpy()[0], k9.numpy())) if pt else None),
        ("save PNG", lambda: image.save(png, img), "Pillow", pillow_save),
        ("load PNG", lambda: image.load(png), "Pillow", pillow_load),
        ("lena()", image.lena, "numpy bytes -> double", lambda: as_bytes * (1 / 255)),
    ]
    return (torch_cases if pt is not None else []) + numpy_cases


def _torch_lcn(g, k):
    """image.lcn's steps with PyTorch's convolution (k is symmetric: no flip needed)."""
    x = pt.from_numpy((g - g.mean()) / g.std(ddof=1))[None, None]
    kt = pt.from_numpy(k.copy())[None, None]
    mean = F.conv2d(x, kt)
    var = (F.conv2d(x * x, kt) - mean * mean).clamp(min=0)
    std = var.sqrt().clamp(min=1)
    s = k.shape[0] // 2
    return (x[..., s:s + std.shape[-2], s:s + std.shape[-1]] - mean) / std


def _numpy_hsv(a):
    r, g, b = a
    mx, mn = a.max(0), a.min(0)
    d = mx - mn
    safe = np.where(d == 0, 1, d)
    h = np.where(mx == r, (g - b) / safe % 6, np.where(mx == g, (b - r) / safe + 2,
                                                      (r - g) / safe + 4)) / 6
    return np.stack([np.where(d == 0, 0, h), np.where(mx == 0, 0, d / np.where(mx == 0, 1, mx)), mx])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter timings")
    budget = 0.3 if parser.parse_args().quick else 1.5
    if pt is not None:
        pt.set_num_threads(os.cpu_count() or 1)
    img = image.lena()
    grey = image.rgb2y(img)
    print(f"machine: {platform.machine()} {platform.processor() or ''}, {os.cpu_count()} cores;"
          f" numpy {np.__version__}; torch {pt.__version__ if pt else 'absent'}")
    print("image: 3x512x512 DoubleTensor (image.lena()); ms per call, best of several\n")
    print(f"  {'operation':26s} {'th ms':>9s}  {'baseline':24s} {'base ms':>9s} {'th/base':>8s}")
    for name, th_call, base_name, base_call in cases(img, grey):
        t_th = best_ms(th_call, budget)
        if base_call is None:
            print(f"  {name:26s} {t_th:9.2f}  {base_name:24s}")
            continue
        t_base = best_ms(base_call, budget)
        print(f"  {name:26s} {t_th:9.2f}  {base_name:24s} {t_base:9.2f} {t_th / t_base:8.2f}")


if __name__ == "__main__":
    main()
