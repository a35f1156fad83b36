"""The Lua syntax tree: one small class per form, named in the Lua manual's terms.

Every node carries `line`, the Lua line where it starts (synthesized nodes copy their
origin's). The compiler has exactly one `compile_<ClassName>` per class.
"""


class Node:
    """Base of all nodes: fields listed in `_fields`, plus `line`."""
    _fields = ()
    __slots__ = ("line",)

    def __init__(self, *args, line=0):
        for name, value in zip(self._fields, args):
            setattr(self, name, value)
        self.line = line

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({inner})"


def _node(name, fields, doc):
    cls = type(name, (Node,), {"_fields": tuple(fields.split()), "__slots__": tuple(fields.split()),
                               "__doc__": doc})
    return cls


# ---- blocks and statements ----------------------------------------------------------
Chunk = _node("Chunk", "body", "A whole chunk: a vararg function whose body is `body`.")
Block = _node("Block", "stmts", "A sequence of statements (a scope).")
Local = _node("Local", "names exprs", "local n1, n2 = e1, e2")
Assign = _node("Assign", "targets exprs", "v1, v2 = e1, e2")
CallStat = _node("CallStat", "call", "f(args) used as a statement")
Do = _node("Do", "body", "do ... end")
While = _node("While", "cond body", "while cond do ... end")
Repeat = _node("Repeat", "body cond", "repeat ... until cond (cond sees the body's locals)")
If = _node("If", "tests orelse", "if c1 then b1 elseif c2 then b2 else b3 end")
NumericFor = _node("NumericFor", "var start stop step body", "for v = e1, e2, e3 do ... end")
GenericFor = _node("GenericFor", "names exprs body", "for n1, n2 in explist do ... end")
Function = _node("Function", "target func", "function a.b.c:m(...) ... end (target is Name/Index)")
LocalFunction = _node("LocalFunction", "name func", "local function f(...) ... end")
Return = _node("Return", "exprs", "return e1, e2")
Break = _node("Break", "", "break")
Goto = _node("Goto", "label", "goto label")
Label = _node("Label", "name", "::name::")

# ---- expressions -----------------------------------------------------------------
Nil = _node("Nil", "", "nil")
TrueExpr = _node("TrueExpr", "", "true")
FalseExpr = _node("FalseExpr", "", "false")
Number = _node("Number", "value", "a numeral (int or float)")
String = _node("String", "value", "a string literal")
Vararg = _node("Vararg", "", "...")
FunctionExpr = _node("FunctionExpr", "params is_vararg body name end_line",
                     "function(p1, p2, ...) ... end (name: for messages; end_line: the "
                     "line of its `end`)")
Table = _node("Table", "fields", "{a, b; k = v, [e] = v} (fields: (key or None, value))")
BinOp = _node("BinOp", "op left right", "arithmetic, comparison or concat: a op b")
And = _node("And", "left right", "a and b")
Or = _node("Or", "left right", "a or b")
UnOp = _node("UnOp", "op operand", "-a, not a, #a")
Name = _node("Name", "name", "a variable name (local, upvalue or global)")
Index = _node("Index", "obj key", "obj[key], obj.key")
Call = _node("Call", "func args", "f(args), f{...}, f'str'")
MethodCall = _node("MethodCall", "obj method args", "obj:method(args)")
Paren = _node("Paren", "expr", "(expr): truncates to one value")

EXPRESSIONS = (Nil, TrueExpr, FalseExpr, Number, String, Vararg, FunctionExpr, Table,
               BinOp, And, Or, UnOp, Name, Index, Call, MethodCall, Paren)
STATEMENTS = (Chunk, Block, Local, Assign, CallStat, Do, While, Repeat, If, NumericFor,
              GenericFor, Function, LocalFunction, Return, Break, Goto, Label)
ALL_NODES = STATEMENTS + EXPRESSIONS
