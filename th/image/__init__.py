"""image: Torch7's image package (Lua name `image`): files, geometry, filters, colours.

Images are tensors of nChannels x height x width (or height x width for one channel):
float and double images hold values in [0, 1], byte images values in [0, 255]. The
names, argument forms (a destination tensor first, named arguments in a table where
Torch7 took them), defaults and numbers are Torch7's:

    img = image.lena()                               -- 3x512x512, values in [0, 1]
    small = image.scale(img, '^128')                 -- shorter side 128
    face = image.crop(img, 'c', 200, 200)
    yuv = image.rgb2yuv(img)
    k = image.gaussian1D(7)                          -- a normalisation kernel
    image.save('/tmp/out.png', image.hflip(img))
    image.display{image=img, zoom=0.5}               -- a window, or a PNG file headless

Families: load/save (loadsave.py, files.py), geometry (geometry.py: crop, scale,
rotate, translate, flips), filters (filtering.py: convolve, lcn, erode, dilate,
gaussianpyramid), kernels (kernels.py: gaussian, gaussian1D, laplacian), colours
(colour.py), display (display.py: minmax, toDisplayTensor, display), sample pictures
(samples.py: lena, fabio; th's own pictures, not Torch7's photos). numpy only.

Not here: warp, polar, logpolar, affinetransform, drawText, drawRect, window (the Qt
painter).
"""
from th.image.colour import (rgb2yuv, yuv2rgb, rgb2y, rgb2nrgb, rgb2hsl, hsl2rgb, rgb2hsv,
                             hsv2rgb, rgb2lab, lab2rgb, y2jet, colormap, jetColormap)
from th.image.display import minmax, toDisplayTensor, display
from th.image.filtering import convolve, lcn, erode, dilate, gaussianpyramid
from th.image.geometry import crop, scale, rotate, translate, hflip, vflip, flip
from th.image.kernels import gaussian, gaussian1D, laplacian
from th.image.loadsave import (load, save, loadPNG, loadJPG, loadPPM, savePNG, saveJPG,
                               savePPM, savePGM, compressJPG, compressPNG, decompressJPG,
                               decompressPNG, decompress, getSize, getPNGsize, getJPGsize,
                               is_supported)
from th.image.samples import lena, fabio
from th.image.args import ImageError

__all__ = [
    "load", "save", "loadPNG", "loadJPG", "loadPPM", "savePNG", "saveJPG", "savePPM",
    "savePGM", "compressJPG", "compressPNG", "decompressJPG", "decompressPNG",
    "decompress", "getSize", "getPNGsize", "getJPGsize", "is_supported",
    "crop", "scale", "rotate", "translate", "hflip", "vflip", "flip",
    "convolve", "lcn", "erode", "dilate", "gaussianpyramid",
    "gaussian", "gaussian1D", "laplacian",
    "rgb2yuv", "yuv2rgb", "rgb2y", "rgb2nrgb", "rgb2hsl", "hsl2rgb", "rgb2hsv", "hsv2rgb",
    "rgb2lab", "lab2rgb", "y2jet", "colormap", "jetColormap",
    "minmax", "toDisplayTensor", "display",
    "lena", "fabio",
]
