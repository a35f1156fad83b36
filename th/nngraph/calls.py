"""What loading nngraph changes in nn: calling a module builds a graph node.

Torch7's nngraph replaced nn.Module's `__call__` for every module of the process when it
was loaded, and th does the same (this file, when `require 'nngraph'` runs or th.nngraph
is imported): afterwards

    m()                 a node with no inputs (an input placeholder)
    m(node)             a node fed by node
    m({n1, n2})         a node fed by both, in that order
    crit({pred, tgt})   a node running nn.ModuleFromCriterion(crit)
    -m, node - m, {n1, n2} - m      the same, as operators (nngraph's sugar)

and `lin(torch.rand(3))` no longer runs forward: it fails with "inputs[1] should be an
nngraph.Node but is of type torch.DoubleTensor". m:forward(x) is unchanged. The hooks
are plain class attributes of nn.Module and nn.Criterion; nothing in th/nn is edited.
`uninstall()` puts nn's own call back (tests use it to keep other suites unaffected).
"""
from th.nn.criterion import Criterion
from th.nn.module import Module
from th.nngraph.modules import ModuleFromCriterion
from th.nngraph.node import call_with, connect

_MISSING = object()
_saved = {}


def _module_call(self, *args):
    return connect(self, *args)


def _module_neg(self):
    # -module: module() (an input placeholder)
    return connect(self)


def _module_sub(self, nxt):
    # module - next: next(module), as Torch7's Module.__sub__ (next gets a module, and
    # says so when it is a module too)
    return call_with(nxt, self)


def _module_rsub(self, prev):
    # {n1, n2} - module, node - module: module(prev)
    return connect(self, prev)


def _criterion_call(self, *args):
    return connect(ModuleFromCriterion(self), *args)


_module_call.__doc__ = """m(node | {nodes} | nothing) (after require 'nngraph'): a graph node
running m on those inputs; m() is an input placeholder.

Example: x = nn.Identity()(); h = nn.Linear(3, 2)(x)
"""
_criterion_call.__doc__ = """crit({prediction, target}) (after require 'nngraph'): a graph node
whose output is the loss (nn.ModuleFromCriterion).

Example: loss = nn.MSECriterion()({y, target})
"""

_HOOKS = (
    (Module, "__call__", _module_call),
    (Module, "__neg__", _module_neg),
    (Module, "__sub__", _module_sub),
    (Module, "__rsub__", _module_rsub),
    (Criterion, "__call__", _criterion_call),
)


def install():
    """Make calling a module (or criterion) build nngraph nodes, process-wide."""
    if _saved:
        return
    for cls, name, hook in _HOOKS:
        _saved[(cls, name)] = cls.__dict__.get(name, _MISSING)
        setattr(cls, name, hook)


def uninstall():
    """Give nn.Module and nn.Criterion their own calls back (undoes install)."""
    for (cls, name), original in _saved.items():
        if original is _MISSING:
            delattr(cls, name)
        else:
            setattr(cls, name, original)
    _saved.clear()


def installed():
    """Whether calling a module builds nngraph nodes now."""
    return bool(_saved)
