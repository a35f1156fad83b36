"""numba kernels for copies between strided tensors (of the same or different types).

A transposed source read row by row jumps a whole row between elements, missing the
cache every time; copying tile by tile (TILE x TILE) keeps both sides in cache, and the
tiles are split across threads. Values convert as C casts do.
"""
import numba

TILE = 32


@numba.njit(cache=True, nogil=True, parallel=True)
def copy2d(dst, src):
    """dst[i, j] = src[i, j] for 2-D arrays of equal shape (any strides, any dtypes)."""
    n0, n1 = dst.shape
    tiles0 = (n0 + TILE - 1) // TILE
    tiles1 = (n1 + TILE - 1) // TILE
    for t in numba.prange(tiles0 * tiles1):
        i0 = (t // tiles1) * TILE
        j0 = (t % tiles1) * TILE
        for i in range(i0, min(i0 + TILE, n0)):
            for j in range(j0, min(j0 + TILE, n1)):
                dst[i, j] = src[i, j]
