"""Matrix products for nn's layers: one BLAS thread per call, big products shared out.

Input: float numpy arrays (2-D, or a batch of matrices for `matmul_sum`); output: the
product written into `out`. Every call runs with OpenBLAS set to one thread, and a big
product is cut into blocks of rows or columns that th.torch.workers hands to the caller
and its sleeping helper threads (numpy's matmul releases the GIL).

Why: OpenBLAS's own threads split each product statically and wait for each other by
spinning. When another process holds a core (a test run, a browser), a product that
takes 0.2 ms alone took 20-100 ms: on a 2-core machine with the other core busy,
nn.SpatialConvolutionMM's backward pass on an 8x16x14x14 batch had a median of 25 ms and
a 90th percentile of 180 ms, for 0.9 ms idle, and the MLP step of bench/nn_train.py took
60 ms for 3. With one BLAS thread they stay near their one-core times whatever the
load. The price: on an idle machine OpenBLAS's threads ran that MLP's 128x784x256
products about 1.7x faster than one thread; here only products over MIN_WORK are cut
between threads (th.torch.workers never waits for a piece nobody started, so a loaded
machine costs about the one-core time).

Tried and not kept (th.torch.adaptive for products): OpenBLAS on 2 threads while calls
behave, one thread after a stall. MLP SGD step of bench/nn_train.py, th alone in its
process: 3.07 -> 2.07 ms f64, 1.53 -> 1.18 ms f32 (PyTorch ~1.75 / 0.95). But beside
PyTorch in one process, PyTorch's spinning OpenMP threads made single OpenBLAS calls
look stalled, and with the other core busy the f64 step's median went 3.10 -> 4.39 ms
(OpenBLAS's threads keep spinning for a while after each probe, against the one-thread
work): over the ~10% allowed, so every product still runs with one BLAS thread.

Without numpy's bundled OpenBLAS (another BLAS), products run as numpy runs them.
Imports numpy and th.torch only.
"""
import ctypes
import glob
import os

import numpy as np

from th.torch import workers

# Below this many multiply-adds (about 1 ms on one core) a product is one call. Cutting
# costs: smaller products run slower (a 128x784x256 one in 2 pieces took 1.2x the whole
# one's time when the other core was busy, in 8 pieces 1.9x), and waking a helper
# thread takes long enough that, on a 2-core machine, the cut product's median was
# worse than the uncut one's even with the other core idle. Big products are cut in
# two pieces per thread.
MIN_WORK = 1 << 25
PIECES_PER_THREAD = 2


def _find_openblas_threads():
    """OpenBLAS's (set_num_threads, get_num_threads) functions, or None."""
    folder = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in sorted(glob.glob(os.path.join(folder, "libscipy_openblas*.so*"))):
        try:
            lib = ctypes.CDLL(path)
            setter = lib.scipy_openblas_set_num_threads64_
            getter = lib.scipy_openblas_get_num_threads64_
        except (OSError, AttributeError):
            continue
        setter.argtypes, setter.restype = [ctypes.c_int], None
        getter.argtypes, getter.restype = [], ctypes.c_int
        return setter, getter
    return None


_OPENBLAS = _find_openblas_threads()


class one_blas_thread:
    """`with one_blas_thread():` OpenBLAS runs on the calling thread only, then gets
    its thread count back (the tensor core's own products are not affected)."""

    def __enter__(self):
        if _OPENBLAS is not None:
            self.saved = _OPENBLAS[1]()
            if self.saved != 1:
                _OPENBLAS[0](1)
        return self

    def __exit__(self, *exc):
        if _OPENBLAS is not None and self.saved != 1:
            _OPENBLAS[0](self.saved)
        return False


def matmul(a, b, out):
    """out = a @ b for 2-D arrays; a big product is cut into blocks of out's rows (or of
    its columns, when it has fewer rows than columns)."""
    m, k = a.shape
    n = b.shape[1]
    with one_blas_thread():
        if m * n * k < MIN_WORK or workers.threads() < 2:
            return np.matmul(a, b, out=out)
        if m >= n:
            def rows(lo, hi):
                np.matmul(a[lo:hi], b, out=out[lo:hi])
            workers.split(m, rows, _per_thread(m))
        else:
            def cols(lo, hi):
                np.matmul(a, b[:, lo:hi], out=out[:, lo:hi])
            workers.split(n, cols, _per_thread(n))
    return out


def _per_thread(n):
    """The grain that cuts n items into PIECES_PER_THREAD pieces per thread."""
    return max(1, n // (workers.threads() * PIECES_PER_THREAD))


def matmul_sum(a, b, out):
    """out = the sum over i of a[i] @ b[i], for batches of matrices (B, m, k) and
    (B, k, n): a weight gradient summed over the samples of a batch. One product per
    sample beats one product over the whole batch's inner dimension (k*B) by up to 3x
    for the few rows of a convolution's gradient; samples are shared between threads
    when the work is big, and their sums added in a fixed order."""
    batch, m, k = a.shape
    n = b.shape[2]
    with one_blas_thread():
        if batch * m * n * k < MIN_WORK or workers.threads() < 2:
            return np.sum(np.matmul(a, b), axis=0, out=out)
        parts = {}

        def samples(lo, hi):
            if hi > lo:
                parts[lo] = np.matmul(a[lo:hi], b[lo:hi]).sum(axis=0)
        workers.split(batch, samples, _per_thread(batch))
        return np.sum([parts[lo] for lo in sorted(parts)], axis=0, out=out)


__all__ = []
