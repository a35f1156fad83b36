"""th: Torch7's `th` console rebuilt in Python.

The Lua engine lives in `th.lua`; Torch7's packages (`torch`, `nn`, `optim`, `gnuplot`,
...) are Python packages under `th/`, importable from Python and `require`-able from
Lua through one registry (`th.lua.registry`).

    >>> from th import torch
    >>> torch.ones(2, 3).sum()
    6.0

Importing `th` is cheap: packages load on first use, and numba compiles lazily.
"""
import importlib
import os as _os

# Before numpy loads OpenBLAS: its idle threads spin for 2^28 cycles (~0.1 s) after each
# multi-threaded product unless told otherwise, holding a core that th's other threads
# (and other programs) need; 2^20 (~0.4 ms) still bridges the gaps between one layer's
# products and the next (th.nn.gemm has the measurements).
_os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "20")

from th.lua import registry as _registry  # noqa: E402

# Lua name -> Python module implementing it. `require 'nn'` imports th.nn on demand.
_PACKAGES = {
    "torch": "th.torch",
    "nn": "th.nn",
    "optim": "th.optim",
    "gnuplot": "th.gnuplot",
    "image": "th.image",
    "paths": "th.paths",
    "sys": "th.sys",
    "xlua": "th.xlua",
    "nngraph": "th.nngraph",
    "graph": "th.nngraph.graph",
}

for _name, _module in _PACKAGES.items():
    _registry.register_module(_name, _module)


def _open_xlua(runtime):
    # Loading xlua also adds string.split, table.splice, xprint, ... to that runtime.
    return importlib.import_module("th.xlua").open_lib(runtime)


_registry.register("xlua", _open_xlua)


def _open_nn(runtime):
    # As Torch7's nn/init.lua, `require 'nn'` first requires torch (a global too).
    runtime.require("torch")
    return importlib.import_module("th.nn")


_registry.register("nn", _open_nn)


def _open_optim(runtime):
    # As Torch7's optim/init.lua (torch) and its Logger (xlua), both become globals.
    runtime.require("torch")
    runtime.require("xlua")
    return importlib.import_module("th.optim")


_registry.register("optim", _open_optim)


def _open_gnuplot(runtime):
    # As Torch7's gnuplot/init.lua and image/init.lua: torch (and paths, xlua) first.
    runtime.require("torch")
    runtime.require("paths")
    return importlib.import_module("th.gnuplot")


def _open_image(runtime):
    runtime.require("torch")
    runtime.require("xlua")
    return importlib.import_module("th.image")


_registry.register("gnuplot", _open_gnuplot)
_registry.register("image", _open_image)


def _open_nngraph(runtime):
    # As Torch7's nngraph/init.lua: nn and graph (so torch too) become globals.
    runtime.require("nn")
    runtime.require("graph")
    nngraph = importlib.import_module("th.nngraph")
    nngraph._install()
    return nngraph


def _open_graph(runtime):
    runtime.require("torch")
    return importlib.import_module("th.nngraph.graph")


_registry.register("nngraph", _open_nngraph)
_registry.register("graph", _open_graph)


def __getattr__(name):
    # `from th import torch, nn` without importing every package at `import th`.
    if name in _PACKAGES:
        return importlib.import_module(_PACKAGES[name])
    raise AttributeError(f"module 'th' has no attribute {name!r}")
