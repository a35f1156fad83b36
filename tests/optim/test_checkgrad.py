"""optim.checkgrad: central differences against the closure's gradient."""
import numpy as np

from th import optim, torch
from optim_problems import feval, quadratic, rosenbrock, tensor


def test_right_gradient_gives_a_tiny_difference_and_x_is_restored():
    x0 = np.array([-1.2, 1.0, 0.5, 2.0])
    x = tensor(x0)
    diff, dc, dc_est = optim.checkgrad(feval(rosenbrock), x)
    assert diff < 1e-7
    np.testing.assert_array_equal(x.numpy(), x0)
    np.testing.assert_allclose(dc.numpy(), rosenbrock(x0)[1])
    np.testing.assert_allclose(dc_est.numpy(), rosenbrock(x0)[1], rtol=1e-5)


def test_central_difference_formula_and_eps():
    x0 = np.array([0.3, -0.7, 1.2])
    eps = 1e-3
    _, _, dc_est = optim.checkgrad(feval(quadratic), tensor(x0), eps)
    expected = []
    for i in range(3):
        e = np.zeros(3)
        e[i] = eps
        expected.append((quadratic(x0 + e)[0] - quadratic(x0 - e)[0]) / (2 * eps))
    np.testing.assert_allclose(dc_est.numpy(), expected, rtol=1e-9)


def test_wrong_gradient_is_caught():
    def bad(x):
        f, g = quadratic(x.numpy())
        g[1] += 0.5
        return f, tensor(g)
    diff, _, _ = optim.checkgrad(bad, tensor([0.3, -0.7, 1.2]))
    assert diff > 0.05


def test_tensor_valued_objective_reused_between_calls():
    # a closure returning the same one-element tensor each time (as a criterion's output)
    out = torch.Tensor(1)

    def closure(x):
        f, g = quadratic(x.numpy())
        out[1] = f
        return out, tensor(g)
    diff, _, _ = optim.checkgrad(closure, tensor([0.3, -0.7, 1.2]))
    assert diff < 1e-7
