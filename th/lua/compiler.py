"""Lua syntax tree -> Python syntax tree -> code object.

A chunk becomes `def λmain(*λva): ...`; every Lua function becomes a Python `def`; Lua
locals become Python locals (see th/lua/resolve.py for the exceptions). Generated code
refers to runtime helpers by names starting with `λ` (Lua names are ASCII, so they can
never clash); `HELPERS` lists them, bound once per chunk in its Python globals.

Positions: every Python node gets the Lua line as `lineno`. Operations that can fail get
a *site* number as `col_offset`, indexing the chunk's site table (th/lua/errors.py), so
an error can name the variable involved, as Lua's messages do.

Fast paths are emitted inline under exact type tests: `a + b` becomes
`(a + b if type(a) is type(b) is int else λadd(a, b))`, and plain `a + b` when both
operands are known to be numbers (resolve.py's `numeric` inference).

The compiler is one `compile_<Class>` method per Lua node class (the dispatch); the
inline shapes of table accesses and method calls are in inline.py, the goto plan in
gotos.py, the Python node builders in pyast.py.

Developers: `python -m th.lua.compiler file.lua` prints the Python of a chunk.
"""
import ast as py
import sys
import warnings

from th.lua import ast as A
from th.lua import errors
from th.lua.gotos import plan_gotos
from th.lua.inline import InlineAccess
from th.lua.parser import parse
from th.lua.pyast import (
    _LOAD, _STORE, _n, _st, _c, _call, _is, _isnot, _type_is, _and, _ifexp, _assign,
    _walrus, _attr,
)
from th.lua.resolve import resolve
from th.lua.support import HELPERS, register_fast_iter  # noqa: F401 (re-exported)

_PY_BINOP = {"+": py.Add, "-": py.Sub, "*": py.Mult, "/": py.Div, "%": py.Mod}
_HELPER_OF = {"+": "λadd", "-": "λsub", "*": "λmul", "/": "λdiv", "%": "λmod", "^": "λpow"}
_PY_CMP = {"<": py.Lt, "<=": py.LtE, ">": py.Gt, ">=": py.GtE}
_CMP_HELPER = {"<": "λlt", "<=": "λle", ">": "λgt", ">=": "λge"}

errors.internal_module(__file__)


# ---- the compiler ------------------------------------------------------------------------


class _FuncState:
    def __init__(self, info, parent, env):
        self.info = info
        self.parent = parent
        self.env = env          # the chunk global naming this function's environment
        self.temps = 0
        self.py_loops = []      # enclosing Python loops: None (a Lua loop) or a _Region


class _Region:
    """A dispatch loop made for labels (gotos.py): a Python loop Lua knows nothing of, so
    a Lua `break` inside it sets `flag` and leaves it, and is repeated after it."""

    def __init__(self, flag):
        self.flag = flag
        self.used = False


class Compiler(InlineAccess):
    """Compiles one resolved chunk; one `compile_<Class>` method per Lua node class."""

    def __init__(self, chunk, res, gotos):
        self.chunk = chunk          # errors.Chunk (site table, names)
        self.res = res              # resolve.Resolution
        self.gotos = gotos          # gotos.GotoPlan
        self.pre = []
        self.fs = None
        self.tmp_counter = 0
        self.fn_counter = 0
        self.dispatch = {cls: getattr(self, "compile_" + cls.__name__) for cls in A.ALL_NODES}

    # ---- sites and positions ----------------------------------------------------------

    def site(self, kind, *names):
        self.chunk.sites.append((kind, names))
        return len(self.chunk.sites) - 1

    def describe(self, e):
        """Lua's name for an expression in messages: "local 'x'", "field 'k'", or None."""
        t = type(e)
        if t is A.Name:
            var = self.res.refs.get(id(e))
            if var is None:
                return f"global '{e.name}'"
            if var.kind == "scope" or var.func is self.fs.info:
                return f"local '{e.name}'"
            return f"upvalue '{e.name}'"
        if t is A.Index and type(e.key) is A.String:
            return f"field '{e.key.value}'"
        if t is A.MethodCall:
            return f"method '{e.method}'"
        return None

    def temp(self):
        self.tmp_counter += 1
        return f"λt{self.tmp_counter}"

    # ---- entry -------------------------------------------------------------------------

    def compile_module(self, node):
        body = self.function_body(node, [], True, "λmain")
        mod = py.Module([body], [])
        _fill_positions(mod, 1)
        return mod

    def compile(self, node):
        return self.dispatch[type(node)](node)

    def block(self, block):
        """The statements of a block; with labels that gotos reach by raising, wrapped in
        try statements or a dispatch loop (see th/lua/gotos.py)."""
        kind = self.gotos.block_kind(block)
        if kind == "plain":
            return [st for s in block.stmts for st in self.statement(s)]
        if kind == "tries":
            return self.tries_block(block.stmts)
        return self.dispatch_block(block.stmts)

    def statement(self, s):
        saved = self.pre
        self.pre = []
        out = self.compile(s)
        line = s.line
        result = self.pre + out
        self.pre = saved
        for node in result:
            _fill_positions(node, line)
        return result

    # ---- functions ----------------------------------------------------------------------

    def function_body(self, node, params, is_vararg, pyname):
        info = self.res.funcs[id(node)]
        self.fs = _FuncState(info, self.fs, env_name(pyname))
        self.chunk.env_names.append(self.fs.env)
        decls = self.res.decls.get(id(node), [])
        pyparams = [var.pyname for var in decls]
        args = py.arguments(
            posonlyargs=[], args=[py.arg(p) for p in pyparams],
            vararg=py.arg("λva" if is_vararg else "λ_"),
            kwonlyargs=[py.arg(p) for p in info.box_params],
            kw_defaults=[_n(p) for p in info.box_params],
            kwarg=None, defaults=[_c(None)] * len(pyparams))
        body = []
        if info.nonlocals:
            body.append(py.Nonlocal(sorted(info.nonlocals)))
        for var in decls:
            if var.kind == "box":
                body.append(_assign(var.pyname, py.List([_n(var.pyname)], _LOAD)))
        stmts = node.body if type(node) is A.Chunk else node.body
        body.extend(self.block(stmts))
        end_line = getattr(node, "end_line", None)
        if not body or not isinstance(body[-1], py.Return):
            body.append(py.Return(py.Tuple([], _LOAD)))
            if end_line:        # Lua returns at the `end` (line hooks see it)
                _fill_positions(body[-1], end_line)
        self.fs = self.fs.parent
        fdef = py.FunctionDef(pyname, args, body, [], None)
        fdef.lineno = node.line or 1
        if end_line:
            self.chunk.function_ends[(pyname, fdef.lineno)] = end_line
        return fdef

    def compile_FunctionExpr(self, e):
        """function(params) body end -> a hoisted `def λfN(...)`, used by name."""
        self.fn_counter += 1
        name = _py_function_name(e.name, self.fn_counter)
        fdef = self.function_body(e, e.params, e.is_vararg, name)
        fdef.lineno = e.line
        _fill_positions(fdef, e.line)
        self.pre.append(fdef)
        return _n(name)

    # ---- variables ----------------------------------------------------------------------

    def var_load(self, var):
        if var.kind == "box":
            return py.Subscript(_n(var.pyname), _c(0), _LOAD)
        if var.kind == "scope":
            return py.Subscript(_n("λS"), _c(var.name), _LOAD)
        return _n(var.pyname)

    def var_store(self, var, value):
        if var.kind == "box":
            return py.Assign([py.Subscript(_n(var.pyname), _c(0), _STORE)], value)
        if var.kind == "scope":
            return py.Assign([py.Subscript(_n("λS"), _c(var.name), _STORE)], value)
        return _assign(var.pyname, value)

    def var_declare(self, var, value):
        if var.kind == "box":
            return _assign(var.pyname, py.List([value], _LOAD))
        return self.var_store(var, value)

    def compile_Name(self, e):
        """a name -> a Python local, a box element, or λG["name"] for a global (λG: the
        function's environment, see env_name)."""
        var = self.res.refs.get(id(e))
        if var is None:
            return py.Subscript(_n(self.fs.env), _c(e.name), _LOAD)
        return self.var_load(var)

    def store(self, target, value):
        """The statement assigning Python expr `value` to a Lua Name target."""
        var = self.res.refs.get(id(target))
        if var is None:
            return py.Expr(_call("λsetglobal", [_n(self.fs.env), _c(target.name), value]))
        return self.var_store(var, value)

    # ---- statements ----------------------------------------------------------------------

    def compile_Chunk(self, s):
        """chunk -> def λmain(*λva): ..."""
        return [self.function_body(s, [], True, "λmain")]

    def compile_Block(self, s):
        """a block -> its statements (scopes are resolved already)."""
        return self.block(s)

    def compile_Do(self, s):
        """do ... end -> the statements, inline."""
        return self.block(s.body) or [py.Pass()]

    def compile_Local(self, s):
        """local a, b = e1, e2 -> a = e1; b = e2 (the new names are not visible yet)."""
        vars_ = self.res.decls[id(s)]
        exprs = s.exprs
        expands = exprs and _is_multi(exprs[-1]) and len(exprs) < len(vars_)
        if not expands and len(exprs) <= len(vars_):
            out = [self.var_declare(v, self.expr(x)) for v, x in zip(vars_, exprs)]
            return out + [self.var_declare(v, _c(None)) for v in vars_[len(exprs):]]
        stmts, values = self.adjusted(exprs, len(vars_))
        return stmts + [self.var_declare(v, val) for v, val in zip(vars_, values)]

    def adjusted(self, exprs, n):
        """(statements, n value exprs): exprs evaluated in order, adjusted to n values."""
        stmts = []
        if exprs and _is_multi(exprs[-1]) and len(exprs) < n:
            tv = self.temp()
            items = [self.expr(x) for x in exprs[:-1]]
            items.append(py.Starred(self.multi(exprs[-1]), _LOAD))
            stmts.append(_assign(tv, _call("λadjust", [py.Tuple(items, _LOAD), _c(n)])))
            return stmts, [py.Subscript(_n(tv), _c(i), _LOAD) for i in range(n)]
        values = []
        for i, x in enumerate(exprs):
            if i < n:
                tv = self.temp()
                stmts.append(_assign(tv, self.expr(x)))
                values.append(_n(tv))
            else:
                stmts.append(py.Expr(self.expr(x)))
        values.extend(_c(None) for _ in range(n - len(values)))
        return stmts, values

    def compile_Assign(self, s):
        """v1, v2 = e1, e2 -> targets' table/key first, then values, then stores right to left."""
        if len(s.targets) == 1 and len(s.exprs) == 1:
            return self.assign_one(s.targets[0], lambda: self.expr(s.exprs[0]), s.exprs[0])
        stmts = []
        prepared = []
        for t in s.targets:
            if type(t) is A.Index:
                to, tk = self.temp(), self.temp()
                stmts.append(_assign(to, self.expr(t.obj)))
                stmts.append(_assign(tk, self.expr(t.key)))
                prepared.append((t, to, tk))
            else:
                prepared.append((t, None, None))
        vstmts, values = self.adjusted(s.exprs, len(s.targets))
        stmts.extend(vstmts)
        for (t, to, tk), value in reversed(list(zip(prepared, values))):
            if to is None:
                stmts.append(self.store(t, value))
            else:
                site = self.site("index", self.describe(t.obj))
                stmts.append(py.Expr(_call("λnewindex", [_n(to), _n(tk), value], site)))
        return stmts

    def assign_one(self, target, value_of, value=None):
        """Statements for `target = value`; `value_of()` compiles the value when Lua
        evaluates it (after the target's table and key); `value` is its Lua node, if any."""
        if type(target) is A.Name:
            return [self.store(target, value_of())]
        site = self.site("index", self.describe(target.obj))
        obj = self.expr(target.obj)
        never_nil = value is not None and (type(value) in (A.FunctionExpr, A.Table, A.String)
                                           or self.is_numeric(value))
        table = self.res.table(target.obj)
        if type(target.key) is not A.String:
            return self.index_set(obj, table, target.key, value_of, never_nil, site)
        key = target.key.value
        if key.startswith("__"):
            # metatable fields (__index, ...) are rare writes: keep them in one place
            return [py.Expr(_call("λsetfield", [obj, _c(key), value_of()], site))]
        return self.field_set(obj, table, key, value_of, never_nil, site)

    def compile_CallStat(self, s):
        """f(args) as a statement -> the call, its results dropped."""
        return [py.Expr(self.call(s.call))]

    def compile_While(self, s):
        """while c do b end -> while <c is true>: b"""
        body = self.loop_body(s.body)
        return [py.While(self.cond(s.cond), body, [])]

    def compile_Repeat(self, s):
        """repeat b until c -> while True: b; if <c>: break"""
        body = self.loop_body(s.body)
        saved = self.pre
        self.pre = []
        test = self.cond(s.cond)
        body.extend(self.pre)
        self.pre = saved
        body.append(py.If(test, [py.Break()], []))
        return [py.While(_c(True), body, [])]

    def loop_body(self, block):
        self.fs.py_loops.append(None)
        body = self.block(block) or [py.Pass()]
        self.fs.py_loops.pop()
        return body

    def compile_If(self, s):
        """if/elseif/else -> if/elif/else on Lua truth."""
        orelse = self.block(s.orelse) if s.orelse is not None else []
        for cond, body in reversed(s.tests):
            saved = self.pre
            self.pre = []
            test = self.cond(cond)
            pre = self.pre
            self.pre = saved
            node = py.If(test, self.block(body) or [py.Pass()], orelse)
            _fill_positions(node, cond.line)
            orelse = pre + [node]
        return orelse

    def compile_NumericFor(self, s):
        """for v = a, b, c -> for v in range(...) (or λfor_range for the general case)."""
        var = self.res.decls[id(s)][0]
        start, stop = s.start, s.stop
        step = s.step.value if type(s.step) is A.Number else (1 if s.step is None else None)
        site = self.site("for")
        if (type(start) is A.Number and type(start.value) is int and type(step) is int
                and step != 0 and type(stop) is A.Number and type(stop.value) is int):
            end = stop.value + (1 if step > 0 else -1)
            iterable = _call("λrange", [_c(start.value), _c(end), _c(step)])
        else:
            step_expr = self.expr(s.step) if s.step is not None else _c(1)
            iterable = _call("λfor_range", [self.expr(start), self.expr(stop), step_expr], site)
        body = self.loop_body(s.body)
        if var.kind == "box":
            loopvar = self.temp()
            body.insert(0, _assign(var.pyname, py.List([_n(loopvar)], _LOAD)))
        else:
            loopvar = var.pyname
        return [py.For(_st(loopvar), iterable, body, [])]

    def compile_GenericFor(self, s):
        """for a, b in f, s, c -> for a, b in λforin(2, f, s, c)"""
        vars_ = self.res.decls[id(s)]
        args = [_c(len(vars_))] + self.arglist(s.exprs)
        site = self.site("call", "for iterator")
        iterable = _call("λforin", args, site)
        body = self.loop_body(s.body)
        targets = []
        for var in vars_:
            if var.kind == "box":
                t = self.temp()
                body.insert(0, _assign(var.pyname, py.List([_n(t)], _LOAD)))
                targets.append(_st(t))
            else:
                targets.append(_st(var.pyname))
        target = targets[0] if len(targets) == 1 else py.Tuple(targets, _STORE)
        loop = py.For(target, iterable, body, [])
        loop.col_offset = site      # each step calls the iterator (errors name it)
        return [loop]

    def compile_Function(self, s):
        """function a.b:c() end -> an assignment of the function to a.b.c."""
        return self.assign_one(s.target, lambda: self.compile(s.func), s.func)

    def compile_LocalFunction(self, s):
        """local function f() end -> def f(...) (f visible inside itself)."""
        var = self.res.decls[id(s)][0]
        if var.kind == "local":
            fdef = self.function_body(s.func, s.func.params, s.func.is_vararg, var.pyname)
            return [fdef]
        stmts = [self.var_declare(var, _c(None))]
        func = self.compile(s.func)
        stmts.extend(self.pre)
        self.pre = []
        stmts.append(self.var_store(var, func))
        return stmts

    def compile_Return(self, s):
        """return e1, e2 -> return a value, a tuple, or () for none."""
        exprs = s.exprs
        if not exprs:
            return [py.Return(py.Tuple([], _LOAD))]
        if len(exprs) == 1:
            e = exprs[0]
            if type(e) in (A.Call, A.MethodCall):
                return [py.Return(self.call(e))]    # tail call: its results pass through
            if type(e) is A.Vararg:
                return [py.Return(_call("λpack", [_n("λva")]))]
            return [py.Return(self.expr(e))]
        items = self.arglist(exprs)
        tup = py.Tuple(items, _LOAD)
        if isinstance(items[-1], py.Starred):
            return [py.Return(_call("λpack", [tup]))]
        return [py.Return(tup)]

    def compile_Break(self, s):
        """break -> break (or, inside a dispatch loop, a flag and break)"""
        return self.break_stmts()

    def break_stmts(self):
        region = self.fs.py_loops[-1]
        if region is None:
            return [py.Break()]
        region.used = True
        return [_assign(region.flag, _c(True)), py.Break()]

    def compile_Goto(self, s):
        """goto L -> continue (L ends the loop body it is in) or raise λGoto(id of L)"""
        if id(s) in self.gotos.continues:
            return [py.Continue()]
        label = self.gotos.target[id(s)]
        return [py.Raise(_call("λGoto", [_c(self.gotos.label_id[id(label)])]), None)]

    def compile_Label(self, s):
        """::L:: -> nothing (its block catches the gotos that reach it)"""
        return []

    # ---- goto support ----------------------------------------------------------------------

    def tries_block(self, stmts):
        """Labels reached only from above: `try: <before L> except λGoto(L): pass`, then
        what follows L, nested once per label."""
        out = []
        for s in stmts:
            if type(s) is A.Label and id(s) in self.gotos.region_labels and out:
                handler = self.goto_handler([s], lambda n: [py.Pass()])
                out = [py.Try(out, [handler], [], [])]
            else:
                out.extend(self.statement(s))
        return out

    def dispatch_block(self, stmts):
        """Labels reached from below: a loop re-entering the block at segment n (the
        statements after the n-th label) when a goto reaches that label:

            λg = 0
            while True:
                try:
                    if λg <= 0: <segment 0>
                    if λg <= 1: <segment 1>
                    break
                except λGoto as e: λg = <the segment of e's label> (else re-raise)
        """
        seg, region = self.temp(), _Region(self.temp())
        self.fs.py_loops.append(region)
        segments, labels = [[]], []
        for s in stmts:
            if type(s) is A.Label and id(s) in self.gotos.region_labels:
                labels.append(s)
                segments.append([])
            else:
                segments[-1].extend(self.statement(s))
        self.fs.py_loops.pop()
        body = [py.If(py.Compare(_n(seg), [py.LtE()], [_c(n)]), code, [])
                for n, code in enumerate(segments) if code]
        body.append(py.Break())
        handler = self.goto_handler(labels, lambda n: [_assign(seg, _c(n + 1))])
        out = [_assign(seg, _c(0))]
        if region.used:
            out.append(_assign(region.flag, _c(False)))
        out.append(py.While(_c(True), [py.Try(body, [handler], [], [])], []))
        if region.used:
            out.append(py.If(_n(region.flag), self.break_stmts(), []))
        return out

    def goto_handler(self, labels, on_label):
        """`except λGoto as e:` running on_label(n) for the n-th of labels, else re-raising."""
        exc = self.temp()
        orelse = [py.Raise(None, None)]
        for n in reversed(range(len(labels))):
            label_id = self.gotos.label_id[id(labels[n])]
            test = py.Compare(py.Subscript(_attr(_n(exc), "args"), _c(0), _LOAD),
                              [py.Eq()], [_c(label_id)])
            orelse = [py.If(test, on_label(n), orelse)]
        return py.ExceptHandler(_n("λGoto"), exc, orelse)

    # ---- expressions --------------------------------------------------------------------

    def expr(self, e):
        """A Python expression for the first value of Lua expression e."""
        t = type(e)
        if t is A.Call or t is A.MethodCall:
            r = self.temp()
            call = self.call(e)
            return _ifexp(_isnot(_call("λtype", [py.NamedExpr(_st(r), call)]), _n("λtuple")),
                          _n(r), _call("λfirst", [_n(r)]))
        if t is A.Vararg:
            return _ifexp(_n("λva"), py.Subscript(_n("λva"), _c(0), _LOAD), _c(None))
        node = self.dispatch[t](e)
        node.lineno = e.line
        return node

    def multi(self, e):
        """A Python expression for all values of e, as a tuple."""
        t = type(e)
        if t is A.Vararg:
            return _n("λva")
        if t is A.Call or t is A.MethodCall:
            return _call("λmv", [self.call(e)])
        return py.Tuple([self.expr(e)], _LOAD)

    def arglist(self, exprs):
        """Python call arguments for a Lua expression list (the last one expanded)."""
        if not exprs:
            return []
        args = [self.expr(e) for e in exprs[:-1]]
        last = exprs[-1]
        if _is_multi(last):
            args.append(py.Starred(self.multi(last), _LOAD))
        else:
            args.append(self.expr(last))
        return args

    def cond(self, e):
        """A Python expression whose Python truth is e's Lua truth."""
        t = type(e)
        if t is A.And:
            return _and(self.cond(e.left), self.cond(e.right))
        if t is A.Or:
            return py.BoolOp(py.Or(), [self.cond(e.left), self.cond(e.right)])
        if t is A.UnOp and e.op == "not":
            return py.UnaryOp(py.Not(), self.cond(e.operand))
        if t is A.BinOp and e.op in ("==", "~=", "<", "<=", ">", ">="):
            return self.expr(e)
        if t is A.TrueExpr:
            return _c(True)
        if t is A.FalseExpr or t is A.Nil:
            return _c(False)
        if t is A.Paren:
            return self.cond(e.expr)
        v = self.expr(e)
        if type(v) is py.Name:
            return _and(_isnot(v, _c(None)), _isnot(v, _c(False)))
        r = self.temp()
        return _and(_isnot(py.NamedExpr(_st(r), v), _c(None)), _isnot(_n(r), _c(False)))

    def compile_Nil(self, e):
        """nil -> None"""
        return _c(None)

    def compile_TrueExpr(self, e):
        """true -> True"""
        return _c(True)

    def compile_FalseExpr(self, e):
        """false -> False"""
        return _c(False)

    def compile_Number(self, e):
        """a numeral -> an int or float constant"""
        v = e.value
        if type(v) is float and v != v:
            return _call("λfloat", [_c("nan")])
        return _c(v)

    def compile_String(self, e):
        """a string literal -> a str constant"""
        return _c(e.value)

    def compile_Vararg(self, e):
        """... -> λva[0] (first value) or *λva in lists"""
        return self.expr(e)

    def compile_Paren(self, e):
        """(e) -> e truncated to one value"""
        return self.expr(e.expr)

    def compile_Table(self, e):
        """{...} -> λLuaTable(list) or λmktable(list, (k1, v1, ...))"""
        positional = [v for k, v in e.fields if k is None]
        keyed = [(k, v) for k, v in e.fields if k is not None]
        arr = []
        if positional:
            arr = [self.expr(v) for v in positional[:-1]]
            last = positional[-1]
            if _is_multi(last) and e.fields[-1][0] is None:
                arr.append(py.Starred(self.multi(last), _LOAD))
            else:
                arr.append(self.expr(last))
        if not keyed:
            if not arr:
                return _call("λLuaTable", [])
            if any(type(v) in (A.Nil,) for v in positional) or isinstance(arr[-1], py.Starred):
                return _call(py.Attribute(_n("λLuaTable"), "from_list", _LOAD), [py.List(arr, _LOAD)])
            return _call("λLuaTable", [py.List(arr, _LOAD)])
        kv = []
        for k, v in keyed:
            kv.append(self.expr(k))
            kv.append(self.expr(v))
        site = self.site("table")
        return _call("λmktable", [py.List(arr, _LOAD), py.Tuple(kv, _LOAD)], site)

    def compile_Index(self, e):
        """o.k -> an inline own-field read, else λgetfield(o, "k"); o[k] -> λgetindex(o, k)"""
        site = self.site("index", self.describe(e.obj))
        obj = self.expr(e.obj)
        table = self.res.table(e.obj)
        if type(e.key) is A.String:
            return self.field_get(obj, table, e.key.value, site, e.line)
        return self.index_get(obj, table, e.key, site, e.line)

    def compile_Call(self, e):
        return self.expr(e)

    def compile_MethodCall(self, e):
        return self.expr(e)

    def call(self, e):
        """A Python call returning the raw results (value, tuple or ())."""
        if type(e) is A.MethodCall:
            o = self.temp()
            isite = self.site("index", self.describe(e.obj))
            func = self.method_get(self.expr(e.obj), self.res.table(e.obj), o, e.method,
                                   isite, e.line)
            site = self.site("call", self.describe(e))
            first = [_n(o)]
        else:
            site = self.site("call", self.describe(e.func))
            func = self.expr(e.func)
            first = []
        args = e.args
        if args and type(args[-1]) in (A.Call, A.MethodCall):
            return self.call_expanding(func, first, args, site, e.line)
        return _call(func, first + self.arglist(args), site, e.line)

    def call_expanding(self, func, first, args, site, line):
        """f(a, g()): g's results are expanded, but without a tuple when it returns one value:
        `f(a, *r) if type(r := g()) is tuple else f(a, r)`, f and a evaluated first."""
        f = self.temp()
        held = [_is(_walrus(f, func), _n(f))]
        values = []
        for x in args[:-1]:
            t = self.temp()
            held.append(_is(_walrus(t, self.expr(x)), _n(t)))
            values.append(_n(t))
        r = self.temp()
        test = _and(*held, _is(_call("λtype", [_walrus(r, self.call(args[-1]))]), _n("λtuple")))
        many = _call(_n(f), first + values + [py.Starred(_n(r), _LOAD)], site, line)
        one = _call(_n(f), first + values + [_n(r)], site, line)
        return _ifexp(test, many, one)

    def compile_And(self, e):
        """a and b -> (b if <a true> else a), a evaluated once"""
        r = self.temp()
        left = self.expr(e.left)
        test = _and(_isnot(py.NamedExpr(_st(r), left), _c(None)), _isnot(_n(r), _c(False)))
        return _ifexp(test, self.expr(e.right), _n(r))

    def compile_Or(self, e):
        """a or b -> (a if <a true> else b), a evaluated once"""
        r = self.temp()
        left = self.expr(e.left)
        test = _and(_isnot(py.NamedExpr(_st(r), left), _c(None)), _isnot(_n(r), _c(False)))
        return _ifexp(test, _n(r), self.expr(e.right))

    def compile_UnOp(self, e):
        """-a, not a, #a"""
        if e.op == "not":
            return py.UnaryOp(py.Not(), self.cond(e.operand))
        operand = self.expr(e.operand)
        if e.op == "-":
            site = self.site("arith", self.describe(e.operand))
            return _call("λunm", [operand], site, e.line)
        site = self.site("length", self.describe(e.operand))
        return self.length(operand, self.res.table(e.operand), site, e.line)

    def is_numeric(self, e):
        return self.res.numeric(e)

    def compile_BinOp(self, e):
        """Arithmetic, comparison, equality and concatenation (fast paths inline)."""
        op = e.op
        if op == "..":
            return self.concat(e)
        if op in ("==", "~="):
            node = self.equality(e)
            return py.UnaryOp(py.Not(), node) if op == "~=" else node
        if op in _PY_CMP:
            return self.comparison(e)
        return self.arithmetic(e)

    def _guarded(self, e, fast, helper, site):
        """`fast(a, b) if <a, b are ints> else helper(a, b)`, each operand evaluated once,
        left before right. Operands known to be numbers need no test."""
        refs, tests = [], []
        for lua, other in ((e.left, e.right), (e.right, e.left)):
            val = self.expr(lua)
            if self.is_numeric(lua):
                refs.append(val)
                continue
            if type(val) in (py.Name, py.Constant):
                ref = first_use = val
            else:
                t = self.temp()
                ref, first_use = _n(t), py.NamedExpr(_st(t), val)
            float_other = type(other) is A.Number and type(other.value) is float
            tests.append(_type_is(first_use, "λfloat" if float_other else "λint"))
            refs.append(ref)
        a, b = refs
        if not tests:
            return fast(a, b)
        if len(tests) == 1:
            test = tests[0]
        elif tests[0].comparators[0].id == tests[1].comparators[0].id:
            # type(a) is type(b) is int: b is evaluated even when a's type is not int
            test = py.Compare(tests[0].left, [py.Is(), py.Is()],
                              [tests[1].left, tests[0].comparators[0]])
        elif type(tests[1].left.args[0]) is py.NamedExpr:
            # b must be evaluated even when a's test fails: `&` does not short-circuit.
            test = py.BinOp(tests[0], py.BitAnd(), tests[1])
        else:
            test = _and(*tests)
        return _ifexp(test, fast(a, b), _call(helper, [a, b], site, e.line))

    def arithmetic(self, e):
        op = e.op
        site = self.site("arith", self.describe(e.left), self.describe(e.right))
        helper = _HELPER_OF[op]
        if op == "^":
            return _call(helper, [self.expr(e.left), self.expr(e.right)], site, e.line)
        both_numeric = self.is_numeric(e.left) and self.is_numeric(e.right)
        if op in ("/", "%"):
            r = e.right
            if both_numeric and type(r) is A.Number and r.value != 0 and (
                    op == "/" or type(r.value) is int):
                return py.BinOp(self.expr(e.left), _PY_BINOP[op](), self.expr(e.right))
            return _call(helper, [self.expr(e.left), self.expr(e.right)], site, e.line)
        pyop = _PY_BINOP[op]
        if op == "*" and self.res.magnitude(e.left) * self.res.magnitude(e.right) > 2 ** 53:
            return self._guarded(e, lambda a, b: _exact_or_float(py.BinOp(a, pyop(), b)),
                                 helper, site)
        return self._guarded(e, lambda a, b: py.BinOp(a, pyop(), b), helper, site)

    def comparison(self, e):
        op = e.op
        site = self.site("compare")
        pyop = _PY_CMP[op]
        return self._guarded(e, lambda a, b: py.Compare(a, [pyop()], [b]), _CMP_HELPER[op], site)

    def equality(self, e):
        """a == b: `is` for nil/true/false, inline tests for strings and numbers, else λeq."""
        left, right = e.left, e.right
        for const, other in ((right, left), (left, right)):
            t = type(const)
            if t is A.Nil:
                return _is(self.expr(other), _c(None))
            if t is A.TrueExpr or t is A.FalseExpr:
                return _is(self.expr(other), _c(t is A.TrueExpr))
        if self.is_numeric(left) and self.is_numeric(right):
            return py.Compare(self.expr(left), [py.Eq()], [self.expr(right)])
        for const, other in ((right, left), (left, right)):
            t = type(const)
            if t is A.String or t is A.Number:
                tmp = self.temp()
                kind = _call("λtype", [py.NamedExpr(_st(tmp), self.expr(other))])
                if t is A.String:
                    test = _is(kind, _n("λstr"))
                else:
                    test = py.Compare(kind, [py.In()], [_n("λNUMT")])
                return _and(test, py.Compare(_n(tmp), [py.Eq()], [self.expr(const)]))
        return _call("λeq", [self.expr(left), self.expr(right)], self.site("eq"), e.line)

    def concat(self, e):
        parts = []
        node = e
        while type(node) is A.BinOp and node.op == "..":
            parts.append(node.left)
            node = node.right
        parts.append(node)
        names = [self.describe(p) for p in parts]
        site = self.site("concat", *names)
        args = [self.expr(p) for p in parts]
        if len(args) == 2:
            return _call("λconcat", args, site, e.line)
        return _call("λconcatn", args, site, e.line)


# ---- helpers ------------------------------------------------------------------------------


def env_name(pyname):
    """The chunk global holding a function's environment (the hash of its globals table).

    Each function of a chunk reads its globals through a name of its own, all bound to
    the same table at load time, so that setfenv can give one function (and the
    functions it creates from then on) another environment at no cost to global access:
    see th/lua/lib/base.py's setfenv. Names start with "λG" ("λG" for the main chunk)."""
    return "λG" if pyname == "λmain" else "λG_" + pyname



def _is_multi(e):
    return type(e) in (A.Call, A.MethodCall, A.Vararg)


_EXACT = 2 ** 53


def _exact_or_float(product):
    """A product as Lua's doubles give it: an int beyond 2^53 is rounded to a float.

    Lua numbers are doubles, so `(x * 1103515245 + 12345) % 2^31` follows Lua only if the
    product is rounded as a double would be. Sums are not checked: reaching 2^53 by
    additions alone takes operands near 2^52, and the test would slow every loop."""
    r = _walrus("λr", product)
    in_range = py.Compare(_c(-_EXACT), [py.LtE(), py.LtE()], [r, _c(_EXACT)])
    return _ifexp(in_range, _n("λr"), _call("λfloat", [_n("λr")]))


def _py_function_name(name, n):
    if not name:
        return f"λanon{n}"
    clean = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in name)
    return f"λ{clean}{n}"


def _fill_positions(node, line):
    """Give every Python node without a position the line `line` (column 0).

    A node with `end_lineno` was filled with its whole subtree already (statements are
    filled as they are made, then again inside their parents): it is not walked again."""
    todo = [(node, line)]
    while todo:
        n, ln = todo.pop()
        if "lineno" in n._attributes:
            if getattr(n, "end_lineno", None) is not None:
                continue
            if getattr(n, "lineno", None) is None:
                n.lineno = ln
            if getattr(n, "col_offset", None) is None:
                n.col_offset = 0
            n.end_lineno = n.lineno
            n.end_col_offset = n.col_offset
            ln = n.lineno
        for child in py.iter_child_nodes(n):
            todo.append((child, ln))


# ---- entry points --------------------------------------------------------------------------


def compile_lua(source, chunkname, scope_names=None):
    """(code object of the module defining λmain, Chunk) for Lua `source`."""
    tree = parse(source, chunkname)
    gotos = plan_gotos(tree, chunkname)
    res = resolve(tree, scope_names, gotos.backward)
    chunk = errors.register_chunk(chunkname, source)
    compiler = Compiler(chunk, res, gotos)
    try:
        mod = compiler.compile_module(tree)
    except Exception as exc:
        raise errors.CompilerBug(f"{chunk.name}: internal compiler error: {exc!r}") from exc
    try:
        with warnings.catch_warnings():
            # e.g. `("str")()` is valid Lua that merely fails at run time.
            warnings.simplefilter("ignore", SyntaxWarning)
            code = compile(mod, chunk.key, "exec")
    except Exception as exc:
        raise errors.CompilerBug(f"{chunk.name}: {exc}") from exc
    return code, chunk, res


def to_python(source, chunkname="=stdin"):
    """The Python source the compiler makes for a Lua chunk (for developers)."""
    tree = parse(source, chunkname)
    gotos = plan_gotos(tree, chunkname)
    res = resolve(tree, None, gotos.backward)
    chunk = errors.register_chunk(chunkname, source)
    return py.unparse(Compiler(chunk, res, gotos).compile_module(tree))


if __name__ == "__main__":
    path = sys.argv[1]
    with open(path, encoding="utf-8") as fh:
        print(to_python(fh.read(), "@" + path))
