"""nn.Jacobian from Lua: its checks pass on correct modules, catch a wrong gradient, and
testIO round-trips modules through torch.serialize."""
import numpy as np

from th import nn, torch
from nn_check import run_lua


def test_jacobian_checks_from_lua():
    out, _ = run_lua("""
        torch.manualSeed(0)
        local lin = nn.Linear(4, 3)
        local x = torch.Tensor(2, 4)
        print(nn.Jacobian.testJacobian(lin, x) < 1e-6)
        print(nn.Jacobian.testJacobianParameters(lin, x, lin.weight, lin.gradWeight) < 1e-6)
        print(nn.Jacobian.testJacobianParameters(lin, x, lin.bias, lin.gradBias) < 1e-6)
        print(nn.Jacobian.testJacobianUpdateParameters(lin, x, lin.weight) < 1e-6)
        print(nn.Jacobian.testJacobian(nn.Sigmoid(), torch.Tensor(6), -5, 5) < 1e-6)
        local fo, bo = nn.Jacobian.testIO(nn.Sequential():add(nn.Linear(3, 2)):add(nn.Tanh()), torch.randn(3))
        print(fo, bo)
        local J = nn.Jacobian.backward(nn.Tanh(), torch.zeros(3))
        print(J:size(1), J:size(2), J[2][2], J[1][2])
    """)
    assert out.splitlines() == ["true"] * 5 + ["0\t0", "3\t3\t1\t0"]


def test_jacobian_catches_a_wrong_gradient():
    out, _ = run_lua("""
        local Wrong, parent = torch.class('nn.TestWrongGrad', 'nn.Module')
        function Wrong:updateOutput(input)
          self.output:resizeAs(input):copy(input):pow(2)
          return self.output
        end
        function Wrong:updateGradInput(input, gradOutput)
          self.gradInput:resizeAs(input):copy(input):cmul(gradOutput)   -- should be 2 * x
          return self.gradInput
        end
        print(nn.Jacobian.testJacobian(nn.TestWrongGrad(), torch.Tensor(5), 1, 2) > 0.5)
    """)
    assert out == "true\n"


def test_forward_and_backward_jacobians_agree_in_python():
    torch.manualSeed(3)
    m = nn.Sequential().add(nn.Linear(3, 4)).add(nn.SoftMax())
    x = torch.randn(3)
    fwd = nn.Jacobian.forward(m, x)
    bwd = nn.Jacobian.backward(m, x)
    np.testing.assert_allclose(fwd._np(), bwd._np(), atol=1e-8)
    assert fwd.size().tolist() == [3, 4]
