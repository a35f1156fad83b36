"""optim.sgd, optim.nag, optim.asgd: Rosenbrock runs, per-step updates against numpy, state."""
import numpy as np
import pytest

from th import optim, torch
from th.lua.table import LuaTable
from optim_problems import feval, quadratic, rosenbrock, tensor

X0 = [0.3, -0.7, 1.2]


def run(algo, config, steps, fn=quadratic, x0=X0):
    x = tensor(x0)
    fs = []
    for _ in range(steps):
        x, f = algo(feval(fn), x, config)
        fs.append(f[1])
    return x.numpy().copy(), fs


# ---- reference updates, written from the documented equations -------------------------

def sgd_reference(x0, steps, lr=1e-3, lrd=0.0, wd=0.0, wds=None, mom=0.0, damp=None,
                  nesterov=False, lrs=None, fn=quadratic):
    damp = mom if damp is None else damp
    x, v, fs = np.array(x0, dtype=float), None, []
    for n in range(steps):
        f, g = fn(x)
        fs.append(f)
        if wd != 0:
            g = g + wd * x
        elif wds is not None:
            g = g + wds * x
        if mom != 0:
            v = g.copy() if v is None else mom * v + (1 - damp) * g
            g = g + mom * v if nesterov else v
        clr = lr / (1 + n * lrd)
        x = x - clr * (lrs * g if lrs is not None else g)
    return x, fs


@pytest.mark.parametrize("config", [
    {},
    {"learningRate": 0.1, "learningRateDecay": 0.5},
    {"learningRate": 0.1, "weightDecay": 0.05},
    {"learningRate": 0.1, "momentum": 0.9},
    {"learningRate": 0.1, "momentum": 0.8, "dampening": 0.3},
    {"learningRate": 0.1, "momentum": 0.9, "dampening": 0, "nesterov": True},
    {"learningRate": 0.1, "weightDecays": [0.1, 0.0, 0.3], "learningRates": [1.0, 0.5, 2.0]},
])
def test_sgd_steps_follow_the_update_equations(config):
    lua_config = dict(config)
    ref_args = {"lr": config.get("learningRate", 1e-3), "lrd": config.get("learningRateDecay", 0.0),
                "wd": config.get("weightDecay", 0.0), "mom": config.get("momentum", 0.0),
                "damp": config.get("dampening"), "nesterov": config.get("nesterov", False)}
    for key, ref_key in (("weightDecays", "wds"), ("learningRates", "lrs")):
        if key in config:
            lua_config[key] = tensor(config[key])
            ref_args[ref_key] = np.array(config[key])
    x, fs = run(optim.sgd, lua_config, 4)
    x_ref, fs_ref = sgd_reference(X0, 4, **ref_args)
    np.testing.assert_allclose(x, x_ref, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(fs, fs_ref, rtol=1e-13)


def test_sgd_minimises_rosenbrock_as_optims_test_does():
    # optim/test/test_sgd.lua: 10001 steps of learningRate 1e-3 from (0, 0)
    x = tensor([0, 0])
    config = {"learningRate": 1e-3}
    fs = []
    for i in range(10001):
        x, f = optim.sgd(feval(rosenbrock), x, config)
        if i % 1000 == 0:
            fs.append(f[1])
    np.testing.assert_allclose(x.numpy(), [1, 1], atol=2e-2)
    assert fs[0] == 1 and all(a > b for a, b in zip(fs, fs[1:]))
    assert fs[-1] < 1e-4
    assert config["evalCounter"] == 10001


def test_sgd_state_fields_and_state_table_separate_from_config():
    config, state = LuaTable(), LuaTable()
    config["learningRate"], config["momentum"] = 0.1, 0.5
    x = tensor(X0)
    optim.sgd(feval(quadratic), x, config, state)
    optim.sgd(feval(quadratic), x, config, state)
    assert state["evalCounter"] == 2 and config["evalCounter"] is None
    assert isinstance(state["dfdx"], torch.DoubleTensor)   # the momentum buffer
    x_ref, _ = sgd_reference(X0, 2, lr=0.1, mom=0.5)
    np.testing.assert_allclose(x.numpy(), x_ref, rtol=1e-13)


def test_sgd_returns_x_itself_and_a_lua_table_of_f_before_the_step():
    x = tensor(X0)
    x2, fs = optim.sgd(feval(quadratic), x, {"learningRate": 0.1})
    assert x2 is x
    assert isinstance(fs, LuaTable) and len(fs) == 1
    assert fs[1] == quadratic(np.array(X0))[0]


def test_sgd_on_float_tensors_keeps_the_type():
    x = tensor(X0, torch.FloatTensor)
    config = {"learningRate": 0.1, "momentum": 0.9}
    for _ in range(3):
        x, _ = optim.sgd(feval(quadratic), x, config)
    assert isinstance(x, torch.FloatTensor) and isinstance(config["dfdx"], torch.FloatTensor)
    x_ref, _ = sgd_reference(X0, 3, lr=0.1, mom=0.9)
    np.testing.assert_allclose(x.numpy(), x_ref, rtol=1e-5)


def test_nesterov_needs_momentum_and_zero_dampening():
    with pytest.raises(Exception, match="Nesterov momentum requires a momentum and zero dampening"):
        optim.sgd(feval(quadratic), tensor(X0), {"nesterov": True, "momentum": 0.9})


# ---- nag ---------------------------------------------------------------------------------

def nag_reference(x0, steps, lr=1e-3, lrd=0.0, wd=0.0, mom=0.9, lrs=None, fn=quadratic):
    # gradient at the look-ahead point x + mom*v; v = mom*v - clr*g; x = x + v
    x, v, fs = np.array(x0, dtype=float), None, []
    for n in range(steps):
        probe = x + mom * v if v is not None else x.copy()
        f, g = fn(probe)
        fs.append(f)
        if wd != 0:
            g = g + wd * probe
        clr = lr / (1 + n * lrd)
        v = np.zeros_like(x) if v is None else mom * v
        v = v - clr * (lrs * g if lrs is not None else g)
        x = x + v
    return x, fs


@pytest.mark.parametrize("config", [
    {"learningRate": 0.05},
    {"learningRate": 0.05, "momentum": 0.5, "weightDecay": 0.1, "learningRateDecay": 0.2},
])
def test_nag_steps_follow_the_update_equations(config):
    x, fs = run(optim.nag, dict(config), 5)
    x_ref, fs_ref = nag_reference(X0, 5, lr=config["learningRate"],
                                  lrd=config.get("learningRateDecay", 0.0),
                                  wd=config.get("weightDecay", 0.0), mom=config.get("momentum", 0.9))
    np.testing.assert_allclose(x, x_ref, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(fs, fs_ref, rtol=1e-13)


def test_nag_with_individual_learning_rates():
    lrs = np.array([1.0, 0.1, 2.0])
    x, _ = run(optim.nag, {"learningRate": 0.05, "learningRates": tensor(lrs)}, 4)
    x_ref, _ = nag_reference(X0, 4, lr=0.05, lrs=lrs)
    np.testing.assert_allclose(x, x_ref, rtol=1e-13)


def test_nag_minimises_rosenbrock():
    x, fs = run(optim.nag, {"learningRate": 1e-3, "momentum": 0.9}, 3000, rosenbrock, [0, 0])
    np.testing.assert_allclose(x, [1, 1], atol=1e-2)
    assert fs[-1] < 1e-4


def test_nag_requires_positive_momentum():
    with pytest.raises(Exception, match="Momentum must be positive for Nesterov Accelerated Gradient"):
        optim.nag(feval(quadratic), tensor(X0), {"momentum": 0})


# ---- asgd --------------------------------------------------------------------------------

def asgd_reference(x0, steps, eta0=1e-4, lam=1e-4, alpha=0.75, t0=1e6, fn=quadratic):
    x, ax = np.array(x0, dtype=float), None
    eta, mu = eta0, 1.0
    for t in range(1, steps + 1):
        _, g = fn(x)
        x = (1 - lam * eta) * x - eta * g
        ax = x.copy() if mu == 1 else ax + mu * (x - ax)
        eta = eta0 / (1 + lam * eta0 * t) ** alpha
        mu = 1 / max(1, t - t0)
    return x, ax, eta, mu


def test_asgd_updates_averages_and_writes_defaults_into_config():
    config = {"eta0": 0.1, "lambda": 0.01, "t0": 2}
    x = tensor(X0)
    for _ in range(6):
        x, fs, ax = optim.asgd(feval(quadratic), x, config)
    x_ref, ax_ref, eta, mu = asgd_reference(X0, 6, eta0=0.1, lam=0.01, t0=2)
    np.testing.assert_allclose(x.numpy(), x_ref, rtol=1e-13)
    np.testing.assert_allclose(ax.numpy(), ax_ref, rtol=1e-13)
    assert config["alpha"] == 0.75 and config["t"] == 6
    assert config["eta_t"] == pytest.approx(eta, rel=1e-15)
    assert config["mu_t"] == pytest.approx(mu, rel=1e-15)
    assert ax is config["ax"]


def test_asgd_defaults():
    config = {}
    optim.asgd(feval(quadratic), tensor(X0), config)
    assert (config["eta0"], config["lambda"], config["alpha"], config["t0"]) == (1e-4, 1e-4, 0.75, 1e6)
