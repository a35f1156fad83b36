"""optim.de and optim.cmaes: Rosenbrock runs, repeatability, results and printing."""
import numpy as np
import pytest

from th import optim, torch
from th.lua import Runtime
from optim_problems import ROSENBROCK_LUA, feval, rosenbrock, tensor

DE_CONFIG = {"popsize": 50, "scaleFactor": 0.5, "crossoverRate": 0.9, "maxFEs": 3000}


def test_de_minimises_rosenbrock_as_optims_test_does():
    calls = []
    x = tensor([0, 0])
    best, fx = optim.de(feval(rosenbrock, calls), x, dict(DE_CONFIG))
    np.testing.assert_allclose(best.numpy(), [1, 1], atol=1e-6)
    assert x.numpy().tolist() == [0, 0]                     # x itself is not moved
    assert isinstance(fx, torch.DoubleTensor) and fx.size(1) == 3000 == len(calls)
    # fx holds every evaluation in order; the first 50 are the initial population
    np.testing.assert_allclose(fx.numpy(), [rosenbrock(c)[0] for c in calls])
    assert np.all(np.abs(np.array(calls[:50])) <= 30)


def test_de_is_repeatable_and_does_not_touch_the_global_generator():
    torch.manualSeed(7)
    before = torch.uniform()
    torch.manualSeed(7)
    a, fa = optim.de(feval(rosenbrock), tensor([0, 0]), dict(DE_CONFIG, maxFEs=500))
    assert torch.uniform() == before
    b, fb = optim.de(feval(rosenbrock), tensor([0, 0]), dict(DE_CONFIG, maxFEs=500))
    assert a.numpy().tolist() == b.numpy().tolist() and fa.numpy().tolist() == fb.numpy().tolist()


def test_de_region_and_required_settings():
    calls = []
    optim.de(feval(rosenbrock, calls), tensor([0, 0, 0]),
             {"popsize": 10, "scaleFactor": 0.5, "crossoverRate": 0.5, "maxFEs": 20,
              "minRegion": -1, "maxRegion": 2})
    initial = np.array(calls[:10])
    assert initial.shape == (10, 3) and initial.min() >= -1 and initial.max() <= 2
    with pytest.raises(Exception, match="maxFEs"):
        optim.de(feval(rosenbrock), tensor([0, 0]), {})


def test_cmaes_minimises_rosenbrock():
    torch.manualSeed(1)
    x = tensor([0, 0])
    best, fs, evals = optim.cmaes(feval(rosenbrock), x, {"sigma": 0.5, "maxEval": 3000})
    np.testing.assert_allclose(best.numpy(), [1, 1], atol=1e-5)
    values = fs.to_list()
    assert values[0] == 1.0 and values[-1] == min(values) < 1e-10
    assert x.numpy().tolist() == [0, 0] and evals % 6 == 0 and evals <= 3000   # popsize 6 for N = 2


def test_cmaes_is_repeatable_under_manual_seed():
    runs = []
    for _ in range(2):
        torch.manualSeed(42)
        best, fs, evals = optim.cmaes(feval(rosenbrock), tensor([-1, 2, 0.5]), {"sigma": 0.3, "maxEval": 300})
        runs.append((best.numpy().tolist(), fs.to_list(), evals))
    assert runs[0] == runs[1] and runs[0][2] == 301     # 43 populations of 7


def test_cmaes_termination_by_ftarget_and_display(capsys):
    torch.manualSeed(1)
    config = {"sigma": 0.5, "ftarget": 1e-3, "verb_disp": 1, "popsize": 8}
    best, fs, evals = optim.cmaes(feval(rosenbrock), tensor([0, 0]), config)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "evals:\t ax-ratio max(std)   f-value"
    assert out[1].startswith("8: ") and out[2].startswith("16: ")
    assert "termination by\tftarget\t=\t0.001" in out
    assert fs[len(fs)] <= 1e-3 and any(line.startswith("best f-value =\t") for line in out)


def test_cmaes_needs_sigma_and_a_float_tensor():
    with pytest.raises(Exception, match="sigma"):
        optim.cmaes(feval(rosenbrock), tensor([0, 0]), {})
    with pytest.raises(Exception, match="Unsupported Tensor torch.LongTensor"):
        optim.cmaes(feval(rosenbrock), torch.LongTensor(2).zero(), {"sigma": 1})


def test_from_lua(capsys):
    rt = Runtime()
    rt.execute("require 'optim'")
    rt.execute(ROSENBROCK_LUA)
    rt.execute("""
        torch.manualSeed(3)
        local best, fs, evals = optim.cmaes(rosenbrock, torch.Tensor{0, 0}, {sigma = 0.5, maxEval = 1200})
        local best2, fx = optim.de(rosenbrock, torch.Tensor{0, 0},
                                   {popsize = 20, scaleFactor = 0.5, crossoverRate = 0.9, maxFEs = 1000})
        print(fs[#fs] < 1e-6, evals <= 1200, fx:size(1), fx:min() < 1e-4, torch.type(best2))
    """)
    assert capsys.readouterr().out == "true\ttrue\t1000\ttrue\ttorch.DoubleTensor\n"
