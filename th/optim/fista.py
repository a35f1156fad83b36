"""optim.FistaLS: FISTA (Beck and Teboulle, 2009) with a backtracking line search.

Minimises f(x) + g(x) where f is smooth and g is not (an L1 penalty, say): each step
takes a gradient step on f and then applies the proximal operator `pl` of g, shrinking
the step size 1/L until the quadratic model bounds f. Follows Torch7's fista.lua step by
step; see its docstring for the arguments.
"""
import math

from th import torch
from th.lua.lib.string import str_format
from th.lua.table import LuaTable
from th.optim.luamath import div, sqrt
from th.optim.protocol import (OptimError, get, lua_print, number, put, results2, truthy,
                               value)


def FistaLS(f=None, g=None, pl=None, xinit=None, params=None, *_):
    """optim.FistaLS(f, g, pl, xinit [, params]): minimise f(x) + g(x) by FISTA.

    f(x) returns the smooth part's value, and f(x, 'dx') its value and gradient; g(x)
    the non-smooth part's value; pl(x, L) replaces x by the minimiser of the auxiliary
    problem (for g = lambda |x|_1, a soft threshold at lambda / L). params: L (0.1,
    1/step size, updated), Lstep (1.5), maxiter (50), maxline (20, line-search steps),
    errthres (1e-4, on the change of f + g), doFistaUpdate (FISTA's momentum; unset
    means plain ISTA, as in Torch7's code), verbose (prints each step, keeps xk and y
    in the history). params also keeps the work tensors xkm, y, ply. xinit ends as the
    solution. Returns the solution and the history, a table of {nline, L, F, Fply, Gply, Q}.

    Example: x, h = optim.FistaLS(f, g, pl, torch.zeros(10), {doFistaUpdate = true, maxiter = 100})
    """
    params = params if params is not None else LuaTable()
    L = number(params, "L", 0.1)
    l_step = number(params, "Lstep", 1.5)
    maxiter = number(params, "maxiter", 50)
    maxline = number(params, "maxline", 20)
    errthres = number(params, "errthres", 1e-4)
    fista_update = truthy(params.get("doFistaUpdate"))
    verbose = truthy(params.get("verbose"))

    for key in ("xkm", "y", "ply"):
        if get(params, key) is None:
            put(params, key, torch.Tensor())
    xkm, y, ply = params.get("xkm"), params.get("y"), params.get("ply")
    xk = xinit                  # the iterate lives in xinit itself
    xkm.resizeAs(xk).zero()
    ply.resizeAs(xk).zero()
    y.resizeAs(xk).zero()

    history = LuaTable()
    niter, tk, tkp = 0, 1, 0
    g(y)                        # Torch7 evaluates g at the start (unused)
    fval = math.inf
    while niter < maxiter:
        fy, gfy = results2(f(y, "dx"))
        fy = value(fy, "FistaLS")
        nline, L, Q, fply = _line_search(f, pl, xk, xkm, y, ply, fy, gfy, L, l_step, maxline, verbose)

        if fista_update:
            tkp = (1 + sqrt(1 + 4 * tk * tk)) / 2
            xkm.add(-1, xk)
            y.copy(xk)
            y.add(div(1 - tk, tkp), xkm)
            xkm.copy(xk)
        else:
            y.copy(xk)
        tk = tkp
        fply = value(f(y), "FistaLS")
        gply = value(g(y), "FistaLS")
        if verbose:
            lua_print(str_format("iter=%d eold=%g enew=%g", niter, fval, fply + gply))
        niter += 1

        fval = fply + gply
        entry = LuaTable.from_dict({"nline": nline, "L": L, "F": fval, "Fply": fply, "Gply": gply, "Q": Q})
        history[niter] = entry
        put(params, "L", L)
        if verbose:
            entry["xk"], entry["y"] = xk.clone(), y.clone()
        if niter > 1 and abs(entry["F"] - history[niter - 1]["F"]) <= errthres or niter >= maxiter:
            xinit.copy(y)
            return y, history
    raise OptimError("not supposed to be here")


def _line_search(f, pl, xk, xkm, y, ply, fy, gfy, L, l_step, maxline, verbose):
    """Grow L until f at the proximal step is below its quadratic model at y."""
    nline = 0
    while True:
        ply.copy(y)
        ply.add(div(-1, L), gfy)
        pl(ply, L)
        xk.copy(ply)
        fply = value(f(ply), "FistaLS")
        ply.add(-1, y)
        q2 = gfy.dot(ply)
        q3 = L / 2 * ply.dot(ply)
        Q = fy + q2 + q3
        if verbose:
            lua_print(str_format("nline=%d L=%g fply=%g Q=%g fy=%g Q2=%g Q3=%g", nline, L, fply, Q, fy, q2, q3))
        done = False
        if fply <= Q:
            done = True
        elif nline >= maxline:
            done = True
            xk.copy(xkm)        # no better point: stay at the previous iterate
        else:
            L = L * l_step
        nline += 1
        if done:
            return nline, L, Q, fply
