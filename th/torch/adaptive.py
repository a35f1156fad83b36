"""Spinning threads while calls behave, sleeping threads under load: the choice per call.

A big operation can run on two kinds of threads:
- spinning ones (numba's parallel kernels on the OpenMP layer: th.torch.kernels): the
  fastest on an idle machine (a call starts and ends within microseconds, as PyTorch's
  OpenMP threads do), but each call splits its work statically and waits for every
  piece, so one thread descheduled by another process stalls the call for a time slice
  (4-8 ms on a 1 ms call);
- sleeping ones (th.torch.workers): never stalled (the caller runs whatever no helper
  started), but waking a helper and handing it the GIL costs ~50-100 us on a VM.

`run(kind, units, spin, robust)` calls spin() while spinning calls behave and robust()
otherwise. Every robust call is timed and the fastest per unit of work is kept for its
kind and size class (size rounded down to a power of two); a spinning call that takes
more than STALL_FACTOR times that robust estimate plus STALL_MARGIN was slow (it did
worse than sleeping threads would have). One slow call is forgiven (the first call
after an idle spell often is); a second within SLOW_WINDOW spinning calls is a stall,
and every call then runs robustly for a backoff period before spinning is tried again:
BACKOFF_MIN after a lone stall, doubling up to BACKOFF while stalls keep following
each other. The first LEARN calls of a kind and size class run robustly, to learn the
estimate (the first one loads or compiles its kernel); the first spinning one is not
judged, for the same reason. So on an idle machine every big call spins, and under
sustained load a few calls per BACKOFF period pay a stall. Both paths of the element-wise
kernels run the same loops on the same pieces, so the choice never changes their
results; products (th.nn.gemm) may differ in the last bits.

Measured on this project's 2-core VM (median / p90 of single calls, microseconds, 1e6
float64 elements, bench/tensor_ops.py --large; PyTorch 2.13 with 2 threads in the same
process; "workers" is the sleeping-threads-only path, before this module):

                   idle                        1 busy process              2 busy processes
             workers  adaptive  PyTorch    workers   adaptive  PyTorch    adaptive  numpy
    add      579/643  432/490   437/476    929/992   565/866   417/7472   865/4552  910/4931
    cmul     574/646  451/496   430/473    883/955   821/924  7978/8147
    sigmoid  646/717  467/530   541/606   1051/1138  710/1079 7970/8181   464/5272 2041/6098
    tanh bwd 615/674  448/489   422/476    795/861   833/895   429/8000
    sum      277/310  151/168   136/148    274/294   281/331   142/167    153/271   311/369

Idle, these ops meet the issue's <= 1.2x PyTorch; with one busy process medians are
at or under the workers path and p90s about equal to it; with two (both cores taken by
others) even numpy's single thread has a ~5 ms p90, and th's is no worse. (A first
version took one slow call for a stall and backed off 2 s each time: fine under load,
but an idle hiccup then cost 2 s of sleeping threads, and the MLP step of
bench/nn_train.py lost its second BLAS thread for whole runs.)

TH_THREAD_WAIT=adaptive (the default), spin or sleep chooses the policy for a process;
`set_mode` changes it (bench/tensor_ops.py compares the three). A forked child never
spins once its parent has (GNU OpenMP does not survive fork), nor does a thread already
running a piece of a split (no nested teams), nor anything with torch.setnumthreads(1).
"""
import os
import threading
import time

from th.torch import workers

MODES = ("adaptive", "spin", "sleep")
# A spinning call slower than STALL_FACTOR * (robust estimate) + STALL_MARGIN seconds
# was stalled. Stalls cost a scheduler time slice (3-8 ms here), normal calls are
# faster than the robust estimate: the margin keeps noise on small calls from counting.
STALL_FACTOR = 2.0
STALL_MARGIN = 0.5e-3
# A slow spinning call alone is no stall: the first big call after the machine idled
# is often slow (a VM's sleeping core waking up, caches another program emptied). Two
# slow calls within SLOW_WINDOW spinning calls are.
SLOW_WINDOW = 8
# Seconds of robust calls after a stall, before spinning is tried again: BACKOFF_MIN
# after a lone stall (an idle machine's hiccup, another library's threads still
# spinning), doubling up to BACKOFF while each stall comes within RELAPSE spinning calls
# of the one before (a loaded machine). Counted in calls, not seconds: how often calls
# come says nothing about the load.
BACKOFF_MIN = 0.05
BACKOFF = 2.0
RELAPSE = 64
# Robust calls of a kind and size class before its first spinning one: the first call
# also loads (or compiles) its kernel, so the second one's time is the estimate.
LEARN = 2

_perf = time.perf_counter


def _initial_mode():
    mode = os.environ.get("TH_THREAD_WAIT", "").strip().lower()
    return mode if mode in MODES else "adaptive"


_mode = _initial_mode()
_spin_ok = None              # None: not checked yet; False: never spin in this process
_spun = False                # a spinning kernel has run in this process
_sleep_until = 0.0           # perf_counter() time before which adaptive mode sleeps
_backoff = BACKOFF_MIN       # the length of the last backoff period
_spins = 0                   # spinning calls judged so far
_last_slow = -SLOW_WINDOW - 1  # the number of the last slow one among them
_last_stall = -RELAPSE - 1   # the number of the last stalled one
_robust_best = {}            # (kind, size class) -> fastest robust seconds per unit
_robust_calls = {}           # (kind, size class) -> robust calls timed so far
_tried = set()               # (kind, size class) whose spinning kernel has run once
_local = threading.local()   # .numba_threads: numba's (per-thread) thread count here
stalls = 0                   # spinning calls found stalled so far (benchmarks, tests)


def mode():
    """The policy in force: 'adaptive', 'spin' or 'sleep'."""
    return _mode


def set_mode(new):
    """Use policy `new` ('adaptive', 'spin' or 'sleep') from now on."""
    global _mode, _sleep_until, _backoff
    if new not in MODES:
        raise ValueError(f"thread wait mode must be one of {', '.join(MODES)}, not {new!r}")
    _mode = new
    _sleep_until = 0.0
    _backoff = BACKOFF_MIN


def disable_spinning():
    """Never use spinning threads again in this process (no usable parallel layer)."""
    global _spin_ok
    _spin_ok = False


def spinning(numba=True):
    """Whether a big call may use spinning threads at this moment (numba=False: threads
    of another library, OpenBLAS's, so numba's parallel layer need not start)."""
    if _mode == "sleep" or workers.threads() < 2 or workers.inside():
        return False
    if not (_mode == "spin" or _perf() >= _sleep_until):
        return False
    if not numba:
        return True
    return _spin_ok or (_spin_ok is None and _check_layer())


def _check_layer():
    """Start numba's parallel layer; spin only on one that takes concurrent callers."""
    global _spin_ok
    import numba
    from numba.np.ufunc import parallel
    if numba.config.THREADING_LAYER == "default":
        # tbb or omp: numba's workqueue layer aborts when two threads launch at once.
        numba.config.THREADING_LAYER = "threadsafe"
    try:
        parallel._launch_threads()
        _spin_ok = numba.threading_layer() in ("omp", "tbb")
    except (ValueError, ImportError, OSError):
        _spin_ok = False
    return _spin_ok


def run(kind, units, spin, robust, numba=True):
    """spin() or robust(), as this moment calls for; returns its result.

    `kind` names the kernel (and dtype), `units` measures the work (elements, or
    multiply-adds): calls of one kind and size class are compared with each other.
    numba=False: spin() runs on another library's threads (OpenBLAS's), not numba's.
    """
    global _spun
    key = (kind, units.bit_length())
    ref = _robust_best.get(key)
    if (_robust_calls.get(key, 0) >= LEARN or _mode == "spin") and spinning(numba):
        if numba:
            _numba_threads()
            _spun = True
        start = _perf()
        result = spin()
        took = _perf() - start
        if key not in _tried:        # the first call loads (or compiles) the kernel
            _tried.add(key)
        elif ref is not None:
            _judge(took > STALL_FACTOR * ref * units + STALL_MARGIN, start + took)
        return result
    start = _perf()
    result = robust()
    per_unit = (_perf() - start) / max(units, 1)
    if ref is None or per_unit < ref:
        _robust_best[key] = per_unit
    _robust_calls[key] = _robust_calls.get(key, 0) + 1
    return result


def _judge(slow, now):
    """Count a judged spinning call; a second slow one within SLOW_WINDOW calls of the
    last is a stall."""
    global _spins, _last_slow
    _spins += 1
    if slow:
        if _spins - _last_slow <= SLOW_WINDOW:
            _stalled(now)
        _last_slow = _spins


def _stalled(now):
    global _sleep_until, _backoff, _last_stall, stalls
    stalls += 1
    if _mode == "adaptive":
        relapse = _spins - _last_stall <= RELAPSE
        _backoff = min(2 * _backoff, BACKOFF) if relapse else BACKOFF_MIN
        _last_stall = _spins
        _sleep_until = now + _backoff


def _numba_threads():
    # numba's thread count is per calling thread: keep it at torch.getnumthreads().
    want = workers.threads()
    if getattr(_local, "numba_threads", None) != want:
        import numba
        numba.set_num_threads(min(want, numba.config.NUMBA_NUM_THREADS))
        _local.numba_threads = want


def _after_fork():
    # GNU OpenMP's threads do not exist in a forked child, and numba stops the child
    # if it starts a parallel kernel after its parent did: sleep-only from here.
    global _spin_ok
    if _spun:
        _spin_ok = False


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)
