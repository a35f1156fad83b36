"""torch.Timer / tic / toc, and the tensor API driven from Lua (operators, multiple
results, errors with the Lua position, callbacks)."""
import time

import pytest

from th import torch


def test_timer():
    t = torch.Timer()
    time.sleep(0.02)
    real = t.time()["real"]
    assert 0.015 < real < 1
    t.stop()
    frozen = t.time()["real"]
    time.sleep(0.02)
    assert t.time()["real"] == frozen
    t.resume()
    time.sleep(0.01)
    assert t.time()["real"] > frozen
    t.reset()
    assert t.time()["real"] < 0.01
    assert set(k for k, _ in t.time().items()) == {"real", "user", "sys"}
    assert str(t) == "torch.Timer" and torch.type(t) == "torch.Timer"
    t0 = torch.tic()
    assert torch.toc(t0) >= 0 and torch.toc() >= 0


def lua(src):
    from th.lua import Runtime
    rt = Runtime()
    rt.execute("torch = require 'torch'\n" + src)
    return rt.globals


def test_operators_and_results_from_lua():
    g = lua("""
        a = torch.Tensor({{1, 2}, {3, 4}})
        v = torch.Tensor({1, 1})
        s = a + 1; d = 10 - a; n = -a; m = a * a; mv = a * v; dot = v * v; q = a / 2
        vals, idx = torch.max(a, 2)
        count = 0
        a:apply(function(x) count = count + x end)
        a:apply(function(x) return x * 10 end)
        lt = a:lt(25)
        total = lt:sum()
    """)
    assert g["s"].tolist() == [[2, 3], [4, 5]] and g["d"].tolist() == [[9, 8], [7, 6]]
    assert g["n"].tolist() == [[-1, -2], [-3, -4]] and g["m"].tolist() == [[7, 10], [15, 22]]
    assert g["mv"].tolist() == [3, 7] and g["dot"] == 2 and g["q"].tolist() == [[0.5, 1], [1.5, 2]]
    assert g["vals"].tolist() == [[2], [4]] and g["idx"].tolist() == [[2], [2]]
    assert g["count"] == 10 and g["a"].tolist() == [[10, 20], [30, 40]]
    assert g["total"] == 2


@pytest.mark.parametrize("code,words", [
    ("torch.Tensor(2):narrow(1, 2, 5)", "bad argument #4 to 'narrow' (out of range)"),
    ("torch.mm(torch.ones(2, 3), torch.ones(2, 3))", "size mismatch, m1: [2 x 3], m2: [2 x 3]"),
    ("torch.ones(2):add(torch.FloatTensor(2))", "invalid arguments: DoubleTensor FloatTensor"),
    ("local x = torch.ones(3); return x[4]", "bad argument #2 to '?' (out of range)"),
    ("torch.range(1, 6):view(4)", "Wrong size for view. Input size: 6. Output size: 4"),
    ("torch.Tensor({{1, 2}, {3}})", "invalid tensor sizes"),
])
def test_errors_from_lua_carry_the_lua_position(code, words):
    g = lua(f"ok, err = pcall(function() {code} end)")
    assert g["ok"] is False
    assert words in g["err"] and g["err"].startswith("[string")


def test_typename_field_from_lua():
    g = lua("""
        a = torch.zeros(2).__typename
        b = torch.FloatTensor().__typename
        c = torch.LongStorage(2).__typename
        d = torch.Timer().__typename
        local Foo = torch.class('test.Foo')
        e = Foo().__typename
    """)
    assert (g["a"], g["b"], g["c"], g["d"], g["e"]) == (
        "torch.DoubleTensor", "torch.FloatTensor", "torch.LongStorage", "torch.Timer", "test.Foo")
