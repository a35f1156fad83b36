"""Reading and writing image files: PNG, JPEG (through Pillow), PPM and PGM (here).

Input: file names, or ByteTensors holding a compressed file. Output: images as
C x H x W tensors: byte images keep the file's values (0..255), float and double ones
are scaled to [0, 1] as Torch7 did (`img:mul(1/255)`, 1/65535 for 16-bit PNGs).
Saving takes H x W or C x H x W tensors (C = 1, 3, or 4 for PNG): byte images are
written as they are, others saturated to [0, 1] and scaled to 0..255.

The format comes from the file's first bytes, then from its extension, as Torch7's
image.load decided. Pillow ships with matplotlib, so this adds no dependency; it is
imported on first use.

Differences from Torch7 (which used libpng, libjpeg and its own PPM reader):
- Saving rounds to the nearest byte; Torch7 truncated, so a double image loaded from a
  PNG and saved again lost one level on some pixels (33/255*255 < 33 in floating
  point). Here a PNG round trip is exact.
- PPM/PGM files with a maxval other than 255 are scaled to 0..255 (Torch7 scaled only
  the ASCII ones), 16-bit samples are read big-endian as the format says.
- 16-bit colour PNGs are read at 8 bits (Pillow's limit); 16-bit grey ones exactly.
- JPEG pixels may differ by a level from Torch7's libjpeg (decoders round differently).
"""
import io as _io
import os
import re
import tempfile

import numpy as np

from th.image.args import (ImageError, array, check_tensor, default_dtype, dok_error,
                           dtype_of, new_tensor)

MAGIC_JPG = b"\xff\xd8\xff"
MAGIC_PNG = b"\x89PNG"
EXTENSIONS = {"jpg": "jpg", "JPG": "jpg", "jpeg": "jpg", "JPEG": "jpg", "png": "png",
              "PNG": "png", "ppm": "ppm", "PPM": "ppm", "pgm": "pgm", "PGM": "pgm"}
_TYPES = {"byte": np.uint8, "float": np.float32, "double": np.float64}


# ---- decoding ---------------------------------------------------------------------------

def _pillow():
    from PIL import Image
    return Image


def decode_pillow(data, what):
    """(pixels C x H x W as uint8 or uint16, maxval) of PNG or JPEG bytes."""
    Image = _pillow()
    try:
        with Image.open(_io.BytesIO(data)) as im:
            im.load()
            return _pixels(im)
    except (OSError, ValueError, SyntaxError) as e:
        raise ImageError(f"{what}: {e}") from None


def _pixels(im):
    mode = im.mode
    if mode in ("I;16", "I;16B", "I;16L", "I"):
        a = np.asarray(im).astype(np.int64)
        return np.clip(a, 0, 65535).astype(np.uint16)[None], 65535
    if mode == "1":
        im = im.convert("L")
    elif mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    elif mode not in ("L", "LA", "RGB", "RGBA"):
        im = im.convert("RGB")            # CMYK, YCbCr, ... JPEGs
    a = np.asarray(im)
    a = a[None] if a.ndim == 2 else a.transpose(2, 0, 1)
    return np.ascontiguousarray(a), 255


def decode_pnm(data, what):
    """(pixels, 255) of a PPM/PGM file (P2, P3 ASCII; P5, P6 binary)."""
    m = re.match(rb"P([2356])", data)
    if m is None:
        raise ImageError(f"{what}: corrupted file")
    kind = m.group(1)
    fields, pos = _pnm_header(data, 2, 3, what)
    width, height, maxval = fields
    channels = 3 if kind in (b"3", b"6") else 1
    count = width * height * channels
    if kind in (b"2", b"3"):
        values = np.array(data[pos:].split()[:count], dtype=np.int64)
    else:
        dt = np.dtype(">u2") if maxval > 255 else np.dtype(np.uint8)
        values = np.frombuffer(data, dtype=dt, count=count, offset=pos + 1) \
            if len(data) >= pos + 1 + count * dt.itemsize else np.zeros(0)
        values = values.astype(np.int64)
    if values.size < count:
        raise ImageError(f"{what}: corrupted file or read error")
    if maxval != 255:
        values = 255 * values // maxval
    pixels = values.reshape(height, width, channels).transpose(2, 0, 1)
    return np.ascontiguousarray(np.clip(pixels, 0, 255).astype(np.uint8)), 255


def _pnm_header(data, pos, n, what):
    """n numbers after the magic, skipping white space and # comments; returns
    (numbers, position of the single white space character ending the header)."""
    numbers = []
    while len(numbers) < n:
        while pos < len(data) and (data[pos:pos + 1].isspace() or data[pos:pos + 1] == b"#"):
            if data[pos:pos + 1] == b"#":
                end = data.find(b"\n", pos)
                pos = len(data) if end < 0 else end
            pos += 1
        m = re.compile(rb"\d+").match(data, pos)
        if m is None:
            raise ImageError(f"{what}: corrupted file")
        numbers.append(int(m.group()))
        pos = m.end()
    return numbers, pos


def _image_from_pixels(pixels, maxval, depth, tensortype, fname):
    """Torch7's processPNG/processJPG + todepth: type, scale, channels."""
    if tensortype is not None and tensortype not in _TYPES:
        raise dok_error("tensor type must be one of: byte | float | double", fname)
    dtype = _TYPES[tensortype] if tensortype is not None else default_dtype()
    if np.dtype(dtype) == np.uint8:
        values = pixels >> 8 if maxval == 65535 else pixels
        img = new_tensor(values, np.uint8)
    else:
        dt = np.dtype(dtype).type
        img = new_tensor(pixels.astype(dtype) * dt(1 / maxval), dtype)
    return _todepth(img, depth)


def _todepth(img, depth):
    from th.image.colour import rgb2y
    a = array(img)
    channels = a.shape[0]
    if depth == 1:
        if channels in (3, 4):
            return rgb2y(img.narrow(1, 1, 3)).select(1, 1)
        if channels == 2:
            return img.narrow(1, 1, 1)
        if channels != 1:
            raise dok_error("image loaded has wrong #channels", "image.todepth")
    elif depth == 3:
        if channels == 4:
            return img.narrow(1, 1, 3)
        if channels == 1:
            return new_tensor(np.repeat(a, 3, axis=0), dtype_of(img))
        if channels != 3:
            raise dok_error("image loaded has wrong #channels", "image.todepth")
    return img


# ---- encoding ---------------------------------------------------------------------------

def to_bytes(tensor):
    """Torch7's clampImage: byte images as they are; others saturated to [0, 1] and
    scaled to 0..255 (rounded here, see the module's notes). Returns a uint8 array."""
    return quantize(array(tensor))


def quantize(a):
    """The uint8 pixels of an image array (see to_bytes)."""
    if a.dtype == np.uint8:
        return np.ascontiguousarray(a)
    values = np.clip(a.astype(np.float64), 0, 1) * 255
    return np.floor(values + 0.5).astype(np.uint8)


def _planes(tensor, allowed, fname, message):
    """The H x W x C (or H x W) uint8 array Pillow wants, after a depth check."""
    a = to_bytes(tensor)
    if a.ndim == 2:
        a = a[None]
    if a.ndim != 3 or a.shape[0] not in allowed or a.size == 0:
        raise ImageError(message if fname is None else f"<{fname}> {message}")
    return a[0] if a.shape[0] == 1 else a.transpose(1, 2, 0)


def encode_png(tensor):
    a = _planes(tensor, (1, 3, 4), None, "[write_png_file] Depth must be 1, 3 or 4")
    return _encode(a, "PNG")


def encode_jpg(tensor, quality=75):
    a = _planes(tensor, (1, 3), None, "[write_jpeg_file] Depth must be 1 or 3")
    return _encode(a, "JPEG", quality=int(quality))


def _encode(a, fmt, **options):
    Image = _pillow()
    buf = _io.BytesIO()
    Image.fromarray(np.ascontiguousarray(a)).save(buf, format=fmt, **options)
    return buf.getvalue()


def encode_pnm(tensor, fname):
    """A binary PPM (3 x H x W) or PGM (H x W, 1 x H x W) file, maxval 255."""
    a = to_bytes(tensor)
    a = a[None] if a.ndim == 2 else a
    header = b"P6" if a.shape[0] == 3 else b"P5"
    return header + f"\n{a.shape[2]} {a.shape[1]}\n255\n".encode() + \
        np.ascontiguousarray(a.transpose(1, 2, 0)).tobytes()


def write_file(path, data, fname):
    """Write `data` to `path` atomically (a temporary file renamed over it)."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".th-image-")
    except OSError:
        raise ImageError(f"[{fname}] File {path} could not be opened for writing") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as e:
        os.unlink(tmp)
        raise ImageError(f"[{fname}] File {path} could not be written ({e.strerror})") from None


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_file(path, fname):
    """The bytes of `path`; a missing file gives io.open's message, as in Torch7."""
    if not isinstance(path, str):
        raise dok_error("missing file name", fname)
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise ImageError(f"{path}: {e.strerror}") from None


def format_of(path, data):
    """'jpg', 'png', 'ppm' or 'pgm' from the magic bytes, else the extension, else None."""
    head = data[:4]
    if head.startswith(MAGIC_JPG):
        return "jpg"
    if head.startswith(MAGIC_PNG):
        return "png"
    if re.match(rb"P[25]", head):
        return "pgm"
    if re.match(rb"P[36]", head):
        return "ppm"
    return EXTENSIONS.get(extension(path))


def extension(path):
    m = re.search(r"\.([A-Za-z]+)$", path)
    return m.group(1) if m else None


def check_blob(tensor, argn, fname, what):
    """The bytes held by a ByteTensor given to decompressJPG/PNG."""
    check_tensor(tensor, argn, fname)
    if dtype_of(tensor) != np.uint8:
        raise dok_error(f"Input tensor (with compressed {what}) must be a byte tensor",
                        f"image.{fname}")
    return np.ascontiguousarray(array(tensor)).tobytes()


def load_bytes(data, kind, depth, tensortype, fname):
    """An image tensor from file bytes of a known kind."""
    if kind in ("ppm", "pgm"):
        pixels, maxval = decode_pnm(data, fname)
    else:
        pixels, maxval = decode_pillow(data, fname)
    return _image_from_pixels(pixels, maxval, depth, tensortype, fname)


def size_of(data, fname):
    """(depth, height, width) of PNG or JPEG bytes, from the header only."""
    Image = _pillow()
    try:
        with Image.open(_io.BytesIO(data)) as im:
            depth = {"1": 1, "L": 1, "I": 1, "I;16": 1, "LA": 2, "RGBA": 4,
                     "P": 3}.get(im.mode, 3)
            return depth, im.height, im.width
    except (OSError, ValueError, SyntaxError) as e:
        raise ImageError(f"{fname}: {e}") from None
