"""optim.cg: nonlinear conjugate gradients, Torch7's rewrite of C. E. Rasmussen's minimize.m.

Polack-Ribiere directions with a line search by cubic interpolation and extrapolation
(slope ratio rho / sig Wolfe-Powell conditions), limited by the number of function
evaluations. Every step, test and constant follows Torch7's cg.lua, so the sequence of
points is Torch7's (and minimize.m's, give or take rounding). See th.optim.protocol for
the calling convention.
"""
import math

from th import torch
from th.optim.luamath import div, max2, min2, sqrt
from th.optim.protocol import check_args, evaluate, get, lua_list, number, put, tables

_INF = math.inf


def cg(opfunc=None, x=None, config=None, state=None, *_):
    """optim.cg(opfunc, x [, config] [, state]): minimise with conjugate gradients.

    Returns x, the table of f values at the accepted points (f[1] at the start) and the
    number of evaluations. config: maxEval (maxIter * 1.25, the real limit), maxIter (20,
    evaluations per line search), rho (0.01) and sig (0.5) (the Wolfe-Powell
    conditions), int (0.1, how near a bracket end a point may be), ext (3.0, the largest
    extrapolation), ratio (100, the largest slope ratio). state (default: config) keeps
    the work tensors df0, df1, df2, df3, s, x0.

    Example: x, fs, evals = optim.cg(feval, x, {maxEval = 100})
    """
    check_args(opfunc, x, "cg")
    config, state = tables(config, state, "cg")
    run = _Run(opfunc, x, config, state)
    run.minimize()
    for key in ("df0", "df1", "df2", "df3", "x0", "s"):
        put(state, key, getattr(run, key))
    return x, lua_list(run.fx), run.i


class _Run:
    """One call of cg: minimize.m's variables (z: steps, d: slopes, f: values)."""

    def __init__(self, opfunc, x, config, state):
        self.opfunc, self.x = opfunc, x
        self.rho = number(config, "rho", 0.01)
        self.sig = number(config, "sig", 0.5)
        self.int = number(config, "int", 0.1)
        self.ext = number(config, "ext", 3.0)
        self.max_iter = number(config, "maxIter", 20)
        self.ratio = number(config, "ratio", 100)
        self.max_eval = number(config, "maxEval", self.max_iter * 1.25)
        for key in ("df0", "df1", "df2", "df3", "s", "x0"):
            buf = get(state, key)
            if buf is None:
                buf = torch.Tensor()     # Torch7: the default tensor type
            setattr(self, key, buf.resizeAs(x))
        self.i = 0
        self.fx = []

    def evaluate(self):
        """f and df/dx at x (df copied into df2); counts the evaluation."""
        f, g = evaluate(self.opfunc, self.x, "cg", numeric=True)
        self.df2.copy(g)
        self.i += 1
        return f

    def minimize(self):
        x, s = self.x, self.s
        f1, g = evaluate(self.opfunc, x, "cg", numeric=True)
        self.fx.append(f1)
        self.df1.copy(g)
        self.i += 1
        s.copy(self.df1).mul(-1)
        d1 = -s.dot(s)            # slope
        z1 = div(1, 1 - d1)       # initial step (red = 1)

        while self.i < abs(self.max_eval):
            self.x0.copy(x)
            self.df0.copy(self.df1)
            x.add(z1, s)
            f2 = self.evaluate()
            d2 = self.df2.dot(s)
            success, f2, d2, z1 = self.line_search(f1, d1, f2, d2, z1)
            if success:
                f1 = f2
                self.fx.append(f1)
                d2 = self.polak_ribiere()
                z1 = z1 * min2(self.ratio, div(d1, d2 - 1e-320))
                d1 = d2
            else:
                # back to the last good point; Torch7 then always stops (its test
                # `if ls_failed or ...` is true for the number 0 too)
                x.copy(self.x0)
                self.df1.copy(self.df0)
                break

    def line_search(self, f1, d1, f2, d2, z1):
        """minimize.m's line search from f1 (slope d1) after a trial step z1."""
        rho, sig, inter = self.rho, self.sig, self.int
        f3, d3, z3 = f1, d1, -z1           # point 3 starts as point 1
        m = min2(self.max_iter, self.max_eval - self.i)
        limit = -1
        while True:
            while (f2 > f1 + z1 * rho * d1 or d2 > -sig * d1) and m > 0:
                # interpolate back: the step was too long
                limit = z1
                if f2 > f1:
                    z2 = z3 - div(0.5 * d3 * z3 * z3, d3 * z3 + f2 - f3)
                else:
                    a = div(6 * (f2 - f3), z3) + 3 * (d2 + d3)
                    b = 3 * (f3 - f2) - z3 * (d3 + 2 * d2)
                    z2 = div(sqrt(b * b - a * d2 * z3 * z3) - b, a)
                if z2 != z2 or z2 == _INF or z2 == -_INF:
                    z2 = z3 / 2
                z2 = max2(min2(z2, inter * z3), (1 - inter) * z3)
                z1 = z1 + z2
                self.x.add(z2, self.s)
                f2 = self.evaluate()
                m -= 1
                d2 = self.df2.dot(self.s)
                z3 = z3 - z2
            if f2 > f1 + z1 * rho * d1 or d2 > -sig * d1:
                return False, f2, d2, z1
            if d2 > sig * d1:
                return True, f2, d2, z1
            if m == 0 or (m < 0 and self.i >= 2 * abs(self.max_eval)):
                # Torch7 tests m == 0 only: with a fractional maxEval (maxIter = 50
                # gives 62.5) m skips 0 and the search goes on until a test above
                # ends it, which on a flat stretch never happens; we stop there at
                # twice the evaluation budget
                return False, f2, d2, z1
            z2 = self.extrapolate(d2, f2, d3, f3, z1, z3, limit)
            f3, d3, z3 = f2, d2, -z2
            z1 = z1 + z2
            self.x.add(z2, self.s)
            f2 = self.evaluate()
            m -= 1
            d2 = self.df2.dot(self.s)

    def extrapolate(self, d2, f2, d3, f3, z1, z3, limit):
        """The next step by cubic extrapolation, kept within minimize.m's limits."""
        ext, inter = self.ext, self.int
        a = div(6 * (f2 - f3), z3) + 3 * (d2 + d3)
        b = 3 * (f3 - f2) - z3 * (d3 + 2 * d2)
        z2 = div(-d2 * z3 * z3, b + sqrt(b * b - a * d2 * z3 * z3))
        if z2 != z2 or z2 == _INF or z2 == -_INF or z2 < 0:
            z2 = z1 * (ext - 1) if limit < -0.5 else (limit - z1) / 2
        elif limit > -0.5 and z2 + z1 > limit:
            z2 = (limit - z1) / 2
        elif limit < -0.5 and z2 + z1 > z1 * ext:
            z2 = z1 * (ext - 1)
        elif z2 < -z3 * inter:
            z2 = -z3 * inter
        elif limit > -0.5 and z2 < (limit - z1) * (1 - inter):
            z2 = (limit - z1) * (1 - inter)
        return z2

    def polak_ribiere(self):
        """The new direction s; swaps df1 and df2; returns the new slope."""
        s, df1, df2 = self.s, self.df1, self.df2
        ss = div(df2.dot(df2) - df2.dot(df1), df1.dot(df1))
        s.mul(ss)
        s.add(-1, df2)
        tmp = df1.clone()
        df1.copy(df2)
        df2.copy(tmp)
        d2 = df1.dot(s)
        if d2 > 0:
            # not a descent direction: restart along the gradient
            s.copy(df1)
            s.mul(-1)
            d2 = -s.dot(s)
        return d2
