"""Linear algebra (Torch7's LAPACK wrappers): gesv, gels, trtrs, inverse, potrf, potrs,
potri, qr, svd, eig, symeig, on Float and Double matrices, through numpy.linalg.

Results follow Torch7's shapes and conventions: svd returns U, S, V (not V^T); eig
returns the eigenvalues as an n x 2 (real, imaginary) tensor; potrf returns the upper
factor by default. Leading result tensors are optional: torch.gesv([rb, ra,] B, A).
"""
import numpy as np

from th.torch.dispatch import function, method
from th.torch.errors import TorchError, arg_error
from th.torch.tensor import Tensor


def _results(args, n_out, n_in):
    """(list of n_out result tensors or None, the n_in inputs, trailing options)."""
    tensors = [a for a in args if isinstance(a, Tensor)]
    opts = [a for a in args if not isinstance(a, Tensor)]
    if len(tensors) >= n_out + n_in:
        return tensors[:n_out], tensors[n_out:n_out + n_in], opts
    if len(tensors) < n_in:
        raise TorchError("invalid arguments: expected " + " ".join(["Tensor"] * n_in))
    return [None] * n_out, tensors[:n_in], opts


def _matrix(t, fname, argn=1):
    if not t._type.is_float:
        raise TorchError(f"{t.__typename__} does not implement the torch.{fname}() function")
    if len(t._size) != 2:
        raise arg_error(argn, fname, "A should be 2 dimensional")
    return t._np().astype(np.float64)


def _square(t, fname, argn=1):
    a = _matrix(t, fname, argn)
    if a.shape[0] != a.shape[1]:
        raise arg_error(argn, fname, "A should be square")
    return a


def _rhs(B, a, fname):
    """B as a matrix whose rows match A's (THArgCheck's 'A,b size incompatible')."""
    b = _as_matrix(B._np().astype(np.float64))
    if b.shape[0] != a.shape[0]:
        raise arg_error(2, fname, "A,b size incompatible")
    return b


def _emit(res, like, value):
    out = res if res is not None else like._type.tensor_class()
    value = np.asarray(value)
    if value.size == 0:
        return out.set()
    out._resize(tuple(value.shape))
    np.copyto(out._np(), value, casting="unsafe")
    return out


def _as_matrix(b):
    return b.reshape(-1, 1) if b.ndim == 1 else b


@function("gesv")
def gesv(*args):
    """torch.gesv([resb, resa,] B, A): the solution X of A X = B, and the LU factors of A.

    Example: X, LU = torch.gesv(torch.Tensor({{1}, {2}}), torch.Tensor({{2, 0}, {0, 4}}))
    """
    res, (B, A), _ = _results(args, 2, 2)
    a = _square(A, "gesv", 2)
    b = _rhs(B, a, "gesv")
    lu, bad = _lu(a)
    if bad:
        raise TorchError(f"Lapack Error in gesv : U({bad},{bad}) is zero, singular U.")
    return _emit(res[0], B, np.linalg.solve(a, b)), _emit(res[1], A, lu)


def _not_positive(a):
    """The 1-based order of the first leading minor of a that is not positive definite
    (LAPACK potrf's info)."""
    for k in range(1, a.shape[0] + 1):
        try:
            np.linalg.cholesky(a[:k, :k])
        except np.linalg.LinAlgError:
            return k
    return a.shape[0]


def _lu(a):
    """LU with partial pivoting (LAPACK getrf's packed L\\U); (lu, 0 or the zero pivot)."""
    lu = a.copy()
    n = lu.shape[0]
    for k in range(n):
        p = k + int(np.argmax(np.abs(lu[k:, k])))
        if lu[p, k] == 0:
            return lu, k + 1
        if p != k:
            lu[[k, p]] = lu[[p, k]]
        lu[k + 1:, k] /= lu[k, k]
        lu[k + 1:, k + 1:] -= np.outer(lu[k + 1:, k], lu[k, k + 1:])
    return lu, 0


@function("gels")
def gels(*args):
    """torch.gels([resb, resa,] B, A): least-squares (or minimum-norm) solution of A X = B.

    For an m x n A with m >= n, the first n rows of the result hold X.
    Example: X = torch.gels(torch.Tensor({{1}, {2}, {3}}), torch.Tensor({{1, 0}, {0, 1}, {1, 1}}))
    """
    res, (B, A), _ = _results(args, 2, 2)
    a, b = _matrix(A, "gels", 2), _as_matrix(B._np().astype(np.float64))
    m, n = a.shape
    if b.shape[0] != m:
        raise arg_error(1, "gels", "size incompatible A,b")
    if m >= n:
        q, r = np.linalg.qr(a, mode="complete")
        zero = np.flatnonzero(np.diag(r[:n]) == 0)
        if zero.size:
            raise TorchError(f"Lapack Error in gels : The {int(zero[0]) + 1}-th diagonal "
                             "element of the triangular factor of A is zero")
        qtb = q.T @ b
        x = np.vstack([np.linalg.solve(r[:n], qtb[:n]), qtb[n:]])
    else:
        x = np.linalg.lstsq(a, b, rcond=None)[0]
    return _emit(res[0], B, x), _emit(res[1], A, a)


@function("trtrs")
def trtrs(*args):
    """torch.trtrs([resb, resa,] b, a [, 'U'|'L'] [, 'N'|'T'] [, 'N'|'U']): solve a
    triangular system a X = b (upper by default; 'T' transposes a; 'U' = unit diagonal).

    Example: X = torch.trtrs(torch.Tensor({{1}, {1}}), torch.Tensor({{1, 1}, {0, 1}}))
    """
    res, (B, A), opts = _results(args, 2, 2)
    uplo = opts[0] if len(opts) > 0 else "U"
    trans = opts[1] if len(opts) > 1 else "N"
    diag = opts[2] if len(opts) > 2 else "N"
    a = _square(A, "trtrs", 2)
    b = _rhs(B, a, "trtrs")
    tri = np.triu(a) if uplo == "U" else np.tril(a)
    if diag == "U":
        np.fill_diagonal(tri, 1.0)
    zero = np.flatnonzero(np.diag(tri) == 0)
    if zero.size:
        k = int(zero[0]) + 1
        raise TorchError(f"Lapack Error in trtrs : A({k},{k}) is zero, singular A")
    if trans == "T":
        tri = tri.T
    x = np.linalg.solve(tri, b)
    return _emit(res[0], B, x), _emit(res[1], A, a)


@function("inverse")
def inverse(*args):
    """torch.inverse([res,] x): the inverse of a square matrix.

    Example: torch.inverse(torch.Tensor({{2, 0}, {0, 4}}))
    """
    res, (A,), _ = _results(args, 1, 1)
    a = _square(A, "inverse")
    _, bad = _lu(a)
    if bad:
        raise TorchError(f"Lapack Error getrf : U({bad},{bad}) is 0, U is singular")
    return _emit(res[0], A, np.linalg.inv(a))


@function("potrf")
def potrf(*args):
    """torch.potrf([res,] A [, 'U'|'L']): the Cholesky factor of a positive definite A
    (upper U with A = U'U by default, or lower L with A = LL').

    Example: U = torch.potrf(torch.Tensor({{4, 2}, {2, 3}}))
    """
    res, (A,), opts = _results(args, 1, 1)
    uplo = opts[0] if opts else "U"
    a = _square(A, "potrf")
    try:
        low = np.linalg.cholesky(a)
    except np.linalg.LinAlgError:
        raise TorchError(f"Lapack Error potrf : A({_not_positive(a)},{_not_positive(a)}) "
                         "is 0, A cannot be factorized") from None
    return _emit(res[0], A, low.T if uplo == "U" else low)


@function("potrs")
def potrs(*args):
    """torch.potrs([res,] B, chol [, 'U'|'L']): solve A X = B given A's Cholesky factor.

    Example: X = torch.potrs(B, torch.potrf(A))
    """
    res, (B, C), opts = _results(args, 1, 2)
    uplo = opts[0] if opts else "U"
    c = _square(C, "potrs", 2)
    b = _rhs(B, c, "potrs")
    zero = np.flatnonzero(np.diag(c) == 0)
    if zero.size:
        k = int(zero[0]) + 1
        raise TorchError(f"Lapack Error in potrs : A({k},{k}) is zero, singular A")
    a = c.T @ c if uplo == "U" else c @ c.T
    return _emit(res[0], B, np.linalg.solve(a, b))


@function("potri")
def potri(*args):
    """torch.potri([res,] chol [, 'U'|'L']): the inverse of A given its Cholesky factor.

    Example: Ainv = torch.potri(torch.potrf(A))
    """
    res, (C,), opts = _results(args, 1, 1)
    uplo = opts[0] if opts else "U"
    c = _square(C, "potri")
    zero = np.flatnonzero(np.diag(c) == 0)
    if zero.size:
        k = int(zero[0]) + 1
        raise TorchError(f"Lapack Error potri : A({k},{k}) is 0, A cannot be factorized")
    a = c.T @ c if uplo == "U" else c @ c.T
    return _emit(res[0], C, np.linalg.inv(a))


@function("qr")
def qr(*args):
    """torch.qr([q, r,] x): the reduced QR decomposition x = Q R.

    Example: Q, R = torch.qr(torch.Tensor({{1, 2}, {3, 4}}))
    """
    res, (A,), _ = _results(args, 2, 1)
    q, r = np.linalg.qr(_matrix(A, "qr"))
    return _emit(res[0], A, q), _emit(res[1], A, r)


@function("svd")
def svd(*args):
    """torch.svd([u, s, v,] x [, 'S'|'A']): x = U diag(S) V' ('A' gives full U and V).

    Example: U, S, V = torch.svd(torch.Tensor({{1, 2}, {3, 4}}))
    """
    res, (A,), opts = _results(args, 3, 1)
    full = bool(opts) and opts[0] == "A"
    u, s, vt = np.linalg.svd(_matrix(A, "svd"), full_matrices=full)
    return _emit(res[0], A, u), _emit(res[1], A, s), _emit(res[2], A, vt.T)


@function("eig")
def eig(*args):
    """torch.eig([e, v,] x [, 'N'|'V']): eigenvalues of a general square matrix as an
    n x 2 tensor (real, imaginary parts), and the eigenvectors with 'V'.

    Example: e = torch.eig(torch.Tensor({{2, 0}, {0, 3}}))
    """
    res, (A,), opts = _results(args, 2, 1)
    vectors = bool(opts) and opts[0] == "V"
    w, v = np.linalg.eig(_square(A, "eig"))
    e = np.stack([w.real, w.imag], axis=1)
    ev = _emit(res[0], A, e)
    if vectors:
        return ev, _emit(res[1], A, v.real)
    return ev, _emit(res[1], A, np.zeros(0))


@function("symeig")
def symeig(*args):
    """torch.symeig([e, v,] x [, 'N'|'V'] [, 'U'|'L']): eigenvalues (ascending) of a
    symmetric matrix, and the eigenvectors (columns) with 'V'.

    Example: e, V = torch.symeig(torch.Tensor({{2, 1}, {1, 2}}), 'V')
    """
    res, (A,), opts = _results(args, 2, 1)
    vectors = bool(opts) and opts[0] == "V"
    uplo = opts[1] if len(opts) > 1 else "U"
    if uplo not in ("U", "L"):
        raise arg_error(3, "symeig", "'U' or 'L' expected")
    w, v = np.linalg.eigh(_square(A, "symeig"), UPLO=uplo)
    ev = _emit(res[0], A, w)
    return ev, _emit(res[1], A, v if vectors else _matrix(A, "symeig"))


for _name, _fn in (("gesv", gesv), ("gels", gels), ("trtrs", trtrs), ("inverse", inverse),
                   ("potrf", potrf), ("potrs", potrs), ("potri", potri), ("qr", qr),
                   ("svd", svd), ("eig", eig), ("symeig", symeig)):
    method(_name)(_fn)
