"""The torch user API by family; importing this package registers every op.

    copy          element copies across types and layouts (t:copy)
    indexing      t[...] forms, index*, gather/scatter, masked*, nonzero
    construction  zeros, ones, eye, range, linspace, logspace, cat, diag, tril, ...
    arith         add, mul, div, cmul, pow, clamp, ... and the operators
    bitwise       lshift, rshift, bitand, bitor, bitxor and their c* forms
    unary         exp, log, sqrt, sigmoid, tanh, trigonometry, rounding, ...
    compare       lt, le, gt, ge, eq, ne, all, any, equal
    reduce        sum, prod, mean, std, var, max, min, cumsum, norm, sort, ...
    histogram     histc, bhistc
    blas          dot, mv, mm, bmm, ger, addmv, addmm, addr, addbmm, baddbmm
    linalg        gesv, gels, inverse, potrf, potrs, qr, svd, eig, symeig, trtrs
    random        rand, randn, randperm, multinomial and the t:uniform-style fillers
    apply         apply, map, map2 with Lua (or Python) callbacks
    conv          conv2, xcorr2, conv3, xcorr3

Every op is written over the small primitive set of th.torch.ops.operands and the
Tensor core (resize, numpy view); th.torch.dispatch lists what each registers.
"""
from th.torch.ops import (copy, indexing, construction, arith, bitwise, unary, compare,  # noqa: F401
                          reduce, histogram, blas, linalg, random, apply, conv)
