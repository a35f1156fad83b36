"""numba stays out of `import th.torch`, kernels load lazily, TH_DEBUG reports paths."""
import math
import subprocess
import sys

import numpy as np

from th import torch
from th.torch import kernels


def test_import_does_not_load_numba():
    code = ("import sys, th.torch as t; x = t.zeros(3, 3) + 1; print(x.sum()); "
            "print('numba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120).stdout.split()
    assert out == ["9.0", "False"]


def test_debug_reports_the_path(capsys, monkeypatch):
    monkeypatch.setattr(kernels, "DEBUG", 1)
    monkeypatch.setattr(kernels, "_reported", set())
    x = torch.ones(3)
    x.sigmoid()                                        # contiguous: the numba kernel
    torch.ones(30, 40).t().sigmoid()                   # strided: numpy
    err = capsys.readouterr().err
    assert "[th] sigmoid: numba path" in err and "[th] sigmoid: numpy path" in err


def _libm(fn, v):
    try:
        return fn(v)
    except OverflowError:
        return math.inf


def test_vectorised_exp_and_tanh_follow_c_libm():
    # The numba kernels compute exp and tanh with code of their own (SIMD); they must
    # stay within 1 ulp (exp) and 3 ulp (tanh) of C's libm everywhere, ends included.
    rng = np.random.default_rng(7)
    x = np.concatenate([rng.standard_normal(20000) * 4, rng.uniform(-760, 760, 20000),
                        rng.uniform(-746, -700, 5000), rng.uniform(700, 710, 5000),
                        rng.standard_normal(2000) * 1e-9,
                        [0.0, -0.0, np.inf, -np.inf, np.nan, 709.78, 709.79, -745.2,
                         -745.0, 19.0, 20.0, -25.0, 1e-300, 5e-324]])
    k = kernels.load("pointwise")
    for name, fn, ulps in (("exp", math.exp, 1), ("tanh", math.tanh, 3)):
        out = np.empty_like(x)
        getattr(k, name)(x, out)
        ref = np.array([_libm(fn, v) for v in x])
        same = (out == ref) | (np.isnan(out) & np.isnan(ref))
        finite = np.isfinite(ref) & (ref != 0)
        assert same[~finite].all(), (name, x[~finite & ~same])
        err = np.abs(out[finite] - ref[finite]) / np.spacing(np.abs(ref[finite]))
        assert err.max() <= ulps, (name, err.max())
        assert (np.signbit(out) == np.signbit(ref))[~np.isnan(ref)].all()
        par = np.empty_like(x)
        getattr(k, name + "_par")(x, par)
        np.testing.assert_array_equal(par, out)         # the same bits on numba's threads


def test_tanh_and_exp_pick_numba_only_for_contiguous_work(capsys, monkeypatch):
    monkeypatch.setattr(kernels, "DEBUG", True)
    torch.randn(100, 100).tanh()                        # 1e4 contiguous: numba
    torch.randn(100, 100).t().tanh()                    # strided: numpy
    torch.randn(10).exp()                               # small: numpy's own loop
    err = capsys.readouterr().err
    assert "[th] tanh: numba path" in err and "[th] tanh: numpy path" in err
    assert "[th] exp: numpy path" in err
