"""image.load, image.save and their per-format and in-memory forms (Torch7's saveload).

Input: file names and image tensors, or ByteTensors of compressed data. Output: image
tensors (see th.image.files for the pixel conventions), or ByteTensors of compressed
data. Loading takes an optional depth (1: grey, 3: RGB; converted as Torch7's todepth
did) and tensor type ('byte', 'float' or 'double'; default: torch.Tensor's type).
"""
import numpy as np

from th.image import files
from th.image.args import ImageError, check_number, check_tensor, dok_error, new_tensor
from th.lua.lib.args import typename


def _depth(depth, argn, fname):
    return None if depth is None else check_number(depth, argn, fname)


def load(filename=None, depth=None, tensortype=None, *_):
    """image.load(filename [, depth [, tensortype]])

    Loads a PNG, JPEG, PPM or PGM file as a C x H x W tensor (the format is read from
    the file's first bytes, else its extension). depth 1 makes it grey (H x W for a
    colour file: its luma), 3 makes it RGB. tensortype: 'byte' (values 0..255),
    'float' or 'double' (values in [0, 1]); default: the default tensor type.

    Example: img = image.load('photo.jpg', 3, 'float')
    """
    if filename is None:
        raise dok_error("missing file name", "image.load")
    data = files.read_file(filename, "image.load")
    kind = files.format_of(filename, data)
    if kind is None:
        ext = files.extension(filename)
        raise dok_error(f"unknown image type: {ext if ext else filename}", "image.load")
    return files.load_bytes(data, kind, _depth(depth, 2, "load"), tensortype, "image.load")


def _loader(kind, fname):
    def load_kind(filename=None, depth=None, tensortype=None, *_):
        if filename is None:
            raise dok_error("missing file name", f"image.{fname}")
        data = files.read_file(filename, f"image.{fname}")
        return files.load_bytes(data, kind, _depth(depth, 2, fname), tensortype,
                                f"image.{fname}")
    load_kind.__name__ = load_kind.__qualname__ = fname
    return load_kind


loadPNG = _loader("png", "loadPNG")
loadPNG.__doc__ = """image.loadPNG(filename [, depth [, tensortype]])

    Loads a PNG file (see image.load for depth and tensortype).

    Example: img = image.loadPNG('plot.png')
    """
loadJPG = _loader("jpg", "loadJPG")
loadJPG.__doc__ = """image.loadJPG(filename [, depth [, tensortype]])

    Loads a JPEG file (see image.load for depth and tensortype).

    Example: img = image.loadJPG('photo.jpg')
    """
loadPPM = _loader("ppm", "loadPPM")
loadPPM.__doc__ = """image.loadPPM(filename [, depth [, tensortype]])

    Loads a PPM or PGM file, binary or ASCII (see image.load for depth and tensortype).

    Example: img = image.loadPPM('picture.ppm')
    """


def save(filename=None, tensor=None, *_):
    """image.save(filename, tensor)

    Saves an image (H x W or C x H x W) to a file whose extension picks the format:
    .png (1, 3 or 4 channels), .jpg/.jpeg (1 or 3, quality 75), .ppm (3) or .pgm (1).
    Float and double images are taken in [0, 1] (values outside are clipped).

    Example: image.save('/tmp/lena.png', image.lena())
    """
    if filename is None or tensor is None:
        raise dok_error("missing file name | tensor to save", "image.save")
    if not isinstance(filename, str):
        raise ImageError(f"bad argument #1 to 'save' (string expected, got "
                         f"{typename(filename)})")
    ext = files.extension(filename)
    kind = files.EXTENSIONS.get(ext)
    if kind is None:
        raise dok_error(f"unknown image type: {ext if ext else filename}", "image.save")
    _SAVERS[kind](filename, tensor)
    return ()


def _saver(encode, fname, wrapper):
    def save_kind(filename=None, tensor=None, *_):
        if filename is None or tensor is None:
            raise dok_error("missing file name | tensor to save", f"image.{fname}")
        check_tensor(tensor, 2, fname)
        files.write_file(filename, encode(tensor), wrapper)
        return ()
    save_kind.__name__ = save_kind.__qualname__ = fname
    return save_kind


def _checked_pnm(channels, fname, message):
    def encode(tensor):
        a = tensor.numpy()
        ok = (a.ndim == 3 and a.shape[0] == 3) if channels == 3 else \
            (a.ndim == 2 or (a.ndim == 3 and a.shape[0] == 1))
        if not ok or a.size == 0:
            raise dok_error(message, f"image.{fname}")
        return files.encode_pnm(tensor, fname)
    return encode


savePNG = _saver(files.encode_png, "savePNG", "write_png_file")
savePNG.__doc__ = """image.savePNG(filename, tensor)

    Saves an image (H x W, or 1, 3 or 4 x H x W) as a PNG file.

    Example: image.savePNG('/tmp/out.png', image.lena())
    """
saveJPG = _saver(files.encode_jpg, "saveJPG", "write_jpeg_file")
saveJPG.__doc__ = """image.saveJPG(filename, tensor)

    Saves an image (H x W, or 1 or 3 x H x W) as a JPEG file of quality 75.

    Example: image.saveJPG('/tmp/out.jpg', image.lena())
    """
savePPM = _saver(_checked_pnm(3, "savePPM", "can only save 3xHxW images as PPM"),
                 "savePPM", "write_ppm_file")
savePPM.__doc__ = """image.savePPM(filename, tensor)

    Saves a 3 x H x W image as a binary PPM file.

    Example: image.savePPM('/tmp/out.ppm', image.lena())
    """
savePGM = _saver(_checked_pnm(1, "savePGM", "can only save 1xHxW or HxW images as PGM"),
                 "savePGM", "write_pgm_file")
savePGM.__doc__ = """image.savePGM(filename, tensor)

    Saves an H x W or 1 x H x W image as a binary PGM file.

    Example: image.savePGM('/tmp/out.pgm', image.rgb2y(image.lena()))
    """
_SAVERS = {"png": savePNG, "jpg": saveJPG, "ppm": savePPM, "pgm": savePGM}


# ---- in memory --------------------------------------------------------------------------

def compressJPG(tensor=None, quality=None, *_):
    """image.compressJPG(tensor [, quality])

    The JPEG file of an image, as a ByteTensor (quality 1..100, default 75).

    Example: bytes = image.compressJPG(image.lena(), 90); print(bytes:size(1))
    """
    check_tensor(tensor, 1, "compressJPG")
    quality = 75 if quality is None else int(check_number(quality, 2, "compressJPG"))
    return _blob(files.encode_jpg(tensor, quality))


def compressPNG(tensor=None, *_):
    """image.compressPNG(tensor)

    The PNG file of an image, as a ByteTensor.

    Example: bytes = image.compressPNG(image.lena())
    """
    check_tensor(tensor, 1, "compressPNG")
    return _blob(files.encode_png(tensor))


def _blob(data):
    return new_tensor(np.frombuffer(data, dtype=np.uint8), np.uint8)


def decompressJPG(tensor=None, depth=None, tensortype=None, *_):
    """image.decompressJPG(bytes [, depth [, tensortype]])

    The image held by a ByteTensor of JPEG data (see image.load for the options).

    Example: img = image.decompressJPG(image.compressJPG(image.lena()))
    """
    data = files.check_blob(tensor, 1, "decompressJPG", "jpeg")
    return files.load_bytes(data, "jpg", _depth(depth, 2, "decompressJPG"), tensortype,
                            "image.decompressJPG")


def decompressPNG(tensor=None, depth=None, tensortype=None, *_):
    """image.decompressPNG(bytes [, depth [, tensortype]])

    The image held by a ByteTensor of PNG data (see image.load for the options).

    Example: img = image.decompressPNG(image.compressPNG(image.lena()))
    """
    data = files.check_blob(tensor, 1, "decompressPNG", "png")
    return files.load_bytes(data, "png", _depth(depth, 2, "decompressPNG"), tensortype,
                            "image.decompressPNG")


def decompress(tensor=None, depth=None, tensortype=None, *_):
    """image.decompress(bytes [, depth [, tensortype]])

    The image held by a ByteTensor of JPEG or PNG data, told apart by its first bytes.

    Example: img = image.decompress(image.compressPNG(image.lena()))
    """
    check_tensor(tensor, 1, "decompress")
    if tensor.numpy().dtype != np.uint8:
        raise dok_error("Input tensor must be a byte tensor", "image.decompress")
    head = tensor.numpy()[:4].tobytes() if tensor.dim() == 1 else b""
    if head.startswith(files.MAGIC_JPG):
        return decompressJPG(tensor, depth, tensortype)
    if head.startswith(files.MAGIC_PNG):
        return decompressPNG(tensor, depth, tensortype)
    raise dok_error("Input must be either jpg or png format", "image.decompress")


def getSize(filename=None, *_):
    """image.getSize(filename)

    The depth (channels), height and width of a PNG or JPEG file, read from its header.

    Example: c, h, w = image.getSize('photo.jpg')
    """
    if filename is None:
        raise dok_error("missing file name", "image.getSize")
    return files.size_of(files.read_file(filename, "image.getSize"), "image.getSize")


def getPNGsize(filename=None, *_):
    """image.getPNGsize(filename)

    The depth, height and width of a PNG file.

    Example: c, h, w = image.getPNGsize('plot.png')
    """
    return getSize(filename)


def getJPGsize(filename=None, *_):
    """image.getJPGsize(filename)

    The depth, height and width of a JPEG file.

    Example: c, h, w = image.getJPGsize('photo.jpg')
    """
    return getSize(filename)


def is_supported(suffix=None, *_):
    """image.is_supported(suffix)

    True when image.load and image.save know the extension (jpg, JPG, jpeg, JPEG, png,
    PNG, ppm, PPM, pgm, PGM).

    Example: print(image.is_supported('png'))
    """
    return suffix in files.EXTENSIONS
