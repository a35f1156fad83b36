"""image from Lua: `require 'image'` in th, printed results as Torch7 printed them, errors
with Lua positions, Torch7 tutorial code, and the ?help text of every function."""
import inspect
import os
import subprocess
import sys

import numpy as np
import pytest

import th.image as image_pkg


@pytest.fixture
def runtime():
    from th.lua import Runtime
    rt = Runtime()
    rt.execute("require 'torch'; require 'image'")
    return rt


GAUSSIAN1D_7 = """\
 0.2301
 0.5205
 0.8494
 1.0000
 0.8494
 0.5205
 0.2301
[torch.DoubleTensor of size 7]

"""


def test_th_script_prints_what_torch7_printed(tmp_path):
    script = tmp_path / "k.lua"
    script.write_text("require 'image'\nprint(image.gaussian1D(7))\n"
                      "print(image.gaussian(3))\n"
                      "print(image.lena():size())\n"
                      "print(pcall(image.scale, image.lena(), 'huge'))\n")
    env = dict(os.environ, TERM="dumb", MPLBACKEND="Agg")
    result = subprocess.run([sys.executable, "-m", "th.cli", str(script)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == GAUSSIAN1D_7 + """\
 0.1690  0.4111  0.1690
 0.4111  1.0000  0.4111
 0.1690  0.4111  0.1690
[torch.DoubleTensor of size 3x3]

   3
 512
 512
[torch.LongStorage of size 3]

false\t<image.scale> could not find valid dest size\t
"""


def test_errors_carry_the_lua_position(runtime):
    from th.lua import LuaError
    with pytest.raises(LuaError, match=r"^stdin:2: <image.crop> incorrect arguments$"):
        runtime.execute("local img = image.lena()\nimage.crop(img)", "=stdin")
    with pytest.raises(LuaError, match=r"^stdin:1: bad argument #1 to 'rgb2y' \(torch.\*Tensor expected, got nil\)$"):
        runtime.execute("image.rgb2y(nil)", "=stdin")


def test_torch7_getting_started_tutorial(runtime, capsys):
    # tutorials/1_getstarted: a grey lena through a bank of 5x5 filters, then shown
    runtime.execute("""
        require 'nn'
        i = image.lena()
        i2 = image.rgb2y(i)
        n = nn.SpatialConvolution(1, 16, 5, 5)
        res = n:forward(i2)
        print(res:size(1), res:size(2), res:size(3))
        w = image.display{image=res, nrow=4, padding=1, legend='filtered'}
        small = image.scale(i, '^64')
        print(small:size(2), small:size(3), image.crop(small, 'c', 32, 32):size(3))
        print(image.rgb2yuv(small):size(1), image.hflip(small)[1][1][1] == small[1][1][64])
    """)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "16\t508\t508"
    assert out[1].startswith("image.display: filtered drawn to ")
    assert out[2:] == ["64\t64\t32", "3\ttrue"]


def test_named_arguments_from_lua(runtime, capsys):
    runtime.execute("""
        k = image.gaussian{size=5, sigma=0.2, normalize=true}
        print(k:size(1), k:size(2), string.format('%.6f', k:sum()))
        g = image.gaussian1D{size=9, tensor=torch.FloatTensor(4)}
        print(torch.typename(g), g:size(1))
        print(image.toDisplayTensor{input=torch.rand(6, 3, 8, 8), nrow=3, padding=2}:size(3))
    """)
    assert capsys.readouterr().out.splitlines() == ["5\t5\t1.000000", "torch.FloatTensor\t4", "30"]


def public_functions():
    for name in image_pkg.__all__:
        yield name, getattr(image_pkg, name)


@pytest.mark.parametrize("name, fn", list(public_functions()))
def test_every_function_has_help_with_signature_and_example(name, fn):
    doc = inspect.getdoc(fn)
    assert doc, f"image.{name} has no docstring"
    assert doc.startswith(f"image.{name}"), f"image.{name}: first line should be its signature"
    assert "\nExample: " in doc, f"image.{name}: no example"


def test_help_text_in_the_console(runtime):
    from th.repl.help import help_text
    text = help_text("image.scale", runtime)
    assert "image.scale(src, width, height [, mode])" in text and "'^MIN'" in text


def test_every_example_runs(runtime, tmp_path, monkeypatch, capsys):
    """The Example: line of every docstring runs in th (files it names are made first)."""
    monkeypatch.chdir(tmp_path)
    runtime.execute("""
        image.save('photo.jpg', image.lena()); image.save('plot.png', image.fabio())
        image.save('picture.ppm', image.lena())
    """)
    for name, fn in public_functions():
        example = inspect.getdoc(fn).split("\nExample: ", 1)[1].split("\n")[0]
        try:
            runtime.execute(example, f"=example of image.{name}")
        except Exception as e:          # noqa: BLE001 -- report which example failed
            pytest.fail(f"image.{name}: {example!r} failed: {e}")
    capsys.readouterr()
