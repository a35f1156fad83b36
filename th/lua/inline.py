"""The inline fast paths the compiler emits for indexing, method calls and `#`.

`o.k`, `o[k]`, `o:m(...)`, `o.k = v`, `o[k] = v` and `#o` compile to a few Python
operations that do the common case (a table holding the key, a class's method found in
its metatable's cache, an array slot, a string) under exact type tests, and fall back to
one helper of th/lua/support.py (which does everything, metamethods included) otherwise.
`InlineAccess` is a part of the Compiler (compiler.py): its methods take Python nodes
already compiled, and whether the object is known to be a table (resolve.py), which
drops the type test.

The scratch names λx λv λm λmt λi λT hold a value only from their assignment to their use
inside one lookup; no other Lua expression is evaluated in between. Statements use the
fixed names λso λsk λsv λsa λsh (see pyast._held).
"""
import ast as py

from th.lua.pyast import (
    _LOAD, _STORE, _n, _c, _call, _is, _isnot, _type_is, _and, _ifexp, _assign, _held,
    _walrus, _attr, _hash_get,
)


class InlineAccess:
    """Emitters of inline table accesses (a mixin of compiler.Compiler)."""

    # ---- reads ----------------------------------------------------------------------

    def field_get(self, obj, table, key, site, line):
        """o.k: `λv if <o is a table holding k> else λgetfield(o, "k")` (support.getfield);
        `table`: o is known to be a table (resolve.py), so its type is not tested."""
        if table:
            o = obj if type(obj) is py.Name else _walrus("λx", obj)
            test = _isnot(_walrus("λv", _hash_get(o, key)), _c(None))
            o = obj if type(obj) is py.Name else _n("λx")
        else:
            test = _and(_type_is(_walrus("λx", obj), "λLuaTable"),
                        _isnot(_walrus("λv", _hash_get(_n("λx"), key)), _c(None)))
            o = _n("λx")
        return _ifexp(test, _n("λv"), _call("λgetfield", [o, _c(key)], site, line))

    def index_get(self, obj, table, key, site, line):
        """o[k]: `λv if <o is a table holding integer k in its array part> else
        λgetindex(o, k)` (support.getindex); o before k, as Lua evaluates them."""
        k = self.expr(key)
        tests = []
        if type(k) in (py.Name, py.Constant):
            if type(obj) is py.Name and table:
                o = obj.id
            else:
                o = "λx"
                first = _walrus(o, obj)
                tests.append(_is(first, _n(o)) if table else _type_is(first, "λLuaTable"))
        else:
            o, kt = self.temp(), self.temp()
            tests += [_is(_walrus(o, obj), _n(o)), _is(_walrus(kt, k), _n(kt))]
            if not table:
                tests.append(_type_is(_n(o), "λLuaTable"))
            k = _n(kt)
        if not self.res.integer(key):
            tests.append(_type_is(k, "λint"))
        arr_len = _call("λlen", [_walrus("λa", _attr(_n(o), "arr"))])
        if self.res.positive_int(key):
            tests.append(py.Compare(k, [py.LtE()], [arr_len]))
        else:
            tests.append(py.Compare(_c(0), [py.Lt(), py.LtE()], [k, arr_len]))
        pos = _c(k.value - 1) if type(k) is py.Constant and type(k.value) is int \
            else py.BinOp(k, py.Sub(), _c(1))
        item = py.Subscript(_n("λa"), pos, _LOAD)
        tests.append(_isnot(_walrus("λv", item), _c(None)))
        return _ifexp(_and(*tests), _n("λv"), _call("λgetindex", [_n(o), k], site, line))

    def method_get(self, obj, table, o, key, site, line):
        """The function of o:k(...), with o stored in `o`: the table's own field, its class's
        (from the method cache of its metatable, table.method_cache), or the string
        library's, inline; anything else through λgetmethod (which fills the cache)."""
        own = _isnot(_walrus("λm", _hash_get(_n(o), key)), _c(None))
        in_class = _and(_isnot(_walrus("λmt", _attr(_n(o), "metatable")), _c(None)),
                        _isnot(_walrus("λi", _attr(_n("λmt"), "mcache")), _c(None)),
                        _isnot(_walrus("λm", py.Call(_attr(_n("λi"), "get"), [_c(key)], [])),
                               _c(None)))
        if table:
            test = _and(_is(_walrus(o, obj), _n(o)), py.BoolOp(py.Or(), [own, in_class]))
            return _ifexp(test, _n("λm"), _call("λgetmethod", [_n(o), _c(key)], site, line))
        kind = _walrus("λT", _call("λtype", [_walrus(o, obj)]))
        table = _and(_is(kind, _n("λLuaTable")), py.BoolOp(py.Or(), [own, in_class]))
        string = _and(_is(_n("λT"), _n("λstr")),
                      _isnot(_walrus("λi", _attr(_n("λSM"), "mcache")), _c(None)),
                      _isnot(_walrus("λm", py.Call(_attr(_n("λi"), "get"), [_c(key)], [])),
                             _c(None)))
        return _ifexp(py.BoolOp(py.Or(), [table, string]), _n("λm"),
                      _call("λgetmethod", [_n(o), _c(key)], site, line))

    def length(self, obj, table, site, line):
        """#x: len() of a string or of a plain table's array part inline, else λlength."""
        if table:
            plain = _is(_attr(_walrus("λx", obj), "metatable"), _c(None))
            return _ifexp(plain, _call("λlen", [_attr(_n("λx"), "arr")]),
                          _call("λlength", [_n("λx")], site, line))
        kind = _walrus("λT", _call("λtype", [_walrus("λx", obj)]))
        plain = _and(_is(_n("λT"), _n("λLuaTable")), _is(_attr(_n("λx"), "metatable"), _c(None)))
        return _ifexp(_is(kind, _n("λstr")), _call("λlen", [_n("λx")]),
                      _ifexp(plain, _call("λlen", [_attr(_n("λx"), "arr")]),
                             _call("λlength", [_n("λx")], site, line)))

    # ---- writes ---------------------------------------------------------------------

    def index_set(self, obj, table, key, value_of, never_nil, site):
        """o[k] = v: append to, or overwrite inside, a table's array part inline (integer k,
        v not nil; an append only to a table with no hash part or metatable), else
        λsetindex (support.setindex)."""
        stmts = []
        o, k = _held(obj, "λso", stmts), _held(self.expr(key), "λsk", stmts)
        v, a = _n("λsv"), _n("λsa")
        stmts.append(_assign("λsv", value_of()))    # always: see _held
        slow = [py.Expr(_call("λsetindex", [o, k, v], site))]
        size = _call("λlen", [a])
        append = _and(py.Compare(k, [py.Eq()], [py.BinOp(size, py.Add(), _c(1))]),
                      py.UnaryOp(py.Not(), _attr(o, "hash")), _is(_attr(o, "metatable"), _c(None)))
        slot = py.Subscript(a, py.BinOp(k, py.Sub(), _c(1)), _LOAD)
        inside = _and(py.Compare(_c(0), [py.Lt(), py.LtE()], [k, size]), _isnot(slot, _c(None)))
        store = py.Assign([py.Subscript(a, py.BinOp(k, py.Sub(), _c(1)), _STORE)], v)
        push = py.Expr(py.Call(_attr(a, "append"), [v], []))
        fast = [_assign("λsa", _attr(o, "arr")),
                py.If(append, [push], [py.If(inside, [store], slow)])]
        tests = [] if table else [_type_is(o, "λLuaTable")]
        if not self.res.integer(key):
            tests.append(_type_is(k, "λint"))
        if not never_nil:
            tests.append(_isnot(v, _c(None)))
        if not tests:
            return stmts + fast
        return stmts + [py.If(_and(*tests) if len(tests) > 1 else tests[0], fast, slow)]

    def field_set(self, obj, table, key, value_of, never_nil, site):
        """o.k = v: a direct store when o is a table already holding k (no metamethod can
        apply then) and v is not nil; else λsetfield (support.setfield)."""
        stmts = []
        o, v = _held(obj, "λso", stmts), _n("λsv")
        stmts.append(_assign("λsv", value_of()))    # always: see _held
        tests = [] if table else [_type_is(o, "λLuaTable")]
        if not never_nil:
            tests.append(_isnot(v, _c(None)))
        tests.append(py.Compare(_c(key), [py.In()], [_walrus("λsh", _attr(o, "hash"))]))
        store = py.Assign([py.Subscript(_n("λsh"), _c(key), _STORE)], v)
        slow = py.Expr(_call("λsetfield", [o, _c(key), v], site))
        return stmts + [py.If(_and(*tests) if len(tests) > 1 else tests[0], [store], [slow])]
