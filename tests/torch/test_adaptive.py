"""th.torch.adaptive: spinning threads while calls behave, sleeping ones after a stall."""
import os

import numpy as np
import pytest

from th import torch
from th.torch import adaptive, workers


class Clock:
    """A fake perf_counter: spin() and robust() below advance it by their cost."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def policy(monkeypatch):
    """adaptive mode, two threads, spinning allowed, a fake clock, no history."""
    clock = Clock()
    monkeypatch.setattr(adaptive, "_perf", clock)
    monkeypatch.setattr(adaptive, "_spin_ok", True)
    monkeypatch.setattr(adaptive, "_numba_threads", lambda: None)
    monkeypatch.setattr(adaptive, "_robust_best", {})
    monkeypatch.setattr(adaptive, "_robust_calls", {})
    monkeypatch.setattr(adaptive, "_tried", set())
    monkeypatch.setattr(adaptive, "_mode", "adaptive")
    monkeypatch.setattr(adaptive, "_sleep_until", 0.0)
    monkeypatch.setattr(adaptive, "_backoff", adaptive.BACKOFF_MIN)
    monkeypatch.setattr(adaptive, "_spins", 0)
    monkeypatch.setattr(adaptive, "_last_slow", -adaptive.SLOW_WINDOW - 1)
    monkeypatch.setattr(adaptive, "_last_stall", -adaptive.RELAPSE - 1)
    monkeypatch.setattr(workers, "_threads", 2)
    return clock


def _caller(clock, spin_cost):
    """run() on a kind whose robust calls take 1 ms and spinning ones spin_cost()."""
    log = []

    def spin():
        log.append("spin")
        clock.now += spin_cost()

    def robust():
        log.append("robust")
        clock.now += 1e-3

    def call():
        adaptive.run("test", 1000, spin, robust)
        return log[-1]
    return call


def test_a_stall_switches_to_robust_and_back_after_backoff(policy):
    cost = [0.5e-3]
    call = _caller(policy, lambda: cost[0])
    assert [call() for _ in range(adaptive.LEARN)] == ["robust"] * adaptive.LEARN
    stalls = adaptive.stalls
    cost[0] = 50e-3                            # the first spinning call compiles: not judged
    assert call() == "spin" and adaptive.stalls == stalls
    cost[0] = 0.5e-3
    assert [call() for _ in range(3)] == ["spin"] * 3
    cost[0] = 8e-3                             # a time slice lost: > 2 * 1 ms + 0.5 ms
    assert call() == "spin" and adaptive.stalls == stalls       # alone: a hiccup
    cost[0] = 0.5e-3
    assert call() == "spin"
    cost[0] = 8e-3                             # a second one within SLOW_WINDOW: a stall
    assert call() == "spin" and adaptive.stalls == stalls + 1
    stalled_at = policy.now
    while policy.now < stalled_at + adaptive.BACKOFF_MIN:
        assert call() == "robust"
    cost[0] = 0.5e-3
    assert call() == "spin"                    # probed again after the backoff
    assert call() == "spin"


def test_slow_calls_far_apart_are_no_stall(policy):
    cost = [0.5e-3]
    call = _caller(policy, lambda: cost[0])
    stalls = adaptive.stalls
    for _ in range(5):
        cost[0] = 8e-3
        call()
        cost[0] = 0.5e-3
        assert [call() for _ in range(adaptive.SLOW_WINDOW + 2)][-1] == "spin"
    assert adaptive.stalls == stalls


def test_stalls_in_a_row_lengthen_the_backoff_up_to_its_maximum(policy):
    call = _caller(policy, lambda: 8e-3)       # every spinning call stalls: a loaded machine
    while call() == "robust":                  # learn the estimate
        pass
    periods = []
    while len(periods) < 8:
        while call() == "spin":
            pass
        start = policy.now
        while call() == "robust":
            pass
        periods.append(policy.now - start)
    assert periods[0] < 2 * adaptive.BACKOFF_MIN + 0.01
    assert all(b >= a for a, b in zip(periods, periods[1:]))
    assert adaptive.BACKOFF <= periods[-1] < adaptive.BACKOFF + 0.01


def test_normal_noise_is_no_stall(policy):
    call = _caller(policy, lambda: 2.4e-3)     # < 2 * 1 ms + 0.5 ms
    calls = [call() for _ in range(20)]
    assert calls[:2] == ["robust"] * 2 and set(calls[2:]) == {"spin"}


def test_sleep_mode_never_spins(policy):
    adaptive.set_mode("sleep")
    call = _caller(policy, lambda: 0.1e-3)
    assert {call() for _ in range(50)} == {"robust"}


def test_spin_mode_ignores_stalls(policy):
    adaptive.set_mode("spin")
    call = _caller(policy, lambda: 50e-3)
    assert {call() for _ in range(10)} == {"spin"}


def test_one_thread_or_nested_work_never_spins(policy, monkeypatch):
    call = _caller(policy, lambda: 0.1e-3)
    while call() == "robust":
        pass
    monkeypatch.setattr(workers, "_threads", 1)
    assert {call() for _ in range(5)} == {"robust"}
    monkeypatch.setattr(workers, "_threads", 2)
    monkeypatch.setattr(workers._local, "inside", True, raising=False)
    assert {call() for _ in range(5)} == {"robust"}


def test_bad_mode_is_refused():
    with pytest.raises(ValueError, match="adaptive, spin, sleep"):
        adaptive.set_mode("fast")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_forked_child_never_spins(monkeypatch):
    monkeypatch.setattr(workers, "_threads", 2)
    adaptive.set_mode("spin")
    try:
        x, y = torch.rand(1 << 20), torch.rand(1 << 20)
        x.add(y)                                 # a real spinning call in the parent
        assert adaptive._spun and adaptive.spinning()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:                             # child: report, run a big op, leave
            ok = not adaptive.spinning()
            x.add(y)                             # must not start numba's threads
            os.write(write, b"ok" if ok else b"spins")
            os._exit(0)
        os.close(write)
        answer = os.read(read, 10)
        _, status = os.waitpid(pid, 0)
        os.close(read)
    finally:
        adaptive.set_mode("adaptive")
    assert answer == b"ok" and os.waitstatus_to_exitcode(status) == 0


def _results(mode, dtype):
    adaptive.set_mode(mode)
    rs = np.random.RandomState(7)
    n = 1 << 20                                  # over every threshold
    a = torch.from_numpy(rs.standard_normal(n).astype(dtype))
    b = torch.from_numpy(rs.rand(n).astype(dtype) + 0.5)
    out = {}
    for op in ("add", "csub", "cmul", "cdiv"):
        out[op] = getattr(a.clone(), op)(b).numpy().copy()
    out["sigmoid"] = a.clone().sigmoid().numpy().copy()
    s = a.clone().sigmoid()
    for name in ("sigmoid_backward", "tanh_backward"):
        out[name] = getattr(torch, name)(a.clone(), b, s).numpy().copy()
    out["sum"] = a.sum()
    return out


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_results_identical_across_modes(monkeypatch, dtype):
    monkeypatch.setattr(workers, "_threads", 2)
    try:
        by_mode = {mode: _results(mode, dtype) for mode in ("spin", "sleep", "adaptive")}
    finally:
        adaptive.set_mode("adaptive")
    for mode in ("sleep", "adaptive"):
        for op, value in by_mode["spin"].items():
            np.testing.assert_array_equal(by_mode[mode][op], value, err_msg=f"{op} {mode}")
