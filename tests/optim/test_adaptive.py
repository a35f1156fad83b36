"""adagrad, adadelta, adam, adamax, rmsprop, rprop: per-step updates against numpy
references written from the published equations, Rosenbrock runs, defaults and state."""
import numpy as np
import pytest

from th import optim, torch
from optim_problems import feval, quadratic, rosenbrock, tensor

X0 = [0.3, -0.7, 1.2]


def run(algo, config, steps, fn=quadratic, x0=X0):
    x = tensor(x0)
    fs = []
    for _ in range(steps):
        x, f = algo(feval(fn), x, config)
        fs.extend(f.to_list())
    return x.numpy().copy(), fs


def check(algo, reference, config, steps=5, **ref_args):
    x, fs = run(algo, config, steps)
    x_ref, fs_ref = reference(np.array(X0, dtype=float), steps, **ref_args)
    np.testing.assert_allclose(x, x_ref, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(fs, fs_ref, rtol=1e-12)


# ---- references ----------------------------------------------------------------------

def adagrad_ref(x, steps, lr=1e-3, lrd=0.0, wd=0.0):
    acc, fs = np.zeros_like(x), []
    for n in range(steps):
        f, g = quadratic(x)
        fs.append(f)
        g = g + wd * x
        acc += g * g
        x = x - lr / (1 + n * lrd) * g / (np.sqrt(acc) + 1e-10)
    return x, fs


def adadelta_ref(x, steps, rho=0.9, eps=1e-6, wd=0.0):
    eg2, edx2, fs = np.zeros_like(x), np.zeros_like(x), []
    for _ in range(steps):
        f, g = quadratic(x)
        fs.append(f)
        g = g + wd * x
        eg2 = rho * eg2 + (1 - rho) * g * g
        dx = np.sqrt(edx2 + eps) / np.sqrt(eg2 + eps) * g
        x = x - dx
        edx2 = rho * edx2 + (1 - rho) * dx * dx
    return x, fs


def adam_ref(x, steps, lr=1e-3, lrd=0.0, b1=0.9, b2=0.999, eps=1e-8, wd=0.0):
    m, v, fs = np.zeros_like(x), np.zeros_like(x), []
    for t in range(1, steps + 1):
        f, g = quadratic(x)
        fs.append(f)
        g = g + wd * x
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        clr = lr / (1 + (t - 1) * lrd)
        x = x - clr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t) * m / (np.sqrt(v) + eps)
    return x, fs


def adamax_ref(x, steps, lr=2e-3, b1=0.9, b2=0.999, eps=1e-38, wd=0.0):
    m, u, fs = np.zeros_like(x), np.zeros_like(x), []
    for t in range(1, steps + 1):
        f, g = quadratic(x)
        fs.append(f)
        g = g + wd * x
        m = b1 * m + (1 - b1) * g
        u = np.maximum(b2 * u, np.abs(g) + eps)
        x = x - lr / (1 - b1 ** t) * m / u
    return x, fs


def rmsprop_ref(x, steps, lr=1e-2, alpha=0.99, eps=1e-8, wd=0.0, mean0=0.0):
    ms, fs = np.full_like(x, mean0), []
    for _ in range(steps):
        f, g = quadratic(x)
        fs.append(f)
        g = g + wd * x
        ms = alpha * ms + (1 - alpha) * g * g
        x = x - lr * g / (np.sqrt(ms) + eps)
    return x, fs


def rprop_ref(x, steps, step0=0.1, up=1.2, down=0.5, smax=50.0, smin=1e-6):
    # iRprop-: sign agreement grows the step, a sign change shrinks it and skips a step
    step, prev, fs = np.full_like(x, step0), np.zeros_like(x), []
    for _ in range(steps):
        f, g = quadratic(x)
        fs.append(f)
        s = np.sign(g * prev)
        step = np.clip(step * np.where(s > 0, up, np.where(s < 0, down, 1.0)), smin, smax)
        g = np.where(s < 0, 0.0, g)
        x = x - np.sign(g) * step
        prev = g
    return x, fs


# ---- per-step checks ---------------------------------------------------------------------

@pytest.mark.parametrize("config, ref", [
    ({}, {}),
    ({"learningRate": 0.3, "learningRateDecay": 0.1, "weightDecay": 0.05},
     {"lr": 0.3, "lrd": 0.1, "wd": 0.05}),
])
def test_adagrad(config, ref):
    check(optim.adagrad, adagrad_ref, config, **ref)


@pytest.mark.parametrize("config, ref", [
    ({}, {}),
    ({"rho": 0.7, "eps": 1e-3, "weightDecay": 0.1}, {"rho": 0.7, "eps": 1e-3, "wd": 0.1}),
])
def test_adadelta(config, ref):
    check(optim.adadelta, adadelta_ref, config, **ref)


@pytest.mark.parametrize("config, ref", [
    ({}, {}),
    ({"learningRate": 0.05, "learningRateDecay": 0.3, "beta1": 0.8, "beta2": 0.99,
      "epsilon": 1e-4, "weightDecay": 0.02},
     {"lr": 0.05, "lrd": 0.3, "b1": 0.8, "b2": 0.99, "eps": 1e-4, "wd": 0.02}),
])
def test_adam(config, ref):
    check(optim.adam, adam_ref, config, **ref)


@pytest.mark.parametrize("config, ref", [
    ({}, {}),
    ({"learningRate": 0.05, "beta1": 0.7, "beta2": 0.9, "epsilon": 1e-3, "weightDecay": 0.1},
     {"lr": 0.05, "b1": 0.7, "b2": 0.9, "eps": 1e-3, "wd": 0.1}),
])
def test_adamax(config, ref):
    check(optim.adamax, adamax_ref, config, **ref)


@pytest.mark.parametrize("config, ref", [
    ({}, {}),
    ({"learningRate": 0.02, "alpha": 0.9, "epsilon": 1e-3, "weightDecay": 0.1, "initialMean": 0.5},
     {"lr": 0.02, "alpha": 0.9, "eps": 1e-3, "wd": 0.1, "mean0": 0.5}),
])
def test_rmsprop(config, ref):
    check(optim.rmsprop, rmsprop_ref, config, **ref)


@pytest.mark.parametrize("config, ref", [
    ({}, {}),
    ({"stepsize": 0.4, "etaplus": 1.5, "etaminus": 0.3, "stepsizemax": 0.7, "stepsizemin": 0.05},
     {"step0": 0.4, "up": 1.5, "down": 0.3, "smax": 0.7, "smin": 0.05}),
])
def test_rprop(config, ref):
    check(optim.rprop, rprop_ref, config, steps=8, **ref)


def test_rprop_niter_evaluates_several_times_per_call():
    x = tensor(X0)
    config = {"niter": 4}
    x, fs = optim.rprop(feval(quadratic), x, config)
    assert len(fs) == 4
    x_ref, fs_ref = rprop_ref(np.array(X0), 4)
    np.testing.assert_allclose(x.numpy(), x_ref, rtol=1e-13)
    np.testing.assert_allclose(fs.to_list(), fs_ref, rtol=1e-13)
    assert isinstance(config["psign"], torch.ByteTensor)


# ---- Rosenbrock, as optim's test scripts run them --------------------------------------

# the configurations of optim's own test scripts (test_adagrad.lua, ...), 10001 steps from (0, 0)
@pytest.mark.parametrize("algo, config, steps, tol, f_end", [
    (optim.adagrad, {"learningRate": 1e-1}, 10001, 1e-4, 1e-8),
    (optim.adam, {"learningRate": 1e-2}, 10001, 1e-3, 1e-4),
    (optim.adamax, {}, 10001, 1e-6, 1e-10),
    (optim.rmsprop, {"learningRate": 5e-4}, 10001, 1e-3, 1e-4),
    (optim.adadelta, {"p": 0.9, "eps": 1e-8, "learningRate": 1e-3}, 10001, 5e-2, 5e-2),
    (optim.rprop, {"stepsize": 0.1}, 5000, 2e-3, 1e-6),
])
def test_minimises_rosenbrock(algo, config, steps, tol, f_end):
    x, fs = run(algo, config, steps, rosenbrock, [0, 0])
    np.testing.assert_allclose(x, [1, 1], atol=tol)
    assert fs[0] == 1 and fs[-1] < f_end


# ---- state and announcements ------------------------------------------------------------

def test_state_fields_as_torch7_names_them():
    expected = {
        optim.adagrad: ("evalCounter", "paramVariance", "paramStd"),
        optim.adadelta: ("evalCounter", "paramVariance", "paramStd", "delta", "accDelta"),
        optim.adam: ("t", "m", "v", "denom"),
        optim.adamax: ("t", "m", "u", "max"),
        optim.rmsprop: ("m", "tmp"),
        optim.rprop: ("delta", "stepsize", "sign", "psign", "nsign", "zsign", "dminmax"),
    }
    for algo, fields in expected.items():
        state = {}
        algo(feval(quadratic), tensor(X0), {}, state)
        assert set(fields) <= set(state), (algo.__name__, sorted(state))


def test_adamax_keeps_torch7s_1xn_infinity_norm():
    # Torch7's `state.u:max(state.max, 1)` leaves u as a 1 x n tensor
    state = {}
    optim.adamax(feval(quadratic), tensor(X0), state)
    assert state["u"].size().totable().to_list() == [1, 3]
    assert state["max"].size().totable().to_list() == [2, 3]


def test_no_table_announces_the_state_it_creates(capsys):
    optim.adagrad(feval(quadratic), tensor(X0))
    optim.adadelta(feval(quadratic), tensor(X0))
    optim.rprop(feval(quadratic), tensor(X0))
    optim.adam(feval(quadratic), tensor(X0))
    assert capsys.readouterr().out == ("no state table, ADAGRAD initializing\n"
                                       "no state table, ADADELTA initializing\n"
                                       "no state table RPROP initializing\n")
