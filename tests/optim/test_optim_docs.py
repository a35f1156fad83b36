"""Every Lua-visible name of optim has its ?help text: signature first, an example that runs."""
import inspect

import pytest

import th.optim as optim
from th.lua import Runtime
from optim_problems import ROSENBROCK_LUA

CLASSES = {"Logger": ("logger", optim.Logger), "ConfusionMatrix": ("conf", optim.ConfusionMatrix)}


def public_names():
    for name in optim.__all__:
        value = getattr(optim, name)
        yield f"optim.{name}", f"optim.{name}(", value
        if name in CLASSES:
            var, cls = CLASSES[name]
            for attr, method in vars(cls).items():
                if inspect.isfunction(method) and not attr.startswith("_"):
                    yield f"optim.{name}.{attr}", f"{var}:{attr}(", method


NAMES = list(public_names())

PRELUDE = ROSENBROCK_LUA + """
require 'optim'
feval = rosenbrock
x = torch.Tensor{0.5, 0.5}
conf = optim.ConfusionMatrix(3)
logger = optim.Logger('help.log')
-- for FistaLS: f = |x - 1|^2 / 2 (value, and gradient with 'dx'), g = 0.1 |x|_1
function f(x, mode)
   local r = x - 1
   if mode == 'dx' then return 0.5 * r:dot(r), r end
   return 0.5 * r:dot(r)
end
function g(x) return 0.1 * x:norm(1) end
function pl(x, L) x:copy(torch.sign(x):cmul(torch.clamp(torch.abs(x) - 0.1 / L, 0, math.huge))) end
"""


@pytest.mark.parametrize("name, signature, value", NAMES, ids=[n[0] for n in NAMES])
def test_docstring_signature_and_example(name, signature, value, tmp_path, monkeypatch, capsys):
    doc = inspect.getdoc(value)
    assert doc, f"{name} has no docstring"
    lines = doc.splitlines()
    assert lines[0].startswith(signature), f"{name}: first line should be its Lua signature"
    assert len(lines) == 1 or lines[1] == "", f"{name}: one summary line, then a blank line"
    examples = [line.split("Example:", 1)[1].strip() for line in lines if "Example:" in line]
    assert examples, f"{name}: no example"

    # the example runs as typed at th> (headless, in a scratch folder)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("TH_PLOT_DIR", str(tmp_path / "plots"))
    rt = Runtime()
    rt.execute(PRELUDE)
    for example in examples:
        rt.execute(example, "=example")


def test_all_lists_every_algorithm_and_tool():
    assert set(optim.__all__) == {
        "sgd", "nag", "asgd", "adagrad", "adadelta", "adam", "adamax", "rmsprop", "rprop",
        "lbfgs", "cg", "lswolfe", "polyinterp", "checkgrad", "Logger", "ConfusionMatrix",
        "FistaLS", "cmaes", "de"}
