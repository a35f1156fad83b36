"""Test problems for optim: Rosenbrock and a quadratic, in numpy and as th closures.

`feval(fn)` turns a numpy function x -> (f, df/dx) into an optim closure on th tensors,
so the algorithms under test see th tensors while the reference maths stays in numpy.
ROSENBROCK_LUA is the same function written with the tensor API, for Lua-side tests.
"""
import numpy as np

from th import torch


def rosenbrock(x):
    """f = sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2 and its gradient; minimum 0 at (1, ..., 1)."""
    x = np.asarray(x, dtype=np.float64)
    a, b = x[:-1], x[1:]
    f = float(np.sum(100.0 * (b - a * a) ** 2 + (1.0 - a) ** 2))
    g = np.zeros_like(x)
    g[:-1] = -400.0 * a * (b - a * a) - 2.0 * (1.0 - a)
    g[1:] += 200.0 * (b - a * a)
    return f, g


# a fixed, well-conditioned quadratic 0.5 x'Ax - b'x (minimum at A^-1 b)
QUAD_A = np.array([[3.0, 0.5, 0.0], [0.5, 2.0, 0.3], [0.0, 0.3, 1.0]])
QUAD_B = np.array([1.0, -2.0, 0.5])


def quadratic(x):
    x = np.asarray(x, dtype=np.float64)
    return float(0.5 * x @ QUAD_A @ x - QUAD_B @ x), QUAD_A @ x - QUAD_B


def tensor(values, cls=None):
    """A th tensor (DoubleTensor by default) holding `values`."""
    values = np.asarray(values, dtype=np.float64)
    t = (cls or torch.DoubleTensor)(*values.shape)
    t.numpy()[...] = values
    return t


def feval(fn, calls=None):
    """An optim closure evaluating the numpy function fn at the th tensor x."""
    def closure(x):
        if calls is not None:
            calls.append(x.numpy().copy())
        f, g = fn(x.numpy())
        return f, tensor(g, type(x))
    return closure


ROSENBROCK_LUA = """
function rosenbrock(x)
   -- f(x) = sum_i 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2, written with tensor ops
   local d = x:size(1)
   local a = x:narrow(1, 1, d - 1)
   local b = x:narrow(1, 2, d - 1)
   local r = torch.cmul(a, a):mul(-1):add(b)       -- x[i+1] - x[i]^2
   local s = a:clone():mul(-1):add(1)              -- 1 - x[i]
   local f = torch.cmul(r, r):mul(100):sum() + torch.cmul(s, s):sum()
   local g = x.new(d):zero()
   g:narrow(1, 1, d - 1):add(torch.cmul(a, r):mul(-400)):add(-2, s)
   g:narrow(1, 2, d - 1):add(200, r)
   return f, g
end
"""
