"""numba kernels for copies between strided tensors (of the same or different types).

A transposed source read row by row jumps a whole row between elements, missing the
cache every time; copying tile by tile (TILE x TILE) keeps both sides in cache. Bands
of TILE rows are shared between threads (th.torch.workers). Values convert as C casts
do.
"""
import numba

from th.torch import workers

TILE = 32
# Elements per thread at least (in bands of TILE rows): below, one call is quicker.
_GRAIN_ELEMENTS = 1 << 18


@numba.njit(cache=True, nogil=True)
def _copy2d_tiles(dst, src):
    n0, n1 = dst.shape
    for i0 in range(0, n0, TILE):
        for j0 in range(0, n1, TILE):
            for i in range(i0, min(i0 + TILE, n0)):
                for j in range(j0, min(j0 + TILE, n1)):
                    dst[i, j] = src[i, j]


def copy2d(dst, src):
    """dst[i, j] = src[i, j] for 2-D arrays of equal shape (any strides, any dtypes)."""
    n0, n1 = dst.shape
    bands = -(-n0 // TILE)
    grain = max(1, _GRAIN_ELEMENTS // (TILE * max(n1, 1)))

    def piece(lo, hi):
        _copy2d_tiles(dst[lo * TILE:hi * TILE], src[lo * TILE:hi * TILE])
    workers.split(bands, piece, grain)
