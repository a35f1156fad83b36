"""numba kernels for copies between non-contiguous tensors of different types."""
import numba


@numba.njit(cache=True, nogil=True)
def copy2d(dst, src):
    """dst[i, j] = src[i, j] with a C cast; one pass, no temporary (numpy makes one)."""
    n0, n1 = dst.shape
    for i in range(n0):
        for j in range(n1):
            dst[i, j] = src[i, j]
