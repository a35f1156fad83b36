"""optim: Torch7's optimisation package (Lua name `optim`), on th's tensors.

    x, fs = optim.<algo>(feval, x [, config] [, state])

`feval(x)` returns f(x) and df/dx (a tensor shaped like x, usually the gradParameters of
a network's getParameters()); x is updated in place and fs is a table of the values of
f. The config table holds the settings; the state table (by default the config table
itself) keeps the algorithm's memory, so calling again with the same table continues:

    require 'optim'
    config = {learningRate = 1e-2, momentum = 0.9}
    for epoch = 1, 100 do optim.sgd(feval, params, config) end

Algorithms: sgd, nag, asgd (sgd.py); adagrad, adadelta, adam, adamax, rmsprop, rprop
(adaptive.py); lbfgs with the line search lswolfe and polyinterp; cg; FistaLS; the
derivative-free cmaes and de (evolution.py); and the helpers checkgrad, Logger,
ConfusionMatrix. Every one follows Torch7's code step by step (same
defaults, state fields and order of tensor operations), so a run gives Torch7's numbers.
From Python, config and state may be dicts; fs comes back as a LuaTable.
"""
from th.optim.sgd import sgd, nag, asgd
from th.optim.adaptive import adagrad, adadelta, adam, adamax, rmsprop, rprop
from th.optim.lbfgs import lbfgs
from th.optim.cg import cg
from th.optim.linesearch import lswolfe, polyinterp
from th.optim.checkgrad import checkgrad
from th.optim.logger import Logger
from th.optim.confusion import ConfusionMatrix
from th.optim.fista import FistaLS
from th.optim.evolution import cmaes, de

__all__ = [
    "sgd", "nag", "asgd", "adagrad", "adadelta", "adam", "adamax", "rmsprop", "rprop",
    "lbfgs", "cg", "lswolfe", "polyinterp", "checkgrad", "Logger", "ConfusionMatrix",
    "FistaLS", "cmaes", "de",
]
