"""Checks shared by the convolution, pooling and normalisation tests.

- `check_input_grad` / `check_param_grads`: central finite differences of the loss
  sum(output * gradOutput), for a random gradOutput, against updateGradInput and
  accGradParameters (with a scale).
- `check_batch`: a batch gives the per-sample outputs and input gradients, and the
  parameter gradients of the batch are the sum of the per-sample ones.
- `torch_oracle()`: PyTorch when installed (a test-only oracle), else the test skips.
Everything runs in double precision on small inputs.
"""
import numpy as np
import pytest

from th import torch

EPS = 1e-6


def randn(*size, seed=0):
    """A DoubleTensor of standard normal values from numpy's generator (not torch's, so
    the modules' own initialisation stays independent)."""
    a = np.random.default_rng(seed).standard_normal(size)
    t = torch.Tensor(*size)
    t.numpy()[...] = a
    return t


def like(t, seed=1):
    return randn(*t.size(), seed=seed)


def _loss(m, x, g):
    return float((m.forward(x).numpy() * g.numpy()).sum())


def check_input_grad(m, x, tol=1e-6):
    """updateGradInput(x, g) equals the finite-difference gradient of sum(m(x) * g)."""
    y = m.forward(x)
    g = like(y, seed=7)
    analytic = m.updateGradInput(x, g).numpy().copy()
    xa = x.numpy()
    numeric = np.zeros_like(xa)
    for i in np.ndindex(xa.shape):
        old = xa[i]
        xa[i] = old + EPS
        up = _loss(m, x, g)
        xa[i] = old - EPS
        down = _loss(m, x, g)
        xa[i] = old
        numeric[i] = (up - down) / (2 * EPS)
    err = np.abs(numeric - analytic).max()
    assert err < tol * max(1.0, np.abs(numeric).max()), f"max input-gradient error {err}"


def check_param_grads(m, x, names=("weight", "bias"), scale=0.5, tol=1e-6):
    """accGradParameters(x, g, scale) adds scale * the finite-difference gradient of
    sum(m(x) * g) to each grad<Name> (which starts non-zero, to see it accumulate)."""
    y = m.forward(x)
    g = like(y, seed=8)
    grads = {n: getattr(m, "grad" + n[0].upper() + n[1:]) for n in names}
    before = {}
    for n, t in grads.items():
        t.fill(0.25)
        before[n] = t.numpy().copy()
    m.forward(x)
    m.accGradParameters(x, g, scale)
    for n in names:
        p = getattr(m, n).numpy()
        numeric = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + EPS
            up = _loss(m, x, g)
            p[i] = old - EPS
            down = _loss(m, x, g)
            p[i] = old
            numeric[i] = (up - down) / (2 * EPS)
        got = (grads[n].numpy() - before[n]) / scale
        err = np.abs(numeric - got).max()
        assert err < tol * max(1.0, np.abs(numeric).max()), f"max d{n} error {err}"


def check_batch(m, x, params=("gradWeight", "gradBias")):
    """The batch x (B x ...) gives what its samples give one by one."""
    y = m.forward(x).numpy().copy()
    g = like(m.output, seed=9)
    for p in params:
        getattr(m, p).zero()
    gi = m.backward(x, g).numpy().copy()
    batch_grads = [getattr(m, p).numpy().copy() for p in params]
    sums = [np.zeros_like(b) for b in batch_grads]
    for b in range(x.size(1)):
        for p in params:
            getattr(m, p).zero()
        xb = x[b + 1].clone()
        np.testing.assert_allclose(m.forward(xb).numpy(), y[b], rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(m.backward(xb, g[b + 1].clone()).numpy(), gi[b],
                                   rtol=1e-10, atol=1e-12)
        for s, p in zip(sums, params):
            s += getattr(m, p).numpy()
    for s, b in zip(sums, batch_grads):
        np.testing.assert_allclose(s, b, rtol=1e-10, atol=1e-12)


def torch_oracle():
    """PyTorch (float64), or skip: it is a test-only oracle that CI does not install."""
    pt = pytest.importorskip("torch")
    pt.set_default_dtype(pt.float64)
    return pt


def to_pt(pt, t):
    return pt.tensor(np.array(t.numpy()), dtype=pt.float64, requires_grad=True)
