"""Stochastic gradient descent and its momentum relatives: optim.sgd, optim.nag, optim.asgd.

Each follows Torch7's optim step by step (the same tensor operations in the same order,
the same state fields), so a training run gives Torch7's numbers. See th.optim.protocol
for the shared calling convention.
"""
from th.optim.luamath import div, max2, pow
from th.optim.protocol import (OptimError, check_args, counter, evaluate, get, lua_list,
                               number, put, tables, truthy)


def sgd(opfunc=None, x=None, config=None, state=None, *_):
    """optim.sgd(opfunc, x [, config] [, state]): one step of stochastic gradient descent.

    opfunc(x) returns f(x) and df/dx; x is updated in place. Returns x and {f(x)} (the
    value before the step). config: learningRate (1e-3), learningRateDecay (0),
    weightDecay (0), weightDecays (tensor of per-parameter decays), momentum (0),
    dampening (= momentum), nesterov (false; needs momentum > 0 and dampening 0),
    learningRates (tensor of per-parameter rates). The step size is
    learningRate / (1 + evalCounter * learningRateDecay). state (default: config) keeps
    evalCounter, dfdx (momentum buffer), decayParameters, deltaParameters.

    Example: config = {learningRate = 0.1, momentum = 0.9}; x, fs = optim.sgd(feval, x, config)
    """
    check_args(opfunc, x, "sgd")
    config, state = tables(config, state, "sgd")
    lr = number(config, "learningRate", 1e-3)
    lrd = number(config, "learningRateDecay", 0)
    wd = number(config, "weightDecay", 0)
    mom = number(config, "momentum", 0)
    damp = number(config, "dampening", mom)
    nesterov = get(config, "nesterov", False)
    lrs = get(config, "learningRates")
    wds = get(config, "weightDecays")
    nevals = counter(state, "evalCounter")
    if truthy(nesterov) and not (mom > 0 and damp == 0):
        raise OptimError("Nesterov momentum requires a momentum and zero dampening")

    fx, dfdx = evaluate(opfunc, x, "sgd")

    # weight decay, one coefficient or one per parameter
    if wd != 0:
        dfdx.add(wd, x)
    elif wds is not None:
        decay = _buffer(state, "decayParameters", x, dfdx)
        decay.copy(wds).cmul(x)
        dfdx.add(decay)

    if mom != 0:
        velocity = get(state, "dfdx")
        if velocity is None:
            velocity = dfdx.new().resizeAs(dfdx).copy(dfdx)
            put(state, "dfdx", velocity)
        else:
            velocity.mul(mom).add(1 - damp, dfdx)
        if truthy(nesterov):
            dfdx.add(mom, velocity)
        else:
            dfdx = velocity

    clr = div(lr, 1 + nevals * lrd)
    _step(x, -clr, dfdx, lrs, state, x)
    put(state, "evalCounter", get(state, "evalCounter", 0) + 1)
    return x, lua_list([fx])


def nag(opfunc=None, x=None, config=None, state=None, *_):
    """optim.nag(opfunc, x [, config] [, state]): SGD with Nesterov's accelerated gradient.

    As in Sutskever et al. (ICML 2013): the gradient is taken at x + momentum * velocity,
    then velocity = momentum * velocity - lr * gradient and x moves by the velocity.
    config: learningRate (1e-3), learningRateDecay (0), weightDecay (0), momentum (0.9,
    must be positive), learningRates (tensor). state (default: config) keeps evalCounter,
    x_copy, dfdx (the velocity), deltaParameters. Returns x and {f} (f at the look-ahead point).

    Example: config = {learningRate = 0.01, momentum = 0.9}; x, fs = optim.nag(feval, x, config)
    """
    check_args(opfunc, x, "nag")
    config, state = tables(config, state, "nag")
    lr = number(config, "learningRate", 1e-3)
    lrd = number(config, "learningRateDecay", 0)
    wd = number(config, "weightDecay", 0)
    mom = number(config, "momentum", 0.9)
    lrs = get(config, "learningRates")
    nevals = counter(state, "evalCounter")
    if mom <= 0:
        raise OptimError("Momentum must be positive for Nesterov Accelerated Gradient")

    # first a step along the velocity, then the gradient at that point
    x_copy = get(state, "x_copy")
    if x_copy is None:
        put(state, "x_copy", x.clone())
    else:
        x_copy.resizeAs(x).copy(x)
    velocity = get(state, "dfdx")
    if velocity is not None:
        x.add(mom, velocity)
    fx, dfdx = evaluate(opfunc, x, "nag")

    if wd != 0:
        dfdx.add(wd, x)
    clr = div(lr, 1 + nevals * lrd)

    if velocity is None:
        velocity = dfdx.new().resizeAs(dfdx).fill(0)
        put(state, "dfdx", velocity)
    else:
        velocity.mul(mom)
    _step(velocity, -clr, dfdx, lrs, state, x)
    x_copy = get(state, "x_copy")
    x_copy.add(velocity)
    x.copy(x_copy)

    put(state, "evalCounter", get(state, "evalCounter", 0) + 1)
    return x, lua_list([fx])


def asgd(opfunc=None, x=None, config=None, state=None, *_):
    """optim.asgd(opfunc, x [, config] [, state]): averaged SGD (L. Bottou's ASGD).

    x := (1 - lambda*eta_t) x - eta_t df/dx;  ax := ax + mu_t (x - ax), with
    eta_t = eta0 / (1 + lambda*eta0*t)^alpha and mu_t = 1 / max(1, t - t0).
    config: eta0 (1e-4), lambda (1e-4), alpha (0.75), t0 (1e6); the defaults are written
    into config. state (default: config) keeps t, eta_t, mu_t, ax, tmp.
    Returns x, {f(x)} and ax, the averaged x.

    Example: x, fs, ax = optim.asgd(feval, x, {eta0 = 1e-2, t0 = 100})
    """
    check_args(opfunc, x, "asgd")
    config, state = tables(config, state, "asgd")
    for key, default in (("eta0", 1e-4), ("lambda", 1e-4), ("alpha", 0.75), ("t0", 1e6)):
        put(config, key, number(config, key, default))
    put(state, "eta_t", get(state, "eta_t", config.get("eta0")))
    put(state, "mu_t", get(state, "mu_t", 1))
    put(state, "t", get(state, "t", 0))

    fx, dfdx = evaluate(opfunc, x, "asgd")

    x.mul(1 - config.get("lambda") * state.get("eta_t"))
    x.add(-state.get("eta_t"), dfdx)

    ax = get(state, "ax")
    if ax is None:
        ax = x.new().resizeAs(x).zero()
        put(state, "ax", ax)
    tmp = get(state, "tmp")
    if tmp is None:
        tmp = ax.new().resizeAs(ax)
        put(state, "tmp", tmp)
    mu_t = state.get("mu_t")
    if mu_t != 1:
        tmp.copy(x)
        tmp.add(-1, ax).mul(mu_t)
        ax.add(tmp)
    else:
        ax.copy(x)

    t = state.get("t") + 1
    put(state, "t", t)
    eta0, lam = config.get("eta0"), config.get("lambda")
    put(state, "eta_t", div(eta0, pow(1 + lam * eta0 * t, config.get("alpha"))))
    put(state, "mu_t", div(1, max2(1, t - config.get("t0"))))
    return x, lua_list([fx]), ax


# ---- shared steps ---------------------------------------------------------------------


def _buffer(state, key, x, like):
    """state[key], created on first use as an uninitialised tensor of x's type, like's size."""
    buf = get(state, key)
    if buf is None:
        buf = x.new().resizeAs(like)
        put(state, key, buf)
    return buf


def _step(target, scale, dfdx, lrs, state, x):
    """target += scale * dfdx, through per-parameter learning rates when lrs is given."""
    if lrs is None:
        target.add(scale, dfdx)
        return
    delta = _buffer(state, "deltaParameters", x, dfdx)
    delta.copy(lrs).cmul(dfdx)
    target.add(scale, delta)
