"""Several cores for one big tensor operation: chunks shared by the caller and helpers.

`split(n, work, grain)` calls `work(lo, hi)` on consecutive ranges covering [0, n). The
calling thread runs chunks itself from the first moment; a few helper threads (started
on first use, waiting passively on a queue) claim the other chunks as they wake. `work`
must release the GIL for the bulk of its time: a numpy ufunc or reduction on slices,
or a `nogil=True` numba kernel. Used by th.torch.ops.parallel (element-wise numpy
work) and by the numba kernel wrappers in th.torch.kernels (sigmoid, backward passes,
max along a dimension, tiled copies, Box-Muller, pooling, col2im).

Why not numba's own threads (`parallel=True` / `prange`)? Measured on a 2-core box
with another process busy on one core: `x:add(y)` at 1e6 elements took ~6 ms instead
of ~0.4 ms, and nn.Tanh's backward pass at 65k elements ~6 ms (median) instead of
~0.02 ms. numba's OpenMP layer splits a loop statically into one piece per core and
waits for every piece; its threads spin while they wait, so the scheduler treats them
as CPU hogs, and the piece given to the thread that shares a core with the busy
process waits for a whole time slice. `OMP_WAIT_POLICY=PASSIVE` removes the spinning
but must be set before OpenMP loads (PyTorch, imported in the same process, loads a
libgomp of the same name first), and still waits on every piece; numba's `workqueue`
layer aborts the process when two Python threads launch kernels at once. Here instead:
- nobody waits for a chunk nobody started: when a helper cannot get a core, the caller
  runs every chunk itself, so a loaded machine costs at most the one-core time;
- waiting threads sleep (a queue, an event), so they never compete with real work;
- chunks are small (a few per thread), so a helper pre-empted mid-chunk holds little;
- Ctrl-C is seen between chunks (the caller runs Python code between them): no new
  chunk starts, and the caller raises KeyboardInterrupt without waiting for helpers;
- calls from several Python threads at once are fine, and a forked child simply runs
  everything in its one thread.
Small work (under two grains) is one direct call: waking a helper costs ~10-20 us.

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


def split(n, work, grain):
    """work(lo, hi) over consecutive ranges covering [0, n), on several threads.

    Each range holds at least `grain` items (the caller's estimate of the work worth a
    thread); fewer than 2 grains is one direct call work(0, n). Returns when every
    range is done; an exception from any range (the first one) is raised here.
    """
    nthreads = _threads
    chunks = min(n // max(grain, 1), nthreads * CHUNKS_PER_THREAD)
    if chunks < 2 or nthreads < 2 or getattr(_local, "inside", False):
        work(0, n)
        return
    bounds = [n * i // chunks // ALIGN * ALIGN for i in range(chunks)] + [n]
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
