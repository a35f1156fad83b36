"""Torch7's random streams: MT19937 against numpy's (an independent implementation of
the same generator), Box-Muller pairing, generators, state round trips, known values."""
import math

import numpy as np
import pytest

from th import torch
from th.torch.errors import TorchError


def test_raw_stream_matches_mt19937():
    for seed in (0, 1, 123, 2 ** 32 - 1):
        torch.manualSeed(seed)
        ours = [torch.random() for _ in range(700)]          # crosses a state refresh
        ref = np.random.RandomState(seed).randint(0, 2 ** 32, size=700, dtype=np.uint64)
        assert ours == ref.tolist()


def test_documented_values():
    torch.manualSeed(0)
    assert torch.random() == 2357136044 and torch.random() == 2546248239
    torch.manualSeed(123)
    assert "%.14g" % torch.uniform() == "0.69646918727085"
    assert "%.14g" % torch.uniform() == "0.71295532141812"
    assert "%.14g" % torch.uniform() == "0.28613933874294"


def test_uniform_is_32bit_scaled():
    torch.manualSeed(5)
    x = torch.rand(1000).numpy()
    raw = np.random.RandomState(5).randint(0, 2 ** 32, size=1000, dtype=np.uint64)
    np.testing.assert_array_equal(x, raw / 2.0 ** 32)


def test_normal_box_muller_pairs_and_cache():
    torch.manualSeed(3)
    u = np.random.RandomState(3).randint(0, 2 ** 32, size=4, dtype=np.uint64) / 2.0 ** 32
    rho = math.sqrt(-2 * math.log(1 - u[1]))
    expected = [rho * math.cos(2 * math.pi * u[0]), rho * math.sin(2 * math.pi * u[0])]
    torch.manualSeed(3)
    assert torch.normal() == pytest.approx(expected[0], abs=1e-15)
    assert torch.randn(1)[1] == pytest.approx(expected[1], abs=1e-15)   # cached sin value
    torch.manualSeed(3)
    torch.normal()
    torch.manualSeed(3)                                                # reseed forgets it
    assert torch.normal() == pytest.approx(expected[0], abs=1e-15)


def test_tensor_fill_order_is_row_major_for_views():
    torch.manualSeed(9)
    a = torch.rand(3, 4)
    torch.manualSeed(9)
    b = torch.Tensor(4, 3).t()                  # non-contiguous target
    b.uniform()
    assert torch.equal(a, b)


def test_generators_are_independent():
    g = torch.Generator()
    torch.manualSeed(g, 11)
    torch.manualSeed(11)
    x = torch.rand(g, 3)
    torch.rand(5)                               # the default stream moves alone
    torch.manualSeed(g, 11)
    assert torch.equal(torch.rand(g, 3), x)
    assert torch.initialSeed(g) == 11


def test_state_round_trip_and_errors():
    torch.manualSeed(1)
    torch.normal()                              # leaves a cached normal in the state
    s = torch.getRNGState()
    assert s.type() == "torch.ByteTensor"
    a = (torch.normal(), torch.rand(3).tolist())
    torch.setRNGState(s)
    assert (torch.normal(), torch.rand(3).tolist()) == a
    with pytest.raises(TorchError, match="RNG state is wrong size"):
        torch.setRNGState(torch.ByteTensor(10))


def test_distributions_and_bounds():
    torch.manualSeed(2)
    r = torch.Tensor(2000).random(3, 7)
    assert r.min() == 3 and r.max() == 7
    assert torch.Tensor(100).random(4).max() <= 4
    b = torch.Tensor(4000).bernoulli(0.25)
    assert set(b.numpy().tolist()) <= {0.0, 1.0} and abs(b.mean() - 0.25) < 0.03
    p = torch.Tensor([0, 1, 0, 1])
    assert torch.Tensor(4).bernoulli(p).tolist() == [0, 1, 0, 1]
    assert abs(torch.Tensor(4000).exponential(2).mean() - 0.5) < 0.05
    g = torch.Tensor(2000).geometric(0.5)
    assert g.min() >= 1 and abs(g.mean() - 2) < 0.15
    n = torch.Tensor(4000).normal(10, 2)
    assert abs(n.mean() - 10) < 0.15 and abs(n.std() - 2) < 0.15
    assert sorted(torch.randperm(10).tolist()) == list(range(1, 11))
    m = torch.multinomial(torch.Tensor([0.2, 0.3, 0.5]), 3)           # no replacement
    assert sorted(m.tolist()) == [1, 2, 3] and m.type() == "torch.LongTensor"
    m2 = torch.multinomial(torch.Tensor([[0, 1], [1, 0]]), 4, True)
    assert m2.tolist() == [[2, 2, 2, 2], [1, 1, 1, 1]]
    with pytest.raises(TorchError, match="upper bound must be larger"):
        torch.random(5, 1)
    with pytest.raises(TorchError, match="must be > 0 and < 1"):
        torch.geometric(1.5)
    with pytest.raises(TorchError, match="without replacement"):
        torch.multinomial(torch.Tensor([0.5, 0.5]), 3)
    ints = torch.IntTensor(100).random()
    assert ints.min() >= 0


def test_multinomial_alias():
    torch.manualSeed(11)
    p = torch.Tensor([0.7, 0.1, 0.15, 0.05])   # outcome 1 is the alias of the others
    state = torch.multinomialAliasSetup(p)
    J, q = state[1], state[2]
    assert J.__typename__ == "torch.LongTensor" and q.__typename__ == "torch.DoubleTensor"
    assert J.min() >= 1 and J.max() <= 4 and q.min() >= 0 and q.max() <= 1
    # q[i] / n of each draw keeps outcome i, the rest goes to its alias: p exactly
    n = len(p)
    mass = np.zeros(n)
    for i in range(n):
        mass[i] += q[i + 1] / n
        mass[J[i + 1] - 1] += (1 - q[i + 1]) / n
    np.testing.assert_allclose(mass, p.numpy(), atol=1e-12)
    out = torch.multinomialAlias(torch.LongTensor(200, 500), state)
    assert out.size(1) == 200 and out.size(2) == 500
    freq = np.bincount(out.numpy().reshape(-1) - 1, minlength=4) / out.nElement()
    np.testing.assert_allclose(freq, p.numpy(), atol=0.005)
    # two draws per sample from the default stream, in Torch7's order
    torch.manualSeed(3)
    torch.multinomialAlias(torch.LongTensor(7), state)
    after = torch.uniform()
    torch.manualSeed(3)
    for _ in range(14):
        torch.uniform()
    assert torch.uniform() == after
    # a given state table is refilled in place
    again = torch.multinomialAliasSetup(torch.Tensor([0.5, 0.5]), state)
    assert again is state and state[1].tolist() == [1, 2] and state[2].tolist() == [1, 1]


def test_multinomial_alias_from_lua():
    from th.lua import Runtime
    rt = Runtime()
    out = rt.execute("torch = require 'torch'\ntorch.manualSeed(1)\n"
                     "local s = torch.multinomialAliasSetup(torch.Tensor({0, 1, 0}))\n"
                     "local o = torch.multinomialAlias(torch.LongTensor(20), s)\n"
                     "return o:min(), o:max()")
    assert tuple(out) == (2, 2)
