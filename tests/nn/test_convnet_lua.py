"""A small convnet written and trained in Lua (mini-batches, then StochasticGradient on
single images): the conv, pooling and normalisation modules inside nn's containers,
criterions and trainer, called from Lua."""
from nn_check import run_lua

DATA = """
torch.manualSeed(7)
-- 1x8x8 images holding one horizontal (class 1) or vertical (class 2) bar, plus noise
local n = 64
X = torch.randn(n, 1, 8, 8):mul(0.1)
Y = torch.Tensor(n)
for i = 1, n do
  local p = (i % 6) + 2
  if i % 2 == 1 then X[i][1][p]:add(1); Y[i] = 1
  else X[i][1]:select(2, p):add(1); Y[i] = 2 end
end
"""

NET = """
net = nn.Sequential()
net:add(nn.SpatialContrastiveNormalization(1, torch.Tensor({1, 1, 1})))
net:add(nn.SpatialConvolution(1, 4, 3, 3, 1, 1, 1, 1))
net:add(nn.SpatialBatchNormalization(4))
net:add(nn.ReLU())
net:add(nn.SpatialMaxPooling(2, 2, 2, 2):ceil())
net:add(nn.View(4 * 4 * 4))
net:add(nn.Linear(64, 2))
net:add(nn.LogSoftMax())
crit = nn.ClassNLLCriterion()
"""


def test_convnet_trains_on_mini_batches_from_lua():
    out, _ = run_lua(DATA + NET + """
local first
for epoch = 1, 30 do
  for b = 1, 64, 16 do
    local x, y = X:narrow(1, b, 16), Y:narrow(1, b, 16)
    local loss = crit:forward(net:forward(x), y)
    first = first or loss
    net:zeroGradParameters()
    net:backward(x, crit:backward(net.output, y))
    net:updateParameters(0.1)
  end
end
net:evaluate()
local _, pred = net:forward(X):max(2)
local correct = pred:view(-1):double():eq(Y):sum()
print(first > 0.5, crit:forward(net.output, Y) < 0.05, correct)
print(net:get(2), net:get(5))
""")
    assert out == "true\ttrue\t64\nnn.SpatialConvolution(1 -> 4, 3x3, 1,1, 1,1)\t" \
                  "nn.SpatialMaxPooling(2x2, 2,2)\n"


def test_convnet_trains_with_StochasticGradient_from_lua():
    out, _ = run_lua(DATA + """
net = nn.Sequential()
net:add(nn.SpatialConvolution(1, 3, 3, 3))
net:add(nn.Tanh())
net:add(nn.SpatialAveragePooling(2, 2, 2, 2))
net:add(nn.View(3 * 3 * 3))
net:add(nn.Linear(27, 2))
net:add(nn.LogSoftMax())
dataset = {}
function dataset:size() return 64 end
for i = 1, 64 do dataset[i] = {X[i], Y[i]} end
trainer = nn.StochasticGradient(net, nn.ClassNLLCriterion())
trainer.maxIteration = 8
trainer.learningRate = 0.05
trainer.verbose = false
trainer:train(dataset)
local correct = 0
for i = 1, 64 do
  local _, c = net:forward(X[i]):max(1)
  if c[1] == Y[i] then correct = correct + 1 end
end
print(correct)
""")
    lines = out.splitlines()
    assert lines[0] == "# StochasticGradient: training"
    assert lines[-1] == "64"
