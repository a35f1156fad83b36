"""Every Lua-visible nn class and method has its ?help text (signature first, an example),
and every class example runs as Lua."""
import inspect

import pytest

from th import nn
from nn_check import run_lua

MINE = ("th.nn.module", "th.nn.containers", "th.nn.table", "th.nn.linear",
        "th.nn.activation", "th.nn.shape", "th.nn.criterion", "th.nn.trainer",
        "th.nn.jacobian")
CLASSES = sorted(n for n in nn.__all__ if getattr(nn, n).__module__ in MINE)

# Names the examples use, as a student's session would have them.
PRELUDE = """
torch.manualSeed(1)
x = torch.randn(5)
lin = nn.Linear(5, 3)
net = nn.Sequential():add(nn.Linear(2, 2)):add(nn.Tanh())
dataset = {}
function dataset:size() return 2 end
dataset[1] = {torch.randn(2), torch.randn(2)}
dataset[2] = {torch.randn(2), torch.randn(2)}
"""


def example(doc):
    """The Lua of a docstring's Example: block (the rest of its line, then indented lines)."""
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("Example:"):
            code = [line[len("Example:"):].strip()]
            code += [ln.strip() for ln in lines[i + 1:] if ln.startswith((" ", "\t"))]
            return "\n".join(c for c in code if c)
    return None


@pytest.mark.parametrize("name", CLASSES)
def test_class_doc_has_signature_and_runnable_example(name):
    doc = inspect.getdoc(getattr(nn, name))
    assert doc, f"nn.{name} has no docstring"
    assert doc.splitlines()[0].startswith(f"nn.{name}"), doc.splitlines()[0]
    code = example(doc)
    assert code, f"nn.{name}: no example"
    run_lua(PRELUDE + code)


@pytest.mark.parametrize("name", CLASSES)
def test_methods_have_docs(name):
    cls = getattr(nn, name)
    for attr, value in vars(cls).items():
        if attr.startswith("_") or not inspect.isfunction(value):
            continue
        doc = inspect.getdoc(getattr(cls, attr))
        assert doc and "Example" in doc, f"nn.{name}:{attr} has no help with an example"
