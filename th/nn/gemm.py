"""Matrix products for nn's layers: OpenBLAS's threads while they behave, else one
BLAS thread per call with big products shared out.

Input: float numpy arrays (2-D, or a batch of matrices for `matmul_sum`); output: the
product written into `out`.

Two ways to run a product on several cores, chosen per call by th.torch.adaptive:
- OpenBLAS's own threads (the fast way on an idle machine: they wait for work by
  spinning, so a call starts at once);
- one BLAS thread per call, a big product cut into blocks of rows or columns that
  th.torch.workers hands to the caller and its sleeping helper threads (numpy's matmul
  releases the GIL). This way never stalls: OpenBLAS splits each product statically, so
  when another process holds a core, a product that takes 0.2 ms alone took 20-100 ms
  (nn.SpatialConvolutionMM's backward on an 8x16x14x14 batch: median 25 ms, p90 180 ms
  for 0.9 ms idle), where the helpers' way costs about the one-core time.
OpenBLAS's idle threads spin for OPENBLAS_THREAD_TIMEOUT (th sets 2^20 cycles, ~0.4 ms,
before numpy loads: see th/__init__.py; OpenBLAS's default, ~0.1 s, held a core long
after each product and stalled the other threads of the process and PyTorch's).

Measured on this project's 2-core VM, bench/nn_train.py (median ms, p90; 2 threads each
side; PyTorch 2.13 in the same process):

    MLP SGD step            f64 idle     f32 idle     f64, 1 busy process
    one BLAS thread always  3.22         1.60         3.24 (p90 4.5)
    adaptive (this)         2.45         1.27         3.51 (p90 4.9)
    PyTorch                 1.94         0.98         6.25 (p90 81)

The workers' way alone gains less (a 128x784x256 f64 product: 761 us on one thread,
551 us cut in two on helper threads, 432 us on OpenBLAS's two threads), hence both.

Without numpy's bundled OpenBLAS (another BLAS), products run as numpy runs them.
Imports numpy and th.torch only.
"""
import ctypes
import glob
import os

import numpy as np

from th.torch import adaptive, workers

# Below this many multiply-adds (about 1 ms on one core) a product is one call. Cutting
# costs: smaller products run slower (a 128x784x256 one in 2 pieces took 1.2x the whole
# one's time when the other core was busy, in 8 pieces 1.9x), and waking a helper
# thread takes long enough that, on a 2-core machine, the cut product's median was
# worse than the uncut one's even with the other core idle. Big products are cut in
# two pieces per thread.
MIN_WORK = 1 << 25
PIECES_PER_THREAD = 2
# From this many multiply-adds a product may run on OpenBLAS's own threads (smaller
# ones gain nothing from a second thread).
BLAS_THREADS_WORK = 1 << 20


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


class blas_threads:
    """`with blas_threads(n):` OpenBLAS runs on n threads, then gets its count back."""

    def __init__(self, n):
        self.n = n

    def __enter__(self):
        if _OPENBLAS is not None:
            self.saved = _OPENBLAS[1]()
            if self.saved != self.n:
                _OPENBLAS[0](self.n)
        return self

    def __exit__(self, *exc):
        if _OPENBLAS is not None and self.saved != self.n:
            _OPENBLAS[0](self.saved)
        return False


class one_blas_thread(blas_threads):
    """`with one_blas_thread():` OpenBLAS runs on the calling thread only, then gets
    its thread count back (the tensor core's own products are not affected)."""

    def __init__(self):
        super().__init__(1)


def matmul(a, b, out):
    """out = a @ b for 2-D arrays: on OpenBLAS's threads while their calls behave
    (th.torch.adaptive), else with one BLAS thread per piece, a big product cut into
    blocks of out's rows (or of its columns, when it has fewer rows than columns)."""
    m, k = a.shape
    n = b.shape[1]
    work = m * n * k
    if work < BLAS_THREADS_WORK or _OPENBLAS is None or workers.threads() < 2:
        return _matmul_pieces(a, b, out)

    def on_blas_threads():
        with blas_threads(workers.threads()):
            return np.matmul(a, b, out=out)
    return adaptive.run(("mm", a.dtype.char), work, on_blas_threads,
                        lambda: _matmul_pieces(a, b, out), numba=False)


def _matmul_pieces(a, b, out):
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
