"""Methods with per-parameter step sizes: optim.adagrad, adadelta, adam, adamax, rmsprop, rprop.

Each follows Torch7's optim step by step (the same tensor operations in the same order,
the same defaults and state fields), so a training run gives Torch7's numbers. See
th.optim.protocol for the shared calling convention.
"""
from th import torch
from th.optim.luamath import div, sqrt
from th.optim.protocol import (check_args, counter, evaluate, get, lua_list, lua_print,
                               number, put, tables)


def adagrad(opfunc=None, x=None, config=None, state=None, *_):
    """optim.adagrad(opfunc, x [, config] [, state]): AdaGrad (Duchi et al., 2011).

    Each parameter's step is divided by the root of its summed squared gradients:
    x -= clr * dfdx / (sqrt(paramVariance) + 1e-10), clr = learningRate / (1 +
    evalCounter * learningRateDecay). config: learningRate (1e-3), learningRateDecay (0),
    weightDecay (0). state (default: config) keeps evalCounter, paramVariance, paramStd.

    Example: config = {learningRate = 0.1}; x, fs = optim.adagrad(feval, x, config)
    """
    check_args(opfunc, x, "adagrad")
    _greet(config, state, "ADAGRAD")
    config, state = tables(config, state, "adagrad")
    lr = number(config, "learningRate", 1e-3)
    lrd = number(config, "learningRateDecay", 0)
    wd = number(config, "weightDecay", 0)
    nevals = counter(state, "evalCounter")

    fx, dfdx = evaluate(opfunc, x, "adagrad")
    if wd != 0:
        dfdx.add(wd, x)
    clr = div(lr, 1 + nevals * lrd)

    variance = get(state, "paramVariance")
    if variance is None:
        variance = _zeros(state, "paramVariance", x, dfdx)
        put(state, "paramStd", x.new().resizeAs(dfdx))
    std = get(state, "paramStd")
    variance.addcmul(1, dfdx, dfdx)
    std.resizeAs(variance).copy(variance).sqrt()
    x.addcdiv(-clr, dfdx, std.add(1e-10))

    put(state, "evalCounter", get(state, "evalCounter", 0) + 1)
    return x, lua_list([fx])


def adadelta(opfunc=None, x=None, config=None, state=None, *_):
    """optim.adadelta(opfunc, x [, config] [, state]): ADADELTA (Zeiler, 2012).

    No learning rate: delta = sqrt(accDelta + eps) / sqrt(paramVariance + eps) * dfdx,
    both accumulators being running averages with factor rho. config: rho (0.9),
    eps (1e-6), weightDecay (0). state (default: config) keeps evalCounter,
    paramVariance, paramStd, delta, accDelta.

    Example: config = {rho = 0.95}; x, fs = optim.adadelta(feval, x, config)
    """
    check_args(opfunc, x, "adadelta")
    _greet(config, state, "ADADELTA")
    config, state = tables(config, state, "adadelta")
    rho = number(config, "rho", 0.9)
    eps = number(config, "eps", 1e-6)
    wd = number(config, "weightDecay", 0)
    counter(state, "evalCounter")

    fx, dfdx = evaluate(opfunc, x, "adadelta")
    if wd != 0:
        dfdx.add(wd, x)

    if get(state, "paramVariance") is None:
        for key in ("paramVariance", "paramStd", "delta", "accDelta"):
            _zeros(state, key, x, dfdx)
    variance, std = get(state, "paramVariance"), get(state, "paramStd")
    delta, acc_delta = get(state, "delta"), get(state, "accDelta")
    variance.mul(rho).addcmul(1 - rho, dfdx, dfdx)
    std.resizeAs(variance).copy(variance).add(eps).sqrt()
    delta.resizeAs(variance).copy(acc_delta).add(eps).sqrt().cdiv(std).cmul(dfdx)
    x.add(-1, delta)
    acc_delta.mul(rho).addcmul(1 - rho, delta, delta)

    put(state, "evalCounter", get(state, "evalCounter", 0) + 1)
    return x, lua_list([fx])


def adam(opfunc=None, x=None, config=None, state=None, *_):
    """optim.adam(opfunc, x [, config] [, state]): Adam (Kingma and Ba, 2014).

    m and v are running averages of the gradient and its square; the step is
    x -= clr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon), with
    clr = learningRate / (1 + (t-1) * learningRateDecay). config: learningRate (1e-3),
    learningRateDecay (0), beta1 (0.9), beta2 (0.999), epsilon (1e-8), weightDecay (0).
    state (default: config) keeps t, m, v, denom.

    Example: config = {learningRate = 0.01}; x, fs = optim.adam(feval, x, config)
    """
    check_args(opfunc, x, "adam")
    config, state = tables(config, state, "adam")
    lr = number(config, "learningRate", 0.001)
    lrd = number(config, "learningRateDecay", 0)
    beta1 = number(config, "beta1", 0.9)
    beta2 = number(config, "beta2", 0.999)
    epsilon = number(config, "epsilon", 1e-8)
    wd = number(config, "weightDecay", 0)

    fx, dfdx = evaluate(opfunc, x, "adam")
    if wd != 0:
        dfdx.add(wd, x)

    steps = counter(state, "t")
    for key in ("m", "v", "denom"):
        if get(state, key) is None:
            _zeros(state, key, x, dfdx)
    clr = div(lr, 1 + steps * lrd)
    t = steps + 1
    put(state, "t", t)

    m, v, denom = get(state, "m"), get(state, "v"), get(state, "denom")
    m.mul(beta1).add(1 - beta1, dfdx)
    v.mul(beta2).addcmul(1 - beta2, dfdx, dfdx)
    denom.copy(v).sqrt().add(epsilon)

    bias_correction1 = 1 - beta1 ** t
    bias_correction2 = 1 - beta2 ** t
    step_size = div(clr * sqrt(bias_correction2), bias_correction1)
    x.addcdiv(-step_size, m, denom)
    return x, lua_list([fx])


def adamax(opfunc=None, x=None, config=None, state=None, *_):
    """optim.adamax(opfunc, x [, config] [, state]): AdaMax, Adam's infinity-norm variant.

    m is a running average of the gradient, u = max(beta2 * u, |dfdx| + epsilon), and
    x -= learningRate / (1 - beta1^t) * m / u. config: learningRate (2e-3), beta1 (0.9),
    beta2 (0.999), epsilon (1e-38), weightDecay (0). state (default: config) keeps
    t, m, u, max.

    Example: config = {learningRate = 0.002}; x, fs = optim.adamax(feval, x, config)
    """
    check_args(opfunc, x, "adamax")
    config, state = tables(config, state, "adamax")
    lr = number(config, "learningRate", 0.002)
    beta1 = number(config, "beta1", 0.9)
    beta2 = number(config, "beta2", 0.999)
    epsilon = number(config, "epsilon", 1e-38)
    wd = number(config, "weightDecay", 0)

    fx, dfdx = evaluate(opfunc, x, "adamax")
    if dfdx.nElement() == 0:
        return x, lua_list([fx])                # nothing to update (and no state.max)
    if wd != 0:
        dfdx.add(wd, x)

    steps = counter(state, "t")
    for key in ("m", "u"):
        if get(state, key) is None:
            _zeros(state, key, x, dfdx)
    if get(state, "max") is None:
        dims = [dfdx.size(d) for d in range(1, dfdx.dim() + 1)]
        put(state, "max", x.new(2, *dims).zero())
    t = steps + 1
    put(state, "t", t)

    m, u, both = get(state, "m"), get(state, "u"), get(state, "max")
    m.mul(beta1).add(1 - beta1, dfdx)
    both[1].copy(u).mul(beta2)
    both[2].copy(dfdx).abs().add(epsilon)
    # Torch7: u:max(state.max, 1) leaves u of size 1 x dfdx:size()
    torch.max(u, torch.LongTensor(), both, 1)

    step_size = div(lr, 1 - beta1 ** t)
    x.addcdiv(-step_size, m, u)
    return x, lua_list([fx])


def rmsprop(opfunc=None, x=None, config=None, state=None, *_):
    """optim.rmsprop(opfunc, x [, config] [, state]): RMSprop (Tieleman and Hinton).

    m = alpha * m + (1 - alpha) * dfdx^2 and x -= learningRate * dfdx / (sqrt(m) + epsilon).
    config: learningRate (1e-2), alpha (0.99), epsilon (1e-8), weightDecay (0),
    initialMean (0, the starting value of m). state (default: config) keeps m, tmp.

    Example: config = {learningRate = 1e-3}; x, fs = optim.rmsprop(feval, x, config)
    """
    check_args(opfunc, x, "rmsprop")
    config, state = tables(config, state, "rmsprop")
    lr = number(config, "learningRate", 1e-2)
    alpha = number(config, "alpha", 0.99)
    epsilon = number(config, "epsilon", 1e-8)
    wd = number(config, "weightDecay", 0)
    initial_mean = number(config, "initialMean", 0)

    fx, dfdx = evaluate(opfunc, x, "rmsprop")
    if wd != 0:
        dfdx.add(wd, x)

    if get(state, "m") is None:
        put(state, "m", x.new().resizeAs(dfdx).fill(initial_mean))
        put(state, "tmp", x.new().resizeAs(dfdx))
    m, tmp = get(state, "m"), get(state, "tmp")
    m.mul(alpha)
    m.addcmul(1.0 - alpha, dfdx, dfdx)
    torch.sqrt(tmp, m).add(epsilon)
    x.addcdiv(-lr, dfdx, tmp)
    return x, lua_list([fx])


def rprop(opfunc=None, x=None, config=None, state=None, *_):
    """optim.rprop(opfunc, x [, config] [, state]): resilient propagation (Riedmiller).

    Only the sign of each gradient component is used: its step size grows by etaplus
    while the sign holds and shrinks by etaminus when it flips (that component then
    skips one update), clamped to [stepsizemin, stepsizemax]. config: stepsize (0.1),
    etaplus (1.2), etaminus (0.5), stepsizemax (50), stepsizemin (1e-6), niter (1,
    evaluations per call). state (default: config) keeps delta, stepsize, sign, psign,
    nsign, zsign, dminmax. Returns x and the table of the niter values of f.

    Example: x, fs = optim.rprop(feval, x, {stepsize = 0.01, niter = 5})
    """
    check_args(opfunc, x, "rprop")
    _greet(config, state, "RPROP", comma=False)
    config, state = tables(config, state, "rprop")
    stepsize = get(config, "stepsize", 0.1)        # state.stepsize (a tensor) once started
    etaplus = number(config, "etaplus", 1.2)
    etaminus = number(config, "etaminus", 0.5)
    stepsizemax = number(config, "stepsizemax", 50.0)
    stepsizemin = number(config, "stepsizemin", 1e-06)
    niter = number(config, "niter", 1)

    hfx = []
    i = 1
    while i <= niter:
        fx, dfdx = evaluate(opfunc, x, "rprop")
        if get(state, "delta") is None:
            _rprop_buffers(state, dfdx, stepsize)
        sign, steps = get(state, "sign"), get(state, "stepsize")
        psign, nsign, zsign = get(state, "psign"), get(state, "nsign"), get(state, "zsign")
        dminmax = get(state, "dminmax")

        # the sign of the change of each gradient component since the last step
        torch.cmul(sign, dfdx, get(state, "delta"))
        torch.sign(sign, sign)
        torch.gt(psign, sign, 0)
        torch.lt(nsign, sign, 0)
        torch.eq(zsign, sign, 0)
        sign[psign] = etaplus
        sign[nsign] = etaminus
        sign[zsign] = 1
        steps.cmul(sign)
        torch.gt(dminmax, steps, stepsizemax)
        steps[dminmax] = stepsizemax
        torch.lt(dminmax, steps, stepsizemin)
        steps[dminmax] = stepsizemin

        # a component whose sign flipped waits one step
        dfdx[nsign] = 0
        torch.sign(sign, dfdx)
        x.addcmul(-1, sign, steps)
        get(state, "delta").copy(dfdx)
        hfx.append(fx)
        i += 1
    return x, lua_list(hfx)


# ---- helpers ----------------------------------------------------------------------------

def _greet(config, state, name, comma=True):
    # Torch7 announces the state it creates when called without any table.
    if config is None and state is None:
        sep = "," if comma else ""
        lua_print(f"no state table{sep} {name} initializing")


def _zeros(state, key, x, like):
    """state[key] = a zero tensor of x's type and like's size."""
    t = x.new().resizeAs(like).zero()
    put(state, key, t)
    return t



def _rprop_buffers(state, dfdx, stepsize):
    size = dfdx.size()
    put(state, "delta", dfdx.new(size).zero())
    put(state, "stepsize", dfdx.new(size).fill(stepsize))
    put(state, "sign", dfdx.new(size))
    for key in ("psign", "nsign", "zsign", "dminmax"):
        put(state, key, torch.ByteTensor(size))
