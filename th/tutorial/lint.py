"""What can be known wrong about a lesson before running it: its Lua does not compile.

`lint(lesson, evaluator)` compiles (never runs) each step's commands and the Lua
expressions of its checks, and records a problem on the step for each one that is not
valid Lua, or for a check on "the step's value" when the step has none. The step stays
in the lesson: a broken command still runs (the console shows its syntax error), a
check whose Lua is broken is dropped.
"""
from th.tutorial.session import assigned_name, entries


def lint(lesson, evaluator):
    """Record the Lua mistakes of `lesson` on its steps (see the module docstring)."""
    for step in lesson.steps:
        commands = entries(step.code, evaluator)
        for command in commands:
            error = evaluator.compiles(command)
            if error is not None:
                first = command.splitlines()[0]
                lesson.problem(f"the command `{first}` is not valid Lua: {error}", step)
        kept = []
        for check in step.checks:
            problem = _check_problem(check, commands, evaluator)
            if problem is None:
                kept.append(check)
            else:
                lesson.problem(f"line {check.line}: the check `{check.source}` cannot be "
                               f"evaluated: {problem}", step)
        step.checks = kept


def _check_problem(check, commands, evaluator):
    for expression in (check.target, check.same_as,
                       check.text if check.kind == "holds" else None):
        if expression is not None and not evaluator.is_expression(expression):
            return f"`{expression}` is not a Lua expression"
    if check.kind in ("expect", "size") and check.target is None:
        last = commands[-1] if commands else None
        if last is None:
            return "the step has no command, so no value (name one: `expect NAME: ...`)"
        if assigned_name(last) is None and not evaluator.is_expression(last):
            return "the last command has no value (name one: `expect NAME: ...`)"
    return None
