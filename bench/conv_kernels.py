"""Why th's convolutions unfold (im2col) and multiply with BLAS: the alternatives, timed.

    python bench/conv_kernels.py [--threads N]

For the two convolutions of the LeNet benchmark (batch 32: 3->6 5x5 on 32x32 and
6->16 5x5 on 14x14) and one padded 3x3 layer, in float64 and float32, prints:
- forward: a direct numba convolution loop vs im2col + one BLAS product (th's way);
- im2col: one numpy strided copy (th's way) vs a numba copy loop;
- col2im: th's numba kernel vs numpy (one strided add per kernel offset).
Times are the best of 20 calls, in milliseconds; ratios > 1 favour th's choice.
"""
import os
import sys
import time

if "--threads" in sys.argv:
    n = sys.argv[sys.argv.index("--threads") + 1]
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMBA_NUM_THREADS"):
        os.environ[var] = n

import numba  # noqa: E402
import numpy as np  # noqa: E402

from th.torch.kernels import conv as K  # noqa: E402


@numba.njit(cache=True, nogil=True, parallel=True)
def direct_conv(x, w, out):
    """out[b, o] = sum_c correlate(x[b, c], w[o, c]) (valid, stride 1): the loop a
    direct numba kernel would run, with the kernel offsets outermost so the inner loop
    runs along image rows."""
    B, C, H, W = x.shape
    O, _, kH, kW = w.shape
    oH, oW = H - kH + 1, W - kW + 1
    for bo in numba.prange(B * O):
        b, o = bo // O, bo % O
        for y in range(oH):
            for xx in range(oW):
                out[b, o, y, xx] = 0
        for c in range(C):
            for i in range(kH):
                for j in range(kW):
                    wv = w[o, c, i, j]
                    for y in range(oH):
                        for xx in range(oW):
                            out[b, o, y, xx] += wv * x[b, c, y + i, xx + j]


@numba.njit(cache=True, nogil=True, parallel=True)
def loop_im2col(x, kH, kW, oH, oW, col):
    """im2col (stride 1, no padding) as a numba loop."""
    B, C, H, W = x.shape
    N = oH * oW
    for bc in numba.prange(B * C):
        b, c = bc // C, bc % C
        for i in range(kH):
            for j in range(kW):
                row = (c * kH + i) * kW + j
                for y in range(oH):
                    for xx in range(oW):
                        col[row, b * N + y * oW + xx] = x[b, c, y + i, xx + j]


def numpy_col2im(col, kH, kW, oH, oW, x):
    """col2im (stride 1, no padding) as kH*kW strided numpy additions."""
    B, C = x.shape[:2]
    c6 = col.reshape(C, kH, kW, B, oH, oW)
    x[...] = 0
    for i in range(kH):
        for j in range(kW):
            x[:, :, i:i + oH, j:j + oW] += c6[:, i, j].transpose(1, 0, 2, 3)


def best(f, n=20):
    f()
    t_best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        f()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best * 1e3


def row(label, theirs, ours):
    print(f"  {label:<34} {theirs:8.3f} vs {ours:8.3f} ms   x{theirs / ours:5.2f}")


def main():
    rng = np.random.default_rng(0)
    print(f"# numba threads {numba.get_num_threads()}")
    for dtype in (np.float64, np.float32):
        for B, C, O, H, k in ((32, 3, 6, 32, 5), (32, 6, 16, 14, 5), (32, 16, 16, 16, 3)):
            x = rng.standard_normal((B, C, H, H)).astype(dtype)
            w = rng.standard_normal((O, C, k, k)).astype(dtype)
            oH = H - k + 1
            col = np.empty((C * k * k, B * oH * oH), dtype)
            out = np.empty((B, O, oH, oH), dtype)

            def unfolded():
                K.im2col(x, k, k, 1, 1, 0, 0, oH, oH, col)
                y = w.reshape(O, -1) @ col
                out.reshape(B, O, -1)[...] = y.reshape(O, B, -1).transpose(1, 0, 2)

            unfolded()
            ref = out.copy()
            direct_conv(x, w, out)
            np.testing.assert_allclose(out, ref, rtol=1e-3, atol=1e-3)
            print(f"{np.dtype(dtype).name} batch {B}, {C}->{O}, {k}x{k} on {H}x{H}:")
            row("forward: direct numba vs im2col+BLAS", best(lambda: direct_conv(x, w, out)),
                best(unfolded))
            row("im2col: numba loop vs numpy copy",
                best(lambda: loop_im2col(x, k, k, oH, oH, col)),
                best(lambda: K.im2col(x, k, k, 1, 1, 0, 0, oH, oH, col)))
            xi = np.empty_like(x)
            row("col2im: numpy adds vs numba",
                best(lambda: numpy_col2im(col, k, k, oH, oH, xi)),
                best(lambda: K.col2im(col, k, k, 1, 1, 0, 0, oH, oH, xi)))


if __name__ == "__main__":
    main()
