"""optim.checkgrad: compare a closure's gradient with central finite differences."""
from th import torch
from th.lua.lib.args import type_error
from th.optim.luamath import div
from th.optim.protocol import check_args, evaluate, results2, value
from th.torch.tensor import Tensor


def checkgrad(opfunc=None, x=None, eps=None, *_):
    """optim.checkgrad(opfunc, x [, eps]): check the gradient opfunc(x) returns.

    Each df/dx[i] is estimated as (f(x + eps e_i) - f(x - eps e_i)) / (2 eps), eps 1e-7
    by default. Returns diff = |dC - dC_est| / |dC + dC_est| (near eps for a right
    gradient), dC (the gradient, resized as x) and dC_est (the estimate). x ends as it was.

    Example: diff, dC, dC_est = optim.checkgrad(feval, x); print(diff)
    """
    check_args(opfunc, x, "checkgrad")
    c_org, dc = evaluate(opfunc, x, "checkgrad")
    dc.resize(x.size())
    # f may be a number or a tensor (a 1-element loss): the differences work on both
    c_tmp = c_org.new(c_org.size()) if isinstance(c_org, Tensor) else None
    if c_tmp is None:
        value(c_org, "checkgrad")

    eps = 1e-7 if eps is None else eps
    if not isinstance(eps, (int, float)) or isinstance(eps, bool):
        raise type_error(eps, 3, "checkgrad", "number")
    dc_est = dc.new().resizeAs(dc)
    for i in range(1, dc.size(1) + 1):
        old = x[i]
        x[i] = old + eps
        c1 = results2(opfunc(x))[0] if c_tmp is not None else value(opfunc(x), "checkgrad")
        if c_tmp is not None:
            # the closure may return the same tensor each time: keep this value
            c1 = c_tmp.copy(c1)
        x[i] = x[i] - 2 * eps
        c2 = results2(opfunc(x))[0] if c_tmp is not None else value(opfunc(x), "checkgrad")
        x[i] = old
        dc_est[i] = (c1 - c2) / (2 * eps)

    diff = div(torch.norm(dc - dc_est), torch.norm(dc + dc_est))
    return diff, dc, dc_est
