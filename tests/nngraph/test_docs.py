"""Every Lua-visible name of nngraph and graph has its ?help text (signature first, then
an example), and every example runs as Lua in a student's session."""
import inspect

import pytest

from th import nn
from th.nngraph import graph, simple_print
import th.nngraph as nngraph
from nn_check import run_lua
from test_nn_docs import example

PRELUDE = """
require 'nngraph'
torch.manualSeed(1)
x = nn.Identity()()
h = nn.Linear(3, 2)(x)
net = nn.gModule({x}, {nn.Tanh()(h)})
twin = net:clone()
a = graph.Node('a'); b = graph.Node('b'); a:add(b)
g = graph.Graph(); g:add(graph.Edge(a, b))
"""

PUBLIC = ([("nngraph", name, getattr(nngraph, name)) for name in nngraph.__all__]
          + [("graph", name, getattr(graph, name)) for name in graph.__all__]
          + [("nngraph.simple_print", name, getattr(simple_print, name))
             for name in simple_print.__all__]
          + [("nn", name, getattr(nn, name)) for name in ("gModule", "ModuleFromCriterion")])
NAMES = [f"{pkg}.{name}" for pkg, name, value in PUBLIC if not inspect.ismodule(value)]
CLASSES = [(f"{pkg}.{name}", value) for pkg, name, value in PUBLIC if inspect.isclass(value)]
METHODS = [(f"{cls_name}:{attr}", getattr(cls, attr)) for cls_name, cls in CLASSES
           for attr, value in vars(cls).items()
           if not attr.startswith("_") and inspect.isfunction(value)]


@pytest.fixture(autouse=True)
def in_a_scratch_folder(tmp_path, monkeypatch, fake_dot):
    # examples write graph files (and find a stand-in graphviz)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


@pytest.mark.parametrize("name", NAMES)
def test_doc_has_signature_and_runnable_example(name):
    pkg, _, short = name.rpartition(".")
    value = dict((f"{p}.{n}", v) for p, n, v in PUBLIC)[name]
    doc = inspect.getdoc(value)
    assert doc and doc.splitlines()[0].startswith(name + "("), (name, doc)
    code = example(doc)
    assert code, f"{name}: no example"
    run_lua(PRELUDE + code)


@pytest.mark.parametrize("name, method", METHODS, ids=[m for m, _ in METHODS])
def test_methods_have_help_with_runnable_example(name, method):
    doc = inspect.getdoc(method)
    assert doc and "Example" in doc, f"{name} has no help with an example"
    if method.__doc__ is not None:        # inherited protocol docs are nn's, tested there
        run_lua(PRELUDE + example(doc))


def test_help_on_nngraph_names():
    from th.lua import Runtime
    from th.repl.help import help_text
    rt = Runtime()
    rt.execute("require 'nngraph'")
    assert "nn.gModule({inputs}, {outputs})" in help_text("nn.gModule", rt)
    assert "graph.dot(g, title [, fname])" in help_text("graph.dot", rt)
    assert "node:split(n)" in help_text("nngraph.Node.split", rt)
