"""Calling torch functions and tensor methods from Lua with wrong arguments gives a Lua
error in Torch7's words, never a Python message."""
import re
import types

import pytest

from th import torch
from th.lua import Runtime
from th.torch.storage import Storage
from th.torch.tensor import Tensor

# Words of Python's own messages (and of numpy's) that must never reach a Lua user.
PYTHON_WORDS = re.compile(
    r"object has no attribute|positional argument|NoneType|not iterable|not subscriptable|"
    r"unsupported operand|<locals>|takes \d+|invalid literal|(list|tuple) index out of range|"
    r"has no len|"
    r"ndarray|dtype|could not convert|unhashable|unexpected keyword|object is not|"
    r"'int'|'float'|'str'|'LuaTable'|Traceback|Last 2 dimensions|Singular matrix|"
    r"not enough values to unpack|math domain error|division by zero")

# Calls whose arguments are fine (they succeed or fail on purpose with their own words).
SKIP = {"load", "save", "DiskFile", "MemoryFile", "setdefaulttensortype", "manualSeed",
        "seed", "setRNGState", "setnumthreads", "class_", "include", "setheaptracking"}

BAD_ARGS = ["", "2", "'a'", "nil, 2", "{}", "true", "t", "t, 'a'", "t, {}", "t, t, 'x'",
            "t, 0", "t, 99", "f", "b", "e"]


def _names():
    for name in torch.__all__:
        v = getattr(torch, name)
        if name not in SKIP and callable(v) and not isinstance(v, type):
            yield f"torch.{name}", None
    for cls, var in ((Tensor, "x"), (Storage, "s")):
        for name in sorted(vars(cls)):
            if not name.startswith("_") and isinstance(vars(cls)[name], types.FunctionType) \
                    and name not in ("numpy", "tolist", "string"):
                yield f"{var}:{name}", cls


def run(rt, code):
    """The first result of a Lua chunk."""
    results = rt.execute(code)
    return results[0] if isinstance(results, tuple) else results


@pytest.fixture(scope="module")
def rt():
    rt = Runtime()
    rt.execute("torch = require 'torch'\n"
               "t = torch.rand(2, 3); f = torch.FloatTensor(2, 3):fill(1)\n"
               "b = torch.ByteTensor(2, 3):fill(1); e = torch.Tensor()\n"
               "function try(fn, ...) local ok, err = pcall(fn, ...)\n"
               "  if ok then return 'ok' end return tostring(err) end")
    return rt


def test_wrong_arguments_get_lua_words(rt):
    python_worded = []
    for call, cls in _names():
        for args in BAD_ARGS:
            if cls is None:
                code = f"return try(function() return {call}({args}) end)"
            else:
                obj = "torch.rand(2, 3)" if cls is Tensor else "torch.DoubleStorage(3)"
                code = (f"local {call.split(':')[0]} = {obj}\n"
                        f"return try(function() return {call}({args}) end)")
            err = run(rt, code)
            assert isinstance(err, str), (call, args)
            if PYTHON_WORDS.search(err):
                python_worded.append(f"{call}({args}): {err}")
    assert python_worded == []


@pytest.mark.parametrize("code,words", [
    ("torch.zero(2)", "invalid arguments: number \nexpected arguments: torch.zero(t)"),
    ("torch.sum('a')", "invalid arguments: string \nexpected arguments: torch.sum(x [, dim])"),
    ("torch.Tensor(2):fill()", "invalid arguments: DoubleTensor \nexpected arguments: t:fill(v)"),
    ("torch.Tensor(2):narrow()", "invalid arguments: DoubleTensor \nexpected arguments: "
                                 "t:narrow(dim, index, size)"),
    ("torch.eig(torch.rand(2, 3))", "bad argument #1 to 'eig' (A should be square)"),
    ("torch.inverse(torch.zeros(2, 2))", "Lapack Error getrf : U(1,1) is 0, U is singular"),
    ("torch.potrf(torch.Tensor({{1, 2}, {2, 1}}))",
     "Lapack Error potrf : A(2,2) is 0, A cannot be factorized"),
    ("torch.trtrs(torch.ones(2, 1), torch.Tensor({{1, 1}, {0, 0}}))",
     "Lapack Error in trtrs : A(2,2) is zero, singular A"),
    ("torch.gels(torch.ones(3, 1), torch.Tensor({{1, 0}, {1, 0}, {1, 0}}))",
     "Lapack Error in gels : The 2-th diagonal element of the triangular factor of A is zero"),
])
def test_torch7_wording(rt, code, words):
    err = run(rt, f"return try(function() return {code} end)")
    assert words in err and err.startswith("[string")


def test_lua_callback_errors_keep_their_own_words(rt):
    # An error inside a Lua function passed to x:apply is the Lua error, not "invalid
    # arguments" (the guard only rewords errors raised by the library itself).
    err = run(rt, "return try(function() torch.ones(2):apply(function(v) "
                     "return v + nosuch.field end) end)")
    assert "attempt to index" in err and "invalid arguments" not in err
