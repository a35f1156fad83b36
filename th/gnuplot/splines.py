"""gnuplot's `smooth csplines` and `smooth acsplines`: natural cubic splines in numpy.

Input: data x, y (1-D float arrays) and, for acsplines, a weight per point. Output: the
curve sampled at 300 points across the x range (Torch7's style preamble set
`set samples 300`). As gnuplot does, the data are first made monotonic in x (sorted,
points with equal x averaged).

csplines interpolates the points. acsplines is the natural smoothing spline minimising
sum w_i (y_i - f(x_i))^2 + integral f''(x)^2 dx: larger weights pull the curve closer to
the points. Both solve Reinsch's banded system (Green & Silverman's Q and R matrices),
so a spline through n points costs O(n).
"""
import numpy as np

SAMPLES = 300


def spline_curve(x, y, weight=None, samples=SAMPLES):
    """(xs, ys): the spline through (x, y), smoothed when `weight` is given, sampled."""
    x, y, w = _monotonic(np.asarray(x, float), np.asarray(y, float), weight)
    if len(x) < 3:
        return x, y
    g, gamma = _fit(x, y, w)
    xs = np.linspace(x[0], x[-1], samples)
    return xs, _evaluate(x, g, gamma, xs)


def _monotonic(x, y, weight):
    """Sort by x and average the points sharing an x (weights add up)."""
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    w = np.full(len(x), 1.0 if weight is None else float(weight))
    xs, inverse = np.unique(x, return_inverse=True)
    wsum = np.bincount(inverse, weights=w, minlength=len(xs))
    ys = np.bincount(inverse, weights=w * y, minlength=len(xs)) / wsum
    return xs, ys, (None if weight is None else wsum)


def _fit(x, y, w):
    """Values g at the knots and second derivatives gamma (natural: zero at both ends)."""
    h = np.diff(x)
    n = len(x)
    # Q: n x (n-2), three bands per column; R: (n-2) x (n-2) tridiagonal.
    q_lo, q_mid, q_hi = 1 / h[:-1], -1 / h[:-1] - 1 / h[1:], 1 / h[1:]
    r_diag, r_off = (h[:-1] + h[1:]) / 3, h[1:-1] / 6
    d, e, f = r_diag.copy(), r_off.copy(), np.zeros(max(n - 4, 0))
    if w is not None:
        # + Q^T W^-1 Q, pentadiagonal.
        inv = 1 / w
        d += q_lo ** 2 * inv[:-2] + q_mid ** 2 * inv[1:-1] + q_hi ** 2 * inv[2:]
        e += q_mid[:-1] * q_lo[1:] * inv[1:-2] + q_hi[:-1] * q_mid[1:] * inv[2:-1]
        f += q_hi[:-2] * q_lo[2:] * inv[2:-2]
    rhs = q_lo * y[:-2] + q_mid * y[1:-1] + q_hi * y[2:]
    inner = _solve_banded(d, e, f, rhs)
    gamma = np.concatenate(([0.0], inner, [0.0]))
    if w is None:
        return y, gamma
    # g = y - W^-1 Q gamma
    q_gamma = np.zeros(n)
    q_gamma[:-2] += q_lo * inner
    q_gamma[1:-1] += q_mid * inner
    q_gamma[2:] += q_hi * inner
    return y - q_gamma / w, gamma


def _solve_banded(d, e, f, b):
    """Solve A z = b for symmetric positive definite A with diagonals d, e (1st), f (2nd)."""
    m = len(d)
    D, l1, l2 = np.empty(m), np.zeros(m), np.zeros(m)
    for i in range(m):
        D[i] = d[i]
        if i >= 1:
            D[i] -= l1[i - 1] ** 2 * D[i - 1]
        if i >= 2:
            D[i] -= l2[i - 2] ** 2 * D[i - 2]
        if i + 2 < m:
            l2[i] = f[i] / D[i]
        if i + 1 < m:
            l1[i] = (e[i] - (l2[i - 1] * D[i - 1] * l1[i - 1] if i >= 1 else 0.0)) / D[i]
    z = np.array(b, dtype=float)
    for i in range(m):
        if i >= 1:
            z[i] -= l1[i - 1] * z[i - 1]
        if i >= 2:
            z[i] -= l2[i - 2] * z[i - 2]
    z /= D
    for i in range(m - 1, -1, -1):
        if i + 1 < m:
            z[i] -= l1[i] * z[i + 1]
        if i + 2 < m:
            z[i] -= l2[i] * z[i + 2]
    return z


def _evaluate(x, g, gamma, xs):
    """The cubic spline with knot values g and second derivatives gamma, at points xs."""
    i = np.clip(np.searchsorted(x, xs, side="right") - 1, 0, len(x) - 2)
    h = x[i + 1] - x[i]
    a, b = xs - x[i], x[i + 1] - xs
    linear = (a * g[i + 1] + b * g[i]) / h
    bend = a * b / 6 * ((1 + a / h) * gamma[i + 1] + (1 + b / h) * gamma[i])
    return linear - bend
