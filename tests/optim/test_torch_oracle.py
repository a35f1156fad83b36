"""optim against PyTorch's torch.optim where the algorithms are the same (optional).

PyTorch's optimisers descend from Torch7's optim; where they keep its semantics the
trajectories must agree. Skipped when PyTorch is not installed (it is never a test
dependency). Known semantic differences are handled explicitly: PyTorch's Adam adds
epsilon after the bias correction of sqrt(v), so it is compared with epsilon tiny; its
L-BFGS tests the gradient's max norm where Torch7 sums, so tolerances are set to 0.
"""
import numpy as np
import pytest

from th import optim
from optim_problems import feval, rosenbrock, tensor

pt = pytest.importorskip("torch")

X0 = [-0.8, 0.6, 0.3, 1.1]
STEPS = 12


def pytorch_run(make_optimizer, steps=STEPS, x0=X0):
    p = pt.tensor(X0 if x0 is None else x0, dtype=pt.float64, requires_grad=True)
    opt = make_optimizer([p])
    fs = []

    def closure():
        opt.zero_grad()
        f, g = rosenbrock(p.detach().numpy())
        p.grad = pt.tensor(g, dtype=pt.float64)
        fs.append(f)
        return pt.tensor(f, dtype=pt.float64)

    for _ in range(steps):
        opt.step(closure)
    return p.detach().numpy(), fs


def th_run(algo, config, steps=STEPS, x0=X0):
    x = tensor(x0)
    fs = []
    for _ in range(steps):
        x, f = algo(feval(rosenbrock), x, config)
        fs.extend(f.to_list())
    return x.numpy(), fs


CASES = [
    ("sgd", optim.sgd, {"learningRate": 1e-3},
     lambda p: pt.optim.SGD(p, lr=1e-3)),
    ("sgd momentum", optim.sgd, {"learningRate": 1e-3, "momentum": 0.9, "dampening": 0.1, "weightDecay": 0.01},
     lambda p: pt.optim.SGD(p, lr=1e-3, momentum=0.9, dampening=0.1, weight_decay=0.01)),
    ("sgd nesterov", optim.sgd, {"learningRate": 1e-3, "momentum": 0.9, "dampening": 0, "nesterov": True},
     lambda p: pt.optim.SGD(p, lr=1e-3, momentum=0.9, nesterov=True)),
    ("adagrad", optim.adagrad, {"learningRate": 0.1, "learningRateDecay": 0.01, "weightDecay": 0.01},
     lambda p: pt.optim.Adagrad(p, lr=0.1, lr_decay=0.01, weight_decay=0.01, eps=1e-10)),
    ("rmsprop", optim.rmsprop, {"learningRate": 1e-2, "alpha": 0.9, "weightDecay": 0.01},
     lambda p: pt.optim.RMSprop(p, lr=1e-2, alpha=0.9, eps=1e-8, weight_decay=0.01)),
    ("adadelta", optim.adadelta, {"rho": 0.9, "eps": 1e-6, "weightDecay": 0.01},
     lambda p: pt.optim.Adadelta(p, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.01)),
    ("adamax", optim.adamax, {"learningRate": 2e-3, "epsilon": 1e-8},
     lambda p: pt.optim.Adamax(p, lr=2e-3, eps=1e-8)),
    ("adam", optim.adam, {"learningRate": 1e-2, "epsilon": 1e-30, "weightDecay": 0.01},
     lambda p: pt.optim.Adam(p, lr=1e-2, eps=1e-30, weight_decay=0.01)),
]


@pytest.mark.parametrize("name, algo, config, make", CASES, ids=[c[0] for c in CASES])
def test_same_trajectory_as_torch_optim(name, algo, config, make):
    x, fs = th_run(algo, dict(config))
    x_ref, fs_ref = pytorch_run(make)
    np.testing.assert_allclose(x, x_ref, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(fs, fs_ref, rtol=1e-12)


def test_lbfgs_without_line_search_as_torch_optim():
    config = {"maxIter": 25, "learningRate": 0.1, "tolFun": 0, "tolX": 0}
    x = tensor(X0)
    x, fs, evals = optim.lbfgs(feval(rosenbrock), x, config)
    x_ref, fs_ref = pytorch_run(lambda p: pt.optim.LBFGS(p, lr=0.1, max_iter=25, tolerance_grad=0,
                                                          tolerance_change=0), steps=1)
    np.testing.assert_allclose(x.numpy(), x_ref, rtol=1e-10)
    np.testing.assert_allclose(fs.to_list(), fs_ref, rtol=1e-10)
