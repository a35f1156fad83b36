"""optim from Lua: closures, state tables updated in place, results, errors, and the
lecture's logistic regression (nn.Linear + LogSoftMax + ClassNLLCriterion) trained with
optim.sgd then optim.lbfgs, checked against the same regression in numpy."""
import numpy as np
import pytest

from th.lua import LuaError, Runtime
from optim_problems import ROSENBROCK_LUA, rosenbrock


@pytest.fixture
def rt():
    r = Runtime()
    r.execute("require 'optim'")
    r.execute(ROSENBROCK_LUA)
    return r


def test_require_optim_brings_torch_and_the_algorithms(rt):
    assert rt.eval("torch ~= nil and type(optim.sgd) == 'function' and type(optim.lswolfe) == 'function'")
    assert rt.eval("xlua ~= nil")


def test_lua_rosenbrock_matches_numpy(rt):
    f, g = rt.execute("return rosenbrock(torch.Tensor{-1.2, 1, 0.5})")
    f_ref, g_ref = rosenbrock([-1.2, 1, 0.5])
    assert f == pytest.approx(f_ref, rel=1e-14)
    np.testing.assert_allclose(g.numpy(), g_ref, rtol=1e-14)


def test_sgd_updates_the_config_table_in_place(rt, capsys):
    rt.execute("""
        x = torch.Tensor(2):fill(0)
        config = {learningRate = 1e-3, momentum = 0.5}
        fx = {}
        for i = 1, 2001 do
           local x2, f = optim.sgd(rosenbrock, x, config)
           assert(x2 == x and #f == 1)
           if (i - 1) % 1000 == 0 then table.insert(fx, f[1]) end
        end
        print(config.evalCounter, torch.type(config.dfdx), #fx, fx[1])
        print(fx[3] < fx[2] and fx[2] < fx[1])
    """)
    assert capsys.readouterr().out == "2001\ttorch.DoubleTensor\t3\t1\ntrue\n"


def test_state_separate_from_config_and_asgd_average(rt, capsys):
    rt.execute("""
        x = torch.Tensor{0.5, 0.5}
        config, state = {eta0 = 1e-3, t0 = 10}, {}
        local ax
        for i = 1, 20 do x, _, ax = optim.asgd(rosenbrock, x, config, state) end
        print(state.t, config.t, config.alpha, ax == state.ax, state.mu_t)
    """)
    assert capsys.readouterr().out == "20\tnil\t0.75\ttrue\t0.1\n"


def test_lbfgs_with_line_search_returns_three_values(rt, capsys):
    rt.execute("""
        x = torch.Tensor(2):fill(0)
        x, fx, evals = optim.lbfgs(rosenbrock, x, {maxIter = 100, lineSearch = optim.lswolfe})
        print(evals >= #fx, math.abs(x[1] - 1) < 1e-5, fx[#fx] < 1e-10)
    """)
    assert capsys.readouterr().out == "true\ttrue\ttrue\n"


def test_every_algorithm_from_lua(rt, capsys):
    rt.execute("""
        for _, name in ipairs{'sgd', 'nag', 'adagrad', 'adadelta', 'adam', 'adamax', 'rmsprop', 'rprop'} do
           local x = torch.Tensor(2):fill(0)
           local config = {}
           local f0 = rosenbrock(x)
           for i = 1, 50 do optim[name](rosenbrock, x, config) end
           print(name, rosenbrock(x) < f0)
        end
        local x, fx, evals = optim.cg(rosenbrock, torch.Tensor(2):fill(0))
        print('cg', #fx > 1, evals)
    """)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{name}\ttrue" for name in
                     ("sgd", "nag", "adagrad", "adadelta", "adam", "adamax", "rmsprop", "rprop")] + \
        ["cg\ttrue\t25"]


@pytest.mark.parametrize("code, message", [
    ("optim.sgd()", "bad argument #1 to 'sgd' (function expected, got nil)"),
    ("optim.sgd(rosenbrock)", "bad argument #2 to 'sgd' (torch.*Tensor expected, got nil)"),
    ("optim.adam(rosenbrock, torch.zeros(2), 5)", "bad argument #3 to 'adam' (table expected, got number)"),
    ("optim.lbfgs(function(x) return 1 end, torch.zeros(2))",
     "<optim.lbfgs> opfunc must return f(x) and df/dx (a tensor), got number and nil"),
    ("optim.nag(rosenbrock, torch.zeros(2), {momentum = -1})",
     "Momentum must be positive for Nesterov Accelerated Gradient"),
])
def test_errors_are_lua_errors_with_positions(rt, code, message):
    with pytest.raises(LuaError) as err:
        rt.execute(code, "=stdin")
    assert str(err.value) == f"stdin:1: {message}"


# ---- the lecture's logistic regression ---------------------------------------------------

LOGISTIC = """
require 'nn'
require 'optim'
torch.manualSeed(1)
-- two features, three classes (brand choice in the lecture; here three separated blobs)
data = torch.Tensor{
  { 1.0,  1.2, 1}, { 1.3,  0.8, 1}, { 0.8,  1.1, 1}, { 1.1,  0.9, 1},
  {-1.0,  1.1, 2}, {-1.2,  0.7, 2}, {-0.9,  1.3, 2}, {-1.1,  0.9, 2},
  { 0.1, -1.2, 3}, {-0.2, -0.9, 3}, { 0.3, -1.1, 3}, { 0.0, -1.3, 3},
}
model = nn.Sequential()
model:add(nn.Linear(2, 3))
model:add(nn.LogSoftMax())
criterion = nn.ClassNLLCriterion()
x, dl_dx = model:getParameters()
x0 = x:clone()
inputs = data[{ {}, {1, 2} }]
targets = data[{ {}, 3 }]

feval = function(x_new)
   if x ~= x_new then x:copy(x_new) end
   dl_dx:zero()
   local loss = criterion:forward(model:forward(inputs), targets)
   model:backward(inputs, criterion:backward(model.output, targets))
   return loss, dl_dx
end

sgd_params = {learningRate = 0.5, learningRateDecay = 1e-2, weightDecay = 1e-3, momentum = 0.5}
sgd_losses = {}
for epoch = 1, 60 do
   local _, fs = optim.sgd(feval, x, sgd_params)
   sgd_losses[epoch] = fs[1]
end
x_sgd = x:clone()

lbfgs_state = {maxIter = 100, lineSearch = optim.lswolfe}
_, lbfgs_losses = optim.lbfgs(feval, x, lbfgs_state)

conf = optim.ConfusionMatrix({'one', 'two', 'three'})
conf:batchAdd(model:forward(inputs), targets)
print(conf)
"""

CONFUSION = (
    "ConfusionMatrix:\n"
    "[[       4       0       0]   100.000% \t[class: one]\n"
    " [       0       4       0]   100.000% \t[class: two]\n"
    " [       0       0       4]]  100.000% \t[class: three]\n"
    " + average row correct: 100% \n"
    " + average rowUcol correct (VOC measure): 100% \n"
    " + global correct: 100%\n")


def softmax_regression_sgd(params, data, epochs, lr, lrd, wd, mom):
    """Gradient descent on the mean negative log-likelihood of softmax(W x + b), in numpy."""
    features, labels = data[:, :2], data[:, 2].astype(int) - 1
    p, velocity, losses = params.copy(), None, []
    for n in range(epochs):
        w, b = p[:6].reshape(3, 2), p[6:]
        z = features @ w.T + b
        logp = z - z.max(axis=1, keepdims=True)
        logp -= np.log(np.exp(logp).sum(axis=1, keepdims=True))
        rows = np.arange(len(labels))
        losses.append(-logp[rows, labels].mean())
        dz = np.exp(logp)
        dz[rows, labels] -= 1
        dz /= len(labels)
        g = np.concatenate([(dz.T @ features).ravel(), dz.sum(axis=0)]) + wd * p
        velocity = g.copy() if velocity is None else mom * velocity + (1 - mom) * g
        p = p - lr / (1 + n * lrd) * velocity
    return p, losses


def test_logistic_regression_sgd_then_lbfgs(capsys):
    rt = Runtime()
    rt.execute(LOGISTIC, "=logistic.lua")
    assert capsys.readouterr().out == CONFUSION

    g = rt.globals
    data = g["data"].numpy().copy()
    p_ref, losses_ref = softmax_regression_sgd(g["x0"].numpy().copy(), data, 60,
                                               lr=0.5, lrd=1e-2, wd=1e-3, mom=0.5)
    np.testing.assert_allclose(g["sgd_losses"].to_list(), losses_ref, rtol=1e-10)
    np.testing.assert_allclose(g["x_sgd"].numpy(), p_ref, rtol=1e-10, atol=1e-12)
    assert g["sgd_params"]["evalCounter"] == 60

    lbfgs_losses = g["lbfgs_losses"].to_list()
    assert lbfgs_losses[0] == pytest.approx(g["sgd_losses"][60], rel=0.2)
    assert lbfgs_losses[-1] < 1e-3 and lbfgs_losses[-1] < lbfgs_losses[0] / 10
    assert g["lbfgs_state"]["funcEval"] >= len(lbfgs_losses)


def test_messages_go_through_the_consoles_print(tmp_path):
    # in th (trepl's print) Torch7's optim messages end with a tab, as they did there
    import os
    import subprocess
    import sys
    script = tmp_path / "verbose.lua"
    script.write_text("require 'optim'\n"
                      "local function f(x) return x:dot(x), x * 2 end\n"
                      "optim.lbfgs(f, torch.Tensor{1, 2}, {verbose = true, maxIter = 2})\n"
                      "optim.adagrad(f, torch.Tensor{1, 2})\n"
                      "local logger = optim.Logger()\n"
                      "logger:add{0.5}\n")
    result = subprocess.run([sys.executable, "-m", "th.cli", str(script)], capture_output=True,
                            text=True, timeout=120, env=dict(os.environ, TERM="dumb"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "<optim.lbfgs> \tcreating recyclable direction/step/history buffers\t\n"
        "<optim.lbfgs> \treached max number of iterations\t\n"
        "no state table, ADAGRAD initializing\t\n"
        "<Logger> warning: no path provided, logging to std out\t\n"
        "1\t\n 5.0000e-01\t\n")
