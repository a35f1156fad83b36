"""Builders of Python syntax nodes, for the Lua compiler (compiler.py, inline.py).

Short names, as the compiler uses them on every line: `_n("x")` loads a name, `_call(f,
args, site, line)` calls, `_walrus`, `_attr`, `_hash_get` (a table's raw string read)...
A call that can fail carries its *site* (th/lua/errors.py) as its col_offset.
"""
import ast as py

_LOAD = py.Load()
_STORE = py.Store()


def _n(name):
    return py.Name(name, _LOAD)


def _st(name):
    return py.Name(name, _STORE)


def _c(value):
    return py.Constant(value)


def _call(func, args, site=0, line=None):
    node = py.Call(_n(func) if isinstance(func, str) else func, args, [])
    if site:
        node.col_offset = site
    if line is not None:
        node.lineno = line
    return node


def _is(a, b):
    return py.Compare(a, [py.Is()], [b])


def _isnot(a, b):
    return py.Compare(a, [py.IsNot()], [b])


def _type_is(x, tname):
    return _is(_call("λtype", [x]), _n(tname))


def _and(*values):
    return py.BoolOp(py.And(), list(values))


def _ifexp(test, body, orelse):
    return py.IfExp(test, body, orelse)


def _assign(name, value):
    return py.Assign([_st(name)], value)


def _held(value, name, stmts):
    """`value` itself when it is a plain name or a constant (reading it again is free and
    has no effect); else a fixed name assigned by a statement appended to `stmts`.

    Fixed names, not fresh temps: the next store releases what they held (as Lua reuses
    its registers), so a value just stored into a weak table is not kept alive until the
    function returns. Stored values always pass through `λsv` for that reason."""
    if type(value) in (py.Name, py.Constant):
        return value
    stmts.append(_assign(name, value))
    return _n(name)


def _walrus(name, value):
    return py.NamedExpr(_st(name), value)


def _attr(value, name):
    return py.Attribute(value, name, _LOAD)


def _hash_get(table, key):
    """`table.hash.get(key)`: a raw read of a string key (None when absent)."""
    return py.Call(_attr(_attr(table, "hash"), "get"), [_c(key)], [])
