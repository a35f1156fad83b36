"""The calling convention every optim algorithm shares.

    x, fs = optim.<algo>(opfunc, x [, config] [, state])

`opfunc(x)` returns f(x) and df/dx (a tensor shaped like x); `x` is updated in place;
`fs` is a Lua table of the function values seen. `config` holds the settings, `state`
the algorithm's memory between calls; `state` defaults to `config`, so calling again
with the same table continues where the last call stopped.

This module reads and writes those tables (Lua tables from Lua, dicts from Python,
exactly as Lua's `config.learningRate or 1e-3` reads them), calls `opfunc` and checks
what it gave back, and builds the Lua table of results. It imports th.lua and th.torch,
never nn.
"""
import sys

import numpy as np

from th.lua.lib.args import LibError, type_error, typename, str_to_number
from th.lua.table import LuaTable
from th.torch.tensor import Tensor


class OptimError(LibError):
    """An error raised by an optim function (str() is the Lua message)."""


# ---- config and state tables ---------------------------------------------------------

def tables(config, state, fname):
    """The (config, state) pair as Torch7 sets it up: `config or {}`, `state or config`."""
    if config is None or config is False:
        config = LuaTable()
    elif not _is_table(config):
        raise type_error(config, 3, fname, "table")
    if state is None or state is False:
        state = config
    elif not _is_table(state):
        raise type_error(state, 4, fname, "table")
    return config, state


def _is_table(t):
    return type(t) is LuaTable or isinstance(t, dict)


def get(t, key, default=None):
    """`t.key or default`: nil and false read as missing, as in Lua."""
    v = t.get(key)
    if v is None or v is False:
        return default
    return v


def number(t, key, default):
    """`t.key or default` for a setting the algorithm computes with: a number (a numeric
    string counts, as in Lua arithmetic), else Lua's error for arithmetic on it."""
    v = get(t, key, default)
    n = _as_number(v)
    if v is None or n is not None:
        return n
    raise OptimError(f"attempt to perform arithmetic on field '{key}' (a {typename(v)} "
                     f"value)")


def counter(state, key):
    """`state.key = state.key or 0` for a step counter (evalCounter, t); returns it."""
    n = get(state, key, 0)
    put(state, key, n)
    return n


def get_number(t, key, default):
    """`tonumber(t.key) or default` (lbfgs accepts maxIter = '100')."""
    v = t.get(key)
    if type(v) is str:
        v = str_to_number(v)
    if type(v) in (int, float):
        return v
    return default


def put(t, key, value):
    """`t.key = value` on a Lua table or a dict."""
    if type(t) is LuaTable:
        t.set(key, value)
    else:
        t[key] = value


def truthy(v):
    """Lua's truth: everything but nil and false (0 is true)."""
    return v is not None and v is not False


def as_list(v):
    """A Lua table (or Python list) kept in state, as a Python list."""
    if v is None:
        return None
    if type(v) is LuaTable:
        return v.to_list()
    return list(v)


def lua_list(values):
    """A Lua array table holding `values` (what optim returns as `fs`)."""
    t = LuaTable()
    t.arr = list(values)
    while t.arr and t.arr[-1] is None:
        t.arr.pop()
    return t


# ---- opfunc ---------------------------------------------------------------------------

def check_args(opfunc, x, fname):
    """Errors worded as Lua's for a missing closure or a point that is not a tensor."""
    if typename(opfunc) != "function":
        raise type_error(opfunc, 1, fname, "function")
    if not isinstance(x, Tensor):
        raise type_error(x, 2, fname, "torch.*Tensor")


def evaluate(opfunc, x, fname, numeric=False):
    """Call `opfunc(x)`; return (f, df/dx), requiring the gradient to be a tensor (and
    f a number when the algorithm computes with it: `numeric`)."""
    r = opfunc(x)
    f, g = results2(r)
    if numeric:
        f = _as_number(f)
    if not isinstance(g, Tensor):
        raise OptimError(f"<optim.{fname}> opfunc must return f(x) and df/dx (a tensor), "
                         f"got {typename(f)} and {typename(g)}")
    if numeric and f is None:
        raise OptimError(f"<optim.{fname}> opfunc must return f(x) (a number), "
                         f"got {typename(results2(r)[0])}")
    if g.nElement() != x.nElement():
        # what the first update with it (x:add(-lr, dfdx)) said in Torch7
        raise OptimError(f"inconsistent tensor size, expected r_ {_sizes(x)} and src "
                         f"{_sizes(g)} to have the same number of elements, but got "
                         f"{x.nElement()} and {g.nElement()} elements respectively")
    return f, g


def _sizes(t):
    return "[" + " x ".join(str(n) for n in t.size().tolist()) + "]"


def value(r, fname):
    """f(x), the first result `r` of an opfunc call, for the algorithms that compute
    with it: a number (a numeric string counts, as in Lua arithmetic)."""
    f = _as_number(results2(r)[0])
    if f is None:
        raise OptimError(f"<optim.{fname}> opfunc must return f(x) (a number), "
                         f"got {typename(results2(r)[0])}")
    return f


def _as_number(v):
    """v as a Lua number (None when it is not one and no string converts to one)."""
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    if type(v) is str:
        return str_to_number(v)
    return None


def results2(r):
    """The first two values of a Lua call result (a tuple for several, else one value).

    A numpy scalar from a Python closure becomes a Python number, as Lua values are.
    """
    if type(r) is tuple:
        if len(r) >= 2:
            return _number(r[0]), r[1]
        return (_number(r[0]) if r else None), None
    return _number(r), None


def _number(v):
    return v.item() if isinstance(v, np.generic) else v


def say(tag, *values):
    """Torch7's `print('<optim.tag> ', ...)` for verbose messages."""
    lua_print(f"<optim.{tag}> ", *values)


def lua_print(*values):
    """Lua's global `print` of the running Lua state, as Torch7's optim called it.

    In th's console that is trepl's print (a tab after each scalar, colours), so the
    messages look as they did in Torch7's th; from Python alone, plain Lua print.
    """
    from th.lua.runtime import current_runtime, tostring
    rt = current_runtime()
    printer = rt.globals.get("print") if rt is not None else None
    if callable(printer):
        printer(*values)
    else:
        sys.stdout.write("\t".join(tostring(v) for v in values) + "\n")
