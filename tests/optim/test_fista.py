"""optim.FistaLS on the lasso, against a numpy FISTA / ISTA with backtracking."""
import numpy as np
import pytest

from th import optim
from th.lua import Runtime
from th.lua.table import LuaTable
from optim_problems import tensor

RNG = np.random.default_rng(3)
A = RNG.standard_normal((20, 8))
X_TRUE = np.array([1.5, 0, 0, -2.0, 0, 0.7, 0, 0])
B = A @ X_TRUE + 0.01 * RNG.standard_normal(20)
LAMBDA = 0.5


def smooth(x):
    r = A @ x - B
    return float(0.5 * r @ r), A.T @ r


def shrink(v, t):
    return np.sign(v) * np.maximum(np.abs(v) - t, 0)


def closures():
    def f(x, mode=None):
        value, grad = smooth(x.numpy())
        return (value, tensor(grad)) if mode == "dx" else value

    def g(x):
        return float(LAMBDA * np.abs(x.numpy()).sum())

    def pl(x, L):
        x.numpy()[:] = shrink(x.numpy(), LAMBDA / L)
    return f, g, pl


def fista_reference(fista, L=0.1, step=1.5, maxiter=50, maxline=20, errthres=1e-4):
    """Beck and Teboulle's backtracking (F)ISTA; F is recorded at y, as Torch7 does."""
    n = A.shape[1]
    y, xkm, xk, tk, history = np.zeros(n), np.zeros(n), np.zeros(n), 1.0, []
    while True:
        fy, gfy = smooth(y)
        for nline in range(maxline + 1):
            p = shrink(y - gfy / L, LAMBDA / L)
            if smooth(p)[0] <= fy + gfy @ (p - y) + L / 2 * (p - y) @ (p - y):
                xk = p
                break
            if nline == maxline:
                xk = xkm.copy()
                break
            L *= step
        if fista:
            tkp = (1 + np.sqrt(1 + 4 * tk * tk)) / 2
            y = xk + (1 - tk) / tkp * (xkm - xk)
            xkm, tk = xk.copy(), tkp
        else:
            y = xk.copy()
        history.append((smooth(y)[0] + LAMBDA * np.abs(y).sum(), L, nline + 1))
        if len(history) > 1 and abs(history[-1][0] - history[-2][0]) <= errthres or len(history) >= maxiter:
            return y, history


@pytest.mark.parametrize("fista", [True, False])
def test_fista_and_ista_follow_the_reference(fista):
    f, g, pl = closures()
    params = {"maxiter": 200, "errthres": 1e-9}
    if fista:
        params["doFistaUpdate"] = True
    xinit = tensor(np.zeros(8))
    x, history = optim.FistaLS(f, g, pl, xinit, params)
    x_ref, hist_ref = fista_reference(fista, maxiter=200, errthres=1e-9)
    np.testing.assert_allclose(x.numpy(), x_ref, rtol=1e-10, atol=1e-12)
    assert len(history) == len(hist_ref)
    for entry, (F, L, nline) in zip(history.to_list(), hist_ref):
        assert entry["F"] == pytest.approx(F, rel=1e-10)
        assert entry["L"] == L and entry["nline"] == nline
    np.testing.assert_array_equal(xinit.numpy(), x.numpy())     # xinit ends as the solution
    assert params["L"] == hist_ref[-1][1] and x is params["y"]
    # the lasso solution is sparse where the truth is
    assert np.all(np.abs(x.numpy()[[1, 2, 4, 6, 7]]) < 0.05)


def test_fista_needs_fewer_iterations_than_ista():
    f, g, pl = closures()
    _, h_fista = optim.FistaLS(f, g, pl, tensor(np.zeros(8)), {"maxiter": 500, "doFistaUpdate": True})
    _, h_ista = optim.FistaLS(f, g, pl, tensor(np.zeros(8)), {"maxiter": 500})
    assert len(h_fista) < len(h_ista)


def test_verbose_lines_and_history_points(capsys):
    f, g, pl = closures()
    params = LuaTable.from_dict({"maxiter": 2, "verbose": True, "doFistaUpdate": True})
    _, history = optim.FistaLS(f, g, pl, tensor(np.zeros(8)), params)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("nline=0 L=0.1 fply=")
    assert any(line.startswith("iter=0 eold=inf enew=") for line in out)
    assert history[1]["xk"] is not None and history[2]["y"] is not None


def test_from_lua(capsys):
    rt = Runtime()
    rt.execute("""
        require 'optim'
        local A = torch.Tensor{{1, 0}, {0, 2}, {1, 1}}
        local b = torch.Tensor{1, 2, 2}
        local function f(x, mode)
           local r = torch.mv(A, x) - b
           local value = 0.5 * r:dot(r)
           if mode == 'dx' then return value, torch.mv(A:t(), r) end
           return value
        end
        local function g(x) return 0.1 * x:norm(1) end
        local function pl(x, L) x:copy(torch.sign(x):cmul(torch.clamp(torch.abs(x) - 0.1 / L, 0, math.huge))) end
        x, h = optim.FistaLS(f, g, pl, torch.zeros(2), {doFistaUpdate = true, maxiter = 300, errthres = 1e-12})
        print(#h > 5, h[#h].F < h[1].F, math.abs(x[1] - 0.95) < 0.05, math.abs(x[2] - 1.0) < 0.06)
    """)
    assert capsys.readouterr().out == "true\ttrue\ttrue\ttrue\n"
