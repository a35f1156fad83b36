"""nn.Jacobian: finite-difference checks of a module's gradients, usable from Lua.

`nn.Jacobian.testJacobian(module, input)` fills input with random values, builds the
Jacobian of output with respect to input twice (central differences through forward,
and row by row through updateGradInput), and returns the largest difference;
testJacobianParameters does the same for a parameter and its gradient, and
testJacobianUpdateParameters for accUpdateGradParameters. testIO checks that a module
written and read back (torch.serialize) computes the same. As in Torch7, random inputs
come from torch.rand, so torch.manualSeed makes a check repeatable.
"""
import numpy as np

from th import torch
from th.lua.runtime import first
from th.nn import arrays
from th.torch.errors import TorchError
from th.torch.tensor import Tensor


def _flat(t):
    """A writable 1-D numpy view of a contiguous tensor (how parameters are perturbed)."""
    if not t.isContiguous():
        raise TorchError("nn.Jacobian needs a contiguous tensor to perturb")
    return t._np().reshape(-1)


def _check(fname, module, input, *tensors):
    """Lua's 'bad argument' error for a module (#1), an input (#2) or a parameter and
    its gradient (#3, #4) of the wrong kind."""
    if not callable(getattr(module, "forward", None)):
        raise TorchError(f"bad argument #1 to '{fname}' (nn.Module expected, got "
                         f"{torch.type(module)})")
    for argn, t in enumerate((input,) + tensors, 2):
        if not isinstance(t, Tensor):
            raise TorchError(f"bad argument #{argn} to '{fname}' (torch.*Tensor expected, "
                             f"got {torch.type(t)})")


def _randomize(t, minval, maxval):
    minval = -2 if minval is None else minval
    maxval = 2 if maxval is None else maxval
    t.copy(torch.rand(t.nElement()).mul(maxval - minval).add(minval))


class Jacobian:
    """nn.Jacobian: gradient checks by finite differences (testJacobian,
    testJacobianParameters, testJacobianUpdateParameters, testIO, forward, backward).

    Example: err = nn.Jacobian.testJacobian(nn.Tanh(), torch.randn(5)); print(err < 1e-5)
    """

    __lua_type__ = "table"

    @staticmethod
    def backward(module=None, input=None, param=None, dparam=None):
        """nn.Jacobian.backward(module, input [, param, dparam]): the Jacobian (one row per
        element of input, or of param) built from updateGradInput / accGradParameters.

        Example: J = nn.Jacobian.backward(nn.Tanh(), torch.randn(3))
        """
        _check("backward", module, input, *(t for t in (param, dparam) if t is not None))
        out = first(module.forward(input))
        dout = arrays.new(out).resizeAs(out)
        d = _flat(dout)
        target = param if param is not None else input
        jac = torch.Tensor(target.nElement(), dout.nElement()).zero()
        J = jac._np()
        for i in range(d.shape[0]):
            d[:] = 0
            d[i] = 1
            module.zeroGradParameters()
            din = first(module.updateGradInput(input, dout))
            module.accGradParameters(input, dout)
            J[:, i] = (dparam if param is not None else din)._np().reshape(-1)
        return jac

    @staticmethod
    def forward(module=None, input=None, param=None, perturbation=None):
        """nn.Jacobian.forward(module, input [, param, perturbation=1e-6]): the Jacobian by
        central differences of forward.

        Example: J = nn.Jacobian.forward(nn.Tanh(), torch.randn(3))
        """
        _check("forward", module, input, *(() if param is None else (param,)))
        target = param if param is not None else input
        eps = 1e-6 if perturbation is None else perturbation
        s = _flat(target)
        n_out = first(module.forward(input)).nElement()
        jac = torch.Tensor(s.shape[0], n_out)
        J = jac._np()
        for i in range(s.shape[0]):
            orig = s[i]
            s[i] = orig - eps
            a = first(module.forward(input))._np().reshape(-1).copy()
            s[i] = orig + eps
            b = first(module.forward(input))._np().reshape(-1)
            s[i] = orig
            J[i] = (b - a) / (2 * eps)
        return jac

    @staticmethod
    def backwardUpdate(module=None, input=None, param=None):
        """nn.Jacobian.backwardUpdate(module, input, param): param's values after
        accUpdateGradParameters(input, e_i, 1), one column per output element.

        Example: J = nn.Jacobian.backwardUpdate(lin, x, lin.weight)
        """
        _check("backwardUpdate", module, input, param)
        out = first(module.forward(input))
        dout = arrays.new(out).resizeAs(out)
        d = _flat(dout)
        jac = torch.Tensor(param.nElement(), dout.nElement()).zero()
        from th.nn.module import param_lists
        params = param_lists(module)[0]
        originals = [p.clone() for p in params]
        for i in range(d.shape[0]):
            for p, o in zip(params, originals):
                p.copy(o)
            d[:] = 0
            d[i] = 1
            module.updateGradInput(input, dout)
            module.accUpdateGradParameters(input, dout, 1)
            jac._np()[:, i] = param._np().reshape(-1)
        for p, o in zip(params, originals):
            p.copy(o)
        return jac

    @staticmethod
    def forwardUpdate(module=None, input=None, param=None, perturbation=None):
        """nn.Jacobian.forwardUpdate(module, input, param [, perturbation]): what
        backwardUpdate should give, by finite differences (param - dout/dparam).

        Example: J = nn.Jacobian.forwardUpdate(lin, x, lin.weight)
        """
        _check("forwardUpdate", module, input, param)
        jac = Jacobian.forward(module, input, param, perturbation)
        J = jac._np()
        J[...] = param._np().reshape(-1, 1) - J
        return jac

    @staticmethod
    def testJacobian(module=None, input=None, minval=None, maxval=None, perturbation=None):
        """nn.Jacobian.testJacobian(module, input [, min=-2, max=2, perturbation=1e-6]):
        the largest error of dout/dinput (input is refilled with random values).

        Example: print(nn.Jacobian.testJacobian(nn.Sigmoid(), torch.Tensor(4)))
        """
        _check("testJacobian", module, input)
        _randomize(input, minval, maxval)
        fprop = Jacobian.forward(module, input, input, perturbation)
        bprop = Jacobian.backward(module, input)
        return float(np.abs(fprop._np() - bprop._np()).max())

    @staticmethod
    def testJacobianParameters(module=None, input=None, param=None, dparam=None,
                               minval=None, maxval=None, perturbation=None):
        """nn.Jacobian.testJacobianParameters(module, input, param, dparam [, min, max,
        perturbation]): the largest error of dout/dparam (input and param randomised).

        Example: print(nn.Jacobian.testJacobianParameters(lin, x, lin.weight, lin.gradWeight))
        """
        _check("testJacobianParameters", module, input, param, dparam)
        _randomize(input, minval, maxval)
        _randomize(param, minval, maxval)
        bprop = Jacobian.backward(module, input, param, dparam)
        fprop = Jacobian.forward(module, input, param, perturbation)
        return float(np.abs(fprop._np() - bprop._np()).max())

    @staticmethod
    def testJacobianUpdateParameters(module=None, input=None, param=None, minval=None,
                                     maxval=None, perturbation=None):
        """nn.Jacobian.testJacobianUpdateParameters(module, input, param [, min, max,
        perturbation]): the largest error of accUpdateGradParameters' update.

        Example: print(nn.Jacobian.testJacobianUpdateParameters(lin, x, lin.weight))
        """
        _check("testJacobianUpdateParameters", module, input, param)
        _randomize(input, minval, maxval)
        _randomize(param, minval, maxval)
        bprop = Jacobian.backwardUpdate(module, input, param)
        fprop = Jacobian.forwardUpdate(module, input, param, perturbation)
        return float(np.abs(fprop._np() - bprop._np()).max())

    @staticmethod
    def testIO(module=None, input=None, minval=None, maxval=None):
        """nn.Jacobian.testIO(module, input [, min, max]): the largest differences of output
        and gradInput between module and its serialised-and-read-back copy.

        Example: fo, bo = nn.Jacobian.testIO(nn.Linear(3, 2), torch.randn(3))
        """
        _check("testIO", module, input)
        minval = -2 if minval is None else minval
        maxval = 2 if maxval is None else maxval
        x = input.clone()
        module.forward(input)
        out = module.output
        go = out.clone().copy(torch.rand(out.nElement()).mul(maxval - minval).add(minval))
        module.zeroGradParameters()
        module.updateGradInput(input, go)
        module.accGradParameters(input, go)
        fo, bo = module.output.clone(), module.gradInput.clone()
        if first(module.clearState()) is not module:
            raise TorchError("clearState did not return self")
        twin = torch.deserialize(torch.serialize(module))
        twin.forward(x)
        twin.zeroGradParameters()
        twin.updateGradInput(x, go.clone())
        twin.accGradParameters(x, go.clone())
        errf = float(np.abs(fo._np() - twin.output._np()).max()) if fo.nElement() else 0.0
        errb = float(np.abs(bo._np() - twin.gradInput._np()).max()) if bo.nElement() else 0.0
        return errf, errb


__all__ = ["Jacobian"]
