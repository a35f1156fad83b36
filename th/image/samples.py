"""The sample pictures: image.lena() and image.fabio(), drawn here rather than shipped.

Torch7 bundled photographs (Lenna, later Grace Hopper, and Fabio). th ships no
photograph: these are pictures of its own, painted by the code below, deterministic
and the same on every machine. They are built to exercise image code the way a photo
does: smooth gradients, sharp edges at every orientation, fine texture, saturated and
muted colours, and a perspective checkerboard whose frequencies rise towards the
horizon (aliasing shows at once when scaling down badly).

Output: image.lena() and image.fabio() as tensors of the default type with values in
[0, 1], made from uint8 pixels (computed once, cached) the way image.load makes them.
"""
import numpy as np

from th.image.args import default_dtype, new_tensor

LENA_SIZE = 512                  # Torch7's lena: 3 x 512 x 512
FABIO_SIZE = (257, 271)          # Torch7's fabio: 257 x 271, one channel

_cache = {}


def lena():
    """image.lena()

    A 3 x 512 x 512 colour picture to try image functions on. Torch7 returned a photo
    (Lenna, later Grace Hopper); th's is a landscape painted by its own code (sky, sun,
    hills, a ball, a sail, a checkerboard field): sharp edges, gradients, texture.

    Example: img = image.lena(); print(img:size())
    """
    return _tensor(lena_pixels())


def fabio():
    """image.fabio()

    A 257 x 271 grey picture (one channel, as an H x W tensor). Torch7 returned a
    photo of Fabio; th's is a portrait painted by its own code.

    Example: img = image.fabio(); print(img:size())
    """
    return _tensor(fabio_pixels())


def _tensor(pixels):
    dtype = default_dtype()
    return new_tensor(pixels.astype(dtype) * dtype.type(1 / 255), dtype)


def lena_pixels():
    """The 3 x 512 x 512 uint8 RGB landscape behind image.lena()."""
    if "lena" not in _cache:
        _cache["lena"] = _to_bytes(_landscape(LENA_SIZE))
    return _cache["lena"]


def fabio_pixels():
    """The 257 x 271 uint8 grey portrait behind image.fabio()."""
    if "fabio" not in _cache:
        _cache["fabio"] = _to_bytes(_portrait(*FABIO_SIZE))
    return _cache["fabio"]


def _to_bytes(rgb):
    return np.clip(np.floor(rgb * 255 + 0.5), 0, 255).astype(np.uint8)


# ---- the landscape ---------------------------------------------------------------------

def _landscape(n):
    y, x = np.mgrid[0:n, 0:n] / (n - 1)          # y down, x right, both in [0, 1]
    rng = np.random.default_rng(7)               # its own generator: torch's RNG is untouched
    img = _sky(x, y)
    _paint(img, _disc(x, y, 0.78, 0.2, 0.07, soft=0.01), (1.0, 0.93, 0.55))        # sun
    far = 0.45 + 0.06 * _ridge(x, rng, 5)
    _paint(img, _smooth_step(y - far, 0.003), (0.42, 0.48, 0.62))                   # far hills
    near = 0.55 + 0.05 * _ridge(x, rng, 9)
    shade = 0.75 + 0.25 * np.cos(18 * x + 5 * y)
    _paint(img, _smooth_step(y - near, 0.002), np.stack([0.18 * shade, 0.45 * shade,
                                                         0.16 * shade]))            # near hills
    _paint(img, _smooth_step(y - 0.68, 0.001), _checkerboard(x, y))               # the field
    _paint(img, _disc(x, y, 0.25, 0.78, 0.09, soft=0.004), _ball(x, y, 0.25, 0.78, 0.09))
    _paint(img, _triangle(x, y), (0.95, 0.78, 0.12))                               # a sail
    grain = rng.normal(0, 0.012, (n, n))                                           # film grain
    return np.clip(img + grain, 0, 1)


def _sky(x, y):
    top, horizon = np.array([0.10, 0.25, 0.60]), np.array([0.85, 0.90, 0.95])
    t = np.clip(y / 0.6, 0, 1)[None]
    sky = top[:, None, None] * (1 - t) + horizon[:, None, None] * t
    clouds = 0.08 * np.sin(9 * x + 2 * np.sin(13 * y)) * np.exp(-((y - 0.22) / 0.08) ** 2)
    return sky + clouds[None]


def _ridge(x, rng, waves):
    """A mountain outline: a sum of sines with fixed random phases, in [-1, 1]."""
    freqs = np.arange(1, waves + 1)
    phases = rng.uniform(0, 2 * np.pi, waves)
    r = sum(np.sin(2 * np.pi * f * x + p) / f for f, p in zip(freqs, phases))
    return r / np.abs(r).max()


def _checkerboard(x, y):
    """A ground plane of squares seen in perspective, red and cream."""
    depth = 0.06 / np.maximum(y - 0.66, 0.005)
    u = (x - 0.5) * depth * 10
    v = depth * 10
    check = (np.floor(u) + np.floor(v)) % 2
    dark, light = np.array([0.55, 0.12, 0.10]), np.array([0.93, 0.88, 0.74])
    return dark[:, None, None] * check + light[:, None, None] * (1 - check)


def _ball(x, y, cx, cy, r):
    """A blue ball lit from the top left."""
    d = np.hypot(x - (cx - r / 3), y - (cy - r / 3)) / (1.6 * r)
    light = np.clip(1 - d, 0.15, 1)
    return np.stack([0.15 * light, 0.35 * light, 0.95 * light])


def _triangle(x, y):
    inside = (y < 0.66) & (y > 0.42) & (x > 0.55) & (x - 0.55 < (y - 0.42) * 0.7)
    return inside.astype(float)


def _disc(x, y, cx, cy, r, soft):
    return _smooth_step(r - np.hypot(x - cx, y - cy), soft)


def _smooth_step(d, width):
    """0 where d < -width, 1 where d > width, a smooth ramp between (anti-aliased edges)."""
    t = np.clip((d + width) / (2 * width), 0, 1)
    return t * t * (3 - 2 * t)


def _paint(img, alpha, colour):
    colour = np.asarray(colour, dtype=float)
    if colour.ndim == 1:
        colour = colour[:, None, None]
    img *= 1 - alpha
    img += alpha * colour


# ---- the portrait ----------------------------------------------------------------------

def _portrait(h, w):
    y, x = np.mgrid[0:h, 0:w].astype(float)
    y, x = y / (h - 1), x / (w - 1)
    img = 0.35 + 0.3 * x                                              # lit from the right
    face = _ellipse(x, y, 0.5, 0.48, 0.27, 0.36)
    img = img * (1 - face) + face * (0.55 + 0.35 * np.clip(1.2 - np.hypot(x - 0.6, y - 0.35), 0, 1))
    hair = _ellipse(x, y, 0.5, 0.22, 0.3, 0.16) * (y < 0.3)
    img = img * (1 - hair) + hair * (0.12 + 0.05 * np.sin(90 * x))  # strands
    for cx in (0.4, 0.6):
        eye = _ellipse(x, y, cx, 0.45, 0.05, 0.025)
        img = img * (1 - eye) + eye * 0.95
        pupil = _ellipse(x, y, cx, 0.45, 0.018, 0.018)
        img = img * (1 - pupil) + pupil * 0.05
    mouth = _ellipse(x, y, 0.5, 0.66, 0.1, 0.025) * (y > 0.66)
    img = img * (1 - mouth) + mouth * 0.25
    shirt = _smooth_step(y - (0.85 + 0.1 * np.abs(x - 0.5)), 0.004)
    img = img * (1 - shirt) + shirt * (0.2 + 0.6 * ((np.floor(x * 24) % 2) == 0))
    return np.clip(img, 0, 1)


def _ellipse(x, y, cx, cy, rx, ry):
    return _smooth_step(1 - np.hypot((x - cx) / rx, (y - cy) / ry), 0.02)
