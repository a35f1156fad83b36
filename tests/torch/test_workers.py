"""th.torch.workers: chunks shared by the caller and helper threads."""
import os
import threading

import numpy as np
import pytest

from th.torch import workers


@pytest.fixture
def three_threads(monkeypatch):
    monkeypatch.setattr(workers, "_threads", 3)


def test_ranges_cover_once(three_threads):
    seen = np.zeros(100_003, np.int64)
    names = set()

    def work(lo, hi):
        seen[lo:hi] += 1
        names.add(threading.current_thread().name)
    workers.split(seen.size, work, 1000)
    assert (seen == 1).all()
    workers.split(10, work, 1000)                  # under two grains: one direct call
    assert seen[:10].tolist() == [2] * 10


def test_big_items_are_cut_without_alignment(three_threads):
    ranges = []
    workers.split(8, lambda lo, hi: ranges.append((lo, hi)), 1, align=1)
    assert sorted(r for r in ranges if r[1] > r[0]) == [(i, i + 1) for i in range(8)]
    ranges.clear()                                  # by default: starts at multiples of 16
    workers.split(8, lambda lo, hi: ranges.append((lo, hi)), 1)
    assert [r for r in ranges if r[1] > r[0]] == [(0, 8)]


def test_small_or_single_thread_is_one_call(monkeypatch):
    calls = []
    monkeypatch.setattr(workers, "_threads", 1)
    workers.split(10_000, lambda lo, hi: calls.append((lo, hi)), 10)
    assert calls == [(0, 10_000)]


def test_an_error_in_a_piece_is_raised(three_threads):
    def work(lo, hi):
        if lo > 0:
            raise ValueError("bad piece")
    with pytest.raises(ValueError, match="bad piece"):
        workers.split(100_000, work, 1000)
    workers.split(100_000, lambda lo, hi: None, 1000)     # the pool still works


def test_nested_split_runs_in_the_piece(three_threads):
    inner = []

    def work(lo, hi):
        workers.split(hi - lo, lambda a, b: inner.append((a, b)), 1)
    workers.split(64_000, work, 1000)
    assert all(a == 0 for a, _ in inner) and sum(b for _, b in inner) == 64_000


def test_keyboard_interrupt_stops_the_caller(three_threads):
    ran = []

    def work(lo, hi):
        if threading.current_thread() is threading.main_thread():
            raise KeyboardInterrupt
        ran.append(lo)
    with pytest.raises(KeyboardInterrupt):
        workers.split(1_000_000, work, 1000)
    assert len(ran) < 11                                 # no chunk started afterwards
    seen = np.zeros(50_000, np.int64)
    workers.split(seen.size, lambda lo, hi: seen.__setitem__(slice(lo, hi), 1), 1000)
    assert seen.all()


def test_concurrent_callers(three_threads):
    out = np.zeros((4, 200_000))

    def caller(k):
        def work(lo, hi):
            out[k, lo:hi] += k + 1
        for _ in range(20):
            workers.split(out.shape[1], work, 1000)
    ts = [threading.Thread(target=caller, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert (out == 20 * np.arange(1, 5)[:, None]).all()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_forked_child_runs_alone(three_threads):
    workers.split(100_000, lambda lo, hi: None, 1000)      # helpers exist in the parent
    pid = os.fork()
    if pid == 0:                                            # child: no helper threads
        seen = np.zeros(100_000, np.int64)
        workers.split(seen.size, lambda lo, hi: seen.__setitem__(slice(lo, hi), 1), 1000)
        os._exit(0 if seen.all() else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0


def test_setnumthreads():
    from th import torch
    old = torch.getnumthreads()
    try:
        torch.setnumthreads(2)
        assert torch.getnumthreads() == 2 and workers.threads() == 2
    finally:
        torch.setnumthreads(old)
    assert torch.getnumcores() >= 1


def test_ctrl_c_stops_threaded_work():
    # A script looping over big (threaded) operations stops at once on SIGINT.
    import signal
    import subprocess
    import sys
    import time
    code = ("x = torch.rand(1000000); y = torch.rand(1000000); print('go'); io.stdout:flush(); "
            "while true do x:add(y); x:sigmoid(); local s = x:sum() end")
    p = subprocess.Popen([sys.executable, "-m", "th.cli", "-e", code], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert p.stdout.readline().strip() == "go"
        time.sleep(0.5)
        start = time.monotonic()
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=30)
    finally:
        p.kill()
    assert time.monotonic() - start < 5
    assert p.returncode == 130 and "interrupted" in err
