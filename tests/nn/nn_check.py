"""Shared checks for the nn tests: finite-difference gradients, batch = per sample, Lua runs.

- check_jacobian(module, input): dL/dinput and dL/dparameters from backward against
  central differences of L = <forward(input), gradOutput> for a random gradOutput
  (inputs and outputs may be tensors or tables of tensors);
- check_batch(module, batch): forward/backward on a mini-batch equal the per-sample
  results stacked (gradInput) and summed (parameter gradients);
- check_criterion(crit, input, target): the loss gradient against finite differences;
- run_lua(src): run Lua with nn loaded in a fresh runtime, return what it printed.
Seeds are fixed; a failure message names the element that differs.
"""
import contextlib
import io

import numpy as np

from th import torch
from th.lua.runtime import first
from th.lua.table import LuaTable
from th.nn.module import param_lists

EPS = 1e-6
TOL = 1e-6


# ---- tensors and tables ----------------------------------------------------------------

def tensors(value):
    """The tensors of a tensor or (nested) table, depth first."""
    if isinstance(value, (LuaTable, list, tuple)):
        items = value.to_list() if isinstance(value, LuaTable) else value
        return [t for v in items for t in tensors(v)]
    return [value]


def flat(value):
    """All elements of a tensor or table of tensors as one numpy vector (a copy)."""
    parts = [t._np().reshape(-1) for t in tensors(value) if t.nElement()]
    return np.concatenate(parts) if parts else np.zeros(0)


def random_like(value, rng):
    """A tensor (or table) of the same shape with random normal entries."""
    if isinstance(value, (LuaTable, list, tuple)):
        items = value.to_list() if isinstance(value, LuaTable) else value
        return LuaTable.from_list([random_like(v, rng) for v in items])
    t = value.clone()
    if t.nElement():
        t._np()[...] = rng.standard_normal(t._np().shape)
    return t


def rand_tensor(*size, low=-1.0, high=1.0, seed=0):
    """A DoubleTensor of uniform entries in [low, high)."""
    rng = np.random.RandomState(seed)
    t = torch.Tensor(*size)
    t._np()[...] = rng.uniform(low, high, size)
    return t


def table(*values):
    return LuaTable.from_list(list(values))


# ---- gradients ----------------------------------------------------------------------------

def _objective(module, input, grad_out):
    return float(np.dot(flat(first(module.forward(input))), grad_out))


def _numeric(f, array):
    """Central differences of the scalar f() with respect to each entry of array."""
    g = np.zeros(array.size)
    for i, idx in enumerate(np.ndindex(array.shape)):    # works on strided views too
        orig = array[idx]
        array[idx] = orig + EPS
        up = f()
        array[idx] = orig - EPS
        down = f()
        array[idx] = orig
        g[i] = (up - down) / (2 * EPS)
    return g


def _close(name, numeric, analytic, tol):
    assert numeric.shape == analytic.shape, (name, numeric.shape, analytic.shape)
    err = np.abs(numeric - analytic) / np.maximum(1.0, np.abs(numeric))
    if err.size:
        worst = int(err.argmax())
        assert err[worst] < tol, (f"{name}: element {worst + 1}: finite differences give "
                                  f"{numeric[worst]!r}, backward gives {analytic[worst]!r}")


def check_jacobian(module, input, params=True, tol=TOL, seed=1, skip_inputs=()):
    """Backward's gradInput and parameter gradients equal finite differences."""
    rng = np.random.RandomState(seed)
    out = first(module.forward(input))
    grad_out = random_like(out, rng)
    g = flat(grad_out)
    module.zeroGradParameters()
    grad_in = first(module.backward(input, grad_out))
    analytic_in = [t._np().reshape(-1).copy() for t in tensors(grad_in)]  # row-major
    plist, glist = param_lists(module)
    analytic_p = [gp._np().reshape(-1).copy() for gp in glist]
    for k, x in enumerate(tensors(input)):
        if k in skip_inputs or not x._type.is_float:
            continue
        num = _numeric(lambda: _objective(module, input, g), x._np())
        _close(f"gradInput[{k + 1}]", num, analytic_in[k], tol)
    if params:
        for k, p in enumerate(plist):
            num = _numeric(lambda: _objective(module, input, g), p._np())
            _close(f"gradParameter[{k + 1}]", num, analytic_p[k], tol)
    return module


def check_acc_update(module, input, lr=0.1, seed=2):
    """accUpdateGradParameters(x, g, lr) moves the parameters by -lr * their gradients."""
    rng = np.random.RandomState(seed)
    out = first(module.forward(input))
    grad_out = random_like(out, rng)
    plist, glist = param_lists(module)
    module.zeroGradParameters()
    module.backward(input, grad_out)
    expected = [p._np() - lr * gp._np() for p, gp in zip(plist, glist)]
    module.forward(input)
    module.updateGradInput(input, grad_out)
    module.accUpdateGradParameters(input, grad_out, lr)
    for k, (p, e) in enumerate(zip(plist, expected)):
        np.testing.assert_allclose(p._np(), e, rtol=1e-12, atol=1e-12, err_msg=f"parameter {k + 1}")


def _sample(value, b):
    """Sample b (1-based) of a batched tensor or table of batched tensors."""
    if isinstance(value, (LuaTable, list, tuple)):
        items = value.to_list() if isinstance(value, LuaTable) else value
        return LuaTable.from_list([_sample(v, b) for v in items])
    return value.select(1, b).clone() if value.dim() > 1 else value.narrow(1, b, 1).clone()


def clone_value(value):
    """A deep copy of a tensor or (nested) table of tensors."""
    if isinstance(value, (LuaTable, list, tuple)):
        items = value.to_list() if isinstance(value, LuaTable) else value
        return LuaTable.from_list([clone_value(v) for v in items])
    return value.clone()


def check_batch(module, batch, seed=3, tol=1e-10):
    """forward/backward of a mini-batch equal the per-sample ones (parameters: summed)."""
    rng = np.random.RandomState(seed)
    n = tensors(batch)[0].size(1)
    out = clone_value(first(module.forward(batch)))
    grad_out = random_like(out, rng)
    module.zeroGradParameters()
    grad_in = clone_value(first(module.backward(batch, grad_out)))
    grads_b = [g._np().copy() for g in param_lists(module)[1]]
    sums = [np.zeros_like(g) for g in grads_b]
    for b in range(1, n + 1):
        x = _sample(batch, b)
        got = flat(first(module.forward(x)))
        np.testing.assert_allclose(got, flat(_sample(out, b)), rtol=tol, atol=tol,
                                   err_msg=f"output of sample {b}")
        module.zeroGradParameters()
        got = flat(first(module.backward(x, _sample(grad_out, b))))
        np.testing.assert_allclose(got, flat(_sample(grad_in, b)), rtol=tol, atol=tol,
                                   err_msg=f"gradInput of sample {b}")
        for s, g in zip(sums, param_lists(module)[1]):
            s += g._np()
    for k, (gb, s) in enumerate(zip(grads_b, sums)):
        np.testing.assert_allclose(gb, s, rtol=tol, atol=tol, err_msg=f"gradParameter {k + 1}")


def check_criterion(crit, input, target, tol=TOL):
    """The criterion's gradient (backward) equals finite differences of forward."""
    crit.forward(input, target)
    analytic = flat(first(crit.backward(input, target))).copy()
    parts = []
    for x in tensors(input):
        parts.append(_numeric(lambda: float(first(crit.forward(input, target))), x._np()))
    _close("gradInput", np.concatenate(parts), analytic, tol)


# ---- Lua ------------------------------------------------------------------------------------

def run_lua(src, runtime=None):
    """Run Lua source (with nn loaded) in a fresh runtime; return (stdout, runtime)."""
    from th.lua import Runtime
    rt = runtime or Runtime()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rt.execute("require 'nn'\n" + src, "=test")
    return out.getvalue(), rt


def check_io(module, input, seed=4):
    """Written with torch.serialize and read back, the module computes the same forward
    and backward (style.md's check_io; nn.Jacobian.testIO does it from Lua)."""
    from th import torch as th_torch
    rng = np.random.RandomState(seed)
    out = clone_value(first(module.forward(input)))
    grad_out = random_like(out, rng)
    module.zeroGradParameters()
    grad_in = clone_value(first(module.backward(input, grad_out)))
    grads = [g._np().copy() for g in param_lists(module)[1]]
    twin = th_torch.deserialize(th_torch.serialize(module))
    assert type(twin) is type(module) and str(twin) == str(module)
    np.testing.assert_array_equal(flat(first(twin.forward(input))), flat(out))
    twin.zeroGradParameters()
    np.testing.assert_array_equal(flat(first(twin.backward(input, grad_out))), flat(grad_in))
    for a, b in zip(param_lists(twin)[1], grads):
        np.testing.assert_array_equal(a._np(), b)
