"""Errors the tensor core raises, worded as Torch7 worded them.

The Lua engine turns any exception's `str()` into the Lua error message (prefixed with
the calling Lua line), so the wording here is what the user reads. Python callers can
catch `TorchError` (a RuntimeError).
"""


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
