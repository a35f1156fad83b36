"""Judging a step: its checks against the live Lua session, reported in plain words.

`judge(step, outcome, evaluator, reference)` returns one Verdict per check (plus one for
an unexpected error): `ok`, a sentence for the student ("matches the lecture: 0.3613
0.5510 0.2924", "differs from the lecture: got ..., expected ..."), and `broken` when the
check itself could not be evaluated (its Lua failed), which in a replay is the lesson's
mistake rather than the student's.

Numbers come from whatever the value is: a number, a tensor or storage (all elements,
in order), or a table of those (flattened).
"""
import math
import re

from th.lua import LuaError, LuaTable, lua_type, tostring
from th.tutorial.session import assigned_name, entries

_PATH = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")   # `h`, `lin.weight`
_SHOWN = 12          # numbers listed in a message before it says "... (n numbers)"


class Verdict:
    """The result of one check: ok or not, the sentence to show, whether it was broken."""

    def __init__(self, ok, message, broken=False):
        self.ok = ok
        self.message = message
        self.broken = broken

    def __repr__(self):
        return f"Verdict({self.ok}, {self.message!r})"


class _Broken(Exception):
    """A check's Lua could not be evaluated."""


def judge(step, outcome, evaluator, reference="the expected values", output=None):
    """The verdicts on `step` after its last entry ran with `outcome` (a session.Outcome).

    `output`: what all the step's entries printed (default: the last entry's output).
    """
    if output is None:
        output = outcome.output if outcome is not None else ""
    expects_error = any(c.kind == "fails" for c in step.checks)
    verdicts = []
    if outcome is not None and outcome.failed and not expects_error:
        verdicts.append(Verdict(False, "the command raised an error (shown above)"))
        return verdicts
    for check in step.checks:
        try:
            verdicts.append(_CHECKERS[check.kind](check, step, outcome, evaluator, reference,
                                                  output))
        except _Broken as err:
            verdicts.append(Verdict(False, f"could not check `{check.source}`: {err}",
                                    broken=True))
    return verdicts


def step_value(step, outcome, evaluator, target):
    """The value a check looks at: `target` evaluated, else the step's value."""
    if target is not None:
        return _evaluate(evaluator, target), target
    commands = entries(step.code, evaluator)
    name = assigned_name(commands[-1]) if commands else None
    if name is not None:
        return _evaluate(evaluator, name), name
    if outcome is not None and outcome.values is not None:
        last = commands[-1].strip() if commands else ""
        return outcome.values[1], last if _PATH.match(last) else "the result"
    raise _Broken("the step has no value to check (name one: `expect NAME: ...`)")


def _evaluate(evaluator, expression):
    try:
        return evaluator.evaluate(expression)
    except LuaError as err:
        raise _Broken(str(err)) from None


# ---- the checks -------------------------------------------------------------------------


def _expect(check, step, outcome, evaluator, reference, output):
    value, subject = step_value(step, outcome, evaluator, check.target)
    got = numbers_of(value)
    if got is None:
        return Verdict(False, f"{subject} is {_describe(value)}, not numbers")
    if check.same_as is not None:
        expected = numbers_of(_evaluate(evaluator, check.same_as))
        if expected is None:
            raise _Broken(f"{check.same_as} gives no numbers")
        tolerances = [check.tolerance or step.tolerance or 1e-6] * len(expected)
        written = [f"{v:.4f}" for v in expected]
        reference = check.same_as
    else:
        expected = [float(w) for w in check.numbers]
        tolerances = [check.tolerance or step.tolerance or _half_unit(w) for w in check.numbers]
        written = check.numbers
    if len(got) != len(expected):
        return Verdict(False, f"{subject} has {_count(len(got))}, expected {_count(len(expected))}"
                              f" ({_listing(written)})")
    for i, (g, e, tol) in enumerate(zip(got, expected, tolerances)):
        if not abs(g - e) <= tol:
            shown = [_like(v, w) for v, w in zip(got, written)]
            where = f"number {i + 1} is {_like(g, written[i])}, expected {written[i]}"
            return Verdict(False, f"{subject} differs from {reference}: got {_listing(shown)};"
                                  f" {where}")
    prefix = "" if check.target is None else f"{check.target} "
    return Verdict(True, f"{prefix}matches {reference}: {_listing(written)}")


def _size(check, step, outcome, evaluator, reference, output):
    value, subject = step_value(step, outcome, evaluator, check.target)
    sizes = sizes_of(value)
    want = "x".join(str(n) for n in check.sizes)
    if sizes is None:
        return Verdict(False, f"{subject} is {_describe(value)}, not a tensor")
    have = "x".join(str(n) for n in sizes) or "empty"
    if tuple(sizes) != check.sizes:
        return Verdict(False, f"{subject} has size {have}, expected {want}")
    return Verdict(True, f"{subject} has size {want}, as expected")


def _prints(check, step, outcome, evaluator, reference, output):
    if text_found(check.text, output):
        return Verdict(True, f"prints {check.text}")
    return Verdict(False, f"expected the output to show: {check.text}")


def _fails(check, step, outcome, evaluator, reference, output):
    if outcome is None or not outcome.failed:
        return Verdict(False, "expected an error here, but the command ran without one")
    if check.text and not text_found(check.text, output + "\n" + outcome.error):
        return Verdict(False, f"it failed, but without the expected message: {check.text}")
    said = f": {check.text}" if check.text else ""
    return Verdict(True, f"fails as expected{said}")


def _holds(check, step, outcome, evaluator, reference, output):
    value = _evaluate(evaluator, check.text)
    detail = _numbers_named(check.text, evaluator)
    if value is None or value is False:
        return Verdict(False, f"not true: {check.text}{detail}")
    return Verdict(True, f"true: {check.text}{detail}")


_NAME = re.compile(r"(?<![\w.:'\"])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?![\w(:.\[])")
_KEYWORDS = frozenset("and or not nil true false function end".split())


def _numbers_named(expression, evaluator):
    """" (a = 1.5, b = 2)": the variables of `expression` that hold numbers, so the
    student sees what was compared."""
    shown = []
    for name in dict.fromkeys(_NAME.findall(expression)):
        if name in _KEYWORDS:
            continue
        try:
            value = evaluator.evaluate(name)
        except LuaError:
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            shown.append(f"{name} = {tostring(value)}")
    return f" ({', '.join(shown)})" if shown else ""


_CHECKERS = {"expect": _expect, "size": _size, "prints": _prints, "fails": _fails,
             "holds": _holds}


# ---- values to numbers ------------------------------------------------------------------


def numbers_of(value):
    """The numbers in a Lua value (number, tensor, storage, table of those), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return [float(value)]
    if type(value) is LuaTable:
        found = []
        for item in value.to_list():
            inner = numbers_of(item)
            if inner is None:
                return None
            found.extend(inner)
        return found
    to_numpy = getattr(value, "numpy", None)
    if callable(to_numpy):
        try:
            return [float(v) for v in to_numpy().reshape(-1)]
        except (TypeError, ValueError, AttributeError):
            return None
    return None


def sizes_of(value):
    """A tensor's sizes as a tuple (() when empty), or None for anything else."""
    dim = getattr(value, "dim", None)
    size = getattr(value, "size", None)
    if not (callable(dim) and callable(size)) or type(value) is LuaTable:
        return None
    try:
        return tuple(int(value.size(d)) for d in range(1, int(value.dim()) + 1))
    except Exception:
        return None


def text_found(pattern, output):
    """Whether `pattern` occurs in `output`; `...` stands for anything within a line, and
    runs of spaces match any spacing."""
    parts = [re.escape(p.strip()) for p in pattern.split("...")]
    regex = r"[^\n]*?".join(parts)
    regex = re.sub(r"(\\ )+", r"\\s+", regex)
    return re.search(regex, output) is not None


# ---- wording ------------------------------------------------------------------------------


def _half_unit(written):
    """Half a unit of the last written decimal: "0.3613" -> 5e-05, "8" -> 0.5."""
    mantissa = written.lower().split("e")[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    exponent = int(written.lower().split("e")[1]) if "e" in written.lower() else 0
    return 0.5 * 10.0 ** (exponent - decimals) * (1 + 1e-9)


def _like(value, written):
    """`value` written with as many decimals as the expected number `written`."""
    if math.isnan(value) or math.isinf(value):
        return tostring(value)
    mantissa = written.lower().split("e")[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    if "e" in written.lower():
        return f"{value:.{decimals}e}"
    return f"{value:.{decimals}f}"


def _listing(words):
    words = list(words)
    if len(words) <= _SHOWN:
        return " ".join(words)
    return " ".join(words[:6]) + f" ... ({len(words)} numbers)"


def _count(n):
    return "1 number" if n == 1 else f"{n} numbers"


def _describe(value):
    if value is None:
        return "nil (did its command run?)"
    kind = lua_type(value)
    if kind in ("string", "boolean"):
        return f"the {kind} {tostring(value)}"
    return f"a {kind}"
