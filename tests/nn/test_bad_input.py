"""Bad input to any nn module or criterion reads as a Lua error, never as Python's.

Every class in `nn.__all__` is called from Lua (through th.lua.Runtime, under pcall)
with wrong arguments: nil, a number, a string, tables where tensors belong and tensors
where tables belong, an empty tensor, a 5-D tensor, one size too big, a LongTensor; then
backward with the same kinds of bad gradOutput. Whatever it says must be positioned at
the calling Lua line and free of numpy and Python words (lua_errors.py). A new module fails
`test_every_class_has_a_case` until it gets a line in CASES or CRITERIONS, so it is
swept too. The wordings Torch7 had are checked exactly at the end.
"""
import pytest

from lua_errors import assert_lua_message
from th import nn
from th.lua import Runtime

# name -> (constructor, a good input), in Lua
CASES = {
    "Sequential": ("nn.Sequential():add(nn.Linear(4, 3))", "torch.rand(4)"),
    "Concat": ("nn.Concat(1):add(nn.Linear(4, 3)):add(nn.Linear(4, 2))", "torch.rand(4)"),
    "DepthConcat": ("nn.DepthConcat(1):add(nn.Linear(4, 3)):add(nn.Linear(4, 2))",
                    "torch.rand(4)"),
    "Parallel": ("nn.Parallel(1, 1):add(nn.Linear(4, 3)):add(nn.Linear(4, 2))",
                 "torch.rand(2, 4)"),
    "ParallelTable": ("nn.ParallelTable():add(nn.Linear(4, 3)):add(nn.Linear(4, 2))",
                      "{torch.rand(4), torch.rand(4)}"),
    "ConcatTable": ("nn.ConcatTable():add(nn.Linear(4, 3)):add(nn.Linear(4, 2))",
                    "torch.rand(4)"),
    "MapTable": ("nn.MapTable(nn.Linear(4, 3))", "{torch.rand(4), torch.rand(4)}"),
    "SplitTable": ("nn.SplitTable(1)", "torch.rand(2, 4)"),
    "JoinTable": ("nn.JoinTable(1)", "{torch.rand(4), torch.rand(4)}"),
    "SelectTable": ("nn.SelectTable(1)", "{torch.rand(4), torch.rand(4)}"),
    "NarrowTable": ("nn.NarrowTable(1, 1)", "{torch.rand(4), torch.rand(4)}"),
    "FlattenTable": ("nn.FlattenTable()", "{torch.rand(4), {torch.rand(4)}}"),
    "Identity": ("nn.Identity()", "torch.rand(4)"),
    "CAddTable": ("nn.CAddTable()", "{torch.rand(4), torch.rand(4)}"),
    "CSubTable": ("nn.CSubTable()", "{torch.rand(4), torch.rand(4)}"),
    "CMulTable": ("nn.CMulTable()", "{torch.rand(4), torch.rand(4)}"),
    "CDivTable": ("nn.CDivTable()", "{torch.rand(4), torch.rand(4):add(1)}"),
    "PairwiseDistance": ("nn.PairwiseDistance(2)", "{torch.rand(4), torch.rand(4)}"),
    "CosineDistance": ("nn.CosineDistance()", "{torch.rand(4), torch.rand(4)}"),
    "Linear": ("nn.Linear(4, 3)", "torch.rand(4)"),
    "Add": ("nn.Add(4)", "torch.rand(4)"),
    "Mul": ("nn.Mul()", "torch.rand(4)"),
    "CMul": ("nn.CMul(4)", "torch.rand(4)"),
    "Bilinear": ("nn.Bilinear(4, 4, 3)", "{torch.rand(2, 4), torch.rand(2, 4)}"),
    "Euclidean": ("nn.Euclidean(4, 3)", "torch.rand(4)"),
    "LookupTable": ("nn.LookupTable(10, 3)", "torch.LongTensor{1, 2}"),
    "Sigmoid": ("nn.Sigmoid()", "torch.rand(4)"),
    "Tanh": ("nn.Tanh()", "torch.rand(4)"),
    "Threshold": ("nn.Threshold(0.5, 0)", "torch.rand(4)"),
    "ReLU": ("nn.ReLU()", "torch.rand(4)"),
    "ReLU6": ("nn.ReLU6()", "torch.rand(4)"),
    "LeakyReLU": ("nn.LeakyReLU()", "torch.rand(4)"),
    "PReLU": ("nn.PReLU()", "torch.rand(4)"),
    "ELU": ("nn.ELU()", "torch.rand(4)"),
    "HardTanh": ("nn.HardTanh()", "torch.rand(4)"),
    "SoftPlus": ("nn.SoftPlus()", "torch.rand(4)"),
    "SoftSign": ("nn.SoftSign()", "torch.rand(4)"),
    "LogSigmoid": ("nn.LogSigmoid()", "torch.rand(4)"),
    "SoftMax": ("nn.SoftMax()", "torch.rand(4)"),
    "SoftMin": ("nn.SoftMin()", "torch.rand(4)"),
    "LogSoftMax": ("nn.LogSoftMax()", "torch.rand(4)"),
    "Abs": ("nn.Abs()", "torch.rand(4)"),
    "Square": ("nn.Square()", "torch.rand(4)"),
    "Sqrt": ("nn.Sqrt()", "torch.rand(4)"),
    "Power": ("nn.Power(2)", "torch.rand(4)"),
    "Exp": ("nn.Exp()", "torch.rand(4)"),
    "Log": ("nn.Log()", "torch.rand(4)"),
    "MulConstant": ("nn.MulConstant(2)", "torch.rand(4)"),
    "AddConstant": ("nn.AddConstant(2)", "torch.rand(4)"),
    "Reshape": ("nn.Reshape(2, 2)", "torch.rand(4)"),
    "View": ("nn.View(2, 2)", "torch.rand(4)"),
    "Transpose": ("nn.Transpose({1, 2})", "torch.rand(2, 4)"),
    "Narrow": ("nn.Narrow(1, 1, 2)", "torch.rand(4)"),
    "Select": ("nn.Select(1, 2)", "torch.rand(2, 4)"),
    "Replicate": ("nn.Replicate(2)", "torch.rand(4)"),
    "Squeeze": ("nn.Squeeze()", "torch.rand(1, 4)"),
    "Unsqueeze": ("nn.Unsqueeze(1)", "torch.rand(4)"),
    "Padding": ("nn.Padding(1, 2)", "torch.rand(4)"),
    "Max": ("nn.Max(1)", "torch.rand(4)"),
    "Min": ("nn.Min(1)", "torch.rand(4)"),
    "Sum": ("nn.Sum(1)", "torch.rand(4)"),
    "Mean": ("nn.Mean(1)", "torch.rand(4)"),
    "Normalize": ("nn.Normalize(2)", "torch.rand(4)"),
    "Dropout": ("nn.Dropout(0.5)", "torch.rand(4)"),
    "Copy": ("nn.Copy('torch.DoubleTensor', 'torch.FloatTensor')", "torch.rand(4)"),
    "Contiguous": ("nn.Contiguous()", "torch.rand(4)"),
    "SpatialConvolution": ("nn.SpatialConvolution(2, 3, 3, 3)", "torch.rand(2, 5, 5)"),
    "SpatialConvolutionMM": ("nn.SpatialConvolutionMM(2, 3, 3, 3)", "torch.rand(2, 5, 5)"),
    "SpatialFullConvolution": ("nn.SpatialFullConvolution(2, 3, 3, 3)",
                               "torch.rand(2, 5, 5)"),
    "TemporalConvolution": ("nn.TemporalConvolution(4, 3, 2)", "torch.rand(5, 4)"),
    "SpatialMaxPooling": ("nn.SpatialMaxPooling(2, 2)", "torch.rand(2, 4, 4)"),
    "SpatialAveragePooling": ("nn.SpatialAveragePooling(2, 2)", "torch.rand(2, 4, 4)"),
    "TemporalMaxPooling": ("nn.TemporalMaxPooling(2)", "torch.rand(4, 3)"),
    "SpatialUpSamplingNearest": ("nn.SpatialUpSamplingNearest(2)", "torch.rand(2, 3, 3)"),
    "SpatialZeroPadding": ("nn.SpatialZeroPadding(1, 1, 1, 1)", "torch.rand(2, 3, 3)"),
    "BatchNormalization": ("nn.BatchNormalization(4)", "torch.rand(3, 4)"),
    "SpatialBatchNormalization": ("nn.SpatialBatchNormalization(2)",
                                  "torch.rand(3, 2, 4, 4)"),
    "SpatialSubtractiveNormalization": (
        "nn.SpatialSubtractiveNormalization(2, torch.ones(3))", "torch.rand(2, 5, 5)"),
    "SpatialDivisiveNormalization": (
        "nn.SpatialDivisiveNormalization(2, torch.ones(3))", "torch.rand(2, 5, 5)"),
    "SpatialContrastiveNormalization": (
        "nn.SpatialContrastiveNormalization(2, torch.ones(3))", "torch.rand(2, 5, 5)"),
    # nngraph's (loading it adds the first two to nn)
    "gModule": ("(function() local i = nn.Identity()(); "
                "return nn.gModule({i}, {nn.Linear(4, 3)(i)}) end)()", "torch.rand(4)"),
    "ModuleFromCriterion": ("nn.ModuleFromCriterion(nn.MSECriterion())",
                            "{torch.rand(4), torch.rand(4)}"),
    "JustElement": ("nngraph.JustElement()", "{torch.rand(4)}"),
    "JustTable": ("nngraph.JustTable()", "torch.rand(4)"),
}

# name -> (constructor, a good input, a good target), in Lua
CRITERIONS = {
    "MSECriterion": ("nn.MSECriterion()", "torch.rand(4)", "torch.rand(4)"),
    "AbsCriterion": ("nn.AbsCriterion()", "torch.rand(4)", "torch.rand(4)"),
    "SmoothL1Criterion": ("nn.SmoothL1Criterion()", "torch.rand(4)", "torch.rand(4)"),
    "ClassNLLCriterion": ("nn.ClassNLLCriterion()", "torch.rand(4)", "2"),
    "CrossEntropyCriterion": ("nn.CrossEntropyCriterion()", "torch.rand(4)", "2"),
    "BCECriterion": ("nn.BCECriterion()", "torch.rand(4):mul(0.8):add(0.1)",
                     "torch.Tensor{0, 1, 1, 0}"),
    "DistKLDivCriterion": ("nn.DistKLDivCriterion()", "torch.rand(4)", "torch.rand(4)"),
    "MarginCriterion": ("nn.MarginCriterion()", "torch.rand(4)", "torch.Tensor{1, -1, 1, -1}"),
    "MultiMarginCriterion": ("nn.MultiMarginCriterion()", "torch.rand(4)", "2"),
    "HingeEmbeddingCriterion": ("nn.HingeEmbeddingCriterion()", "torch.rand(4)",
                                "torch.Tensor{1, -1, 1, -1}"),
    "CosineEmbeddingCriterion": ("nn.CosineEmbeddingCriterion()",
                                 "{torch.rand(2, 4), torch.rand(2, 4)}", "torch.Tensor{1, -1}"),
    "MarginRankingCriterion": ("nn.MarginRankingCriterion()",
                               "{torch.rand(1), torch.rand(1)}", "1"),
    "MultiCriterion": ("nn.MultiCriterion():add(nn.MSECriterion())", "torch.rand(4)",
                       "torch.rand(4)"),
    "ParallelCriterion": ("nn.ParallelCriterion():add(nn.MSECriterion())", "{torch.rand(4)}",
                          "{torch.rand(4)}"),
}

# Abstract classes and helpers that are no layer.
NOT_LAYERS = {"Module", "Container", "Criterion", "StochasticGradient", "Jacobian"}

# Modules that pass any value through (Torch7's do too).
PASS_ANYTHING = {"Identity": ("forward", "backward"), "FlattenTable": ("forward",),
                 "JustTable": ("forward",), "JustElement": ("backward",)}

# Bad values, as Lua expressions of the good one `x` (grow: the last size one bigger, or
# a class number out of range).
BAD_VALUES = {
    "nil": "nil", "number": "3", "string": "'abc'", "empty table": "{}",
    "empty tensor": "torch.Tensor()", "5-D tensor": "torch.rand(2, 2, 2, 2, 2)",
    "one size too big": "grow(x)", "LongTensor": "longs(x)", "table of the input": "{x, x}",
    "first entry alone": "first(x)", "table with a number": "{first(x), 3}",
    "table one short": "{first(x)}",
}
NOT_VALUES = ("nil", "number", "string")

HELPERS = r"""
function grow(v)
  if type(v) == 'number' then return v + 10 end
  if torch.isTensor(v) then
    if v:dim() == 0 then return torch.rand(3) end
    local s = v:size():totable(); s[#s] = s[#s] + 1
    return v.new(torch.LongStorage(s)):fill(0.5)
  end
  local r = {}
  for i, x in ipairs(v) do r[i] = grow(x) end
  return r
end
function longs(v)
  if type(v) == 'number' then return v end
  if torch.isTensor(v) then return v:long() end
  local r = {}
  for i, x in ipairs(v) do r[i] = longs(x) end
  return r
end
function first(v) if type(v) ~= 'table' then return v end return v[1] end
"""

def check(what, ok, msg):
    """A clean Lua message (lua_errors.py) that names tensors by their type."""
    assert_lua_message(what, ok, msg)
    assert ok or "userdata" not in msg, f"{what}: a tensor called userdata in {msg!r}"


@pytest.fixture(scope="module")
def lua():
    """Run Lua (nn and nngraph loaded) under pcall on line 1 of chunk 'test'; give
    (ok, message). nngraph's hooks on module calls are taken off again afterwards."""
    import sys
    already = "th.nngraph" in sys.modules       # importing it installs the hooks
    from th.nngraph import calls
    hooked = already and calls.installed()
    rt = Runtime()
    rt.execute("require 'nn'; require 'nngraph'\n" + HELPERS, "=setup")

    def run(src):
        ok, msg = rt.execute(f"local ok, e = pcall(function() {src} end) "
                             f"return ok, tostring(e)", "=test")
        return ok, msg
    yield run
    if not hooked:
        calls.uninstall()


def test_every_class_has_a_case(lua):
    import th.nngraph
    layers = set(nn.__all__) | set(th.nngraph.modules.__all__)
    missing = layers - set(CASES) - set(CRITERIONS) - NOT_LAYERS
    assert not missing, f"add these to CASES or CRITERIONS in {__file__}: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_module_bad_input(lua, name):
    make, good = CASES[name]
    for kind, bad in BAD_VALUES.items():
        ok, msg = lua(f"local x = {good}; local m = {make}; m:forward({bad})")
        check(f"{name}:forward({kind})", ok, msg)
        if kind in NOT_VALUES and "forward" not in PASS_ANYTHING.get(name, ()):
            assert not ok, f"{name}:forward({kind}) gave no error"
        bad_grad = bad.replace("(x)", "(y)").replace("{x, x}", "{y, y}")
        ok, msg = lua(f"local x = {good}; local m = {make}; local y = m:forward(x); "
                      f"m:backward(x, {bad_grad})")
        check(f"{name}:backward(x, {kind})", ok, msg)
        if kind in NOT_VALUES and "backward" not in PASS_ANYTHING.get(name, ()):
            assert not ok, f"{name}:backward(x, {kind}) gave no error"


@pytest.mark.parametrize("name", sorted(CRITERIONS))
def test_criterion_bad_input(lua, name):
    make, good, target = CRITERIONS[name]
    for kind, bad in BAD_VALUES.items():
        for method in ("forward", "backward"):
            ok, msg = lua(f"local x, t = {good}, {target}; local c = {make}; "
                          f"c:forward(x, t); c:{method}({bad}, t)")
            check(f"{name}:{method}({kind}, t)", ok, msg)
            if kind in NOT_VALUES:
                assert not ok, f"{name}:{method}({kind}, t) gave no error"
        bad_target = bad.replace("(x)", "(t)").replace("{x, x}", "{t, t}")
        ok, msg = lua(f"local x, t = {good}, {target}; local c = {make}; "
                      f"c:forward(x, {bad_target})")
        check(f"{name}:forward(x, {kind})", ok, msg)
        if kind in ("nil", "string"):
            assert not ok, f"{name}:forward(x, {kind}) gave no error"


# ---- the wordings themselves --------------------------------------------------------

@pytest.mark.parametrize("src, message", [
    # Torch7's CAddTable adds with t:add, whose words these are
    ("nn.CAddTable():forward({torch.rand(3), torch.rand(2)})",
     "inconsistent tensor size, expected r_ [3] and src [2] to have the same number of "
     "elements, but got 3 and 2 elements respectively"),
    ("local m = nn.CAddTable(); m:forward({torch.rand(3), torch.rand(3)}); "
     "m:backward({torch.rand(3), torch.rand(3)}, torch.rand(4))",
     "inconsistent tensor size, expected r_ [3] and src [4] to have the same number of "
     "elements, but got 3 and 4 elements respectively"),
    ("nn.CSubTable():forward({torch.rand(3)})",
     "bad argument #1 to 'CSubTable' (table of 2 entries expected, got 1)"),
    ("nn.CMulTable():forward({torch.rand(3), 4})",
     "bad argument #1 to 'CMulTable' (table of tensors expected, got number at index 2)"),
    ("nn.JoinTable(1):forward({torch.rand(2, 3), torch.rand(2, 4)})",
     "inconsistent tensor sizes"),
    ("nn.Tanh():forward(nil)", "bad argument #1 to 'Tanh' (torch.*Tensor expected, got nil)"),
    ("nn.ReLU():forward(torch.LongTensor(3))",
     "bad argument #1 to 'ReLU' (torch.DoubleTensor expected, got torch.LongTensor)"),
    # THNN_CHECK_NELEMENT
    ("local m = nn.ReLU(); m:forward(torch.rand(4)); m:backward(torch.rand(4), torch.rand(5))",
     "input and gradOutput have different number of elements: input[4] has 4 elements, "
     "while gradOutput[5] has 5 elements"),
    ("nn.SplitTable(1):forward(3)",
     "bad argument #1 to 'SplitTable' (torch.*Tensor expected, got number)"),
    ("nn.ParallelTable():add(nn.Tanh()):add(nn.Tanh()):forward(torch.rand(2))",
     "bad argument #1 to 'ParallelTable' (table expected, got torch.DoubleTensor)"),
    # THNN's shape checks name the C function 'v' and count the state as argument 1
    ("local m = nn.SpatialMaxPooling(2, 2); m:forward(torch.rand(1, 4, 4)); "
     "m:backward(torch.rand(1, 4, 4), nil)",
     "bad argument #3 to 'v' (torch.*Tensor expected, got nil)"),
    ("local m = nn.BatchNormalization(3); m:forward(torch.rand(2, 3)); "
     "m:backward(torch.rand(2, 3), torch.rand(2, 4))",
     "input and gradOutput shapes do not match: input [2 x 3], gradOutput [2 x 4]"),
    ("nn.Sum(3):forward(torch.rand(2))", "dimension 3 out of range of 1D tensor"),
    ("nn.SoftMax():forward(torch.Tensor())", "1D, 2D, 3D or 4D tensor expected"),
    ("nn.HingeEmbeddingCriterion():forward(torch.rand(3), torch.rand(2))",
     "input and target size mismatch (input has 3 elements, target has 2)"),
    # nn.utils.recursiveResizeAs's words
    ("nn.MultiCriterion():add(nn.MSECriterion()):backward(nil, torch.rand(2))",
     "expecting nested tensors or tables. Got nil instead"),
    ("nn.ClassNLLCriterion():forward(torch.rand(2), 3)", "target out of bounds"),
])
def test_messages(lua, src, message):
    ok, msg = lua(src)
    assert not ok and msg == "test:1: " + message


def test_errors_inside_containers_name_the_module(lua):
    ok, msg = lua("local net = nn.Sequential():add(nn.Linear(4, 3)):add(nn.Tanh()); "
                  "net:forward(torch.rand(4)); net:backward(torch.rand(4), torch.rand(2))")
    assert not ok
    assert msg == ("test:1: \nIn 2 module of nn.Sequential:\noutput and gradOutput have "
                   "different number of elements: output[3] has 3 elements, while "
                   "gradOutput[2] has 2 elements")


# ---- the rest of the API: module methods, containers, the trainer, nn.Jacobian --------

TRAINER = ("local t = nn.StochasticGradient(nn.Linear(2, 1), nn.MSECriterion()); "
           "t.verbose = false; ")


@pytest.mark.parametrize("src, message", [
    ("nn.Linear(2, 1):updateParameters('abc')",
     "attempt to perform arithmetic on local 'learningRate' (a string value)"),
    ("nn.Linear(2, 1):backward(torch.rand(2), torch.rand(1), 'x')",
     "attempt to perform arithmetic on local 'scale' (a string value)"),
    ("nn.Linear(2, 1):accUpdateGradParameters(torch.rand(2), torch.rand(1))",
     "attempt to perform arithmetic on local 'lr' (a nil value)"),
    ("nn.Linear(2, 1):reset('a')",
     "attempt to perform arithmetic on local 'stdv' (a string value)"),
    ("nn.Linear(2, 1):apply(3)", "attempt to call local 'callback' (a number value)"),
    ("nn.Linear(2, 1):share(3, 'weight')",
     "bad argument #1 to 'Linear' (nn.Module expected, got number)"),
    ("nn.Sequential():add(3)", "bad argument #1 to 'Sequential' (nn.Module expected, got number)"),
    ("nn.Sequential():add(nn.Tanh()):insert(nn.Tanh(), 'a')",
     "bad argument #2 to 'insert' (number expected, got string)"),
    ("nn.MSECriterion():forward(torch.rand(2))", "target must be a Tensor (got nil)"),
    ("nn.Linear(2, 1):forward()", "bad argument #1 to 'Linear' (torch.*Tensor expected, got nil)"),
    (TRAINER + "t:train(3)", "dataset must have a size() method"),
    (TRAINER + "local d = {3}; function d:size() return 1 end; t:train(d)",
     "dataset[1] must be a table {input, target} (got number)"),
    ("nn.StochasticGradient(nn.Linear(2, 1)):train({size = 1})",
     "attempt to index field 'criterion' (a nil value)"),
    ("nn.Jacobian.testJacobian(nil, torch.rand(2))",
     "bad argument #1 to 'testJacobian' (nn.Module expected, got nil)"),
    ("nn.Jacobian.testJacobianParameters(nn.Linear(2, 1), torch.rand(2))",
     "bad argument #3 to 'testJacobianParameters' (torch.*Tensor expected, got nil)"),
])
def test_api_messages(lua, src, message):
    ok, msg = lua(src)
    assert not ok and msg == "test:1: " + message


@pytest.mark.parametrize("src", [
    # Lua ignores extra arguments, and so do the methods
    "nn.Linear(2, 1):zeroGradParameters(3)", "nn.Linear(2, 1):training(3)",
    "nn.Linear(2, 1):getParameters(3)", "nn.Sequential():add(nn.Tanh(), 5):size(1)",
    "nn.MSECriterion():forward(torch.rand(2), torch.rand(2), 3)",
    # a nil scale means 1
    "nn.Add(2):accGradParameters(torch.rand(2), torch.rand(2), nil)",
])
def test_lua_calls_that_work(lua, src):
    assert lua(src) == (True, "nil")


def test_constructor_with_wrong_argument_count_reads_as_lua():
    rt = Runtime()
    rt.require("nn")
    ok, msg = rt.execute("return pcall(function() return nn.Concat() end)")
    assert not ok and msg.endswith("wrong number of arguments to 'Concat' (argument 'dimension' missing)")
    ok, msg = rt.execute("return pcall(function() return nn.Linear(1, 2, 3, 4, 5) end)")
    assert not ok and msg.endswith("wrong number of arguments to 'Linear' (at most 3 expected, got 5)")
