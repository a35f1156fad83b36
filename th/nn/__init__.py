"""Torch7's `nn` package: modules, containers, criterions, the SGD trainer, Jacobian checks.

`require 'nn'` from Lua and `from th import nn` from Python give this module; every
Lua-visible class is an attribute (`nn.Linear`, `nn.Sequential`, ...) listed in
`__all__`. Classes are grouped in family files (module, containers, table, linear,
activation, shape, conv, pooling, normalization, criterion, trainer, jacobian), each
declaring its own `__all__`; this file gathers them. Classes a Lua script defines with
`torch.class('nn.MyLayer', 'nn.Module')` are added here too.

    >>> from th import nn, torch
    >>> print(nn.Linear(5, 3))
    nn.Linear(5 -> 3)
"""
import importlib
import importlib.util

# Family modules in dependency order. conv, pooling and normalization are written by the
# second nn engineer: they are gathered when present (the package works without them).
_FAMILIES = ("module", "containers", "table", "linear", "activation", "shape",
             "criterion", "trainer", "jacobian", "conv", "pooling", "normalization")
_OPTIONAL = frozenset(("conv", "pooling", "normalization"))

__all__ = []


def _gather():
    for family in _FAMILIES:
        name = f"{__name__}.{family}"
        if family in _OPTIONAL and importlib.util.find_spec(name) is None:
            continue
        mod = importlib.import_module(name)
        for attr in getattr(mod, "__all__", ()):
            globals()[attr] = getattr(mod, attr)
            __all__.append(attr)


_gather()

