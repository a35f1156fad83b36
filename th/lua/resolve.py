"""Name resolution for the compiler: which Lua name is which variable, and how it lives.

Input: a Lua AST (th.lua.ast). Output: a `Resolution` mapping each Name node to its Var
(or None for a global), each declaring node to the Vars it declares, and each function
to what it must declare in Python (`nonlocal`s, per-iteration boxes passed in).

How a Lua local lives in Python (`Var.kind`):
- "local": a plain Python local (or a closure cell, which Python makes by itself).
- "box":   a one-element list, for a local declared inside a loop and captured by a
           closure: Lua gives each iteration a fresh variable, Python's closures would
           share one. Functions made in the loop receive the box as a keyword-only
           parameter default, bound when the function is created.
- "scope": a console-persistent top-level local, stored in the chunk's scope dict.
`Var.numeric` is true when every value ever assigned is a number (numerals, numeric
for variables, arithmetic on such): the compiler then emits plain Python arithmetic.
`Var.integer` is true when every such number is a Python int (a numeric for with integer
start and step, integer numerals, + and - of integers), and `Var.bound` bounds its
magnitude when it can be known (a numeric for over numerals): the compiler then skips
type tests, and the 2^53 check on products that cannot leave the exact double range.
`Var.table` is true when every value assigned is a table constructor's (`local t = {}`):
the compiler skips the type test of its inline field and index accesses.
"""
import math

from th.lua import ast as A

_ARITH_OPS = frozenset("+-*/%^")

# Stands, among a numeric for variable's assigned expressions, for the loop's values.
_LOOP = A.Number(0)


class Var:
    __slots__ = ("name", "pyname", "func", "kind", "captured", "in_loop", "assigns",
                 "numeric", "integer", "bound", "loop_int", "loop_bound", "loop_positive",
                 "table")

    def __init__(self, name, pyname, func, in_loop):
        self.name = name
        self.pyname = pyname
        self.func = func
        self.kind = "local"
        self.captured = False
        self.in_loop = in_loop
        self.assigns = []       # expressions assigned (None: "anything")
        self.numeric = False
        self.integer = False
        self.bound = None       # |value| <= bound for every number it holds, if known
        self.loop_int = False   # (numeric for variables) the loop gives ints
        self.loop_bound = None  # (numeric for variables) ... of at most this magnitude
        self.loop_positive = False  # (numeric for variables) ... all 1 or more
        self.table = False      # every value assigned is a table constructor's

    def __repr__(self):
        return f"Var({self.name}->{self.pyname}, {self.kind}{', num' if self.numeric else ''})"


class FuncInfo:
    __slots__ = ("node", "parent", "loop_depth", "nonlocals", "box_params", "children")

    def __init__(self, node, parent):
        self.node = node
        self.parent = parent
        self.loop_depth = 0
        self.nonlocals = set()      # pynames of outer locals this function assigns
        self.box_params = {}        # pyname -> Var: boxes of the parent passed in
        self.children = []


class Resolution:
    def __init__(self):
        self.refs = {}      # id(Name node) -> Var or None (global)
        self.decls = {}     # id(declaring node) -> [Var]
        self.funcs = {}     # id(FunctionExpr or Chunk) -> FuncInfo
        self.all_vars = []

    def var(self, name_node):
        return self.refs.get(id(name_node))

    # ---- what an expression is known to give --------------------------------------

    def numeric(self, e):
        """Is e always a number (int or float)?"""
        t = type(e)
        if t is A.Number:
            return True
        if t is A.Name:
            var = self.refs.get(id(e))
            return var is not None and var.numeric
        if t is A.BinOp:
            return e.op in _ARITH_OPS and self.numeric(e.left) and self.numeric(e.right)
        if t is A.UnOp:
            return e.op == "-" and self.numeric(e.operand)
        if t is A.Paren:
            return self.numeric(e.expr)
        return False

    def integer(self, e):
        """Is e always a Python int? (-x is not: -0 is a float, as Lua's -0 is.)"""
        t = type(e)
        if t is A.Number:
            return type(e.value) is int
        if t is A.Name:
            var = self.refs.get(id(e))
            return var is not None and var.integer
        if t is A.Paren:
            return self.integer(e.expr)
        if t is A.BinOp:
            op = e.op
            if op == "+" or op == "-":
                return self.integer(e.left) and self.integer(e.right)
            if op == "%":
                r = e.right
                return self.integer(e.left) and type(r) is A.Number and type(r.value) is int \
                    and r.value != 0
            if op == "*":
                return self.integer(e.left) and self.integer(e.right) and \
                    self.magnitude(e) <= 2 ** 53
        return False

    def positive_int(self, e):
        """Is e always an int of 1 or more? (numerals, unassigned `for i = 1, n` variables)"""
        t = type(e)
        if t is A.Number:
            return type(e.value) is int and e.value >= 1
        if t is A.Name:
            var = self.refs.get(id(e))
            return var is not None and var.loop_positive and var.assigns == [_LOOP]
        return False

    def table(self, e):
        """Is e always a LuaTable? (a constructor, or a local only ever given those)"""
        t = type(e)
        if t is A.Table:
            return True
        if t is A.Name:
            var = self.refs.get(id(e))
            return var is not None and var.table
        return False

    def magnitude(self, e):
        """A bound on |e| when e is a number (math.inf when unknown)."""
        if not self.numeric(e):
            return math.inf
        t = type(e)
        if t is A.Number:
            v = e.value
            return abs(v) if v == v else math.inf
        if t is A.Name:
            var = self.refs.get(id(e))
            return var.bound if var is not None and var.bound is not None else math.inf
        if t is A.Paren:
            return self.magnitude(e.expr)
        if t is A.UnOp:
            return self.magnitude(e.operand)
        op = e.op
        if op == "+" or op == "-":
            return self.magnitude(e.left) + self.magnitude(e.right)
        if op == "*":
            a, b = self.magnitude(e.left), self.magnitude(e.right)
            return math.inf if math.inf in (a, b) else a * b
        if op == "%" and type(e.right) is A.Number:
            return abs(e.right.value)   # Lua's a % b lies between 0 and b
        return math.inf


def resolve(chunk, scope_names=None, backward_labels=frozenset()):
    """Resolve `chunk`. With `scope_names` (a set, maybe empty), top-level locals persist
    in a console scope, and those names (declared by earlier chunks) are visible.
    `backward_labels` (ids of Label nodes some goto reaches from below, gotos.py): the
    statements after such a label may run again, as a loop body does."""
    r = _Resolver(scope_names, backward_labels)
    r.run(chunk)
    return r.res


class _Resolver:
    def __init__(self, scope_names, backward_labels=frozenset()):
        self.backward_labels = backward_labels
        self.res = Resolution()
        self.blocks = []            # stack of dicts: Lua name -> Var
        self.func = None
        self.used_pynames = set()
        self.scope_mode = scope_names is not None
        self.scope_names = scope_names or set()
        self.scope_vars = {}

    # ---- declarations -----------------------------------------------------------

    def pyname(self, name):
        base = name if not _is_python_reserved(name) else "λ" + name
        candidate = base
        n = 1
        while candidate in self.used_pynames:
            n += 1
            candidate = f"{base}λ{n}"
        self.used_pynames.add(candidate)
        return candidate

    def declare(self, node, name):
        var = Var(name, self.pyname(name), self.func, self.func.loop_depth > 0)
        if self.scope_mode and self.func.parent is None and len(self.blocks) == 1:
            var.kind = "scope"
        self.blocks[-1][name] = var
        self.res.decls.setdefault(id(node), []).append(var)
        self.res.all_vars.append(var)
        return var

    def lookup(self, name):
        for block in reversed(self.blocks):
            var = block.get(name)
            if var is not None:
                return var
        if name in self.scope_names:
            var = self.scope_vars.get(name)
            if var is None:
                var = self.scope_vars[name] = Var(name, name, None, False)
                var.kind = "scope"
            return var
        return None

    # ---- walking ------------------------------------------------------------------

    def run(self, chunk):
        self.enter_function(chunk, [])
        self.block(chunk.body.stmts, new_scope=False)
        self.leave_function()
        self.infer_numeric()
        self.infer_integer()
        for var in self.res.all_vars:
            if var.kind == "local" and var.captured and var.in_loop:
                var.kind = "box"
        self.assign_box_params()

    def enter_function(self, node, params):
        info = FuncInfo(node, self.func)
        if self.func is not None:
            self.func.children.append(info)
        self.res.funcs[id(node)] = info
        self.func = info
        self.blocks.append({})
        for p in params:
            var = self.declare(node, p)
            var.assigns.append(None)
        return info

    def leave_function(self):
        self.blocks.pop()
        self.func = self.func.parent

    def block(self, stmts, new_scope=True):
        if new_scope:
            self.blocks.append({})
        self.statements(stmts)
        if new_scope:
            self.blocks.pop()

    def loop_block(self, stmts, pre_declare=None):
        self.func.loop_depth += 1
        self.blocks.append({})
        if pre_declare:
            pre_declare()
        self.statements(stmts)
        self.blocks.pop()
        self.func.loop_depth -= 1

    def statements(self, stmts):
        # After a label reached from below, the rest of the block is a loop body.
        looping = 0
        for s in stmts:
            if type(s) is A.Label and id(s) in self.backward_labels:
                self.func.loop_depth += 1
                looping += 1
            getattr(self, "s_" + type(s).__name__)(s)
        self.func.loop_depth -= looping

    # statements

    def s_Local(self, s):
        for e in s.exprs:
            self.expr(e)
        vars_ = [self.declare(s, n) for n in s.names]
        self._record_assigns(vars_, s.exprs)

    def _record_assigns(self, vars_, exprs):
        for i, var in enumerate(vars_):
            if var is None:
                continue
            if i < len(exprs) and not (i == len(exprs) - 1 and _is_multi(exprs[i])):
                var.assigns.append(exprs[i])
            elif i >= len(exprs) and exprs and _is_multi(exprs[-1]):
                var.assigns.append(None)
            elif i < len(exprs):
                var.assigns.append(None)
            else:
                var.assigns.append(A.Nil())

    def s_Assign(self, s):
        for e in s.exprs:
            self.expr(e)
        targets = []
        for t in s.targets:
            if isinstance(t, A.Name):
                targets.append(self.name_ref(t, assign=True))
            else:
                self.expr(t)
                targets.append(None)
        self._record_assigns(targets, s.exprs)

    def s_CallStat(self, s):
        self.expr(s.call)

    def s_Do(self, s):
        self.block(s.body.stmts)

    def s_While(self, s):
        self.expr(s.cond)
        self.loop_block(s.body.stmts)

    def s_Repeat(self, s):
        # The condition sees the body's locals: resolve it inside the body's scope.
        self.func.loop_depth += 1
        self.blocks.append({})
        self.statements(s.body.stmts)
        self.expr(s.cond)
        self.blocks.pop()
        self.func.loop_depth -= 1

    def s_If(self, s):
        for cond, body in s.tests:
            self.expr(cond)
            self.block(body.stmts)
        if s.orelse is not None:
            self.block(s.orelse.stmts)

    def s_NumericFor(self, s):
        for e in (s.start, s.stop, s.step):
            if e is not None:
                self.expr(e)

        def declare():
            var = self.declare(s, s.var)
            var.assigns.append(_LOOP)
            start, stop = _int_numeral(s.start), _int_numeral(s.stop)
            step = 1 if s.step is None else _int_numeral(s.step)
            # for_range gives ints for an integer start and step, whatever the limit
            var.loop_int = start is not None and step is not None
            if var.loop_int and stop is not None:
                var.loop_bound = max(abs(start), abs(stop))
            var.loop_positive = var.loop_int and start >= 1 and step >= 1
        self.loop_block(s.body.stmts, declare)

    def s_GenericFor(self, s):
        for e in s.exprs:
            self.expr(e)

        def declare():
            for n in s.names:
                self.declare(s, n).assigns.append(None)
        self.loop_block(s.body.stmts, declare)

    def s_Function(self, s):
        if isinstance(s.target, A.Name):
            var = self.name_ref(s.target, assign=True)
            if var is not None:
                var.assigns.append(None)
        else:
            self.expr(s.target)
        self.expr(s.func)

    def s_LocalFunction(self, s):
        var = self.declare(s, s.name)
        var.assigns.append(None)
        self.expr(s.func)

    def s_Return(self, s):
        for e in s.exprs:
            self.expr(e)

    def s_Break(self, s):
        pass

    def s_Goto(self, s):
        pass

    def s_Label(self, s):
        pass

    # expressions

    def expr(self, e):
        t = type(e)
        if t is A.Name:
            self.name_ref(e)
        elif t is A.Index:
            self.expr(e.obj)
            self.expr(e.key)
        elif t is A.Call:
            self.expr(e.func)
            for a in e.args:
                self.expr(a)
        elif t is A.MethodCall:
            self.expr(e.obj)
            for a in e.args:
                self.expr(a)
        elif t is A.BinOp or t is A.And or t is A.Or:
            self.expr(e.left)
            self.expr(e.right)
        elif t is A.UnOp:
            self.expr(e.operand)
        elif t is A.Paren:
            self.expr(e.expr)
        elif t is A.Table:
            for k, v in e.fields:
                if k is not None:
                    self.expr(k)
                self.expr(v)
        elif t is A.FunctionExpr:
            saved_blocks_len = len(self.blocks)
            self.enter_function(e, e.params)
            self.block(e.body.stmts, new_scope=False)
            self.leave_function()
            assert len(self.blocks) == saved_blocks_len

    def name_ref(self, node, assign=False):
        var = self.lookup(node.name)
        self.res.refs[id(node)] = var
        if var is None:
            return None
        if var.kind == "scope":
            return var
        if var.func is not self.func:
            var.captured = True
            if assign and var.kind == "local":
                f = self.func
                while f is not var.func:
                    f.nonlocals.add(var.pyname)
                    f = f.parent
            self._note_outer_use(var)
        return var

    def _note_outer_use(self, var):
        # Remember, on the direct child of var's function, that it (or a descendant)
        # uses var: if var ends up boxed, that child receives the box as a parameter.
        f = self.func
        while f.parent is not var.func:
            f = f.parent
        f.box_params[var.pyname] = var

    # ---- after the walk ----------------------------------------------------------------

    def assign_box_params(self):
        for info in self.res.funcs.values():
            info.box_params = {k: v for k, v in info.box_params.items() if v.kind == "box"}
            info.nonlocals = {n for n in info.nonlocals
                              if not any(v.pyname == n and v.kind != "local"
                                         for v in self.res.all_vars)}

    def infer_numeric(self):
        # Assume every local numeric, then drop those given anything else, to a fixpoint.
        numeric = self.res.numeric
        candidates = [v for v in self.res.all_vars if v.kind == "local"]
        for v in candidates:
            v.numeric = True
        changed = True
        while changed:
            changed = False
            for v in candidates:
                if v.numeric and not all(e is not None and numeric(e) for e in v.assigns):
                    v.numeric = False
                    changed = True

    def infer_integer(self):
        res = self.res
        for v in res.all_vars:
            v.table = v.kind != "scope" and bool(v.assigns) and \
                all(type(e) is A.Table for e in v.assigns)
        candidates = [v for v in res.all_vars if v.numeric]
        for v in candidates:
            v.integer = True
        changed = True
        while changed:
            changed = False
            for v in candidates:
                if v.integer and not all(v.loop_int if e is _LOOP else res.integer(e)
                                         for e in v.assigns):
                    v.integer = False
                    changed = True
        # Bounds grow from nothing known: a variable assigned from itself never gets one.
        changed = True
        while changed:
            changed = False
            for v in candidates:
                if v.bound is not None:
                    continue
                bounds = [v.loop_bound if e is _LOOP else res.magnitude(e) for e in v.assigns]
                if bounds and None not in bounds and math.inf not in bounds:
                    v.bound = max(bounds)
                    changed = True


def _is_multi(e):
    return type(e) in (A.Call, A.MethodCall, A.Vararg)


def _int_numeral(e):
    """The value of an integer numeral (or its negation), else None."""
    if type(e) is A.UnOp and e.op == "-":
        v = _int_numeral(e.operand)
        return -v if v is not None else None
    if type(e) is A.Number and type(e.value) is int:
        return e.value
    return None


def _is_python_reserved(name):
    import keyword
    return keyword.iskeyword(name) or name in ("None", "True", "False")
