"""optim.lbfgs (fixed steps and with optim.lswolfe), optim.cg, optim.lswolfe, optim.polyinterp."""
import numpy as np
import pytest

from th import optim, torch
from th.lua.table import LuaTable
from optim_problems import QUAD_A, QUAD_B, feval, quadratic, rosenbrock, tensor

X0 = [0.3, -0.7, 1.2]


# ---- L-BFGS, fixed steps: against a numpy two-loop recursion ------------------------------

def lbfgs_reference(fn, x0, max_iter, lr=1.0, memory=100):
    """minFunc's L-BFGS with fixed steps: the first of min(1, 1/|g|_1)*lr, then lr."""
    x = np.array(x0, dtype=float)
    f, g = fn(x)
    fs, pairs, hdiag, d, t, g_old = [f], [], 1.0, None, None, None
    for it in range(1, max_iter + 1):
        if it == 1:
            d = -g
        else:
            y, s = g - g_old, d * t
            if y @ s > 1e-10:
                pairs = (pairs + [(s, y)])[-memory:]
                hdiag = (y @ s) / (y @ y)
            q, alphas = -g, []
            for s_i, y_i in reversed(pairs):
                a = (s_i @ q) / (y_i @ s_i)
                alphas.append(a)
                q = q - a * y_i
            r = q * hdiag
            for (s_i, y_i), a in zip(pairs, reversed(alphas)):
                r = r + (a - (y_i @ r) / (y_i @ s_i)) * s_i
            d = r
        g_old = g
        if g @ d > -1e-9:
            break
        t = min(1.0, 1.0 / np.abs(g).sum()) * lr if it == 1 else lr
        x = x + t * d
        if it != max_iter:
            f, g = fn(x)
            fs.append(f)
    return x, fs


@pytest.mark.parametrize("fn, x0, config", [
    (quadratic, X0, {"maxIter": 8}),
    (rosenbrock, [0, 0], {"maxIter": 30, "learningRate": 0.1}),
    (rosenbrock, [-0.5, 0.5, 0.2], {"maxIter": 20, "learningRate": 0.05, "nCorrection": 3}),
])
def test_lbfgs_fixed_steps_follow_the_two_loop_recursion(fn, x0, config):
    x = tensor(x0)
    x, fs, evals = optim.lbfgs(feval(fn), x, dict(config))
    x_ref, fs_ref = lbfgs_reference(fn, x0, config["maxIter"], config.get("learningRate", 1.0),
                                    config.get("nCorrection", 100))
    np.testing.assert_allclose(x.numpy(), x_ref, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fs.to_list(), fs_ref, rtol=1e-10)
    assert evals == len(fs_ref)


def test_lbfgs_minimises_rosenbrock_as_optims_test_does():
    # optim/test/test_lbfgs.lua, regular batch test
    x = tensor([0, 0])
    x, fs, evals = optim.lbfgs(feval(rosenbrock), x, {"maxIter": 100, "learningRate": 1e-1})
    assert evals == 100 and len(fs) == 100 and fs[1] == 1
    np.testing.assert_allclose(x.numpy(), [1, 1], atol=1e-3)


def test_lbfgs_stochastic_use_keeps_its_memory_between_calls():
    # optim/test/test_lbfgs.lua, stochastic test: maxIter = 1, one evaluation per call
    x = tensor([0, 0])
    config = {"learningRate": 1e-1, "maxIter": 1}
    for _ in range(100):
        x, fs, evals = optim.lbfgs(feval(rosenbrock), x, config)
        assert len(fs) == 1 and evals == 1
    assert config["nIter"] == 100 and config["funcEval"] == 100
    assert isinstance(config["old_dirs"], LuaTable) and len(config["old_dirs"]) > 1
    for key in ("d", "t", "Hdiag", "g_old", "f_old", "old_stps", "dir_bufs", "stp_bufs", "ro", "al"):
        assert config[key] is not None, key
    x_ref, _ = lbfgs_reference(rosenbrock, [0, 0], 100, 1e-1)
    np.testing.assert_allclose(x.numpy(), x_ref, rtol=1e-10)


def test_lbfgs_with_lswolfe_converges_like_optims_test():
    # optim/test/test_lbfgs_w_ls.lua
    calls = []
    x = tensor([0, 0])
    x, fs, evals = optim.lbfgs(feval(rosenbrock, calls), x, {"maxIter": 100, "lineSearch": optim.lswolfe})
    np.testing.assert_allclose(x.numpy(), [1, 1], atol=1e-5)
    assert fs[len(fs)] < 1e-10 and evals == len(calls) < 60
    values = fs.to_list()
    assert all(a >= b for a, b in zip(values, values[1:]))  # a Wolfe step never goes up


def test_lbfgs_optimal_start_returns_at_once_without_a_count():
    calls = []
    result = optim.lbfgs(feval(quadratic, calls), tensor(np.linalg.solve(QUAD_A, QUAD_B)))
    assert len(result) == 2 and result[1].to_list() == [pytest.approx(quadratic(calls[0])[0])]
    assert len(calls) == 1


def test_lbfgs_verbose_prints_as_torch7(capsys):
    config = {"maxIter": 3, "verbose": True}
    optim.lbfgs(feval(quadratic), tensor(X0), config)
    optim.lbfgs(feval(quadratic), tensor(X0), config)
    assert capsys.readouterr().out == (
        "<optim.lbfgs> \tcreating recyclable direction/step/history buffers\n"
        "<optim.lbfgs> \treached max number of iterations\n"
        "<optim.lbfgs> \treached max number of iterations\n")


def test_lbfgs_stops_on_tolerances(capsys):
    optim.lbfgs(feval(quadratic), tensor(X0), {"maxIter": 100, "tolFun": 1e-3, "verbose": True})
    assert capsys.readouterr().out.splitlines()[-1] == "<optim.lbfgs> \toptimality condition below tolFun"
    optim.lbfgs(feval(quadratic), tensor(X0), {"maxIter": 100, "maxEval": 4, "verbose": True})
    assert capsys.readouterr().out.splitlines()[-1] == "<optim.lbfgs> \tmax nb of function evals"


# ---- lswolfe ---------------------------------------------------------------------------

@pytest.mark.parametrize("t0", [1e-3, 0.05, 1.0, 30.0])
def test_lswolfe_returns_a_point_meeting_the_wolfe_conditions(t0):
    x0 = np.array([-1.2, 1.0])
    f0, g0 = rosenbrock(x0)
    d = -g0
    calls = []
    x = tensor(x0)
    f, g, x2, t, evals = optim.lswolfe(feval(rosenbrock, calls), x, t0, tensor(d), f0, tensor(g0), g0 @ d)
    assert x2 is x and evals == len(calls)
    np.testing.assert_allclose(x.numpy(), x0 + t * d, rtol=1e-15)
    f_ref, g_ref = rosenbrock(x.numpy())
    assert f == pytest.approx(f_ref, rel=1e-14)
    np.testing.assert_allclose(g.numpy(), g_ref, rtol=1e-12)
    assert f <= f0 + 1e-4 * t * (g0 @ d)             # sufficient decrease
    assert abs(g_ref @ d) <= -0.9 * (g0 @ d)          # curvature (strong Wolfe)


def test_lswolfe_options_and_the_iteration_limit(capsys):
    x0 = np.array([-1.2, 1.0])
    f0, g0 = rosenbrock(x0)
    d = -g0
    opts = LuaTable.from_dict({"maxIter": 1, "verbose": True, "c2": 1e-9})
    _, _, _, _, evals = optim.lswolfe(feval(rosenbrock), tensor(x0), 1.0, tensor(d), f0, tensor(g0),
                                      g0 @ d, opts)
    assert evals == 2
    assert capsys.readouterr().out == "<optim.lswolfe> \treached max number of iterations\n"


# ---- polyinterp ---------------------------------------------------------------------------

def cubic_points(coeffs, xs):
    p = np.poly1d(coeffs)
    return torch.Tensor([[x, p(x), p.deriv()(x)] for x in xs])


def test_polyinterp_two_points_finds_the_cubics_minimum():
    coeffs = [1.0, -2.0, -4.0, 3.0]           # x^3 - 2x^2 - 4x + 3: local min at x = 2
    t = optim.polyinterp(cubic_points(coeffs, [0.5, 3.0]))
    assert t == pytest.approx(2.0, abs=1e-12)
    # the order of the points does not matter
    assert optim.polyinterp(cubic_points(coeffs, [3.0, 0.5])) == pytest.approx(2.0, abs=1e-12)


def test_polyinterp_clamps_to_the_points_and_bisects_complex_cases():
    # minimum outside [x1, x2] -> the nearer end; no real minimiser -> the midpoint
    assert optim.polyinterp(cubic_points([1.0, -2.0, -4.0, 3.0], [2.5, 3.0])) == pytest.approx(2.5)
    points = torch.Tensor([[0, 0, 2], [1, 1, 2]])       # d1^2 - g1 g2 = 1 - 4 < 0
    assert optim.polyinterp(points) == 0.5


def test_polyinterp_with_bounds_compares_critical_points():
    coeffs = [1.0, -2.0, -4.0, 3.0]
    p = np.poly1d(coeffs)
    t, fmin = optim.polyinterp(cubic_points(coeffs, [0.0, 1.0]), -1.0, 5.0)
    assert t == pytest.approx(2.0, abs=1e-9) and fmin == pytest.approx(p(2.0), abs=1e-9)
    # a bound lower than the local minimum wins
    t, fmin = optim.polyinterp(cubic_points(coeffs, [0.0, 1.0]), -3.0, 5.0)
    assert t == -3.0 and fmin == pytest.approx(p(-3.0))


def test_polyinterp_three_points_fits_a_quintic():
    coeffs = [0.1, -0.2, -1.0, 0.5, 1.0, -0.3]
    p = np.poly1d(coeffs)
    crit = [r.real for r in p.deriv().roots if abs(r.imag) < 1e-12 and -2 <= r.real <= 3]
    best = min(crit + [-2.0, 3.0], key=p)
    t, fmin = optim.polyinterp(cubic_points(coeffs, [-1.0, 0.5, 2.0]), -2.0, 3.0)
    assert t == pytest.approx(best, abs=1e-8) and fmin == pytest.approx(p(best), abs=1e-8)


def test_polyinterp_wants_a_tensor_of_triples():
    with pytest.raises(Exception, match="bad argument #1 to 'polyinterp'"):
        optim.polyinterp({1: 2})


# ---- cg -----------------------------------------------------------------------------------

def test_cg_minimises_rosenbrock_as_optims_test_does():
    # optim/test/test_cg.lua: maxIter = 50 (so maxEval = 62.5)
    calls = []
    x, fs, evals = optim.cg(feval(rosenbrock, calls), tensor([0, 0]), {"maxIter": 50})
    np.testing.assert_allclose(x.numpy(), [1, 1], atol=1e-6)
    values = fs.to_list()
    assert values[0] == 1 and values[-1] < 1e-9
    assert all(a > b for a, b in zip(values, values[1:]))   # accepted points only go down
    assert evals == len(calls) and 62.5 <= evals <= 70


def test_cg_solves_a_quadratic_within_the_default_budget():
    calls = []
    x, fs, evals = optim.cg(feval(quadratic, calls), tensor([0, 0, 0]))
    np.testing.assert_allclose(x.numpy(), np.linalg.solve(QUAD_A, QUAD_B), rtol=1e-5)
    assert evals == len(calls) == 25          # maxEval = maxIter * 1.25
    state_keys = ("df0", "df1", "df2", "df3", "s", "x0")
    config = {}
    optim.cg(feval(quadratic), tensor([0, 0, 0]), config)
    assert all(isinstance(config[k], torch.DoubleTensor) for k in state_keys)


def test_cg_stops_on_a_flat_function_with_fractional_budget():
    # Torch7 looped forever here (m == 0 is never met with maxEval = 62.5)
    x, fs, evals = optim.cg(feval(quadratic), tensor([0, 0, 0]), {"maxIter": 50})
    np.testing.assert_allclose(x.numpy(), np.linalg.solve(QUAD_A, QUAD_B), rtol=1e-7)
    assert evals <= 2 * 62.5 + 1
