"""BLAS: dot, mv, mm, bmm, ger, addmv, addmm, addr, addbmm, baddbmm, and `*` on tensors.

Products run through numpy's matmul (OpenBLAS for Float/Double). The add* forms compute
res = beta * M + alpha * (product), Torch7's argument order:
    torch.addmm([res,] [beta,] M, [alpha,] A, B)      x:addmm([beta,] [M,] [alpha,] A, B)
"""
import numpy as np

from th.torch.dispatch import method, function
from th.torch.errors import TorchError, arg_error, invalid_arguments
from th.torch.ops.operands import fmt_size, short, new_like
from th.torch.args import numel, is_number
from th.torch.tensor import Tensor, wrap


def _desc(t):
    return "[" + fmt_size(t) + "]"


def _need_dims(fname, tensors, dims, what):
    for t, d in zip(tensors, dims):
        if not isinstance(t, Tensor) or len(t._size) != d:
            got = ", ".join(f"{len(x._size)}D" if isinstance(x, Tensor) else "?" for x in tensors)
            raise TorchError(f"{what} expected, got {got} tensors")


def _same_types(res, tensors, fname):
    for t in tensors:
        if type(t) is not type(res):
            raise invalid_arguments((res,) + tuple(tensors),
                                    " ".join(short(res) for _ in range(len(tensors) + 1)))


def _product(kind, a, b):
    """The plain product (a numpy array) of the two operands of mv/mm/ger/bmm."""
    A, B = a._np(), b._np()
    if kind == "mv":
        if a._size[1] != b._size[0]:
            raise TorchError(f"size mismatch, {_desc(a)}, {_desc(b)}")
        return A @ B
    if kind == "mm":
        if a._size[1] != b._size[0]:
            raise TorchError(f"size mismatch, m1: {_desc(a)}, m2: {_desc(b)}")
        return A @ B
    if kind == "ger":
        return np.multiply.outer(A, B)
    if a._size[0] != b._size[0] or a._size[2] != b._size[1]:
        raise TorchError(f"size mismatch, batch1: {_desc(a)}, batch2: {_desc(b)}")
    return np.matmul(A, B)


_DIMS = {"mv": (2, 1, 1, "vector and matrix"), "mm": (2, 2, 2, "matrices"),
         "ger": (1, 1, 2, "vector and vector"), "bmm": (3, 3, 3, "3D tensors")}


def _plain(kind):
    d1, d2, dres, what = _DIMS[kind]

    def op(self, a, b=None):
        if b is None:
            res, x, y = None, self, a
        else:
            res, x, y = self, a, b
        if type(x) is not type(y) or len(getattr(x, "_size", ())) != d1 or \
                len(getattr(y, "_size", ())) != d2:
            _need_dims(kind, (x, y), (d1, d2), what)
            _same_types(x, (y,), kind)
        if res is None:
            if kind == "ger":
                return wrap(x._type, np.multiply.outer(x._np(), y._np()))
            return wrap(x._type, np.ascontiguousarray(_product(kind, x, y)))
        _same_types(res, (x, y), kind)
        if kind in ("mm", "mv") and x._type.is_float:
            # fast path: BLAS writes straight into a result of the right shape
            shape = x._size[:1] + y._size[1:]
            if x._size[1] != y._size[0]:
                _product(kind, x, y)                  # raises Torch7's size mismatch
            if res._size != shape:
                res._resize(shape)
            r = res._np()
            np.matmul(x._np(), y._np(), out=r)
            return res
        p = _product(kind, x, y)
        res._resize(tuple(p.shape))
        np.copyto(res._np(), p, casting="unsafe")
        return res
    op.__name__ = kind
    return op


mv = method("mv")(_plain("mv"))
mv.__doc__ = """torch.mv([res,] M, v): matrix-vector product. Example: torch.mv(torch.eye(2), torch.ones(2))"""
mm = method("mm")(_plain("mm"))
mm.__doc__ = """torch.mm([res,] A, B): matrix product. Example: torch.mm(torch.ones(2, 3), torch.ones(3, 4))"""
ger = method("ger")(_plain("ger"))
ger.__doc__ = """torch.ger([res,] u, v): outer product u * v^T. Example: torch.ger(torch.ones(2), torch.ones(3))"""
bmm = method("bmm")(_plain("bmm"))
bmm.__doc__ = """torch.bmm([res,] b1, b2): batch of matrix products (b x n x m times b x m x p).

    Example: torch.bmm(torch.ones(4, 2, 3), torch.ones(4, 3, 5))
    """
for _name, _fn in (("mv", mv), ("mm", mm), ("ger", ger), ("bmm", bmm)):
    function(_name)(_fn)


@method("dot")
def dot(self, other):
    """torch.dot(a, b) / a:dot(b): the sum of element-wise products, a number.

    Example: torch.dot(torch.Tensor({1, 2}), torch.Tensor({3, 4}))  -- 11
    """
    if not isinstance(other, Tensor) or type(other) is not type(self):
        raise invalid_arguments((self, other), f"{short(self)} {short(self)}")
    if numel(self._size) != numel(other._size):
        raise arg_error(2, "dot", "sizes do not match")
    if not self._size:
        return 0.0 if self._type.is_float else 0
    v = np.dot(self._np().reshape(-1), other._np().reshape(-1))
    return float(v) if self._type.is_float else int(v)


function("dot")(dot)


# ---- add* forms -------------------------------------------------------------------------

_ADD_DIMS = {"addmv": (1, 2, 1, "mv"), "addmm": (2, 2, 2, "mm"), "addr": (2, 1, 1, "ger"),
             "addbmm": (2, 3, 3, "bmm"), "baddbmm": (3, 3, 3, "bmm")}


def _parse_add(args, m_optional):
    """Split Torch7's ([beta,] M, [alpha,] A, B) into (beta, M, alpha, A, B).

    With `m_optional` (the method form) M may be left out (it is then the tensor
    itself, returned as None): one leading number is alpha, two are beta and alpha.
    """
    a = list(args)
    lead = []
    while a and is_number(a[0]):
        lead.append(a.pop(0))
    n_tensors = sum(isinstance(x, Tensor) for x in a)
    if n_tensors == 3 and isinstance(a[0], Tensor):
        m = a.pop(0)
        mid = []
        while a and is_number(a[0]):
            mid.append(a.pop(0))
        if len(lead) > 1 or len(mid) > 1:
            return None
        beta, alpha = (lead[0] if lead else 1), (mid[0] if mid else 1)
    elif n_tensors == 2 and m_optional:
        m = None
        if len(lead) > 2:
            return None
        beta, alpha = {0: (1, 1), 1: (1, lead[0] if lead else 1)}.get(len(lead), tuple(lead))
    else:
        return None
    if len(a) != 2 or not all(isinstance(x, Tensor) for x in a):
        return None
    return beta, m, alpha, a[0], a[1]


def _add_op(name):
    dm, d1, d2, kind = _ADD_DIMS[name]
    sig = "*T* [R] [T] [R] T T"

    def compute(res, beta, m, alpha, x, y):
        what = {"mv": "vector and matrix", "mm": "matrices", "ger": "vector and vector",
                "bmm": "3D tensors"}[kind]
        _need_dims(name, (x, y), (d1, d2), what)
        _same_types(res, (x, y) + ((m,) if m is not None else ()), name)
        p = _product(kind, x, y)
        if name == "addbmm":
            p = p.sum(axis=0)
        if m is not None and m is not res:
            if m._size != tuple(p.shape):
                raise TorchError(f"size mismatch, expected {_desc(m)} for the added tensor "
                                 f"but the product is [{' x '.join(map(str, p.shape))}]")
            res._resize(m._size)
            base = m._np()
        else:
            if res._size != tuple(p.shape):
                raise TorchError(f"size mismatch, expected {_desc(res)} for the added tensor "
                                 f"but the product is [{' x '.join(map(str, p.shape))}]")
            base = res._np()
        r = res._np()
        conv = res._type.convert
        beta, alpha = conv(beta), conv(alpha)
        if beta == 0:
            out = p if alpha == 1 else alpha * p
        elif beta == 1 and alpha == 1:
            out = base + p
        else:
            out = beta * base + alpha * p
        np.copyto(r, out, casting="unsafe")
        return res

    def meth(self, *args):
        parsed = _parse_add(args, True)
        if parsed is None:
            raise invalid_arguments((self,) + args, sig.replace("T", short(self))
                                    .replace("R", self._type.real))
        beta, m, alpha, x, y = parsed
        return compute(self, beta, m, alpha, x, y)

    def torch_f(*args):
        # torch.addmm([res,] [beta,] M, [alpha,] A, B): res given when 4 tensors appear.
        if sum(isinstance(a, Tensor) for a in args) == 4:
            res, args = args[0], args[1:]
        else:
            res = None
        parsed = _parse_add(args, False)
        if parsed is None:
            first = next((a for a in args if isinstance(a, Tensor)), None)
            t = short(first) if first is not None else "DoubleTensor"
            raise invalid_arguments(args, f"[*{t}*] [double] {t} [double] {t} {t}")
        beta, m, alpha, x, y = parsed
        if res is None:
            res = new_like(m)
        return compute(res, beta, m, alpha, x, y)

    meth.__name__ = torch_f.__name__ = name
    doc = (f"torch.{name}([res,] [beta,] M, [alpha,] A, B): beta * M + alpha * {kind}(A, B).\n\n"
           f"    x:{name}([beta,] [alpha,] A, B) updates x in place.\n"
           f"    Example: M = torch.zeros(2, 2); M:{name}(1, 2, A, B)\n    ")
    meth.__doc__ = torch_f.__doc__ = doc
    method(name)(meth)
    function(name)(torch_f)
    return meth


addmv = _add_op("addmv")
addmm = _add_op("addmm")
addr = _add_op("addr")
addbmm = _add_op("addbmm")
baddbmm = _add_op("baddbmm")


# ---- the * operator -----------------------------------------------------------------------

def tensor_product(a, b):
    """`a * b` for two tensors: dot (1-D, 1-D), mv (2-D, 1-D) or mm (2-D, 2-D)."""
    if type(a) is not type(b):
        from th.torch.errors import lua_typename
        raise arg_error(2, "?", f"number expected, got {lua_typename(b)}")
    da, db = len(a._size), len(b._size)
    if da == 1 and db == 1:
        return dot(a, b)
    if da == 2 and db == 1:
        return mv(a, b)
    if da == 2 and db == 2:
        return mm(a, b)
    raise TorchError(f"multiplication between {da}D and {db}D tensors not yet supported")
