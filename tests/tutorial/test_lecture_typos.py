"""The lecture's typos, as students type them, answered by the console (the lessons teach
them). These pin the small fixes made in other packages while building the lessons:
`nn.linear` is nil (a package's Python submodule is not a Lua field), calling the
`gnuplot` package names it a table (so the hint appears), and `?torch.randn()` is help
on torch.randn."""
import pytest


def run(evaluator, capsys, *entries):
    for entry in entries:
        evaluator.run(entry)
    return capsys.readouterr().out


@pytest.mark.parametrize("entry, hint", [
    ("lin = nn.linear(5, 3)", "did you mean nn.Linear?"),
    ("x = torch.one(4)", "did you mean torch.ones?"),
    ("j = nn.joinTable(-1)", "did you mean nn.JoinTable?"),
    ("net:zeroAccParameters()", "did you mean net:zeroGradParameters?"),
    ("net:updateParameter(0.01)", "did you mean net:updateParameters?"),
    ("net:backard(x, x)", "did you mean net:backward?"),
    ("lin2:upgradeOutput(x)", "did you mean lin2:updateOutput?"),
    ("Torch.zeros(3, 5)", "did you mean torch.zeros?"),
    ("Gnuplot.hist(x)", "did you mean gnuplot.hist?"),
    ("gnuplot(x, x)", "did you mean gnuplot.plot(...)?"),
    ("lin2.Bias", "lin2.Bias is nil; did you mean lin2.bias?"),
])
def test_each_typo_gets_its_hint(evaluator, capsys, entry, hint):
    run(evaluator, capsys, "require 'nn'; require 'gnuplot'", "x = torch.ones(5)",
        "net = nn.Sequential():add(nn.Linear(5, 3))", "lin2 = nn.Linear(5, 3)")
    out = run(evaluator, capsys, entry)
    assert hint in out


def test_nn_linear_is_nil_like_in_torch7(evaluator, capsys):
    out = run(evaluator, capsys, "require 'nn';", "print(nn.linear, type(nn.Linear))")
    assert out == "nil\ttable\t\n"


def test_help_with_empty_parentheses(evaluator, capsys):
    out = run(evaluator, capsys, "?torch.randn()")
    assert "torch.randn([res,]" in out and "torch.DoubleTensor(...)" not in out
