"""nngraph: Torch7's graph container (Lua name `nngraph`): networks written as calls.

    require 'nngraph'
    x = nn.Identity()()                          -- an input node
    h = nn.Tanh()(nn.Linear(10, 20)(x))          -- nodes built by calling modules
    out = nn.Linear(20, 1)(h)
    net = nn.gModule({x}, {out})                 -- a module: forward, backward, ...
    graph.dot(net.fg, 'MLP', 'mlp')              -- mlp.dot (and mlp.svg with graphviz)

Loading it, as in Torch7, also loads nn and `graph` (globals too) and changes what
calling a module does, for every module of the process (th/nngraph/calls.py): calls
build nngraph.Node objects instead of running forward. It adds nn.gModule and
nn.ModuleFromCriterion to the nn package.

Files: graph.py (the `graph` package: Node, Edge, Graph, graph.dot), dot.py (dot text and
files), node.py (nngraph.Node, what calling a module makes), calls.py (the hooks in nn),
gmodule.py (nn.gModule), nesting.py (summing table gradients), modules.py
(ModuleFromCriterion, JustElement, JustTable), debugging.py (annotateNodes, setDebug,
display), simple_print.py.
"""
from th import nn as _nn
from th.nngraph import calls as _calls
from th.nngraph import simple_print
from th.nngraph.debugging import annotateNodes, display, setDebug
from th.nngraph.gmodule import gModule as _gModule
from th.nngraph.modules import JustElement, JustTable, ModuleFromCriterion as _MFC
from th.nngraph.node import Node

__all__ = ["Node", "JustElement", "JustTable", "annotateNodes", "setDebug", "display",
           "simple_print"]


def _publish_in_nn():
    # nngraph's torch.class('nn.gModule', ...) put its classes in the nn table.
    for cls in (_gModule, _MFC):
        name = cls.__typename__.split(".", 1)[1]
        setattr(_nn, name, cls)
        if name not in _nn.__all__:
            _nn.__all__.append(name)


def _install():
    # Calling modules builds nodes from now on (th/nngraph/calls.py); `require 'nngraph'`
    # runs it again, in case a test put nn's own call back.
    _calls.install()


_publish_in_nn()
_install()
