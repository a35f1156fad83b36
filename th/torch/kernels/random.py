"""numba kernels for Torch7's random streams: MT19937 and the draws TH derives from it.

State layout (see th.torch.random.Generator): `mt` int64[624] holds the 32-bit words
(int64 so every operation below stays exact without unsigned arithmetic: the largest
intermediate, 1812433253 * 2**32, fits in 63 bits); `ctl` int64[4] = [left, next,
seeded, initial seed]; `nrm` float64[4] = [normal_x, normal_y, normal_rho, is_valid],
the Box-Muller pair cached between calls exactly as TH's THRandom_normal does.
Every fill writes `out` (a contiguous 1-D array) in order, one draw per element.
"""
import math

import numba
import numpy as np

N = 624
M = 397
MATRIX_A = 0x9908B0DF
UMASK = 0x80000000
LMASK = 0x7FFFFFFF
MASK32 = 0xFFFFFFFF
TWO_PI = 2.0 * math.pi


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
def _twist(u, v):
    y = ((u & UMASK) | (v & LMASK)) >> 1
    if v & 1:
        y ^= MATRIX_A
    return y


@numba.njit(cache=True, nogil=True)
def _next_state(mt, ctl):
    for k in range(N - M):
        mt[k] = mt[k + M] ^ _twist(mt[k], mt[k + 1])
    for k in range(N - M, N - 1):
        mt[k] = mt[k + M - N] ^ _twist(mt[k], mt[k + 1])
    mt[N - 1] = mt[M - 1] ^ _twist(mt[N - 1], mt[0])
    ctl[0] = N
    ctl[1] = 0


@numba.njit(cache=True, nogil=True)
def genrand(mt, ctl):
    """THRandom_random: the next tempered 32-bit word."""
    ctl[0] -= 1
    if ctl[0] == 0:
        _next_state(mt, ctl)
    y = mt[ctl[1]]
    ctl[1] += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    y ^= y >> 18
    return y


@numba.njit(cache=True, nogil=True)
def uniform01(mt, ctl):
    """TH's __uniform__: a 32-bit draw divided by 2**32, in [0, 1)."""
    return genrand(mt, ctl) * (1.0 / 4294967296.0)


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
    for i in range(out.shape[0]):
        out[i] = uniform01(mt, ctl) * (b - a) + a


@numba.njit(cache=True, nogil=True)
def fill_normal(mt, ctl, nrm, out, mean, std):
    for i in range(out.shape[0]):
        out[i] = normal(mt, ctl, nrm, mean, std)


@numba.njit(cache=True, nogil=True)
def fill_log_normal(mt, ctl, nrm, out, mean, std):
    for i in range(out.shape[0]):
        out[i] = math.exp(normal(mt, ctl, nrm, mean, std))


@numba.njit(cache=True, nogil=True)
def fill_exponential(mt, ctl, out, lam):
    for i in range(out.shape[0]):
        out[i] = -1.0 / lam * math.log(1.0 - uniform01(mt, ctl))


@numba.njit(cache=True, nogil=True)
def fill_cauchy(mt, ctl, out, median, sigma):
    for i in range(out.shape[0]):
        out[i] = median + sigma * math.tan(math.pi * (uniform01(mt, ctl) - 0.5))


@numba.njit(cache=True, nogil=True)
def fill_geometric(mt, ctl, out, p):
    lp = math.log(p)
    for i in range(out.shape[0]):
        out[i] = int(math.log(1.0 - uniform01(mt, ctl)) / lp) + 1


@numba.njit(cache=True, nogil=True)
def fill_bernoulli(mt, ctl, out, p):
    for i in range(out.shape[0]):
        out[i] = 1.0 if uniform01(mt, ctl) <= p else 0.0


@numba.njit(cache=True, nogil=True)
def fill_bernoulli_probs(mt, ctl, out, probs):
    for i in range(out.shape[0]):
        out[i] = 1.0 if uniform01(mt, ctl) <= probs[i] else 0.0


@numba.njit(cache=True, nogil=True)
def fill_random(mt, ctl, out, modulus, low):
    """out[i] = random % modulus + low (modulus 0: the raw 32-bit value)."""
    for i in range(out.shape[0]):
        r = genrand(mt, ctl)
        if modulus > 0:
            r = r % modulus
        out[i] = r + low


@numba.njit(cache=True, nogil=True)
def randperm(mt, ctl, out):
    """THTensor_randperm: out = 0..n-1 shuffled by swaps with random() % (n - i)."""
    n = out.shape[0]
    for i in range(n):
        out[i] = i
    for i in range(n - 1):
        z = genrand(mt, ctl) % (n - i)
        sav = out[i]
        out[i] = out[z + i]
        out[z + i] = sav


def warm_up():
    """Compile (or load from the cache) the kernels used by rand/randn/manualSeed."""
    mt = np.zeros(N, np.int64)
    ctl = np.zeros(4, np.int64)
    nrm = np.zeros(4, np.float64)
    seed(mt, ctl, nrm, 1)
    out = np.zeros(2)
    fill_uniform(mt, ctl, out, 0.0, 1.0)
    fill_normal(mt, ctl, nrm, out, 0.0, 1.0)
