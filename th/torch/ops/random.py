"""Random tensors: rand, randn, randperm, multinomial and the in-place fillers
(t:uniform, t:normal, t:random, t:bernoulli, t:exponential, t:cauchy, t:logNormal,
t:geometric), drawing from th.torch.random's generators in Torch7's order: one draw per
element in row-major order (Box-Muller normals come in pairs, cos then sin).
"""
import numpy as np

from th.torch import types
from th.torch.dispatch import method, function
from th.torch.errors import TorchError, arg_error
from th.torch.random import split_generator, _k
from th.torch.args import read_sizes, numel, is_number
from th.torch.tensor import Tensor, new_of

# random() without bounds: the value modulo (max of the type + 1), as TH does.
_RAW_MODULUS = {types.Byte: 256, types.Char: 128, types.Short: 32768, types.Int: 1 << 31,
                types.Long: 0, types.Float: (1 << 24) + 1, types.Double: 0}


def _fill(t, draw, dtype=np.float64):
    """Fill t with draw(buffer): directly when t is a contiguous tensor of `dtype`."""
    n = numel(t._size)
    if n == 0:
        return t
    a = t._np()
    if a.dtype == dtype and a.flags.c_contiguous:
        draw(a.reshape(-1))
        return t
    buf = np.empty(n, dtype)
    draw(buf)
    np.copyto(a, buf.reshape(a.shape), casting="unsafe")
    return t


def _float_only(t, fname):
    if not t._type.is_float:
        raise TorchError(f"{t.__typename__} does not implement the torch.{fname}() function")


def _params(args, defaults, fname):
    out = []
    for i, d in enumerate(defaults):
        if i < len(args) and args[i] is not None:
            v = args[i]
            if not is_number(v):
                raise arg_error(i + 2, fname, "number expected")
            out.append(float(v))
        elif d is None:
            raise arg_error(i + 2, fname, "number expected")
        else:
            out.append(d)
    return out


@method("uniform")
def uniform(self, *args):
    """t:uniform([gen,] [a=0,] [b=1]): fill t with uniform draws from [a, b); returns t.

    Example: x = torch.Tensor(3):uniform(-1, 1)
    """
    _float_only(self, "uniform")
    gen, args = split_generator(args)
    a, b = _params(args, (0.0, 1.0), "uniform")
    k = _k()
    return _fill(self, lambda out: k.fill_uniform(gen.mt, gen.ctl, out, a, b))


@method("normal")
def normal(self, *args):
    """t:normal([gen,] [mean=0,] [stdv=1]): fill t with normal draws; returns t.

    Example: x = torch.Tensor(4):normal(10, 2)
    """
    _float_only(self, "normal")
    gen, args = split_generator(args)
    mean, std = _params(args, (0.0, 1.0), "normal")
    if std <= 0:
        raise arg_error(3, "normal", "standard deviation must be strictly positive")
    k = _k()
    return _fill(self, lambda out: k.fill_normal(gen.mt, gen.ctl, gen.nrm, out, mean, std))


@method("logNormal")
def log_normal(self, *args):
    """t:logNormal([gen,] [mean=1,] [stdv=2]): fill t with exp(normal(mean, stdv)).

    Example: x = torch.Tensor(3):logNormal(0, 0.5)
    """
    _float_only(self, "logNormal")
    gen, args = split_generator(args)
    mean, std = _params(args, (1.0, 2.0), "logNormal")
    if std <= 0:
        raise arg_error(3, "logNormal", "standard deviation must be strictly positive")
    k = _k()
    return _fill(self, lambda out: k.fill_log_normal(gen.mt, gen.ctl, gen.nrm, out, mean, std))


@method("exponential")
def exponential(self, *args):
    """t:exponential([gen,] lambda): fill t with exponential draws; returns t.

    Example: x = torch.Tensor(3):exponential(1.5)
    """
    _float_only(self, "exponential")
    gen, args = split_generator(args)
    (lam,) = _params(args, (None,), "exponential")
    k = _k()
    return _fill(self, lambda out: k.fill_exponential(gen.mt, gen.ctl, out, lam))


@method("cauchy")
def cauchy(self, *args):
    """t:cauchy([gen,] [median=0,] [sigma=1]): fill t with Cauchy draws; returns t.

    Example: x = torch.Tensor(3):cauchy(0, 1)
    """
    _float_only(self, "cauchy")
    gen, args = split_generator(args)
    median, sigma = _params(args, (0.0, 1.0), "cauchy")
    k = _k()
    return _fill(self, lambda out: k.fill_cauchy(gen.mt, gen.ctl, out, median, sigma))


@method("geometric")
def geometric(self, *args):
    """t:geometric([gen,] p): fill t with geometric draws (trials to first success).

    Example: x = torch.Tensor(3):geometric(0.25)
    """
    gen, args = split_generator(args)
    (p,) = _params(args, (None,), "geometric")
    if not 0 < p < 1:
        raise arg_error(2, "geometric", "must be > 0 and < 1")
    k = _k()
    return _fill(self, lambda out: k.fill_geometric(gen.mt, gen.ctl, out, p))


@method("bernoulli")
def bernoulli(self, *args):
    """t:bernoulli([gen,] [p=0.5 | probs]): fill t with 0/1 draws, 1 with probability p
    (or with the probability at the same position of a Float/DoubleTensor).

    Example: x = torch.Tensor(6):bernoulli(0.3)
    """
    gen, args = split_generator(args)
    k = _k()
    if args and isinstance(args[0], Tensor):
        probs = args[0]
        if numel(probs._size) != numel(self._size):
            raise TorchError("inconsistent tensor size: probabilities and result must "
                             "have the same number of elements")
        p = np.ascontiguousarray(probs._np(), dtype=np.float64).reshape(-1)
        return _fill(self, lambda out: k.fill_bernoulli_probs(gen.mt, gen.ctl, out, p))
    (p,) = _params(args, (0.5,), "bernoulli")
    if not 0 <= p <= 1:
        raise arg_error(2, "bernoulli", "must be >= 0 and <= 1")
    return _fill(self, lambda out: k.fill_bernoulli(gen.mt, gen.ctl, out, p))


@method("random")
def random_(self, *args):
    """t:random([gen,] [a,] [b]): fill t with random integers: 1..b, a..b, or (no
    bounds) any value of the type's range. Returns t.

    Example: x = torch.Tensor(5):random(1, 100)
    """
    gen, args = split_generator(args)
    k = _k()
    if not args:
        modulus, low = _RAW_MODULUS[self._type], 0
    elif len(args) == 1:
        b = int(_params(args, (None,), "random")[0])
        if b <= 0:
            raise arg_error(2, "random", "upper bound must be strictly positive")
        modulus, low = b, 1
    else:
        a, b = (int(v) for v in _params(args, (None, None), "random"))
        if b < a:
            raise arg_error(3, "random", "upper bound must be larger than lower bound")
        modulus, low = b + 1 - a, a
    dtype = np.float64 if self._type.is_float else np.int64
    return _fill(self, lambda out: k.fill_random(gen.mt, gen.ctl, out, modulus, low), dtype)


# ---- torch.rand / randn / randperm / multinomial ----------------------------------------

def _result_and_sizes(args, fname):
    """Split ([res,] [gen,] sizes...) into (res or None, gen, sizes)."""
    res = None
    if args and isinstance(args[0], Tensor):
        res, args = args[0], args[1:]
    gen, args = split_generator(args)
    return res, gen, read_sizes(args, fname)


def _default_type():
    from th.torch import default_type
    return default_type()


@function("rand")
def rand(*args):
    """torch.rand([res,] [gen,] sz1 [, sz2 ...]): a tensor of uniform draws from [0, 1).

    Example: torch.manualSeed(1); print(torch.rand(5))
    """
    res, gen, size = _result_and_sizes(args, "rand")
    t = new_of(_default_type(), size) if res is None else res._resize(size)
    if not t._type.is_float:
        return uniform(t, gen)          # raises Torch7's error
    k = _k()
    return _fill(t, lambda out: k.fill_uniform01(gen.mt, gen.ctl, out))


@function("randn")
def randn(*args):
    """torch.randn([res,] [gen,] sz1 [, sz2 ...]): a tensor of standard normal draws.

    Example: x = torch.randn(3, 4)
    """
    res, gen, size = _result_and_sizes(args, "randn")
    t = new_of(_default_type(), size) if res is None else res._resize(size)
    if not t._type.is_float:
        return normal(t, gen)           # raises Torch7's error
    k = _k()
    return _fill(t, lambda out: k.fill_normal(gen.mt, gen.ctl, gen.nrm, out, 0.0, 1.0))


@function("randperm")
def randperm(*args):
    """torch.randperm([res,] [gen,] n): a random permutation of 1..n.

    Example: print(torch.randperm(8))
    """
    res = None
    if args and isinstance(args[0], Tensor):
        res, args = args[0], args[1:]
    gen, args = split_generator(args)
    if not args or not is_number(args[0]):
        raise arg_error(1, "randperm", "number expected")
    n = int(args[0])
    if n <= 0:
        raise arg_error(1, "randperm", "must be strictly positive")
    perm = np.empty(n, np.int64)
    _k().randperm(gen.mt, gen.ctl, perm)
    t = new_of(_default_type(), (n,)) if res is None else res._resize((n,))
    np.copyto(t._np(), perm + 1, casting="unsafe")
    return t


@function("multinomial")
def multinomial(*args):
    """torch.multinomial([res,] [gen,] probs, n [, replacement=false]): a LongTensor of
    n category indices (1-based) drawn from each row of probs.

    Example: torch.multinomial(torch.Tensor({0.1, 0.2, 0.7}), 5, true)
    """
    res = None
    if len(args) >= 2 and isinstance(args[0], Tensor) and isinstance(args[1], Tensor):
        res, args = args[0], args[1:]
    gen, args = split_generator(args)
    if len(args) < 2 or not isinstance(args[0], Tensor):
        raise arg_error(1, "multinomial", "torch.*Tensor expected")
    probs, n = args[0], int(args[1])
    replacement = bool(args[2]) if len(args) > 2 else False
    if not probs._type.is_float:
        raise TorchError(f"{probs.__typename__} does not implement the torch.multinomial() function")
    p = probs._np().astype(np.float64)
    vector = p.ndim == 1
    p = p.reshape(1, -1) if vector else p
    if n <= 0:
        raise arg_error(2, "multinomial", "cannot sample n_sample < 0 samples")
    if not replacement and n > p.shape[1]:
        raise arg_error(2, "multinomial", "cannot sample n_sample > prob_dist:size(1) "
                        "samples without replacement")
    out = np.empty((p.shape[0], n), np.int64)
    k = _k()
    for row in range(p.shape[0]):
        out[row] = _draw_row(p[row], n, replacement, gen, k)
    t = res if res is not None else types.Long.tensor_class()
    shape = (n,) if vector else out.shape
    t._resize(tuple(shape))
    np.copyto(t._np(), out.reshape(shape) + 1, casting="unsafe")
    return t


def _draw_row(p, n, replacement, gen, k):
    # THTensor_multinomial: normalised cumulative sums, a binary search per draw; without
    # replacement the drawn category's mass is removed and the rest renormalised.
    cum = np.cumsum(p)
    total = cum[-1]
    if not total > 0:
        raise arg_error(2, "multinomial", "invalid multinomial distribution (sum of "
                        "probabilities <= 0)")
    cum = cum / total
    picks = np.empty(n, np.int64)
    for j in range(n):
        cum[-1] = 1.0
        u = k.uniform01(gen.mt, gen.ctl)
        idx = int(np.searchsorted(cum, u, side="left"))
        picks[j] = idx
        if not replacement:
            prev = cum[idx - 1] if idx > 0 else 0.0
            diff = cum[idx] - prev
            cum[idx:] -= diff
            cum /= 1.0 - diff
    return picks


# ---- the alias method (Walker): multinomialAliasSetup / multinomialAlias ---------------

def _alias_tables(p, q):
    """J (1-based alias of each outcome) and q (its keep probability, in place), built
    as THTensor_multinomialAliasSetup does: scaled probabilities, the small and large
    outcomes as stacks, each small one topped up by the last large one."""
    k = p.shape[0]
    q[...] = p * k
    alias = np.full(k, -1, np.int64)
    smaller = [i for i in range(k) if q[i] < 1.0]
    larger = [i for i in range(k) if not q[i] < 1.0]
    while smaller and larger:
        large, small = larger[-1], smaller[-1]
        alias[small] = large
        q[large] = float(q[large]) - (1.0 - float(q[small]))
        if q[large] < 1.0:
            smaller[-1] = large
            larger.pop()
        else:
            smaller.pop()
    if not q.min() >= 0:           # (zero probabilities are fine, as in later TH)
        raise arg_error(2, "multinomialAliasSetup", "q_min is less than 0")
    if q.max() > 1:
        q /= q.max()
    # Torch7 marked "no alias" with 0, which is also outcome 1's index, so outcome 1
    # could lose its share; -1 marks it here (the outcome keeps itself, q = 1).
    unset = alias < 0
    q[unset] = 1.0
    alias[unset] = np.flatnonzero(unset)
    return alias + 1


def _check_probs(probs, fname):
    if not isinstance(probs, Tensor) or not probs._type.is_float:
        raise arg_error(1, fname, "torch.FloatTensor or torch.DoubleTensor expected")
    if len(probs._size) != 1:
        raise arg_error(1, fname, "a 1-D tensor of probabilities expected")


@function("multinomialAliasSetup_")
def multinomial_alias_setup_(probs, J=None, q=None):
    """torch.multinomialAliasSetup_(probs [, J, q]): the alias tables of a distribution:
    J (LongTensor of 1-based aliases) and q (keep probabilities), reusing J and q if
    given. Returns J, q.

    Example: J, q = torch.multinomialAliasSetup_(torch.Tensor({0.2, 0.3, 0.5}))
    """
    _check_probs(probs, "multinomialAliasSetup_")
    J = J if isinstance(J, Tensor) else types.Long.tensor_class()
    q = q if isinstance(q, Tensor) else probs._type.tensor_class()
    n = probs._size[0]
    J._resize((n,))
    q._resize((n,))
    table = np.empty(n, q._type.dtype)
    J._np()[...] = _alias_tables(probs._np().astype(np.float64), table)
    q._np()[...] = table
    return J, q


@function("multinomialAliasSetup")
def multinomial_alias_setup(probs, state=None):
    """torch.multinomialAliasSetup(probs [, state]): the state {J, q} that
    torch.multinomialAlias draws from (Walker's alias method: two random numbers per
    sample, whatever the number of outcomes). A given state table is refilled.

    Example: state = torch.multinomialAliasSetup(torch.Tensor({0.2, 0.3, 0.5}))
    """
    from th.lua.table import LuaTable
    if state is not None and hasattr(state, "get"):
        J, q = multinomial_alias_setup_(probs, state.get(1), state.get(2))
    else:
        J, q = multinomial_alias_setup_(probs)
        state = LuaTable()
    state[1], state[2] = J, q
    return state


@function("multinomialAlias_")
def multinomial_alias_(output, *args):
    """torch.multinomialAlias_(output, [gen,] J, q): fill the LongTensor output with
    1-based outcomes drawn from the alias tables J, q; returns output.

    Example: torch.multinomialAlias_(torch.LongTensor(10), J, q)
    """
    gen, args = split_generator(args)
    if not isinstance(output, Tensor) or output._type is not types.Long or len(args) != 2 \
            or not isinstance(args[0], Tensor) or not isinstance(args[1], Tensor):
        raise arg_error(1, "multinomialAlias_", "LongTensor output, LongTensor J and "
                        "tensor q expected")
    J, q = args[0]._np().reshape(-1), args[1]._np().reshape(-1).astype(np.float64)
    n = numel(output._size)
    if n == 0:
        return output
    # THTensor_multinomialAliasDraw: per sample one uniform picks an outcome, one
    # bernoulli(q) keeps it or takes its alias (draws interleaved, as TH makes them).
    u = np.empty(2 * n)
    _k().fill_uniform01(gen.mt, gen.ctl, u)
    pick = (u[0::2] * J.shape[0]).astype(np.int64)
    keep = u[1::2] <= q[pick]
    output._np()[...] = np.where(keep, pick + 1, J[pick]).reshape(output._np().shape)
    return output


@function("multinomialAlias")
def multinomial_alias(output, state):
    """torch.multinomialAlias(output, state): fill the LongTensor output with 1-based
    outcomes drawn from a torch.multinomialAliasSetup state; returns output.

    Example: x = torch.multinomialAlias(torch.LongTensor(100), torch.multinomialAliasSetup(p))
    """
    if not hasattr(state, "get"):
        raise arg_error(2, "multinomialAlias", "state table expected")
    return multinomial_alias_(output, state.get(1), state.get(2))
