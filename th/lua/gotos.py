"""`goto` and labels (Lua 5.2's, as Torch7's LuaJIT has them): which label each goto
reaches, the errors LuaJIT reports for them at compile time, and how to compile them.

Input: a parsed chunk (th.lua.ast). Output: a `GotoPlan`, read by the resolver (locals
after a label reached from below live in a loop) and by the compiler. Nothing else.

The rules follow LuaJIT's parser (lj_parse.c, gola_*): a goto reaches the label of that
name in the innermost enclosing block that has one, before or after it, within the same
function; a forward goto may not jump into the scope of a local declared in between,
unless the label ends its block (only labels follow it, and the block is not a repeat
body, whose `until` still sees the locals). Errors, worded as LuaJIT:
    undefined label 'x'
    duplicate label 'x'                      (twice in one block)
    <goto x> jumps into the scope of local 'y'

How the compiler uses the plan: a goto to a label ending the body of the loop it is
directly in becomes Python's `continue` (the common `goto continue`). Any other goto
raises λGoto(label id), caught around the statements of the label's block: by nested
try statements when every goto comes from before its label, else by a "dispatch" loop
that re-enters the block at the label (a goto from below, or many labels).
"""
from th.lua import ast as A
from th.lua.errors import LuaSyntaxError, display_chunkname

_LOOPS = (A.While, A.NumericFor, A.GenericFor, A.Repeat)
_MAX_NESTED_TRIES = 4   # Python allows 20 nested blocks; more labels use a dispatch loop


class GotoPlan:
    """What the compiler needs to know about one chunk's gotos and labels."""

    def __init__(self):
        self.target = {}            # id(Goto) -> its Label
        self.label_id = {}          # id(Label) -> a number unique in the chunk
        self.backward = set()       # id(Label) reached by a goto after it
        self.continues = set()      # id(Goto) compiled as `continue`
        self.region_labels = set()  # id(Label) some goto reaches by raising λGoto
        self.dispatch_blocks = set()  # id(Block) compiled as a dispatch loop

    def block_kind(self, block):
        """"plain", "tries" (forward gotos only) or "dispatch" for a block."""
        if id(block) in self.dispatch_blocks:
            return "dispatch"
        if any(type(s) is A.Label and id(s) in self.region_labels for s in block.stmts):
            return "tries"
        return "plain"


def plan_gotos(chunk, chunkname):
    """The GotoPlan of a chunk; LuaSyntaxError for LuaJIT's goto errors."""
    walker = _Walker(chunkname)
    walker.function(chunk.body)
    return walker.finish()


class _Entry:
    """A pending goto or a visible label (LuaJIT's vstack entries)."""
    __slots__ = ("node", "name", "slot", "path", "trailing", "block")

    def __init__(self, node, name, slot, path=None, trailing=False, block=None):
        self.node = node
        self.name = name
        self.slot = slot            # active locals at the goto / at the label
        self.path = path            # (gotos) enclosing blocks and loops, outermost first
        self.trailing = trailing    # (labels) only labels follow it in its block
        self.block = block          # (labels) the block holding it


class _Walker:
    def __init__(self, chunkname):
        self.chunkname = chunkname
        self.plan = GotoPlan()
        self.gotos = []             # every resolved goto entry, for finish()
        self.labels = {}            # id(Label) -> its entry
        self.entries = []
        self.active = []
        self.path = []

    def error(self, line, msg):
        raise LuaSyntaxError(f"{display_chunkname(self.chunkname)}:{line}: {msg}",
                             self.chunkname, line)

    # ---- functions and blocks ------------------------------------------------------

    def function(self, body):
        saved = self.entries, self.active, self.path
        self.entries, self.active, self.path = [], [], []
        self.block(body, outermost=True)
        self.entries, self.active, self.path = saved

    def block(self, block, outermost=False, repeat_body=False):
        start, nactive = len(self.entries), len(self.active)
        self.path.append(block)
        stmts = block.stmts
        for i, s in enumerate(stmts):
            if type(s) is A.Label:
                trailing = not repeat_body and all(type(t) is A.Label for t in stmts[i + 1:])
                self.label(s, block, start, nactive, trailing)
            else:
                self.statement(s)
        self.close_block(start, nactive, outermost)
        del self.active[nactive:]
        self.path.pop()

    def close_block(self, start, nactive, outermost):
        # LuaJIT's gola_fixup: labels of the block take the gotos after them (backward),
        # then leave scope; gotos still pending move out (or are undefined).
        mine = self.entries[start:]
        for k, label in enumerate(mine):
            if type(label.node) is not A.Label:
                continue
            for goto in mine[k + 1:]:
                if type(goto.node) is A.Goto and goto.name == label.name \
                        and id(goto.node) not in self.plan.target:
                    self.resolve(goto, label)
                    self.plan.backward.add(id(label.node))
        pending = [e for e in mine if type(e.node) is A.Goto
                   and id(e.node) not in self.plan.target]
        if outermost and pending:
            self.error(pending[0].node.line, f"undefined label '{pending[0].name}'")
        for goto in pending:
            goto.slot = min(goto.slot, nactive)
        self.entries[start:] = pending

    def label(self, s, block, start, nactive, trailing):
        for e in self.entries[start:]:
            if type(e.node) is A.Label and e.name == s.name:
                self.error(s.line, f"duplicate label '{s.name}'")
        slot = nactive if trailing else len(self.active)
        entry = _Entry(s, s.name, slot, trailing=trailing, block=block)
        for goto in self.entries[start:]:   # LuaJIT's gola_resolve: forward gotos
            if type(goto.node) is A.Goto and goto.name == s.name \
                    and id(goto.node) not in self.plan.target:
                if goto.slot < slot:
                    self.error(goto.node.line, f"<goto {s.name}> jumps into the scope of "
                                               f"local '{self.active[goto.slot]}'")
                self.resolve(goto, entry)
        self.plan.label_id[id(s)] = len(self.plan.label_id) + 1
        self.labels[id(s)] = entry
        self.entries.append(entry)

    def resolve(self, goto, label):
        self.plan.target[id(goto.node)] = label.node
        self.gotos.append(goto)

    # ---- statements and expressions ------------------------------------------------------

    def statement(self, s):
        t = type(s)
        if t is A.Goto:
            self.entries.append(_Entry(s, s.label, len(self.active), path=list(self.path)))
        elif t is A.Local:
            self.exprs(s.exprs)
            self.active.extend(s.names)
        elif t is A.LocalFunction:
            self.active.append(s.name)
            self.function(s.func.body)
        elif t is A.Function:
            self.expr(s.target)
            self.function(s.func.body)
        elif t is A.If:
            for cond, body in s.tests:
                self.expr(cond)
                self.block(body)
            if s.orelse is not None:
                self.block(s.orelse)
        elif t is A.Do:
            self.block(s.body)
        elif t is A.While:
            self.expr(s.cond)
            self.loop(s, [])
        elif t is A.Repeat:
            self.loop(s, [], repeat=True)
        elif t is A.NumericFor:
            self.exprs([s.start, s.stop] + ([s.step] if s.step is not None else []))
            self.loop(s, [s.var])
        elif t is A.GenericFor:
            self.exprs(s.exprs)
            self.loop(s, s.names)
        elif t is A.Assign:
            self.exprs(s.targets)
            self.exprs(s.exprs)
        elif t is A.CallStat:
            self.expr(s.call)
        elif t is A.Return:
            self.exprs(s.exprs)

    def loop(self, s, names, repeat=False):
        # The loop's variables live in a scope around its body (as in LuaJIT).
        start, nactive = len(self.entries), len(self.active)
        self.active.extend(names)
        self.path.append(s)
        if repeat:
            self.repeat_body(s)
        else:
            self.block(s.body)
        self.path.pop()
        for e in self.entries[start:]:
            e.slot = min(e.slot, nactive)
        del self.active[nactive:]

    def repeat_body(self, s):
        # `until` sees the body's locals: walk the condition before the body's scope ends.
        start, nactive = len(self.entries), len(self.active)
        self.path.append(s.body)
        for i, st in enumerate(s.body.stmts):
            if type(st) is A.Label:
                self.label(st, s.body, start, nactive, False)
            else:
                self.statement(st)
        self.expr(s.cond)
        self.close_block(start, nactive, False)
        del self.active[nactive:]
        self.path.pop()

    def exprs(self, exprs):
        for e in exprs:
            self.expr(e)

    def expr(self, e):
        # Only function bodies matter here: each has gotos and labels of its own.
        t = type(e)
        if t is A.FunctionExpr:
            self.function(e.body)
        elif t is A.Index:
            self.expr(e.obj)
            self.expr(e.key)
        elif t is A.Call:
            self.expr(e.func)
            self.exprs(e.args)
        elif t is A.MethodCall:
            self.expr(e.obj)
            self.exprs(e.args)
        elif t in (A.BinOp, A.And, A.Or):
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

    # ---- how to compile them ------------------------------------------------------------

    def finish(self):
        plan = self.plan
        dispatch = {id(self.labels[lid].block) for lid in plan.backward}
        while True:
            plan.dispatch_blocks = dispatch
            plan.continues = {id(g.node) for g in self.gotos if self.is_continue(g)}
            plan.region_labels = {id(plan.target[id(g.node)]) for g in self.gotos
                                  if id(g.node) not in plan.continues}
            crowded = {id(b) for b in self.blocks_with_regions()
                       if sum(1 for s in b.stmts if id(s) in plan.region_labels)
                       > _MAX_NESTED_TRIES}
            if crowded <= dispatch:
                return plan
            dispatch = dispatch | crowded

    def blocks_with_regions(self):
        return {id(e.block): e.block for e in self.labels.values()
                if id(e.node) in self.plan.region_labels}.values()

    def is_continue(self, goto):
        """A goto to the label ending the body of the loop it is directly in."""
        label = self.labels[id(self.plan.target[id(goto.node)])]
        if not label.trailing:
            return False
        path = goto.path
        k = next(i for i, x in enumerate(path) if x is label.block)
        if k == 0 or type(path[k - 1]) not in _LOOPS or type(path[k - 1]) is A.Repeat:
            return False
        inside = path[k:]
        return not any(type(x) in _LOOPS or id(x) in self.plan.dispatch_blocks for x in inside)
