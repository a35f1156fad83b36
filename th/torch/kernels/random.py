"""numba kernels for Torch7's random streams: MT19937 and the draws TH derives from it.

State layout (see th.torch.random.Generator): `mt` int64[624] holds the 32-bit words
(int64 so every operation below stays exact without unsigned arithmetic: the largest
intermediate, 1812433253 * 2**32, fits in 63 bits); `ctl` int64[4] = [left, next,
seeded, initial seed]; `nrm` float64[4] = [normal_x, normal_y, normal_rho, is_valid],
the Box-Muller pair cached between calls exactly as TH's THRandom_normal does.

Every fill writes `out` (a contiguous 1-D array) in order, one draw per element. The
fills keep `left`/`next` in locals and regenerate the 624-word block in place (about
3 ns a word); big normal fills draw all uniforms first, then apply Box-Muller to
slices on several threads (th.torch.workers).
"""
import math

import numba
import numpy as np

from th.torch import workers

N = 624
M = 397
MATRIX_A = 0x9908B0DF
UMASK = 0x80000000
LMASK = 0x7FFFFFFF
MASK32 = 0xFFFFFFFF
TWO_PI = 2.0 * math.pi
INV_2_32 = 1.0 / 4294967296.0
_PAR = 1 << 15          # normals: below this, one thread


@numba.njit(cache=True, nogil=True)
def seed(mt, ctl, nrm, s):
    """init_genrand(s): Torch7's THRandom_manualSeed (also forgets the cached normal)."""
    mt[0] = s & MASK32
    for j in range(1, N):
        prev = mt[j - 1]
        mt[j] = (1812433253 * (prev ^ (prev >> 30)) + j) & MASK32
    ctl[0] = 1          # left
    ctl[1] = 0          # next
    ctl[2] = 1          # seeded
    ctl[3] = s
    nrm[0] = 0.0
    nrm[1] = 0.0
    nrm[2] = 0.0
    nrm[3] = 0.0


@numba.njit(cache=True, nogil=True)
def _mix(u, v):
    y = ((u & UMASK) | (v & LMASK)) >> 1
    if v & 1:
        y ^= MATRIX_A
    return y


@numba.njit(cache=True, nogil=True)
def _next_state(mt):
    for k in range(N - M):
        mt[k] = mt[k + M] ^ _mix(mt[k], mt[k + 1])
    for k in range(N - M, N - 1):
        mt[k] = mt[k + M - N] ^ _mix(mt[k], mt[k + 1])
    mt[N - 1] = mt[M - 1] ^ _mix(mt[N - 1], mt[0])


@numba.njit(cache=True, nogil=True, inline="always")
def _step(mt, left, nxt):
    """One THRandom_random draw: (tempered word, left, next)."""
    left -= 1
    if left == 0:
        _next_state(mt)
        left = N
        nxt = 0
    y = mt[nxt]
    nxt += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    y ^= y >> 18
    return y, left, nxt


@numba.njit(cache=True, nogil=True)
def genrand(mt, ctl):
    """THRandom_random: the next tempered 32-bit word."""
    y, ctl[0], ctl[1] = _step(mt, ctl[0], ctl[1])
    return y


@numba.njit(cache=True, nogil=True)
def uniform01(mt, ctl):
    """TH's __uniform__: a 32-bit draw divided by 2**32, in [0, 1)."""
    y, ctl[0], ctl[1] = _step(mt, ctl[0], ctl[1])
    return y * INV_2_32


@numba.njit(cache=True, nogil=True)
def fill_uniform01(mt, ctl, out):
    """out[i] = successive __uniform__ draws."""
    left, nxt = ctl[0], ctl[1]
    for i in range(out.shape[0]):
        y, left, nxt = _step(mt, left, nxt)
        out[i] = y * INV_2_32
    ctl[0] = left
    ctl[1] = nxt


@numba.njit(cache=True, nogil=True)
def normal(mt, ctl, nrm, mean, std):
    """THRandom_normal: Box-Muller, the cos value first, the cached sin value next."""
    if nrm[3] == 0.0:
        nrm[0] = uniform01(mt, ctl)
        nrm[1] = uniform01(mt, ctl)
        nrm[2] = math.sqrt(-2.0 * math.log(1.0 - nrm[1]))
        nrm[3] = 1.0
        return nrm[2] * math.cos(TWO_PI * nrm[0]) * std + mean
    nrm[3] = 0.0
    return nrm[2] * math.sin(TWO_PI * nrm[0]) * std + mean


# ---- tensor fills (one draw per element, in order) ------------------------------------

@numba.njit(cache=True, nogil=True)
def fill_uniform(mt, ctl, out, a, b):
    left, nxt = ctl[0], ctl[1]
    for i in range(out.shape[0]):
        y, left, nxt = _step(mt, left, nxt)
        out[i] = y * INV_2_32 * (b - a) + a
    ctl[0] = left
    ctl[1] = nxt


@numba.njit(cache=True, nogil=True)
def _box_muller(u, out, mean, std):
    # out[2p], out[2p+1] = the normal pair of uniforms u[2p], u[2p+1]
    for p in range(u.shape[0] // 2):
        rho = math.sqrt(-2.0 * math.log(1.0 - u[2 * p + 1]))
        angle = TWO_PI * u[2 * p]
        out[2 * p] = rho * math.cos(angle) * std + mean
        out[2 * p + 1] = rho * math.sin(angle) * std + mean


@numba.njit(cache=True, nogil=True)
def _fill_normal_serial(mt, ctl, nrm, out, mean, std):
    n = out.shape[0]
    i = 0
    if n > 0 and nrm[3] != 0.0:          # the cached sin value comes first
        nrm[3] = 0.0
        out[0] = nrm[2] * math.sin(TWO_PI * nrm[0]) * std + mean
        i = 1
    left, nxt = ctl[0], ctl[1]
    while i + 1 < n:
        ux, left, nxt = _step(mt, left, nxt)
        uy, left, nxt = _step(mt, left, nxt)
        rho = math.sqrt(-2.0 * math.log(1.0 - uy * INV_2_32))
        angle = TWO_PI * (ux * INV_2_32)
        out[i] = rho * math.cos(angle) * std + mean
        out[i + 1] = rho * math.sin(angle) * std + mean
        i += 2
    ctl[0] = left
    ctl[1] = nxt
    if i < n:                            # an odd last element caches its pair's sin
        out[i] = normal(mt, ctl, nrm, mean, std)


@numba.njit(cache=True, nogil=True)
def _normal_head(nrm, out, mean, std):
    if out.shape[0] > 0 and nrm[3] != 0.0:
        nrm[3] = 0.0
        out[0] = nrm[2] * math.sin(TWO_PI * nrm[0]) * std + mean
        return 1
    return 0


def fill_normal(mt, ctl, nrm, out, mean, std):
    """out[i] = successive THRandom_normal(mean, std) draws (same stream either way)."""
    if out.shape[0] < 2 * _PAR:
        _fill_normal_serial(mt, ctl, nrm, out, mean, std)
        return
    start = _normal_head(nrm, out, mean, std)
    pairs = (out.shape[0] - start) // 2
    u = np.empty(2 * pairs)
    fill_uniform01(mt, ctl, u)
    pairs_out = out[start:start + 2 * pairs]

    def piece(lo, hi):
        _box_muller(u[2 * lo:2 * hi], pairs_out[2 * lo:2 * hi], mean, std)
    workers.split(pairs, piece, _PAR // 2)
    if (out.shape[0] - start) % 2:
        out[-1:] = 0.0
        _fill_normal_serial(mt, ctl, nrm, out[-1:], mean, std)


@numba.njit(cache=True, nogil=True)
def _exp_inplace(out):
    for i in range(out.shape[0]):
        out[i] = math.exp(out[i])


def fill_log_normal(mt, ctl, nrm, out, mean, std):
    """out[i] = exp(THRandom_normal(mean, std))."""
    fill_normal(mt, ctl, nrm, out, mean, std)
    _exp_inplace(out)


@numba.njit(cache=True, nogil=True)
def fill_exponential(mt, ctl, out, lam):
    left, nxt = ctl[0], ctl[1]
    for i in range(out.shape[0]):
        y, left, nxt = _step(mt, left, nxt)
        out[i] = -1.0 / lam * math.log(1.0 - y * INV_2_32)
    ctl[0] = left
    ctl[1] = nxt


@numba.njit(cache=True, nogil=True)
def fill_cauchy(mt, ctl, out, median, sigma):
    left, nxt = ctl[0], ctl[1]
    for i in range(out.shape[0]):
        y, left, nxt = _step(mt, left, nxt)
        out[i] = median + sigma * math.tan(math.pi * (y * INV_2_32 - 0.5))
    ctl[0] = left
    ctl[1] = nxt


@numba.njit(cache=True, nogil=True)
def fill_geometric(mt, ctl, out, p):
    lp = math.log(p)
    left, nxt = ctl[0], ctl[1]
    for i in range(out.shape[0]):
        y, left, nxt = _step(mt, left, nxt)
        out[i] = int(math.log(1.0 - y * INV_2_32) / lp) + 1
    ctl[0] = left
    ctl[1] = nxt


@numba.njit(cache=True, nogil=True)
def fill_bernoulli(mt, ctl, out, p):
    left, nxt = ctl[0], ctl[1]
    for i in range(out.shape[0]):
        y, left, nxt = _step(mt, left, nxt)
        out[i] = 1.0 if y * INV_2_32 <= p else 0.0
    ctl[0] = left
    ctl[1] = nxt


@numba.njit(cache=True, nogil=True)
def fill_bernoulli_probs(mt, ctl, out, probs):
    left, nxt = ctl[0], ctl[1]
    for i in range(out.shape[0]):
        y, left, nxt = _step(mt, left, nxt)
        out[i] = 1.0 if y * INV_2_32 <= probs[i] else 0.0
    ctl[0] = left
    ctl[1] = nxt


@numba.njit(cache=True, nogil=True)
def fill_random(mt, ctl, out, modulus, low):
    """out[i] = random % modulus + low (modulus 0: the raw 32-bit value)."""
    left, nxt = ctl[0], ctl[1]
    for i in range(out.shape[0]):
        r, left, nxt = _step(mt, left, nxt)
        if modulus > 0:
            r = r % modulus
        out[i] = r + low
    ctl[0] = left
    ctl[1] = nxt


@numba.njit(cache=True, nogil=True)
def randperm(mt, ctl, out):
    """THTensor_randperm: out = 0..n-1 shuffled by swaps with random() % (n - i)."""
    n = out.shape[0]
    for i in range(n):
        out[i] = i
    left, nxt = ctl[0], ctl[1]
    for i in range(n - 1):
        r, left, nxt = _step(mt, left, nxt)
        z = r % (n - i)
        sav = out[i]
        out[i] = out[z + i]
        out[z + i] = sav
    ctl[0] = left
    ctl[1] = nxt


def warm_up():
    """Compile (or load from the cache) the kernels used by rand/randn/manualSeed."""
    mt = np.zeros(N, np.int64)
    ctl = np.zeros(4, np.int64)
    nrm = np.zeros(4, np.float64)
    seed(mt, ctl, nrm, 1)
    out = np.zeros(3)
    fill_uniform(mt, ctl, out, 0.0, 1.0)
    fill_normal(mt, ctl, nrm, out, 0.0, 1.0)
