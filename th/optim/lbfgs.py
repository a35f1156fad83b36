"""optim.lbfgs: limited-memory BFGS, after Mark Schmidt's minFunc, as Torch7 has it.

Without a line search it takes fixed steps of learningRate along the L-BFGS direction
(cheap, and fine for stochastic problems); with `lineSearch = optim.lswolfe` each
iteration searches for a step satisfying the Wolfe conditions. The memory (the last
nCorrection steps and gradient changes) lives in `state`, so a later call continues the
same approximation. See th.optim.protocol for the calling convention.
"""
from th import torch
from th.optim.luamath import div, min2
from th.lua.table import LuaTable
from th.optim.protocol import (as_list, check_args, evaluate, get, get_number, lua_list,
                               number, put, say, tables, truthy)


def lbfgs(opfunc=None, x=None, config=None, state=None, *_):
    """optim.lbfgs(opfunc, x [, config] [, state]): minimise with L-BFGS.

    Runs up to maxIter iterations in one call and returns x, the table of every f value
    seen (f[1] before any step, f[#f] at the returned x) and the number of evaluations.
    config: maxIter (20), maxEval (maxIter * 1.25), tolFun (1e-5, on the sum of |df/dx|),
    tolX (1e-9, on the step and on the change of f), nCorrection (100, pairs remembered),
    lineSearch (a function such as optim.lswolfe; none: fixed steps), lineSearchOptions,
    learningRate (1), verbose (false; prints '<optim.lbfgs> ' messages). state (default:
    config) keeps funcEval, nIter, d, t, old_dirs, old_stps, Hdiag, g_old, f_old, ro, al,
    tmp1, dir_bufs, stp_bufs.

    Example: x, fs, evals = optim.lbfgs(feval, x, {maxIter = 100, lineSearch = optim.lswolfe})
    """
    check_args(opfunc, x, "lbfgs")
    config, state = tables(config, state, "lbfgs")
    run = _Run(opfunc, x, config, state)
    if not run.iterate():
        # Torch7: an optimal starting point returns at once, without the count
        return run.x, lua_list(run.f_hist)
    run.save()
    return run.x, lua_list(run.f_hist), run.evals


class _Run:
    """One call of lbfgs: the settings, the memory taken from state, the loop."""

    def __init__(self, opfunc, x, config, state):
        self.opfunc, self.x, self.state = opfunc, x, state
        self.max_iter = get_number(config, "maxIter", 20)
        self.max_eval = get_number(config, "maxEval", self.max_iter * 1.25)
        self.tol_fun = number(config, "tolFun", 1e-5)
        self.tol_x = number(config, "tolX", 1e-9)
        self.n_correction = number(config, "nCorrection", 100)
        self.line_search = get(config, "lineSearch")
        self.line_search_opts = get(config, "lineSearchOptions")
        self.learning_rate = number(config, "learningRate", 1)
        self.verbose = truthy(get(config, "verbose", False))
        put(state, "funcEval", get(state, "funcEval", 0))
        put(state, "nIter", get(state, "nIter", 0))
        self.d, self.t = get(state, "d"), get(state, "t")
        self.old_dirs, self.old_stps = as_list(get(state, "old_dirs")), as_list(get(state, "old_stps"))
        self.hdiag, self.g_old, self.f_old = get(state, "Hdiag"), get(state, "g_old"), get(state, "f_old")

    def say(self, message):
        if self.verbose:
            say("lbfgs", message)

    def count_evals(self, n):
        self.evals += n
        put(self.state, "funcEval", get(self.state, "funcEval") + n)

    def iterate(self):
        """Run the iterations; false when the starting point is already optimal."""
        state = self.state
        self.f, self.g = evaluate(self.opfunc, self.x, "lbfgs", numeric=True)
        self.f_hist = [self.f]
        self.evals = 0
        self.count_evals(1)
        tmp1 = get(state, "tmp1")
        if tmp1 is None:
            tmp1 = self.g.new(self.g.size()).zero()
            put(state, "tmp1", tmp1)
        self.tmp1 = tmp1
        if tmp1.copy(self.g).abs().sum() <= self.tol_fun:
            self.say("optimality condition below tolFun")
            return False
        self.make_buffers()

        n_iter = 0
        while n_iter < self.max_iter:
            n_iter += 1
            put(state, "nIter", get(state, "nIter") + 1)
            self.direction()
            if self.g_old is None:
                self.g_old = self.g.clone()
            self.g_old.copy(self.g)
            self.f_old = self.f

            gtd = self.g.dot(self.d)
            if gtd > -self.tol_x:         # no progress possible along d
                break
            self.step(gtd, n_iter)
            if self.converged(n_iter):
                break
        return True

    def make_buffers(self):
        # Storage for the y and s vectors, recycled through dir_bufs/stp_bufs.
        state = self.state
        if get(state, "dir_bufs") is not None:
            return
        self.say("creating recyclable direction/step/history buffers")
        p = self.g.size(1)
        for key in ("dir_bufs", "stp_bufs"):
            block = self.g.new(self.n_correction + 1, p)
            put(state, key, LuaTable.from_list([block.select(1, i)
                                                for i in range(1, self.n_correction + 2)]))

    def direction(self):
        """d = -H g, H the L-BFGS approximation of the inverse Hessian (-g at first)."""
        state, g = self.state, self.g
        if get(state, "nIter") == 1:
            self.d = g.clone().mul(-1)
            self.old_dirs, self.old_stps, self.hdiag = [], [], 1
            return
        dir_bufs, stp_bufs = as_list(get(state, "dir_bufs")), as_list(get(state, "stp_bufs"))
        y, s = dir_bufs.pop(), stp_bufs.pop()
        y.add(g, -1, self.g_old)
        s.mul(self.d, self.t)
        ys = y.dot(s)
        if ys > 1e-10:
            if len(self.old_dirs) == self.n_correction:
                # forget the oldest pair (limited memory)
                dir_bufs.append(self.old_dirs.pop(0))
                stp_bufs.append(self.old_stps.pop(0))
            self.old_dirs.append(s)
            self.old_stps.append(y)
            self.hdiag = ys / y.dot(y)
        else:
            dir_bufs.append(y)
            stp_bufs.append(s)
        put(state, "dir_bufs", LuaTable.from_list(dir_bufs))
        put(state, "stp_bufs", LuaTable.from_list(stp_bufs))
        self.two_loop()

    def two_loop(self):
        state, dirs, stps = self.state, self.old_dirs, self.old_stps
        k = len(dirs)
        ro = get(state, "ro")
        if ro is None:
            ro = torch.Tensor(self.n_correction)
            put(state, "ro", ro)
        for i in range(1, k + 1):
            ro[i] = 1 / stps[i - 1].dot(dirs[i - 1])
        al = get(state, "al")
        if al is None:
            al = torch.zeros(self.n_correction)
            put(state, "al", al)

        q = self.tmp1
        q.mul(self.g, -1)
        for i in range(k, 0, -1):
            al[i] = dirs[i - 1].dot(q) * ro[i]
            q.add(-al[i], stps[i - 1])
        r = self.d                  # d's buffer is free: the new direction goes there
        r.mul(q, self.hdiag)
        for i in range(1, k + 1):
            be_i = stps[i - 1].dot(r) * ro[i]
            r.add(al[i] - be_i, dirs[i - 1])

    def step(self, gtd, n_iter):
        state = self.state
        if get(state, "nIter") == 1:
            self.t = min2(1, div(1, self.tmp1.copy(self.g).abs().sum())) * self.learning_rate
        else:
            self.t = self.learning_rate
        if self.line_search is not None and callable(self.line_search):
            r = self.line_search(self.opfunc, self.x, self.t, self.d, self.f, self.g, gtd,
                                 self.line_search_opts)
            r = r if type(r) is tuple else (r,)
            r = r + (None,) * (5 - len(r))
            self.f, self.g, self.x, self.t, ls_evals = r[:5]
            self.f_hist.append(self.f)
        else:
            self.x.add(self.t, self.d)
            ls_evals = 0
            if n_iter != self.max_iter:
                # no use evaluating after the last iteration (stochastic use)
                self.f, self.g = evaluate(self.opfunc, self.x, "lbfgs", numeric=True)
                ls_evals = 1
                self.f_hist.append(self.f)
        self.count_evals(ls_evals)

    def converged(self, n_iter):
        if n_iter == self.max_iter:
            self.say("reached max number of iterations")
            return True
        if self.evals >= self.max_eval:
            self.say("max nb of function evals")
            return True
        if self.tmp1.copy(self.g).abs().sum() <= self.tol_fun:
            self.say("optimality condition below tolFun")
            return True
        if self.tmp1.copy(self.d).mul(self.t).abs().sum() <= self.tol_x:
            self.say("step size below tolX")
            return True
        if abs(self.f - self.f_old) < self.tol_x:
            self.say("function value changing less than tolX")
            return True
        return False

    def save(self):
        # Torch7 saves these after the loop, for tracing and for the next call.
        state = self.state
        if self.old_dirs is not None:
            put(state, "old_dirs", LuaTable.from_list(self.old_dirs))
            put(state, "old_stps", LuaTable.from_list(self.old_stps))
        for key, value in (("Hdiag", self.hdiag), ("g_old", self.g_old), ("f_old", self.f_old),
                           ("t", self.t), ("d", self.d)):
            put(state, key, value)
