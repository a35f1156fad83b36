"""Small graphs trained from Lua to a low loss: a residual block through nn's own
StochasticGradient, and an Elman RNN cell unrolled over a sequence by clones sharing
their parameters (the way char-rnn used nngraph)."""
from graph_check import run

RESIDUAL = """
torch.manualSeed(2)
local x = nn.Identity()()
local f = nn.Linear(8, 4)(nn.ReLU()(nn.Linear(4, 8)(x)))
net = nn.gModule({x}, {nn.CAddTable()({f, x})})
M = torch.eye(4) + torch.randn(4, 4):mul(0.3)
dataset = {}
function dataset:size() return 40 end
for i = 1, 40 do local xi = torch.randn(4); dataset[i] = {xi, M * xi} end
crit = nn.MSECriterion()
function loss()
  local s = 0
  for i = 1, dataset:size() do s = s + crit:forward(net:forward(dataset[i][1]), dataset[i][2]) end
  return s / dataset:size()
end
before = loss()
trainer = nn.StochasticGradient(net, crit)
trainer.learningRate = 0.02
trainer.maxIteration = 60
trainer:train(dataset)
after = loss()
"""

RNN = """
torch.manualSeed(1)
-- one step: h_t = tanh(W x_t + U h_{t-1}), y_t = V h_t; the target is the running sum
local x, prev_h = nn.Identity()(), nn.Identity()()
local h = nn.Tanh()(nn.CAddTable()({nn.Linear(1, 8)(x), nn.Linear(8, 8)(prev_h)}))
step = nn.gModule({x, prev_h}, {nn.Linear(8, 1)(h), h})
T = 4
params, grads = step:getParameters()
clones = {}
for t = 1, T do clones[t] = step:clone('weight', 'bias', 'gradWeight', 'gradBias') end
crit = nn.MSECriterion()
function sequence_loss(xs, train)
  local hs, outs, loss = {[0] = torch.zeros(8)}, {}, 0
  for t = 1, T do
    local out = clones[t]:forward({xs[t], hs[t - 1]})
    outs[t], hs[t] = out[1]:clone(), out[2]:clone()
    loss = loss + crit:forward(outs[t], torch.Tensor{xs:narrow(1, 1, t):sum()})
  end
  if train then
    local dh = torch.zeros(8)
    for t = T, 1, -1 do
      local dy = crit:backward(outs[t], torch.Tensor{xs:narrow(1, 1, t):sum()}):clone()
      dh = clones[t]:backward({xs[t], hs[t - 1]}, {dy, dh})[2]:clone()
    end
  end
  return loss / T
end
data = {}
for i = 1, 32 do data[i] = torch.rand(T, 1):mul(0.4) end
function mean_loss()
  local s = 0
  for i = 1, #data do s = s + sequence_loss(data[i]) end
  return s / #data
end
before = mean_loss()
for epoch = 1, 40 do
  for i = 1, #data do
    grads:zero()
    sequence_loss(data[i], true)
    params:add(-0.05, grads)
  end
end
after = mean_loss()
"""


def test_residual_block_trains_with_StochasticGradient():
    out, rt = run(RESIDUAL)
    before, after = rt.globals["before"], rt.globals["after"]
    assert before > 0.5 and after < before / 50, (before, after)
    assert "# StochasticGradient: you have reached the maximum number of iterations" in out


def test_rnn_cell_unrolled_by_shared_clones_learns_a_running_sum():
    _, rt = run(RNN)
    before, after = rt.globals["before"], rt.globals["after"]
    assert before > 0.3 and after < 0.02, (before, after)
    # the clones really share the step's parameters (getParameters came first)
    for weight in rt.globals["clones"][3].parameters()[0].to_list():
        assert weight._storage is rt.globals["params"]._storage
