"""A feval that returns garbage, a bad x or a bad config gives a Lua error in Lua's or
optim's words, never Python's.

Every algorithm of optim's calling convention is run from Lua (under pcall) with
closures returning nothing, one value, a number for the gradient, a gradient of the
wrong size, a string, table or nil for f(x), a LongTensor, an empty tensor, or raising;
then with x nil, a number, a table or empty; then with settings that are not numbers.
A new algorithm in optim.__all__ fails `test_every_algorithm_has_a_call` until it is
added to CALLS.
"""
import pytest

from lua_errors import assert_lua_message
from th import optim
from th.lua import Runtime

# name -> a call of it on the closure F and the point X, with the settings table C
CALLS = {
    "sgd": "optim.sgd(F, X, C)",
    "nag": "optim.nag(F, X, C)",
    "asgd": "optim.asgd(F, X, C)",
    "adagrad": "optim.adagrad(F, X, C)",
    "adadelta": "optim.adadelta(F, X, C)",
    "adam": "optim.adam(F, X, C)",
    "adamax": "optim.adamax(F, X, C)",
    "rmsprop": "optim.rmsprop(F, X, C)",
    "rprop": "optim.rprop(F, X, C)",
    "lbfgs": "optim.lbfgs(F, X, C)",
    "cg": "optim.cg(F, X, C)",
    "lswolfe": "optim.lswolfe(F, X, 1, -X, 1, X:clone(), -X:dot(X))",
    "checkgrad": "optim.checkgrad(F, X)",
    "cmaes": "optim.cmaes(F, X, C)",
    "de": "optim.de(F, X, C)",
    "FistaLS": "optim.FistaLS(F, function(x) return 0 end, function(x, L) end, X, C)",
}
# the settings each needs to run briefly
SETTINGS = {"lbfgs": "maxIter = 3", "cg": "maxIter = 3", "cmaes": "maxEval = 20, sigma = 0.5",
            "de": "popsize = 6, maxFEs = 20, scaleFactor = 0.5, crossoverRate = 0.9",
            "FistaLS": "maxiter = 3", "sgd": "momentum = 0.9, weightDecay = 0.1",
            "nag": "momentum = 0.9"}
# helpers of the package, not algorithms with optim's calling convention
NOT_ALGORITHMS = {"polyinterp", "Logger", "ConfusionMatrix"}

GOOD = "function(x) return x:dot(x), x:clone():mul(2) end"
FEVALS = {
    "nothing": "function(x) end",
    "f alone": "function(x) return x:dot(x) end",
    "a number for df/dx": "function(x) return 1, 2 end",
    "df/dx too long": "function(x) return 1, torch.ones(x:nElement() + 1) end",
    "an empty df/dx": "function(x) return 1, torch.Tensor() end",
    "a table for df/dx": "function(x) return 1, {} end",
    "a LongTensor df/dx": "function(x) return 1, torch.LongTensor(x:nElement()):fill(1) end",
    "a string for f": "function(x) return 'abc', x:clone() end",
    "a table for f": "function(x) return {}, x:clone() end",
    "nil for f": "function(x) return nil, x:clone() end",
    "an error": "function(x) error('boom') end",
}
POINTS = {"nil": "nil", "a number": "3", "a table": "{1, 2}", "an empty tensor": "torch.Tensor()",
          "a LongTensor": "torch.LongTensor{1, 2}"}
BAD_SETTINGS = {"a string": "'abc'", "a table": "{}", "true": "true"}


@pytest.fixture(scope="module")
def lua():
    rt = Runtime()
    rt.execute("require 'optim'", "=setup")

    def run(name, feval=GOOD, x="torch.Tensor{1, 2}", settings=None):
        config = "{" + (settings or SETTINGS.get(name, "")) + "}"
        return rt.execute(f"local F, X, C = {feval}, {x}, {config}; local ok, e = pcall("
                          f"function() return {CALLS[name]} end) return ok, tostring(e)",
                          "=test")
    return run


def test_every_algorithm_has_a_call():
    missing = set(optim.__all__) - set(CALLS) - NOT_ALGORITHMS
    assert not missing, f"add these to CALLS in {__file__}: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(CALLS))
def test_garbage_from_feval(lua, name, capsys):
    for kind, feval in FEVALS.items():
        ok, msg = lua(name, feval)
        assert_lua_message(f"{name} with a feval returning {kind}", ok, msg)
        if kind in ("nothing", "an error"):
            assert not ok, f"{name} with a feval returning {kind} gave no error"
    assert lua(name, FEVALS["an error"]) == (False, "test:1: boom")


@pytest.mark.parametrize("name", sorted(CALLS))
def test_bad_points_and_settings(lua, name, capsys):
    for kind, x in POINTS.items():
        ok, msg = lua(name, x=x)
        assert_lua_message(f"{name} with x {kind}", ok, msg)
        if kind in ("nil", "a number", "a table"):
            assert not ok, f"{name} with x {kind} gave no error"
    key = "learningRate" if name not in ("cmaes", "de", "FistaLS", "lswolfe", "checkgrad") \
        else None
    for kind, value in BAD_SETTINGS.items():
        if key is None:
            continue
        ok, msg = lua(name, settings=f"{SETTINGS.get(name, '')}, {key} = {value}".lstrip(", "))
        assert_lua_message(f"{name} with {key} {kind}", ok, msg)


@pytest.mark.parametrize("src, message", [
    ("optim.lbfgs(function(x) return 'abc', x:clone() end, torch.zeros(2))",
     "<optim.lbfgs> opfunc must return f(x) (a number), got string"),
    ("optim.sgd(function(x) return 1, torch.ones(3) end, torch.zeros(2))",
     "inconsistent tensor size, expected r_ [2] and src [3] to have the same number of "
     "elements, but got 2 and 3 elements respectively"),
    ("optim.adam(function(x) return 1, x:clone() end, torch.zeros(2), {learningRate = 'x'})",
     "attempt to perform arithmetic on field 'learningRate' (a string value)"),
    ("optim.cmaes(function(x) return {} end, torch.zeros(2), {sigma = 1})",
     "<optim.cmaes> opfunc must return f(x) (a number), got table"),
    ("optim.checkgrad(function(x) return 1, x:clone() end, torch.zeros(2), {})",
     "bad argument #3 to 'checkgrad' (number expected, got table)"),
    ("optim.lswolfe(function(x) return 1, x:clone() end, torch.zeros(2), 1, torch.ones(2))",
     "bad argument #5 to 'lswolfe' (number expected, got nil)"),
])
def test_messages(src, message):
    rt = Runtime()
    ok, msg = rt.execute(f"require 'optim'; return pcall(function() return {src} end)",
                         "=test")
    assert not ok and msg == "test:1: " + message


def test_numeric_strings_count_as_numbers_as_in_lua(lua):
    ok, _ = lua("sgd", settings="learningRate = '0.1'")
    assert ok
