"""Line search for L-BFGS: optim.lswolfe (Wolfe conditions) and optim.polyinterp.

lswolfe brackets a step t along the direction d, then zooms in on it with cubic
interpolation (polyinterp) until the sufficient-decrease and curvature conditions hold,
following minFunc as Torch7's optim does, step for step. polyinterp finds the minimum
of the polynomial through points (x, f, f'), in closed form for the common cubic case.
"""
import numpy as np

from th import torch
from th.lua.lib.args import type_error
from th.optim.luamath import div, max2, min2, pow, sqrt
from th.optim.protocol import check_args, evaluate, get, number, say, truthy
from th.torch.tensor import Tensor


def lswolfe(opfunc=None, x=None, t=None, d=None, f=None, g=None, gtd=None, options=None, *_):
    """optim.lswolfe(opfunc, x, t, d, f, g, gtd [, options]): a Wolfe line search.

    The line search for optim.lbfgs (config.lineSearch = optim.lswolfe). From x, where
    f(x) = f, df/dx = g and gtd = g.d, it searches a step along d starting from t.
    options: c1 (1e-4, sufficient decrease), c2 (0.9, curvature), tolX (1e-9, smallest
    bracket), maxIter (20), verbose. Returns f and g at the new point, x (moved in place
    to x + t*d), t and the number of function evaluations.

    Example: x, fs = optim.lbfgs(feval, x, {lineSearch = optim.lswolfe, maxIter = 50})
    """
    check_args(opfunc, x, "lswolfe")
    _check_start(t, d, f, g, gtd)
    options = options if options is not None else {}
    c1 = number(options, "c1", 1e-4)
    c2 = number(options, "c2", 0.9)
    tol_x = number(options, "tolX", 1e-9)
    max_iter = number(options, "maxIter", 20)
    verbose = truthy(get(options, "verbose", False))

    search = _Search(opfunc, x, d, f, g, gtd, c1, c2)
    search.first_step(t)
    done = search.bracket_phase(max_iter)
    search.zoom_phase(done, max_iter, tol_x)
    if search.ls_iter == max_iter and verbose:
        say("lswolfe", "reached max number of iterations")
    return search.finish()


def _check_start(t, d, f, g, gtd):
    """Arguments #3 to #7: numbers t, f, gtd and tensors d, g (Lua's wording)."""
    for n, v, kind in ((3, t, "number"), (4, d, "torch.*Tensor"), (5, f, "number"),
                       (6, g, "torch.*Tensor"), (7, gtd, "number")):
        ok = isinstance(v, Tensor) if kind != "number" else \
            isinstance(v, (int, float)) and not isinstance(v, bool)
        if not ok:
            raise type_error(v, n, "lswolfe", kind)


class _Search:
    """The state of one line search: the start, the current trial, the bracket."""

    def __init__(self, opfunc, x, d, f, g, gtd, c1, c2):
        self.opfunc, self.x, self.d = opfunc, x, d
        self.f, self.g, self.gtd, self.c1, self.c2 = f, g, gtd, c1, c2
        self.x_init = x.clone()
        self.evals = 0
        self.ls_iter = 0

    def try_step(self, t):
        """Evaluate at x_init + t*d."""
        self.t = t
        self.x.copy(self.x_init)
        self.x.add(t, self.d)
        self.f_new, self.g_new = evaluate(self.opfunc, self.x, "lswolfe", numeric=True)
        self.evals += 1
        self.gtd_new = self.g_new.dot(self.d)

    def first_step(self, t):
        """Evaluate at x + t*d (x is still x_init)."""
        self.t = t
        self.x.add(t, self.d)
        self.f_new, self.g_new = evaluate(self.opfunc, self.x, "lswolfe", numeric=True)
        self.evals = 1
        self.gtd_new = self.g_new.dot(self.d)

    def bracket_phase(self, max_iter):
        """Find an interval containing an acceptable step; true if a step was found."""
        t_prev, f_prev, g_prev, gtd_prev = 0, self.f, self.g.clone(), self.gtd
        while self.ls_iter < max_iter:
            t, f_new, gtd_new = self.t, self.f_new, self.gtd_new
            if f_new > self.f + self.c1 * t * self.gtd or (self.ls_iter > 1 and f_new >= f_prev):
                self.set_bracket([t_prev, t], [f_prev, f_new], [g_prev, self.g_new])
                return False
            if abs(gtd_new) <= -self.c2 * self.gtd:
                self.set_bracket([t], [f_new], [self.g_new])
                return True
            if gtd_new >= 0:
                self.set_bracket([t_prev, t], [f_prev, f_new], [g_prev, self.g_new])
                return False
            # extrapolate with a cubic through the last two trials
            tmp, t_prev = t_prev, t
            min_step, max_step = t + 0.01 * (t - tmp), t * 10
            t = _first(polyinterp(_points([tmp, f_prev, gtd_prev], [t, f_new, gtd_new]),
                                  min_step, max_step))
            f_prev, g_prev, gtd_prev = f_new, self.g_new.clone(), gtd_new
            self.try_step(t)
            self.ls_iter += 1
        self.set_bracket([0, self.t], [self.f, self.f_new], [self.g, self.g_new])
        return False

    def set_bracket(self, ts, fs, gs):
        # Torch7 copies the gradients into a tensor of their own
        self.bracket, self.bracket_f = ts, fs
        self.bracket_g = [g.clone() for g in gs]

    def zoom_phase(self, done, max_iter, tol_x):
        """Shrink the bracket by cubic interpolation until a Wolfe step is found."""
        bracket, bf, bg = self.bracket, self.bracket_f, self.bracket_g
        insuf_progress = False
        while not done and self.ls_iter < max_iter:
            lo = _argmin(bf)
            hi = 1 - lo
            f_lo = bf[lo]
            t = _first(polyinterp(_points([bracket[0], bf[0], bg[0].dot(self.d)],
                                          [bracket[1], bf[1], bg[1].dot(self.d)])))
            t, insuf_progress = _keep_inside(t, bracket, insuf_progress)

            self.try_step(t)
            self.ls_iter += 1
            if self.f_new > self.f + self.c1 * t * self.gtd or self.f_new >= f_lo:
                # Armijo condition not met, or not below the lowest point
                bracket[hi], bf[hi], bg[hi] = t, self.f_new, self.g_new.clone()
            else:
                if abs(self.gtd_new) <= -self.c2 * self.gtd:
                    done = True
                elif self.gtd_new * (bracket[hi] - bracket[lo]) >= 0:
                    bracket[hi], bf[hi], bg[hi] = bracket[lo], bf[lo], bg[lo]
                bracket[lo], bf[lo], bg[lo] = t, self.f_new, self.g_new.clone()
            if not done and abs((bracket[0] - bracket[1]) * self.gtd_new) < tol_x:
                break

    def finish(self):
        lo = _argmin(self.bracket_f)
        t = self.bracket[lo]
        self.x.copy(self.x_init)
        self.x.add(t, self.d)
        return self.bracket_f[lo], self.bracket_g[lo], self.x, t, self.evals


def _keep_inside(t, bracket, insuf_progress):
    """Move t away from the bracket's ends when it makes too little progress."""
    hi_t, lo_t = max(bracket), min(bracket)
    if div(min2(hi_t - t, t - lo_t), hi_t - lo_t) < 0.1:
        if insuf_progress or t >= hi_t or t <= lo_t:
            if abs(t - hi_t) < abs(t - lo_t):
                t = hi_t - 0.1 * (hi_t - lo_t)
            else:
                t = lo_t + 0.1 * (hi_t - lo_t)
            return t, False
        return t, True
    return t, False


def _argmin(values):
    """The 0-based position of Torch7's min(1): the first minimum, a nan wins."""
    best = 0
    for i in range(1, len(values)):
        if not values[i] >= values[best]:
            best = i
    return best


def _first(r):
    return r[0] if type(r) is tuple else r


def _points(*rows):
    # a tensor of the default type, as Torch7's Tensor{{...}, {...}}
    return torch.Tensor([list(r) for r in rows])


# ---- polyinterp ---------------------------------------------------------------------------

def polyinterp(points=None, xminBound=None, xmaxBound=None, *_):
    """optim.polyinterp(points [, xminBound, xmaxBound]): minimum of an interpolating polynomial.

    points is an N x 3 tensor of rows (x, f(x), f'(x)). With two points and no bounds (the common case) the cubic's minimiser comes in
    closed form and only it is returned; otherwise the polynomial of degree 2N-1 is
    fitted, its critical points within [xminBound, xmaxBound] (default: the points'
    range) are compared, and the position and value of the minimum are returned.

    Example: t = optim.polyinterp(torch.Tensor({{0, 1, -1}, {1, 0.5, 0.5}}))
    """
    if not isinstance(points, Tensor) or points.dim() != 2 or points.size(2) < 3:
        raise type_error(points, 1, "polyinterp", "N x 3 tensor")
    rows = [[float(v) for v in row[:3]] for row in points.tolist()]
    if len(rows) == 2 and xminBound is None and xmaxBound is None:
        return _cubic_minimum(rows)
    return _fitted_minimum(rows, xminBound, xmaxBound)


def _cubic_minimum(rows):
    # minFunc's solution, with x2 the point of larger x:
    #   d1 = g1 + g2 - 3 (f1 - f2) / (x1 - x2);  d2 = sqrt(d1^2 - g1 g2)
    #   t = x2 - (x2 - x1) (g2 + d2 - d1) / (g2 - g1 + 2 d2), clamped to [x1, x2]
    lo = _argmin([rows[0][0], rows[1][0]])
    (x1, f1, g1), (x2, f2, g2) = rows[lo], rows[1 - lo]
    d1 = g1 + g2 - div(3 * (f1 - f2), x1 - x2)
    d2 = sqrt(pow(d1, 2) - g1 * g2)
    if d2 == d2:
        t = x2 - (x2 - x1) * div(g2 + d2 - d1, g2 - g1 + 2 * d2)
        return min2(max2(t, x1), x2)
    return (rows[0][0] + rows[1][0]) / 2


def _fitted_minimum(rows, xmin_bound, xmax_bound):
    n = len(rows)
    order = 2 * n - 1
    xs = [r[0] for r in rows]
    xmin_bound = min(xs) if xmin_bound is None else xmin_bound
    xmax_bound = max(xs) if xmax_bound is None else xmax_bound

    # values and derivatives as linear constraints on the coefficients (highest first)
    a = np.zeros((2 * n, order + 1))
    b = np.zeros(2 * n)
    for i, (x, f, g) in enumerate(rows):
        a[i] = [pow(x, j) for j in range(order, -1, -1)]
        b[i] = f
        a[n + i, :order] = [(order - j) * pow(x, order - j - 1) for j in range(order)]
        b[n + i] = g
    params = _least_squares(a, b)
    params[np.abs(params) <= 1e-12] = 0
    dparams = np.array([params[i] * (order - i) for i in range(order)])

    candidates = [(xmin_bound, 0.0), (xmax_bound, 0.0)] + [(x, 0.0) for x in xs]
    if not (np.isnan(dparams).any() or (dparams == np.inf).any()):
        candidates += _roots(dparams)

    fmin, min_pos = np.inf, (xmin_bound + xmax_bound) / 2  # bisection if none is valid
    for re, im in candidates:
        if im == 0 and xmin_bound <= re <= xmax_bound:
            f_cp = _polyval(params, re)
            if f_cp < fmin:
                min_pos, fmin = re, f_cp
    return min_pos, float(fmin)


def _least_squares(a, b):
    """torch.gels(b, a) for the square system here: QR, as LAPACK's gels does."""
    with np.errstate(all="ignore"):
        q, r = np.linalg.qr(a)
        try:
            return np.linalg.solve(r, q.T @ b)
        except np.linalg.LinAlgError:
            return np.linalg.lstsq(a, b, rcond=None)[0]


def _roots(c):
    """The roots of the polynomial with coefficients c (highest first), as (re, im) pairs."""
    c = c.copy()
    c[np.abs(c) < 1e-12] = 0
    nonzero = np.flatnonzero(c)
    if nonzero.size == 0:
        return []
    c = c[nonzero[0]:]
    zeros = len(c) - 1 - np.flatnonzero(c)[-1]
    c = c[:len(c) - zeros]
    n = len(c) - 1
    roots = []
    if n == 1:
        roots = [(-c[1] / c[0], 0.0)]
    elif n > 1:
        companion = np.diag(np.ones(n - 1), -1)
        companion[0] = -c[1:] / c[0]
        with np.errstate(all="ignore"):
            roots = [(float(e.real), float(e.imag)) for e in np.linalg.eigvals(companion)]
    return roots + [(0.0, 0.0)] * int(zeros)


def _polyval(p, x):
    # summed from the highest power down, as Torch7's apply loop does
    val = 0
    pwr = len(p)
    for pc in p:
        pwr -= 1
        val = val + pc * pow(x, pwr)
    return val
