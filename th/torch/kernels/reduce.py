"""numba kernels for reductions that return indices (max/min along a dimension).

numpy needs two passes (max, then argmax) and a gather; this does one pass over a
(outer, n, inner) view, keeping Torch7's tie and NaN rules: the first extreme wins and
a NaN, once met, is the result.
"""
import numba


@numba.njit(cache=True, nogil=True)
def extreme_along(a, values, indices, is_max):
    """values[o, i], indices[o, i] = max (or min) of a[o, :, i] and its 0-based index."""
    outer, n, inner = a.shape
    for o in range(outer):
        for i in range(inner):
            values[o, i] = a[o, 0, i]
            indices[o, i] = 0
        for k in range(1, n):
            for i in range(inner):
                best = values[o, i]
                if best != best:
                    continue                  # NaN already found
                v = a[o, k, i]
                if (v > best if is_max else v < best) or v != v:
                    values[o, i] = v
                    indices[o, i] = k
