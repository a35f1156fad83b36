"""Tokens -> Lua syntax tree (th.lua.ast), following Lua 5.1's lparser.c rule by rule.

Syntax errors are LuaSyntaxError worded as Lua 5.1 words them, e.g.
`[string "x = "]:1: unexpected symbol near '<eof>'` or
`'end' expected (to close 'function' at line 1) near '<eof>'`; `at_eof` is set when the
error is at the end of the input (the console then reads another line).
"""
from th.lua import ast as A
from th.lua.errors import LuaSyntaxError, display_chunkname
from th.lua.lexer import tokenize

# Binary operator priorities (left, right), as lparser.c's `priority` table.
PRIORITY = {
    "+": (6, 6), "-": (6, 6), "*": (7, 7), "/": (7, 7), "%": (7, 7),
    "^": (10, 9), "..": (5, 4),
    "==": (3, 3), "~=": (3, 3), "<": (3, 3), "<=": (3, 3), ">": (3, 3), ">=": (3, 3),
    "and": (2, 2), "or": (1, 1),
}
UNARY_PRIORITY = 8

_BLOCK_END = frozenset(("else", "elseif", "end", "until", "eof"))


def parse(source, chunkname):
    """The A.Chunk for `source`; LuaSyntaxError if it is not valid Lua."""
    return Parser(tokenize(source, chunkname), chunkname).parse_chunk()


class Parser:
    def __init__(self, tokens, chunkname):
        self.tokens = tokens
        self.pos = 0
        self.tok = tokens[0]
        self.chunkname = chunkname
        self.vararg_stack = [True]   # is the enclosing function vararg?
        self.loop_depth = [0]

    # ---- token helpers ---------------------------------------------------------

    def next(self):
        tok = self.tok
        self.pos += 1
        self.tok = self.tokens[self.pos] if self.pos < len(self.tokens) else self.tokens[-1]
        return tok

    def peek(self):
        return self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else self.tokens[-1]

    def check(self, kind):
        if self.tok.kind != kind:
            self.error_expected(kind)

    def accept(self, kind):
        if self.tok.kind == kind:
            self.next()
            return True
        return False

    def expect(self, kind):
        self.check(kind)
        return self.next()

    def check_match(self, what, who, line):
        """The closing token `what` of `who` opened at `line` (lparser.c check_match)."""
        if self.tok.kind != what:
            if line == self.tok.line:
                self.error_expected(what)
            self.error(f"'{what}' expected (to close '{who}' at line {line})")
        self.next()

    def near(self):
        tok = self.tok
        if tok.kind == "string":
            return getattr(tok, "raw", None) or tok.value
        if tok.kind == "number":
            return getattr(tok, "raw", None) or str(tok.value)
        return tok.value

    def error(self, msg, with_token=True):
        tok = self.tok
        text = f"{display_chunkname(self.chunkname)}:{tok.line}: {msg}"
        if with_token:
            text += f" near '{self.near()}'"
        raise LuaSyntaxError(text, self.chunkname, tok.line, at_eof=tok.kind == "eof")

    def error_expected(self, kind):
        self.error(f"'{'<name>' if kind == 'name' else '<eof>' if kind == 'eof' else kind}' expected")

    def name(self):
        self.check("name")
        return self.next().value

    # ---- chunks and blocks ------------------------------------------------------

    def parse_chunk(self):
        """chunk ::= block EOF"""
        body = self.parse_block()
        self.check("eof")
        return A.Chunk(body, line=0)

    def parse_block(self):
        """block ::= {stat [';']} [laststat [';']]"""
        line = self.tok.line
        stmts = []
        while self.tok.kind not in _BLOCK_END:
            if self.tok.kind == "return":
                stmts.append(self.parse_return())
                break
            if self.tok.kind == "break":
                stmts.append(self.parse_break())
                continue
            stmt = self.parse_statement()
            if stmt is not None:
                stmts.append(stmt)
        return A.Block(stmts, line=line)

    def parse_statement(self):
        """stat ::= one statement, chosen by its first token"""
        kind = self.tok.kind
        line = self.tok.line
        if kind == ";":
            self.next()
            return None
        if kind == "if":
            return self.parse_if(line)
        if kind == "while":
            return self.parse_while(line)
        if kind == "do":
            self.next()
            body = self.parse_block()
            self.check_match("end", "do", line)
            return A.Do(body, line=line)
        if kind == "for":
            return self.parse_for(line)
        if kind == "repeat":
            return self.parse_repeat(line)
        if kind == "function":
            return self.parse_function_stat(line)
        if kind == "local":
            self.next()
            if self.accept("function"):
                return self.parse_local_function(line)
            return self.parse_local(line)
        if kind == "::":
            self.next()
            name = self.name()
            self.expect("::")
            return A.Label(name, line=line)
        if kind == "goto" and self.peek().kind == "name":
            self.next()
            return A.Goto(self.name(), line=line)
        return self.parse_expr_stat(line)

    def parse_return(self):
        """laststat ::= return [explist]"""
        line = self.next().line
        exprs = []
        if self.tok.kind not in _BLOCK_END and self.tok.kind != ";":
            exprs = self.parse_exprlist()
        self.accept(";")
        return A.Return(exprs, line=line)

    def parse_break(self):
        """laststat ::= break"""
        line = self.tok.line
        if self.loop_depth[-1] == 0:
            self.next()
            self.error("no loop to break")
        self.next()
        self.accept(";")
        return A.Break(line=line)

    # ---- statements -------------------------------------------------------------

    def parse_if(self, line):
        """ifstat ::= IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END"""
        tests = []
        self.next()
        cond = self.parse_expr()
        self.expect("then")
        tests.append((cond, self.parse_block()))
        orelse = None
        while self.tok.kind == "elseif":
            self.next()
            cond = self.parse_expr()
            self.expect("then")
            tests.append((cond, self.parse_block()))
        if self.accept("else"):
            orelse = self.parse_block()
        self.check_match("end", "if", line)
        return A.If(tests, orelse, line=line)

    def parse_loop_body(self):
        self.loop_depth[-1] += 1
        body = self.parse_block()
        self.loop_depth[-1] -= 1
        return body

    def parse_while(self, line):
        """whilestat ::= WHILE cond DO block END"""
        self.next()
        cond = self.parse_expr()
        self.expect("do")
        body = self.parse_loop_body()
        self.check_match("end", "while", line)
        return A.While(cond, body, line=line)

    def parse_repeat(self, line):
        """repeatstat ::= REPEAT block UNTIL cond"""
        self.next()
        body = self.parse_loop_body()
        self.check_match("until", "repeat", line)
        cond = self.parse_expr()
        return A.Repeat(body, cond, line=line)

    def parse_for(self, line):
        """forstat ::= FOR (fornum | forlist) END"""
        self.next()
        first = self.name()
        if self.tok.kind == "=":
            self.next()
            start = self.parse_expr()
            self.expect(",")
            stop = self.parse_expr()
            step = self.parse_expr() if self.accept(",") else None
            self.expect("do")
            body = self.parse_loop_body()
            self.check_match("end", "for", line)
            return A.NumericFor(first, start, stop, step, body, line=line)
        if self.tok.kind not in (",", "in"):
            self.error("'=' or 'in' expected")
        names = [first]
        while self.accept(","):
            names.append(self.name())
        self.expect("in")
        exprs = self.parse_exprlist()
        self.expect("do")
        body = self.parse_loop_body()
        self.check_match("end", "for", line)
        return A.GenericFor(names, exprs, body, line=line)

    def parse_function_stat(self, line):
        """funcstat ::= FUNCTION funcname body; funcname ::= Name {'.' Name} [':' Name]"""
        self.next()
        name_line = self.tok.line
        target = A.Name(self.name(), line=name_line)
        full = target.name
        is_method = False
        while self.tok.kind in (".", ":"):
            sep = self.next().kind
            key = self.name()
            full += sep + key
            target = A.Index(target, A.String(key, line=name_line), line=name_line)
            if sep == ":":
                is_method = True
                break
        func = self.parse_body(line, is_method, full)
        return A.Function(target, func, line=line)

    def parse_local_function(self, line):
        """localfunc ::= LOCAL FUNCTION Name body"""
        name = self.name()
        return A.LocalFunction(name, self.parse_body(line, False, name), line=line)

    def parse_local(self, line):
        """localstat ::= LOCAL NAME {',' NAME} ['=' explist]"""
        names = [self.name()]
        while self.accept(","):
            names.append(self.name())
        exprs = self.parse_exprlist() if self.accept("=") else []
        return A.Local(names, exprs, line=line)

    def parse_expr_stat(self, line):
        """exprstat ::= func | assignment"""
        expr = self.parse_suffixed()
        if isinstance(expr, (A.Call, A.MethodCall)):
            return A.CallStat(expr, line=line)
        targets = [expr]
        self.check_assignable(expr)
        while self.accept(","):
            target = self.parse_suffixed()
            self.check_assignable(target)
            targets.append(target)
        self.expect("=")
        exprs = self.parse_exprlist()
        return A.Assign(targets, exprs, line=line)

    def check_assignable(self, expr):
        if not isinstance(expr, (A.Name, A.Index)):
            self.error("syntax error")

    # ---- functions --------------------------------------------------------------

    def parse_body(self, line, is_method, name=None):
        """body ::= '(' parlist ')' block END"""
        self.expect("(")
        params = ["self"] if is_method else []
        is_vararg = False
        if self.tok.kind != ")":
            while True:
                if self.tok.kind == "...":
                    self.next()
                    is_vararg = True
                    break
                if self.tok.kind != "name":
                    self.error("<name> or '...' expected")
                params.append(self.next().value)
                if not self.accept(","):
                    break
        self.expect(")")
        self.vararg_stack.append(is_vararg)
        self.loop_depth.append(0)
        body = self.parse_block()
        self.loop_depth.pop()
        self.vararg_stack.pop()
        end_line = self.tok.line
        self.check_match("end", "function", line)
        return A.FunctionExpr(params, is_vararg, body, name, end_line, line=line)

    # ---- expressions -------------------------------------------------------------

    def parse_exprlist(self):
        """explist ::= expr {',' expr}"""
        exprs = [self.parse_expr()]
        while self.accept(","):
            exprs.append(self.parse_expr())
        return exprs

    def parse_expr(self, limit=0):
        """subexpr ::= (simpleexp | unop subexpr) {binop subexpr}, by PRIORITY"""
        tok = self.tok
        if tok.kind in ("not", "-", "#"):
            self.next()
            operand = self.parse_expr(UNARY_PRIORITY)
            left = self._fold_unary(tok.kind, operand, tok.line)
        else:
            left = self.parse_simple()
        while True:
            op = self.tok.kind
            prio = PRIORITY.get(op)
            if prio is None or prio[0] <= limit:
                return left
            line = self.next().line
            right = self.parse_expr(prio[1])
            if op == "and":
                left = A.And(left, right, line=line)
            elif op == "or":
                left = A.Or(left, right, line=line)
            else:
                left = A.BinOp(op, left, right, line=line)

    def _fold_unary(self, op, operand, line):
        # Lua folds -<numeral> at compile time (so -0 is the double -0).
        if op == "-" and isinstance(operand, A.Number):
            v = operand.value
            return A.Number(-v if v else -0.0, line=operand.line)
        return A.UnOp(op, operand, line=line)

    def parse_simple(self):
        """simpleexp ::= NUMBER | STRING | NIL | true | false | ... | constructor |
                         FUNCTION body | primaryexp"""
        tok = self.tok
        kind = tok.kind
        if kind == "number":
            self.next()
            return A.Number(tok.value, line=tok.line)
        if kind == "string":
            self.next()
            return A.String(tok.value, line=tok.line)
        if kind == "nil":
            self.next()
            return A.Nil(line=tok.line)
        if kind == "true":
            self.next()
            return A.TrueExpr(line=tok.line)
        if kind == "false":
            self.next()
            return A.FalseExpr(line=tok.line)
        if kind == "...":
            if not self.vararg_stack[-1]:
                self.error("cannot use '...' outside a vararg function")
            self.next()
            return A.Vararg(line=tok.line)
        if kind == "{":
            return self.parse_table()
        if kind == "function":
            self.next()
            return self.parse_body(tok.line, False)
        return self.parse_suffixed()

    def parse_primary(self):
        """primaryexp ::= NAME | '(' expr ')'"""
        tok = self.tok
        if tok.kind == "name":
            self.next()
            return A.Name(tok.value, line=tok.line)
        if tok.kind == "(":
            self.next()
            expr = self.parse_expr()
            self.check_match(")", "(", tok.line)
            return A.Paren(expr, line=tok.line)
        self.error("unexpected symbol")

    def parse_suffixed(self):
        """suffixedexp ::= primaryexp {'.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs}"""
        expr = self.parse_primary()
        while True:
            kind = self.tok.kind
            line = self.tok.line
            if kind == ".":
                self.next()
                key_line = self.tok.line
                expr = A.Index(expr, A.String(self.name(), line=key_line), line=line)
            elif kind == "[":
                self.next()
                key = self.parse_expr()
                self.expect("]")
                expr = A.Index(expr, key, line=line)
            elif kind == ":":
                self.next()
                method = self.name()
                args_line = self.tok.line  # Lua gives a call the line where its arguments open
                expr = A.MethodCall(expr, method, self.parse_args(), line=args_line)
            elif kind in ("(", "string", "{"):
                if kind == "(" and self._previous_line() != line:
                    self.error("ambiguous syntax (function call x new statement)")
                expr = A.Call(expr, self.parse_args(), line=line)
            else:
                return expr

    def _previous_line(self):
        return self.tokens[self.pos - 1].line if self.pos > 0 else self.tok.line

    def parse_args(self):
        """funcargs ::= '(' [explist] ')' | constructor | STRING"""
        tok = self.tok
        if tok.kind == "string":
            self.next()
            return [A.String(tok.value, line=tok.line)]
        if tok.kind == "{":
            return [self.parse_table()]
        if tok.kind != "(":
            self.error("function arguments expected")
        self.next()
        if self.tok.kind == ")":
            self.next()
            return []
        args = self.parse_exprlist()
        self.check_match(")", "(", tok.line)
        return args

    def parse_table(self):
        """constructor ::= '{' [field {fieldsep field} [fieldsep]] '}'
           field ::= '[' exp ']' '=' exp | NAME '=' exp | exp"""
        line = self.expect("{").line
        fields = []
        while self.tok.kind != "}":
            if self.tok.kind == "name" and self.peek().kind == "=":
                key = A.String(self.tok.value, line=self.tok.line)
                self.next()
                self.next()
                fields.append((key, self.parse_expr()))
            elif self.tok.kind == "[":
                self.next()
                key = self.parse_expr()
                self.expect("]")
                self.expect("=")
                fields.append((key, self.parse_expr()))
            else:
                fields.append((None, self.parse_expr()))
            if not (self.accept(",") or self.accept(";")):
                break
        self.check_match("}", "{", line)
        return A.Table(fields, line=line)
