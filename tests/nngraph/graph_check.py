"""Helpers for the nngraph tests: run Lua with nngraph loaded, compare a gModule with a
network written with nn containers."""
import contextlib
import io

import numpy as np

from th.lua.runtime import first
from th.nn.module import param_lists
from nn_check import flat, random_like


def run(src, runtime=None):
    """Run Lua (after require 'nngraph') in a fresh runtime; return (stdout, runtime)."""
    from th.lua import Runtime
    rt = runtime or Runtime()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rt.execute("require 'nngraph'\n" + src, "=test")
    return out.getvalue(), rt


def lua_error(src):
    """The message of the error the Lua source raises (after require 'nngraph')."""
    from th.lua import LuaError
    try:
        run(src)
    except LuaError as e:
        return str(e)
    raise AssertionError("no error raised by: " + src)


def same_network(a, b, input, seed=5, pairs=None):
    """a and b compute the same outputs, gradInputs and parameter gradients (of the
    modules paired in `pairs`, else of a's and b's parameters in order)."""
    rng = np.random.RandomState(seed)
    out_a, out_b = first(a.forward(input)), first(b.forward(input))
    np.testing.assert_allclose(flat(out_a), flat(out_b), rtol=1e-12, atol=1e-12)
    grad = random_like(out_a, rng)
    a.zeroGradParameters()
    b.zeroGradParameters()
    gi_a, gi_b = first(a.backward(input, grad)), first(b.backward(input, grad))
    np.testing.assert_allclose(flat(gi_a), flat(gi_b), rtol=1e-12, atol=1e-12)
    if pairs is None:
        grads = zip(param_lists(a)[1], param_lists(b)[1])
    else:
        grads = [(ga, gb) for ma, mb in pairs
                 for ga, gb in zip(param_lists(ma)[1], param_lists(mb)[1])]
    assert grads
    for ga, gb in grads:
        np.testing.assert_allclose(ga._np(), gb._np(), rtol=1e-12, atol=1e-12)
