"""Showing a PNG inside the terminal: kitty's, iTerm2's and the sixel image protocols.

Input: a PNG file and a protocol name ('kitty', 'iterm' or 'sixel'). Output: the escape
sequences that make the terminal draw the image, written to standard output. kitty and
iTerm2 take the PNG itself (base64); sixel needs the pixels, reduced to at most 256
colours (with Pillow, which matplotlib requires) and encoded six rows at a time.
"""
import base64
import sys

import numpy as np

KITTY_CHUNK = 4096


def show_png(path, protocol):
    """Draw the PNG file `path` in the terminal with `protocol`, then start a new line."""
    with open(path, "rb") as f:
        png = f.read()
    encoders = {"kitty": kitty, "iterm": iterm, "sixel": lambda data: sixel(_pixels(data))}
    out = sys.stdout
    out.write(encoders[protocol](png) + "\n")
    out.flush()


def kitty(png):
    """kitty graphics protocol: transmit and display PNG data (a=T, f=100), in chunks."""
    data = base64.standard_b64encode(png).decode("ascii")
    chunks = [data[i:i + KITTY_CHUNK] for i in range(0, len(data), KITTY_CHUNK)] or [""]
    parts = []
    for i, chunk in enumerate(chunks):
        more = 1 if i < len(chunks) - 1 else 0
        control = f"a=T,f=100,m={more}" if i == 0 else f"m={more}"
        parts.append(f"\033_G{control};{chunk}\033\\")
    return "".join(parts)


def iterm(png):
    """iTerm2's inline image escape (also understood by WezTerm)."""
    data = base64.standard_b64encode(png).decode("ascii")
    return f"\033]1337;File=inline=1;size={len(png)};preserveAspectRatio=1:{data}\a"


def _pixels(png):
    """(palette as N x 3 uint8, H x W array of palette indices) of PNG bytes."""
    import io
    from PIL import Image
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=255)
    palette = np.array(image.getpalette()[:3 * 256], dtype=np.uint8).reshape(-1, 3)
    return palette, np.asarray(image)


def sixel(pixels):
    """DEC sixel data for (palette, index image) pixels."""
    palette, index = pixels
    height, width = index.shape
    out = ["\033Pq", f'"1;1;{width};{height}']
    for c, rgb in enumerate(palette):
        r, g, b = (int(v) * 100 // 255 for v in rgb)      # sixel colours are percents
        out.append(f"#{c};2;{r};{g};{b}")
    for top in range(0, height, 6):
        band = index[top:top + 6]
        colours = np.unique(band)
        for k, c in enumerate(colours):
            bits = np.zeros(width, dtype=np.int64)
            for row in range(band.shape[0]):
                bits |= (band[row] == c).astype(np.int64) << row
            out.append(f"#{c}" + _run_length(bits + 63) + ("$" if k < len(colours) - 1 else ""))
        out.append("-")
    out.append("\033\\")
    return "".join(out)


def _run_length(codes):
    """Sixel characters for `codes` with runs written as !<count><char>."""
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    lengths = np.diff(np.r_[starts, len(codes)])
    parts = []
    for start, length in zip(starts, lengths):
        ch = chr(codes[start])
        parts.append(f"!{length}{ch}" if length > 3 else ch * length)
    return "".join(parts)
