"""Training end to end: XOR learnt with nn.StochasticGradient and with a hand-written Lua
loop, a module written in Lua (torch.class) trained inside nn.Sequential, and
StochasticGradient's printed lines, hooks and options."""
import os
import subprocess
import sys

import pytest

from nn_check import run_lua

XOR_DATA = """
    local X = torch.Tensor{{0, 0}, {0, 1}, {1, 0}, {1, 1}}
    local Y = torch.Tensor{{-1}, {1}, {1}, {-1}}
    local dataset = {}
    function dataset:size() return 4 end
    for i = 1, 4 do dataset[i] = {X[i], Y[i]} end
"""

PREDICTIONS = """
    for i = 1, 4 do print(string.format('%.4f', net:forward(X[i])[1])) end
"""

LUA_LAYERS = """
    -- A transfer function and a layer with a parameter, both written in Lua.
    local LuaTanh, parent = torch.class('nn.LuaTanh', 'nn.Module')
    function LuaTanh:updateOutput(input)
      self.output:resizeAs(input):copy(input):tanh()
      return self.output
    end
    function LuaTanh:updateGradInput(input, gradOutput)
      self.gradInput:resizeAs(input):fill(1):addcmul(-1, self.output, self.output):cmul(gradOutput)
      return self.gradInput
    end

    local LuaScale, base = torch.class('nn.LuaScale', 'nn.Module')
    function LuaScale:__init(n)
      base.__init(self)
      self.weight = torch.Tensor(n):fill(0.5)
      self.gradWeight = torch.Tensor(n):zero()
    end
    function LuaScale:updateOutput(input)
      self.output:resizeAs(input):copy(input):cmul(self.weight)
      return self.output
    end
    function LuaScale:updateGradInput(input, gradOutput)
      self.gradInput:resizeAs(input):copy(gradOutput):cmul(self.weight)
      return self.gradInput
    end
    function LuaScale:accGradParameters(input, gradOutput, scale)
      self.gradWeight:addcmul(scale or 1, input, gradOutput)
    end
"""


def predictions(out):
    return [float(v) for v in out.split()[-4:]]


def assert_xor(values, tol=0.05):
    assert values[0] == pytest.approx(-1, abs=tol) and values[3] == pytest.approx(-1, abs=tol)
    assert values[1] == pytest.approx(1, abs=tol) and values[2] == pytest.approx(1, abs=tol)


def test_xor_with_StochasticGradient():
    out, rt = run_lua("torch.manualSeed(0)" + XOR_DATA + """
        net = nn.Sequential():add(nn.Linear(2, 8)):add(nn.Tanh()):add(nn.Linear(8, 1))
        trainer = nn.StochasticGradient(net, nn.MSECriterion())
        trainer.learningRate = 0.05
        trainer.maxIteration = 200
        trainer.verbose = false
        errors = {}
        trainer.hookIteration = function(self, it, err) errors[it] = err end
        trainer:train(dataset)
    """ + PREDICTIONS)
    errors = rt.globals["errors"].to_list()
    assert len(errors) == 200 and errors[-1] < 1e-4 < errors[0]
    assert_xor(predictions(out))


def test_xor_with_a_lua_loop():
    out, _ = run_lua("torch.manualSeed(1)" + XOR_DATA + """
        net = nn.Sequential():add(nn.Linear(2, 8)):add(nn.Tanh()):add(nn.Linear(8, 1))
        local loss = nn.MSECriterion()
        for epoch = 1, 300 do
          for i = 1, 4 do
            local pred = net:forward(X[i])
            local err = loss:forward(pred, Y[i])
            local gradLoss = loss:backward(pred, Y[i])
            net:zeroGradParameters()
            net:backward(X[i], gradLoss)
            net:updateParameters(0.05)
          end
        end
        print(loss:forward(net:forward(X), Y))
    """ + PREDICTIONS)
    assert float(out.split()[0]) < 1e-3
    assert_xor(predictions(out))


def test_xor_mini_batches_with_getParameters():
    out, _ = run_lua("torch.manualSeed(2)" + XOR_DATA + """
        net = nn.Sequential():add(nn.Linear(2, 8)):add(nn.Tanh()):add(nn.Linear(8, 1))
        local loss = nn.MSECriterion()
        local params, grads = net:getParameters()
        for epoch = 1, 2000 do
          grads:zero()
          local err = loss:forward(net:forward(X), Y)
          net:backward(X, loss:backward(net.output, Y))
          params:add(-0.2, grads)
        end
    """ + PREDICTIONS)
    assert_xor(predictions(out))


def test_lua_module_inside_sequential_is_trained():
    out, rt = run_lua("torch.manualSeed(3)" + XOR_DATA + LUA_LAYERS + """
        net = nn.Sequential():add(nn.Linear(2, 8)):add(nn.LuaTanh()):add(nn.Linear(8, 1))
        net:add(nn.LuaScale(1))
        print(net)
        print(nn.Jacobian.testJacobian(nn.LuaTanh(), torch.Tensor(5)) < 1e-6)
        local s = nn.LuaScale(3)
        print(nn.Jacobian.testJacobianParameters(s, torch.Tensor(3), s.weight, s.gradWeight) < 1e-6)
        local before = net:get(4).weight[1]
        trainer = nn.StochasticGradient(net, nn.MSECriterion())
        trainer.learningRate = 0.05
        trainer.maxIteration = 300
        trainer.verbose = false
        trainer:train(dataset)
        print(net:get(4).weight[1] ~= before, #net:parameters())
    """ + PREDICTIONS)
    lines = out.splitlines()
    assert lines[:7] == ["nn.Sequential {", "  [input -> (1) -> (2) -> (3) -> (4) -> output]",
                         "  (1): nn.Linear(2 -> 8)", "  (2): nn.LuaTanh", "  (3): nn.Linear(8 -> 1)",
                         "  (4): nn.LuaScale", "}"]
    assert lines[7:9] == ["true", "true"]
    assert lines[9] == "# StochasticGradient: training"           # printed even when quiet
    assert lines[12] == "true\t5"
    assert_xor(predictions(out), 0.1)


def test_StochasticGradient_prints_torch7_lines():
    script = ("require 'nn'\ntorch.manualSeed(0)\n" + XOR_DATA + """
        local net = nn.Sequential():add(nn.Linear(2, 4)):add(nn.Tanh()):add(nn.Linear(4, 1))
        local trainer = nn.StochasticGradient(net, nn.MSECriterion())
        trainer.maxIteration = 3
        trainer:train(dataset)
    """)
    env = dict(os.environ, TERM="dumb")
    result = subprocess.run([sys.executable, "-m", "th.cli", "-e", script], capture_output=True,
                            text=True, env=env, timeout=120)
    lines = result.stdout.splitlines()
    assert result.stderr == "" and len(lines) == 6, result.stdout
    assert lines[0] == "# StochasticGradient: training\t"
    errors = []
    for line in lines[1:4]:
        assert line.startswith("# current error = ") and line.endswith("\t")
        errors.append(float(line[len("# current error = "):-1]))
    assert lines[4] == "# StochasticGradient: you have reached the maximum number of iterations\t"
    assert lines[5] == f"# training error = {lines[3][len('# current error = '):]}"


def test_StochasticGradient_options():
    out, rt = run_lua(XOR_DATA + """
        local net = nn.Linear(2, 1)
        local trainer = nn.StochasticGradient(net, nn.MSECriterion())
        print(trainer.learningRate, trainer.learningRateDecay, trainer.maxIteration,
              trainer.shuffleIndices, trainer.verbose)
        trainer.verbose = false
        trainer.maxIteration = 2
        trainer.shuffleIndices = false
        seen = {}
        trainer.hookExample = function(self, example) seen[#seen + 1] = example[2][1] end
        trainer:train(dataset)
    """)
    assert out.splitlines()[0] == "0.01\t0\t25\ttrue\ttrue"
    assert rt.globals["seen"].to_list() == [-1, 1, 1, -1, -1, 1, 1, -1]     # in order


class PyDataset:
    """Torch7's dataset protocol from Python: size() and 1-based [i] -> {input, target}."""

    def __init__(self, n):
        from th import torch
        self.items = [(torch.Tensor([i % 2, 1.0]), torch.Tensor([float(i % 2)])) for i in range(n)]

    def size(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i - 1]


def test_StochasticGradient_from_python_with_a_progress_bar(monkeypatch):
    import io
    import th.xlua
    from th import nn
    calls = []
    monkeypatch.setattr(th.xlua, "progress", lambda t, n: calls.append((t, n)))

    class Terminal(io.StringIO):
        def isatty(self):
            return True
    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.setattr("th.lua.runtime._state", {"runtime": None})   # Python's print
    trainer = nn.StochasticGradient(nn.Linear(2, 1), nn.MSECriterion())
    trainer.maxIteration = 2
    trainer.train(PyDataset(300))
    printed = sys.stdout.getvalue().splitlines()
    assert printed[0] == "# StochasticGradient: training" and len(printed) == 5
    assert calls.count((300, 300)) == 2 and len(calls) == 2 * 100     # ~100 redraws an epoch
    assert sorted(set(calls))[0] == (3, 300)
