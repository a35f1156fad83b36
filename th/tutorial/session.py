"""The Lua session a lesson runs in: the console's Evaluator, remembering each entry's outcome.

Every step's Lua runs through the console's own Evaluator (repl/evaluator.py), so it
prints exactly what `th` prints and shares the scope of everything typed before.
LessonEvaluator adds what checks need to know about the entry that just ran: what it
printed (the output is copied, not hidden), whether it raised an error (and the
message), and its values when it was an expression (`_RESULT`).

`entries(code, evaluator)` splits a step's code into console entries as a student would
type them: a line at a time, an unfinished chunk (`for ... do`) continued until it is
complete.
"""
import io
import re
import sys

from th.lua import LuaError, LuaSyntaxError, LuaTable
from th.repl.evaluator import Evaluator

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_CONSOLE_COMMAND = re.compile(r"^\s*[?$]")    # `?help` and `$ shell`: not Lua
_CONSOLE_ERRORS = re.compile(r"^(?:syntax error: |internal error: )", re.M)


class Outcome:
    """What one entry did: its output (ANSI codes removed), error message, values."""

    def __init__(self, text):
        self.text = text
        self.output = ""
        self.error = None          # the error message, or None
        self.values = None         # a LuaTable of its values when it was an expression

    @property
    def failed(self):
        return self.error is not None


class LessonEvaluator(Evaluator):
    """The console's Evaluator, keeping the Outcome of the last entry it ran.

    Example (Python): ev = LessonEvaluator(rt, Printer()); ev.run("1+1"); ev.last.values[1] == 2
    """

    def __init__(self, runtime, printer, timing=True, scope=None):
        super().__init__(runtime, printer, timing=timing, scope=scope)
        self.last = None
        self.quiet = False         # True: output is kept in the Outcome, not shown

    def run(self, text):
        outcome = Outcome(text)
        self.last = outcome
        globals_ = self.runtime.globals
        globals_["_RESULT"] = None
        tee = _Tee(None if self.quiet else sys.stdout)
        saved, sys.stdout = sys.stdout, tee
        try:
            result = super().run(text)
        finally:
            sys.stdout = saved
        outcome.output = ANSI.sub("", tee.getvalue())
        if outcome.error is None:
            console_error = _CONSOLE_ERRORS.search(outcome.output)
            if console_error:
                outcome.error = outcome.output[console_error.start():].strip()
        values = globals_["_RESULT"]
        outcome.values = values if type(values) is LuaTable else None
        return result

    def report(self, err, source=None):
        if self.last is not None and self.last.error is None:
            self.last.error = str(err)
        super().report(err, source)

    def evaluate(self, expression):
        """The first value of a Lua expression in the session's scope (LuaError if it fails)."""
        try:
            chunk = self.runtime.load("return " + expression, "=check", scope=self.scope)
        except LuaSyntaxError as err:
            raise LuaError(str(err)) from None
        results = self.runtime.call(chunk)
        return results[0] if results else None

    def compiles(self, text):
        """None when `text` is a valid entry, else the syntax error's message."""
        if _CONSOLE_COMMAND.match(text):
            return None
        text = re.sub(r"^\s*=", "", text, count=1)
        errors = []
        for source in ("return " + text, text):
            try:
                self.runtime.load(source, "=stdin", scope=self.scope)
                return None
            except LuaSyntaxError as err:
                errors.append(str(err))
        return errors[-1]

    def is_expression(self, text):
        """True when the console would print the values of `text` (trepl's auto-print)."""
        if re.search(r";\s*$|^\s*print", text):
            return False
        try:
            self.runtime.load("return " + text + "\n", "=stdin", scope=self.scope)
            return True
        except LuaSyntaxError:
            return False


class _Tee(io.StringIO):
    """A stdout that keeps a copy of what is written (and passes it on unless quiet)."""

    def __init__(self, stream):
        super().__init__()
        self.stream = stream

    def write(self, text):
        if self.stream is not None:
            self.stream.write(text)
        return super().write(text)

    def flush(self):
        if self.stream is not None:
            self.stream.flush()

    def isatty(self):
        return self.stream is not None and self.stream.isatty()


def entries(code, evaluator):
    """The console entries of a step's code: one per line, unfinished chunks continued.

    Blank lines and lines holding only a `--` comment separate entries and are dropped.
    """
    found, pending = [], []
    for line in code.splitlines():
        if not pending and (not line.strip() or line.strip().startswith("--")):
            continue
        pending.append(line)
        text = "\n".join(pending)
        if evaluator.is_complete(text):
            found.append(text)
            pending = []
    if pending:
        found.append("\n".join(pending))
    return found


_ASSIGNED = re.compile(r"^\s*(?:local\s+)?([A-Za-z_][\w.]*(?:\[[^\]=]+\])*)\s*=(?!=)")


def assigned_name(entry):
    """The variable a `name = ...` entry assigns (the first one), else None.

    Example (Python): assigned_name("h = sig:forward(z)") == "h"
    """
    match = _ASSIGNED.match(entry)
    return match.group(1) if match else None
