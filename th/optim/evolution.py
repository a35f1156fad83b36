"""Derivative-free, population-based search: optim.cmaes and optim.de.

Both only use f(x) (the gradient opfunc returns is ignored) and return the best point
found instead of moving x. They follow Torch7's cmaes.lua (a port of N. Hansen's
barecmaes2) and de.lua step by step. de draws from its own generator seeded with 1, so
its runs are Torch7's exactly; cmaes draws from the global generator and takes
eigenvectors from LAPACK, whose signs may differ from Torch7's build, so its runs are
statistically, not digit for digit, the same.
"""
import math

import numpy as np

from th import torch
from th.lua.lib.string import str_format
from th.lua.runtime import tostring
from th.optim.luamath import div
from th.optim.protocol import (OptimError, check_args, get, get_number, lua_list, lua_print,
                               number, tables, value)


# ---- CMA-ES ------------------------------------------------------------------------------

def cmaes(opfunc=None, x=None, config=None, state=None, *_):
    """optim.cmaes(opfunc, x [, config] [, state]): minimise with CMA-ES (Hansen).

    Samples populations from a Gaussian whose mean, step size and covariance adapt to
    the best candidates; only f(x) is used. Settings are read from state (by default
    config): sigma (required, the initial step size), maxEval (1000 N^2), ftarget (stop
    below it), popsize (4 + floor(3 ln N)), verb_disp (0: quiet; n: a progress line
    every n iterations), min_iterations (1). x is not changed. Returns the best point
    (flattened), the table of f values (f at x, the best of each iteration, the best
    overall) and the number of evaluations.

    Example: best, fs, evals = optim.cmaes(feval, x, {sigma = 0.5, maxEval = 2000})
    """
    check_args(opfunc, x, "cmaes")
    if x.type() not in ("torch.DoubleTensor", "torch.FloatTensor"):
        raise OptimError(f"Unsupported Tensor {x.type()} please use Float- or DoubleTensor for x")
    if x.nElement() == 0:
        raise OptimError("bad argument #2 to 'cmaes' (non-empty tensor expected)")
    config, state = tables(config, state, "cmaes")
    run = _CMAES(opfunc, x, state)
    return run.optimize()


class _CMAES:
    """The strategy's parameters and its dynamic state (mean, paths, covariance)."""

    def __init__(self, opfunc, x, state):
        self.opfunc, self.x = opfunc, x
        self.xmean = x.clone().view(-1)
        n = self.n = self.xmean.size(1)
        self.sigma = state.get("sigma")
        if type(self.sigma) not in (int, float):
            raise OptimError("<optim.cmaes> sigma (the initial step size) must be set")
        self.ftarget = state.get("ftarget")
        self.max_eval = get_number(state, "maxEval", 1e3 * n ** 2)
        # Torch7 needed verb_disp set (nil failed at the third iteration): 0 by default
        self.verb_disp = get(state, "verb_disp", 0)
        self.min_iterations = get(state, "min_iterations", 1)
        lam = get(state, "popsize", None)
        self.lam = 4 + math.floor(3 * math.log(n)) if lam is None else lam

        # selection: log-decreasing weights over the best mu (mu may be fractional)
        mu = self.lam / 2
        w = np.array([math.log(mu + 0.5) - math.log(i + 1) for i in range(int(mu - 1) + 1)])
        w = w / w.sum()
        self.mueff = w.sum() ** 2 / (w ** 2).sum()
        self.weights = w
        self.n_mu = len(w)

        mueff = self.mueff
        self.cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n)
        self.cs = (mueff + 2) / (n + mueff + 5)
        self.c1 = 2 / ((n + 1.3) ** 2 + mueff)
        self.cmu = min(1 - self.c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) ** 2 + mueff))
        self.damps = 2 * mueff / self.lam + 0.3 + self.cs

        self.pc, self.ps = np.zeros(n), np.zeros(n)
        self.B, self.D, self.C = np.eye(n), np.ones(n), np.eye(n)
        self.invsqrtC = np.eye(n)
        self.eigeneval = self.counteval = 0
        self.fitvals = np.zeros(self.lam)
        self.best_x = self.best_f = None
        self.best_evals = 0

    def optimize(self):
        f_hist = [value(self.opfunc(self.x), "cmaes")]
        iteration = 0
        while not self.stop() or iteration < self.min_iterations:
            iteration += 1
            candidates = self.ask()
            for i in range(1, self.lam + 1):
                self.fitvals[i - 1] = value(self.opfunc(candidates[i].viewAs(self.x)), "cmaes")
            f_hist.append(self.tell(candidates))
            self.disp()
        if self.verb_disp > 0:
            for k, v in self.stop().items():
                lua_print("termination by", k, "=", v)
            lua_print("best f-value =", self.best_f)
            lua_print("solution = ")
            lua_print(self.best_x)
            lua_print("best found at iteration: ", div(self.best_evals, self.lam), " , total iterations: ", iteration)
        f_hist.append(self.best_f)
        return self.best_x, lua_list(f_hist), self.counteval

    def ask(self):
        """lambda candidates m + sigma B D N(0, I), as rows of a tensor of x's type."""
        n = self.n
        if self.counteval - self.eigeneval > self.lam / (self.c1 + self.cmu) / n / 10:
            self.eigeneval = self.counteval
            self.C = np.triu(self.C) + np.triu(self.C, 1).T     # enforce symmetry
            d, self.B = np.linalg.eigh(self.C)
            with np.errstate(invalid="ignore", divide="ignore"):
                self.D = np.sqrt(d)             # standard deviations (nan if C lost rank)
            self.invsqrtC = self.B @ np.diag(1 / self.D) @ self.B.T
        candidates = self.x.new(self.lam, n)
        rows = candidates.numpy()
        mean = self.xmean.numpy()
        for k in range(self.lam):
            z = torch.Tensor(n).normal(0, 1).numpy() * self.D   # global generator, as Torch7
            rows[k] = mean + (self.B @ z) * self.sigma
        return candidates

    def tell(self, candidates):
        """Sort by fitness, move the mean, update paths, covariance and step size."""
        n, lam, w = self.n, self.lam, self.weights
        self.counteval += lam
        xold = self.xmean.numpy().copy()
        order = np.argsort(self.fitvals, kind="stable")
        self.fitvals = self.fitvals[order]
        arx = candidates.numpy()[order[:self.n_mu]].astype(np.float64)
        if self.best_f is None or self.fitvals[0] < self.best_f:
            self.best_x = self.x.new(n).copy(candidates[int(order[0]) + 1])
            self.best_f = float(self.fitvals[0])
            self.best_evals = self.counteval
        self.xmean.numpy()[:] = arx.T @ w

        y = self.xmean.numpy().astype(np.float64) - xold
        z = self.invsqrtC @ y
        cs, cc, c1, cmu, mueff = self.cs, self.cc, self.c1, self.cmu, self.mueff
        self.ps = self.ps - self.ps * cs + z * ((cs * (2 - cs) * mueff) ** 0.5 / self.sigma)
        hsig = 1.0 if (np.sum(self.ps ** 2) / (1 - (1 - cs) ** (2 * self.counteval / lam)) / n
                       < 2 + 4.0 / (n + 1)) else 0.0
        self.pc = self.pc - self.pc * cc + y * ((cc * (2 - cc) * mueff) ** 0.5 / self.sigma) * hsig
        c1a = c1 - (1 - hsig ** 2) * c1 * cc * (2 - cc)
        dev = arx - xold
        cmu_ij = (dev.T * w) @ dev / self.sigma ** 2               # rank-mu update
        self.C = self.C + ((-c1a - cmu) * self.C + c1 * np.outer(self.pc, self.pc) + cmu * cmu_ij)
        self.sigma = self.sigma * math.exp(min(0.6, (cs / self.damps) * (np.sum(self.ps ** 2) / n - 1) / 2))
        return float(self.fitvals[0])

    def stop(self):
        """The termination conditions met, as {reason: value} (empty: go on)."""
        res = {}
        if self.counteval > 0:
            if self.counteval >= self.max_eval:
                res["evals"] = self.max_eval
            if self.ftarget is not None and self.fitvals[0] <= self.ftarget:
                res["ftarget"] = self.ftarget
            if self.D.max() > 1e7 * self.D.min():
                res["condition"] = 1e7
            if len(self.fitvals) > 1 and self.fitvals[-1] - self.fitvals[0] < 1e-12:
                res["tolfun"] = 1e-12
            if self.sigma * self.D.max() < 1e-11:
                res["tolx"] = 1e-11
        return res

    def disp(self):
        every = self.verb_disp
        if every == 0:
            return
        iteration = self.counteval / self.lam
        if iteration == 1 or iteration % (10 * every) == 0:
            lua_print("evals:\t ax-ratio max(std)   f-value")
        if iteration <= 2 or iteration % every == 0:
            max_std = math.sqrt(np.diag(self.C).max())
            lua_print(tostring(self.counteval) + ": "
                 + str_format(" %6.1f %8.1e ", float(self.D.max() / self.D.min()), self.sigma * max_std)
                 + tostring(float(self.fitvals[0])))


# ---- differential evolution -----------------------------------------------------------------

def de(opfunc=None, x=None, config=None, state=None, *_):
    """optim.de(opfunc, x [, config]): minimise by differential evolution.

    A population spread uniformly over [minRegion, maxRegion] evolves by mutation
    (best + scaleFactor * (a - b)) and binomial crossover; only f(x) is used, drawn from
    a generator seeded with 1 (so runs repeat). config: popsize (10 * dim),
    scaleFactor, crossoverRate, maxFEs (the number of evaluations, required),
    minRegion (-30), maxRegion (30). x is not changed. Returns the best point and a
    tensor of every f value computed.

    Example: best, fs = optim.de(feval, x, {popsize = 20, scaleFactor = 0.5, crossoverRate = 0.9, maxFEs = 400})
    """
    check_args(opfunc, x, "de")
    config, _ = tables(config, None, "de")
    xmean = x.clone().view(-1)
    dim = xmean.size(1)
    popsize = number(config, "popsize", 10 * dim)
    scale = config.get("scaleFactor")
    crossover = config.get("crossoverRate")
    max_fes = get_number(config, "maxFEs", None)
    if max_fes is None or type(scale) not in (int, float) or type(crossover) not in (int, float):
        raise OptimError("<optim.de> config.maxFEs, scaleFactor and crossoverRate must be numbers")
    max_region = number(config, "maxRegion", 30)
    min_region = number(config, "minRegion", -30)

    fx = x.new(int(max_fes))
    pop, children = x.new(popsize, dim), x.new(popsize, dim)
    fitness, children_fitness = x.new(popsize), x.new(popsize)
    best_solution = x.new(dim)
    gen = torch.Generator()
    torch.manualSeed(gen, 1)

    pop.uniform(gen, min_region, max_region)
    fes = 1
    for i in range(1, popsize + 1):
        fitness[i] = value(opfunc(pop[i]), "de")
        fx[fes] = fitness[i]
        fes += 1

    # Torch7 starts from the *largest* fitness (fitness:max(1)); kept, it only costs a step
    values, index = fitness.max(1)
    best_fitness = values[1]
    best_solution.copy(pop[index[1]])

    while fes < max_fes:
        for i in range(1, popsize + 1):
            r1 = _draw_other(gen, popsize, (i,))
            r2 = _draw_other(gen, popsize, (r1, i))
            jrand = torch.random(gen, 1, dim)
            child, parent, a, b = children[i], pop[i], pop[r1], pop[r2]
            for j in range(1, dim + 1):
                if torch.uniform(gen, 0, 1) < crossover or i == jrand:
                    child[j] = best_solution[j] + scale * (a[j] - b[j])
                else:
                    child[j] = parent[j]
            children_fitness[i] = value(opfunc(children[i]), "de")
            fx[fes] = children_fitness[i]
            fes += 1
        for i in range(1, popsize + 1):
            if children_fitness[i] <= fitness[i]:
                pop[i].copy(children[i])
                fitness[i] = children_fitness[i]
                if fitness[i] < best_fitness:
                    best_fitness = fitness[i]
                    best_solution.copy(children[i])
    return best_solution, fx


def _draw_other(gen, n, avoid):
    """torch.random(gen, 1, n) until it is none of `avoid`."""
    while True:
        r = torch.random(gen, 1, n)
        if r not in avoid:
            return r

