"""Torch7's random number generator (MT19937) and its scalar draws.

`Generator` holds one Mersenne Twister state exactly as TH seeds and advances it, plus
the cached second Box-Muller value, so `torch.manualSeed(s)` followed by any sequence
of draws gives Torch7's numbers. The arithmetic runs in numba (kernels/random.py),
loaded on the first draw. Every function takes an optional leading Generator; without
one the default generator is used.
"""
import os

import numpy as np

from th.torch import kernels
from th.torch.errors import TorchError, arg_error

N = 624


def _k():
    mod = _kernels[0]
    if mod is None:
        mod = _kernels[0] = kernels.load("random")
    return mod


_kernels = [None]


class Generator:
    """torch.Generator(): an independent random stream (seeded from /dev/urandom).

    Example: g = torch.Generator(); torch.manualSeed(g, 5); x = torch.rand(g, 3)
    """

    __typename__ = "torch.Generator"
    __slots__ = ("mt", "ctl", "nrm", "__weakref__")

    def __init__(self):
        self.mt = np.zeros(N, np.int64)
        self.ctl = np.zeros(4, np.int64)
        self.nrm = np.zeros(4, np.float64)
        self._fresh_seed()

    def _fresh_seed(self):
        # TH reads an unsigned long from /dev/urandom; we keep 53 bits so that the seed
        # survives the round trip through a Lua number (initialSeed -> manualSeed).
        s = int.from_bytes(os.urandom(8), "little") & ((1 << 53) - 1)
        self.manual_seed(s)
        return s

    def manual_seed(self, s):
        s = int(s)
        # init_genrand uses the low 32 bits (as TH's `seed & 0xffffffff`).
        _k().seed(self.mt, self.ctl, self.nrm, s & 0xFFFFFFFF)
        self.ctl[3] = s if -(1 << 63) <= s < (1 << 63) else s & ((1 << 63) - 1)

    def state_bytes(self):
        return np.concatenate([self.mt.view(np.uint8), self.ctl.view(np.uint8),
                               self.nrm.view(np.uint8)])

    def set_state_bytes(self, raw):
        n_mt, n_ctl = N * 8, 4 * 8
        if raw.shape[0] != n_mt + n_ctl + 4 * 8:
            raise arg_error(1, "setRNGState", "RNG state is wrong size")
        mt = raw[:n_mt].copy().view(np.int64)
        ctl = raw[n_mt:n_mt + n_ctl].copy().view(np.int64)
        if ctl[2] != 1 or not (0 < ctl[0] <= N) or not (0 <= ctl[1] <= N):
            raise arg_error(1, "setRNGState", "Invalid RNG state")
        self.mt[...] = mt
        self.ctl[...] = ctl
        self.nrm[...] = raw[n_mt + n_ctl:].copy().view(np.float64)

    def __str__(self):
        return "torch.Generator"


_default = None


def default_generator():
    """The generator used when no Generator argument is given."""
    global _default
    if _default is None:
        _default = Generator()
    return _default


def split_generator(args):
    """(generator, remaining args) for functions taking an optional leading Generator."""
    if args and isinstance(args[0], Generator):
        return args[0], args[1:]
    return default_generator(), args


# ---- seeding and state -----------------------------------------------------------------

def manualSeed(*args):
    """torch.manualSeed([gen,] seed): restart the stream from `seed` (Torch7's init_genrand).

    Example: torch.manualSeed(1); print(torch.rand(2))
    """
    gen, args = split_generator(args)
    if not args or isinstance(args[0], bool) or not isinstance(args[0], (int, float, np.number)):
        raise arg_error(1, "manualSeed", "number expected")
    gen.manual_seed(int(args[0]))


def seed(*args):
    """torch.seed([gen]): reseed from /dev/urandom; returns the new seed.

    Example: s = torch.seed()
    """
    gen, _ = split_generator(args)
    return gen._fresh_seed()


def initialSeed(*args):
    """torch.initialSeed([gen]): the seed the stream was last started from.

    Example: torch.manualSeed(7); print(torch.initialSeed())  -- 7
    """
    gen, _ = split_generator(args)
    return int(gen.ctl[3])


def getRNGState(*args):
    """torch.getRNGState([gen]): a ByteTensor copy of the generator's whole state.

    Example: s = torch.getRNGState(); a = torch.rand(3); torch.setRNGState(s)
    """
    from th.torch.tensor import ByteTensor, from_array
    gen, args = split_generator(args)
    out = from_array(gen.state_bytes())
    if args and isinstance(args[0], ByteTensor):
        return args[0].set(out)
    return out


def setRNGState(*args):
    """torch.setRNGState([gen,] state): restore a state saved by getRNGState.

    Example: torch.setRNGState(s)
    """
    from th.torch.tensor import ByteTensor
    gen, args = split_generator(args)
    if not args or not isinstance(args[0], ByteTensor):
        raise arg_error(1, "setRNGState", "torch.ByteTensor expected")
    state = args[0]
    if not state.isContiguous():
        raise arg_error(1, "setRNGState", "RNG state needs to be contiguous")
    gen.set_state_bytes(state._np().reshape(-1))
    return state


# ---- scalar draws (torch.random, torch.uniform, ...) ------------------------------------

def _num(v, argn, fname):
    if isinstance(v, bool) or not isinstance(v, (int, float, np.number)):
        raise arg_error(argn, fname, "number expected")
    return float(v)


def random(*args):
    """torch.random([gen,] [a,] [b]): a random integer: raw 32-bit, 1..b or a..b.

    Example: torch.manualSeed(0); print(torch.random())  -- 2357136044
    """
    gen, args = split_generator(args)
    k = _k()
    r = int(k.genrand(gen.mt, gen.ctl))
    if len(args) == 0:
        return r
    if len(args) == 1:
        b = int(_num(args[0], 1, "random"))
        if b <= 0:
            raise arg_error(1, "random", "upper bound must be strictly positive")
        return r % b + 1
    a, b = int(_num(args[0], 1, "random")), int(_num(args[1], 2, "random"))
    if b < a:
        raise arg_error(2, "random", "upper bound must be larger than lower bound")
    return r % (b + 1 - a) + a


def uniform(*args):
    """torch.uniform([gen,] [a=0,] [b=1]): a number drawn uniformly from [a, b).

    Example: torch.manualSeed(123); print(torch.uniform())  -- 0.69646918727085
    """
    gen, args = split_generator(args)
    a = _num(args[0], 1, "uniform") if len(args) > 0 else 0.0
    b = _num(args[1], 2, "uniform") if len(args) > 1 else 1.0
    return _k().uniform01(gen.mt, gen.ctl) * (b - a) + a


def normal(*args):
    """torch.normal([gen,] [mean=0,] [stdv=1]): a normally distributed number.

    Example: x = torch.normal(10, 2)
    """
    gen, args = split_generator(args)
    mean = _num(args[0], 1, "normal") if len(args) > 0 else 0.0
    std = _num(args[1], 2, "normal") if len(args) > 1 else 1.0
    if std <= 0:
        raise arg_error(2, "normal", "standard deviation must be strictly positive")
    return _k().normal(gen.mt, gen.ctl, gen.nrm, mean, std)


def _one(fill, gen, *params):
    out = np.zeros(1)
    fill(gen.mt, gen.ctl, out, *params)
    return float(out[0])


def exponential(*args):
    """torch.exponential([gen,] lambda): an exponentially distributed number.

    Example: x = torch.exponential(1.5)
    """
    gen, args = split_generator(args)
    if not args:
        raise arg_error(1, "exponential", "number expected")
    return _one(_k().fill_exponential, gen, _num(args[0], 1, "exponential"))


def cauchy(*args):
    """torch.cauchy([gen,] [median=0,] [sigma=1]): a Cauchy-distributed number.

    Example: x = torch.cauchy(0, 1)
    """
    gen, args = split_generator(args)
    m = _num(args[0], 1, "cauchy") if len(args) > 0 else 0.0
    s = _num(args[1], 2, "cauchy") if len(args) > 1 else 1.0
    return _one(_k().fill_cauchy, gen, m, s)


def logNormal(*args):
    """torch.logNormal([gen,] [mean=1,] [stdv=2]): exp of a normal draw.

    Example: x = torch.logNormal(0, 0.5)
    """
    gen, args = split_generator(args)
    m = _num(args[0], 1, "logNormal") if len(args) > 0 else 1.0
    s = _num(args[1], 2, "logNormal") if len(args) > 1 else 2.0
    if s <= 0:
        raise arg_error(2, "logNormal", "standard deviation must be strictly positive")
    out = np.zeros(1)
    _k().fill_log_normal(gen.mt, gen.ctl, gen.nrm, out, m, s)
    return float(out[0])


def geometric(*args):
    """torch.geometric([gen,] p): the number of trials to the first success (p in (0,1)).

    Example: n = torch.geometric(0.25)
    """
    gen, args = split_generator(args)
    if not args:
        raise arg_error(1, "geometric", "number expected")
    p = _num(args[0], 1, "geometric")
    if not 0 < p < 1:
        raise arg_error(1, "geometric", "must be > 0 and < 1")
    return int(_one(_k().fill_geometric, gen, p))


def bernoulli(*args):
    """torch.bernoulli([gen,] [p=0.5]): 1 with probability p, else 0.

    Example: coin = torch.bernoulli()
    """
    gen, args = split_generator(args)
    p = _num(args[0], 1, "bernoulli") if args else 0.5
    if not 0 <= p <= 1:
        raise arg_error(1, "bernoulli", "must be >= 0 and <= 1")
    return int(_one(_k().fill_bernoulli, gen, p))


def check_positive_std(std, fname):
    if std <= 0:
        raise TorchError(f"bad argument #2 to '{fname}' (standard deviation must be "
                         "strictly positive)")
