"""numba kernels for reductions that return indices (max/min along a dimension).

numpy needs two passes (max, then argmax) plus a gather; these do one pass, keeping
Torch7's tie and NaN rules: the first extreme wins, and a NaN, once met, is the result.
The input is viewed as (outer, n, inner) with the reduced dimension in the middle:
`rows` handles inner == 1 (each row contiguous), `blocks` the general case, scanning
blocks of the contiguous inner dimension so the loads stay sequential. Work is split
across threads by rows or by (outer, block) pairs.
"""
import numba

BLOCK = 256


@numba.njit(cache=True, nogil=True, inline="always")
def _better(v, best, is_max):
    if best != best:
        return False                     # a NaN already won
    if v != v:
        return True
    return v > best if is_max else v < best


@numba.njit(cache=True, nogil=True, inline="always")
def _scan_row(a, r, values, indices, is_max):
    best = a[r, 0]
    bi = 0
    for k in range(1, a.shape[1]):
        v = a[r, k]
        if _better(v, best, is_max):
            best = v
            bi = k
    values[r] = best
    indices[r] = bi


@numba.njit(cache=True, nogil=True)
def rows(a, values, indices, is_max):
    """values[r], indices[r] = extreme of the contiguous row a[r, :] and its index."""
    for r in range(a.shape[0]):
        _scan_row(a, r, values, indices, is_max)


@numba.njit(cache=True, nogil=True, parallel=True)
def rows_parallel(a, values, indices, is_max):
    for r in numba.prange(a.shape[0]):
        _scan_row(a, r, values, indices, is_max)


@numba.njit(cache=True, nogil=True, inline="always")
def _scan_block(a, job, nblocks, values, indices, is_max):
    o = job // nblocks
    lo = (job % nblocks) * BLOCK
    hi = min(lo + BLOCK, a.shape[2])
    for i in range(lo, hi):
        values[o, i] = a[o, 0, i]
        indices[o, i] = 0
    for k in range(1, a.shape[1]):
        for i in range(lo, hi):
            v = a[o, k, i]
            if _better(v, values[o, i], is_max):
                values[o, i] = v
                indices[o, i] = k


@numba.njit(cache=True, nogil=True)
def blocks(a, values, indices, is_max):
    """values[o, i], indices[o, i] = extreme of a[o, :, i] and its index."""
    nblocks = (a.shape[2] + BLOCK - 1) // BLOCK
    for job in range(a.shape[0] * nblocks):
        _scan_block(a, job, nblocks, values, indices, is_max)


@numba.njit(cache=True, nogil=True, parallel=True)
def blocks_parallel(a, values, indices, is_max):
    nblocks = (a.shape[2] + BLOCK - 1) // BLOCK
    for job in numba.prange(a.shape[0] * nblocks):
        _scan_block(a, job, nblocks, values, indices, is_max)
