"""Errors the tensor core raises, worded as Torch7 worded them.

The Lua engine turns any exception's `str()` into the Lua error message (prefixed with
the calling Lua line), so the wording here is what the user reads. Python callers can
catch `TorchError` (a RuntimeError). `guard` rewords Python's own errors about a
function's arguments (wrong count or type) as Torch7's "invalid arguments" message.
"""
import os
import types

import numpy as np

# Library code: th's own files and installed packages (numpy, numba). Lua chunks have
# pseudo file names ("<lua:stdin#3>"); user code lives elsewhere.
_LIBRARY_DIRS = (
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep,
    os.path.dirname(os.path.dirname(os.path.abspath(np.__file__))) + os.sep)
_LinAlgError = np.linalg.LinAlgError


class TorchError(RuntimeError):
    """An error raised by the torch package; its message is Torch7's wording.

    Example (Python): try: torch.zeros(2)[3] except torch.TorchError as e: print(e)
    """


def arg_error(argn, fname, msg):
    """Lua's 'bad argument #n to 'f' (msg)', as luaL_argerror and THArgCheck word it."""
    return TorchError(f"bad argument #{argn} to '{fname}' ({msg})")


def lua_typename(v):
    """The name Torch7 prints for an argument in 'invalid arguments' lists."""
    tn = getattr(type(v), "__typename__", None)
    if tn is not None:
        return tn[6:] if tn.startswith("torch.") else tn
    if v is None:
        return "nil"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    # Tables first: a LuaTable is callable (its __call metamethod) but is no function.
    if type(v).__name__ == "LuaTable" or isinstance(v, (list, tuple, dict)):
        return "table"
    if callable(v):
        return "function"
    return "userdata"


def invalid_arguments(args, expected):
    """cwrap's message when no signature of a function matches its arguments.

    `expected` lists the accepted forms, e.g. "*DoubleTensor* [DoubleTensor] double".
    """
    got = " ".join(lua_typename(a) for a in args)
    return TorchError(f"invalid arguments: {got} \nexpected arguments: {expected}")


# ---- Python's own argument errors, reworded -----------------------------------------------

# What Python raises when a function gets arguments of the wrong number or type (an int
# where a tensor was expected: "'int' object has no attribute '_size'").
_PY_ERRORS = (TypeError, AttributeError, IndexError, ValueError, KeyError,
              ZeroDivisionError, OverflowError)
def _raised_here(tb):
    """True when every frame of traceback `tb` is library code: the error comes from
    the arguments, not from a callback (a Lua function passed to x:apply, whose errors
    the Lua engine words itself)."""
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(_LIBRARY_DIRS):
            return False
        tb = tb.tb_next
    return True


def signature_of(fn, fallback):
    """The Lua signature a docstring starts with ('x:fill(v)'), or fallback."""
    doc = (getattr(fn, "__doc__", None) or "").strip()
    head = doc.split("\n", 1)[0].split(": ", 1)[0].strip().rstrip(":")
    return head if head.endswith(")") and "(" in head else fallback


def torch_form(signature, name):
    """A method signature as its torch.* form: 'x:fill(v)' -> 'torch.fill(x, v)',
    'x:sum([dim])' -> 'torch.sum(x [, dim])'; other signatures are kept."""
    head, sep, rest = signature.partition(":")
    if not sep or not head.isidentifier() or not rest.endswith(")") or "(" not in rest:
        return signature
    params = rest[rest.index("(") + 1:-1].strip()
    if params.startswith("["):
        params = " [, " + params[1:].lstrip(", ")
    elif params:
        params = ", " + params
    return f"torch.{name}({head}{params})"


# Tensor classes without math (HalfTensor): torch.* functions refuse them as first argument.
NO_MATH = set()


def no_math(cls, name):
    """Torch7's dispatch error for a tensor type that lacks the function."""
    return TorchError(f"{cls.__typename__} does not implement the torch.{name}() function")


def guard(fn, signature=None, math_name=None):
    """fn, with Python's own errors about its arguments raised as Torch7's 'invalid
    arguments' message (the arguments' Lua types, then the expected signature).

    Lua code calls torch functions with whatever it has (`torch.zero(2)`, `x:fill()`);
    without this a Python message would reach the user. Costs one call frame. With
    math_name (torch.* math functions), a first argument of a type without math
    (HalfTensor) gets Torch7's "does not implement the torch.name() function".
    Example (Python): fill = guard(Tensor.fill)
    """
    expected = signature or signature_of(fn, f"{fn.__name__}(...)")

    if math_name is None:
        def guarded(*args):
            try:
                return fn(*args)
            except _PY_ERRORS as e:
                raise _reworded(e, args, expected)
    else:
        def guarded(*args):
            if args and type(args[0]) in NO_MATH:
                raise no_math(type(args[0]), math_name)
            try:
                return fn(*args)
            except _PY_ERRORS as e:
                raise _reworded(e, args, expected)
    guarded.__name__ = fn.__name__
    guarded.__qualname__ = getattr(fn, "__qualname__", fn.__name__)
    guarded.__doc__ = fn.__doc__
    guarded.__module__ = fn.__module__
    guarded.__wrapped__ = fn
    return guarded


def _reworded(e, args, expected):
    """The exception to raise for e, caught from a guarded call with these arguments."""
    if isinstance(e, _LinAlgError) or not _raised_here(e.__traceback__.tb_next):
        return e
    err = invalid_arguments(args, expected)
    err.__cause__ = e
    return err


def guard_class(cls, names=None):
    """Guard every public function defined on cls (or those named), and __init__."""
    for name, attr in list(vars(cls).items()):
        if type(attr) is not types.FunctionType or getattr(attr, "__wrapped__", None):
            continue
        if (names is None and not name.startswith("_")) or name == "__init__" or \
                (names is not None and name in names):
            default = f"{cls.__name__}(...)" if name == "__init__" else None
            doc_source = cls if name == "__init__" else attr
            setattr(cls, name, guard(attr, signature_of(doc_source, default or
                                                        f"{name}(...)")))
    return cls
