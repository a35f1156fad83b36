"""Several cores for one big tensor operation: chunks shared by the caller and helpers.

`split(n, work, grain)` calls `work(lo, hi)` on consecutive ranges covering [0, n). The
calling thread runs chunks itself from the first moment; a few helper threads (started
on first use, waiting passively on a queue) claim the other chunks as they wake. `work`
must release the GIL for the bulk of its time: a numpy ufunc or reduction on slices,
or a `nogil=True` numba kernel. Used by th.torch.ops.parallel (element-wise numpy
work) and by the numba kernel wrappers in th.torch.kernels (sigmoid, backward passes,
max along a dimension, tiled copies, Box-Muller, pooling, col2im).

Why not numba's own threads (`parallel=True` / `prange`)? Measured on this project's
2-core VM, x:add(y) at 1e6 elements, microseconds as median / p90 of single calls, with
0, 1 or 2 busy-loop processes (one thread alone: ~890 / 960 at every load):

                               idle          1 busy        2 busy
    numba OpenMP (spinning)  411 / 459    397 / 7488    412 / 4429
    GOMP_SPINCOUNT=1000      476 / 525    856 / 906     489 / 4421
    OMP_WAIT_POLICY=PASSIVE  500 / 533    822 / 882     839 / 889
    numba workqueue layer    519 / 560    860 / 915     945 / 4037
    th.torch.workers         570 / 620    886 / 976     977 / 1061

OpenMP splits a loop statically into one piece per thread and waits for every piece;
its threads spin while they wait, so one descheduled thread stalls the call for a time
slice: 10% of calls took ~7.5 ms with one other busy process (and 65k-element calls
~6 ms at the median with two). PASSIVE waits sleep, and was as good as this module
here, but it must be in the environment before libgomp starts, and PyTorch, imported
first in the same process, starts the libgomp numba then shares; the workqueue layer
still waits for every piece (tails at 2 busy) and aborts the process when two Python
threads launch kernels at once. This module:
- never waits for a chunk nobody started: when a helper cannot get a core, the caller
  runs every chunk itself, so a loaded machine costs about the one-thread time;
- waiting threads sleep (a queue, an event), so they never compete with real work;
- chunks are small (a few per thread), so a helper pre-empted mid-chunk holds little;
- Ctrl-C is seen between chunks (the caller runs Python code between them): no new
  chunk starts, and the caller raises KeyboardInterrupt without waiting for helpers;
- calls from several Python threads at once are fine, and a forked child simply runs
  everything in its one thread.
The price, on an idle machine, is the table's first column: a helper wakes ~40 us
after the call starts, and each hand-over of the GIL costs some tens of microseconds
on a VM. Hence the callers' thresholds (ops/parallel.py): work goes to helpers only
from ~2^19 elements, and small work (under two grains) is one direct call.

The thread count is the CPU count this process may use, at most MAX_THREADS (more
Python threads mostly queue for the GIL between chunks); TH_NUM_THREADS or
torch.setnumthreads(n) set it.
"""
import os
import queue
import threading

# Helpers beyond this count mostly wait for the GIL between chunks.
MAX_THREADS = 4
# Chunks per thread: enough to even out uneven progress, few enough to stay cheap.
CHUNKS_PER_THREAD = 4
# Chunk boundaries are multiples of this (64 bytes of doubles: no shared cache line).
ALIGN = 16


def cpu_count():
    """The number of CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _initial_threads():
    env = os.environ.get("TH_NUM_THREADS", "")
    if env.strip().isdigit() and int(env) > 0:
        return int(env)
    return min(cpu_count(), MAX_THREADS)


_threads = _initial_threads()
_queue = queue.SimpleQueue()
_started = 0                      # helper threads running
_start_lock = threading.Lock()
_local = threading.local()        # .inside: this thread is running a chunk


def threads():
    """The number of threads a big operation uses (the caller plus its helpers)."""
    return _threads


def set_threads(n):
    """Use n threads (at least 1) for big operations from now on."""
    global _threads
    _threads = max(1, int(n))


def inside():
    """Whether the calling thread is running a piece of a split (nested work stays on it)."""
    return getattr(_local, "inside", False)


class _Job:
    """One split() call: chunk bounds, the next unclaimed chunk, chunks running."""

    __slots__ = ("work", "bounds", "next", "running", "lock", "idle", "error")

    def __init__(self, work, bounds):
        self.work = work
        self.bounds = bounds
        self.next = 0
        self.running = 0
        self.lock = threading.Lock()
        self.idle = threading.Event()
        self.error = None

    def _claim(self):
        with self.lock:
            i = self.next
            if i >= len(self.bounds) - 1:
                return -1
            self.next = i + 1
            self.running += 1
            return i

    def _release(self, error):
        with self.lock:
            if error is not None:
                if self.error is None:
                    self.error = error
                self.next = len(self.bounds)          # nobody starts another chunk
            self.running -= 1
            if self.running == 0 and self.next >= len(self.bounds) - 1:
                self.idle.set()

    def run(self):
        """Claim and run chunks until none is left (or one failed).

        An Exception from a chunk is kept for split() to raise; KeyboardInterrupt (only
        ever raised in the calling thread) propagates at once.
        """
        bounds = self.bounds
        while True:
            i = self._claim()
            if i < 0:
                return
            error = None
            try:
                self.work(bounds[i], bounds[i + 1])
            except Exception as e:
                error = e
            self._release(error)

    def cancel(self):
        """Let no thread start another chunk."""
        self.next = len(self.bounds)

    def wait(self):
        """Return once every claimed chunk has finished (none can be claimed any more)."""
        with self.lock:
            if self.running == 0:
                return
        self.idle.wait()


def _helper():
    _local.inside = True
    while True:
        _queue.get().run()


def _ensure_helpers(n):
    global _started
    if _started >= n:
        return
    with _start_lock:
        while _started < n:
            threading.Thread(target=_helper, name=f"th-torch-{_started + 1}",
                             daemon=True).start()
            _started += 1


def _after_fork():
    # The child has no helper threads: forget them (they restart on first use).
    global _queue, _started, _start_lock
    _queue, _started, _start_lock = queue.SimpleQueue(), 0, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def split(n, work, grain, align=ALIGN):
    """work(lo, hi) over consecutive ranges covering [0, n), on several threads.

    Each range holds at least `grain` items (the caller's estimate of the work worth a
    thread) and starts at a multiple of `align` (elements of a cache line by default;
    1 for items as big as a batch's samples); fewer than 2 grains is one direct call
    work(0, n). Returns when every range is done; an exception from any range (the
    first one) is raised here.
    """
    nthreads = _threads
    chunks = min(n // max(grain, 1), nthreads * CHUNKS_PER_THREAD)
    if chunks < 2 or nthreads < 2 or getattr(_local, "inside", False):
        work(0, n)
        return
    bounds = [n * i // chunks // align * align for i in range(chunks)] + [n]
    job = _Job(work, bounds)
    helpers = min(nthreads - 1, chunks - 1)
    _ensure_helpers(helpers)
    for _ in range(helpers):
        _queue.put(job)
    _local.inside = True
    try:
        job.run()
    except BaseException:         # Ctrl-C: stop handing out chunks, stop waiting
        job.cancel()
        raise
    finally:
        _local.inside = False
    job.wait()
    if job.error is not None:
        raise job.error
