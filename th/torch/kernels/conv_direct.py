"""Direct convolution loops for layers with few output planes (LeNet's first layer).

Unfolding (im2col, kernels/conv.py) copies every input pixel kH*kW times before one
matrix product. With few output planes the product does little work per unfolded
column, so the copies dominate: nn.SpatialConvolution(3, 6, 5, 5) on a 32x3x32x32
batch spent ~0.8 ms unfolding and ~0.7 ms in a memory-bound product. These loops
instead add each weight times a shifted input plane into the output, the innermost
loop running along an output row (SIMD over oW); th.nn.conv picks them for stride-1
layers with few output planes and wide rows (measured there).

Arrays: x (B, C, H, W) and g / out (B, O, oH, oW), contiguous, of one float dtype; w
(O, C, kH, kW); stride 1, no padding (th.nn.conv pads the input itself). The kernels
take a range of samples (or of weight-gradient parts) so that th.torch.workers can
share a batch between threads: each piece is one long GIL-free call.
"""
import numba
import numpy as np

_OPTS = dict(cache=True, nogil=True, error_model="numpy", fastmath={"contract"})


@numba.njit(inline="always", **_OPTS)
def _forward_sample(x, w, bias, out):
    O, C, kH, kW = w.shape
    oH, oW = out.shape[1], out.shape[2]
    acc = np.empty(oW, out.dtype)
    for o in range(O):
        for y in range(oH):
            for ox in range(oW):
                acc[ox] = bias[o]
            for c in range(C):
                for i in range(kH):
                    row = x[c, y + i]
                    for j in range(kW):
                        wv = w[o, c, i, j]
                        for ox in range(oW):
                            acc[ox] += wv * row[ox + j]
            out[o, y, :] = acc


@numba.njit(**_OPTS)
def forward(x, w, bias, out, lo, hi):
    """out[b] = bias + the correlation of x[b] with w, for samples lo <= b < hi."""
    for b in range(lo, hi):
        _forward_sample(x[b], w, bias, out[b])


@numba.njit(inline="always", **_OPTS)
def _grad_input_sample(g, w, gi):
    O, C, kH, kW = w.shape
    oH, oW = g.shape[1], g.shape[2]
    gi[...] = 0
    for c in range(C):
        for o in range(O):
            for i in range(kH):
                for j in range(kW):
                    wv = w[o, c, i, j]
                    for y in range(oH):
                        dst = gi[c, y + i]
                        src = g[o, y]
                        for ox in range(oW):
                            dst[ox + j] += wv * src[ox]


@numba.njit(**_OPTS)
def grad_input(g, w, gi, lo, hi):
    """gi[b] = the full convolution of g[b] with w (the adjoint of forward's
    correlation), for samples lo <= b < hi."""
    for b in range(lo, hi):
        _grad_input_sample(g[b], w, gi[b])


@numba.njit(inline="always", **_OPTS)
def _grad_weight_part(g, x, part, lo, hi):
    # part[o, c, i, j] = sum over samples lo..hi-1 of g[b, o] . x[b, c] shifted by (i, j):
    # partial sums along the row (SIMD), then added up, row sums in a fixed order.
    O, C, kH, kW = part.shape
    oH, oW = g.shape[2], g.shape[3]
    acc = np.empty(oW, part.dtype)
    part[...] = 0
    for b in range(lo, hi):
        for o in range(O):
            for c in range(C):
                for i in range(kH):
                    for j in range(kW):
                        acc[:] = 0
                        for y in range(oH):
                            src = g[b, o, y]
                            row = x[b, c, y + i]
                            for ox in range(oW):
                                acc[ox] += src[ox] * row[ox + j]
                        s = 0.0
                        for ox in range(oW):
                            s += acc[ox]
                        part[o, c, i, j] += s


@numba.njit(**_OPTS)
def grad_weight(g, x, parts, p_lo, p_hi):
    """parts[p] = the weight gradient of the p-th of len(parts) equal runs of samples,
    for p_lo <= p < p_hi (their sum in order is the batch's gradient)."""
    B, P = g.shape[0], parts.shape[0]
    for p in range(p_lo, p_hi):
        _grad_weight_part(g, x, parts[p], B * p // P, B * (p + 1) // P)
