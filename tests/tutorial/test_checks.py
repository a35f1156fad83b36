"""Checks judged against a live Lua session (th/tutorial/checks.py, session.py, lint.py)."""
import textwrap

from th.tutorial import checks, lint
from th.tutorial import lesson as lesson_format
from th.tutorial.session import assigned_name, entries


def one_step(code, check_lines, reference="the lecture"):
    text = f"# T\n```lesson\nreference: {reference}\n```\n## S\n```lua\n{code}\n```\n```check\n"
    return lesson_format.parse(text + "\n".join(check_lines) + "\n```\n", "t")


def verdicts(evaluator, code, *check_lines, reference="the lecture"):
    """Run the step's commands as the replay does, then judge it."""
    lesson = one_step(code, check_lines, reference)
    lint.lint(lesson, evaluator)
    assert lesson.all_problems() == []
    step = lesson.steps[0]
    output = []
    for entry in entries(step.code, evaluator):
        evaluator.run(entry)
        output.append(evaluator.last.output)
    found = checks.judge(step, evaluator.last, evaluator, lesson.reference, "".join(output))
    return [(v.ok, v.message) for v in found]


def test_numbers_match_within_half_a_unit_of_the_written_decimals(evaluator):
    assert verdicts(evaluator, "h = torch.Tensor{0.36131, 0.55104, 0.29236}",
                    "expect: 0.3613 0.5510 0.2924") == [
        (True, "matches the lecture: 0.3613 0.5510 0.2924")]
    ok, message = verdicts(evaluator, "h", "expect: 0.3613 0.5510 0.2925")[0]
    assert not ok
    assert message == ("h differs from the lecture: got 0.3613 0.5510 0.2924; "
                       "number 3 is 0.2924, expected 0.2925")


def test_the_value_is_the_assigned_variable_or_the_printed_result(evaluator, capsys):
    assert verdicts(evaluator, "M = torch.Tensor{{9,6},{7,8}}\nM[2][2]", "expect: 8")[0][0]
    assert "8\t" in capsys.readouterr().out          # the entry printed as th prints
    assert verdicts(evaluator, "s = M:sum()", "expect: 30")[0] == (True, "matches the lecture: 30")
    assert verdicts(evaluator, "t = M:t()", "expect t[1]: 9 7", "size: 2x2") == [
        (True, "t[1] matches the lecture: 9 7"), (True, "t has size 2x2, as expected")]


def test_explicit_tolerance_same_as_and_counts(evaluator):
    assert verdicts(evaluator, "E = 0.34808619680512", "expect: 0.34808619 ± 1e-8")[0][0]
    assert not verdicts(evaluator, "E = 0.3481", "expect: 0.34808619 +- 1e-8")[0][0]
    assert verdicts(evaluator, "a = torch.ones(3)", "expect a: same as torch.Tensor{1,1,1}") == [
        (True, "a matches torch.Tensor{1,1,1}: 1.0000 1.0000 1.0000")]
    assert verdicts(evaluator, "b = {1, {2, 3}}", "expect: 1 2 4") == [
        (False, "b differs from the lecture: got 1 2 3; number 3 is 3, expected 4")]
    assert verdicts(evaluator, "c = torch.zeros(2)", "expect: 0 0 0") == [
        (False, "c has 2 numbers, expected 3 numbers (0 0 0)")]
    assert verdicts(evaluator, "d = 'text'", "expect: 1") == [
        (False, "d is the string text, not numbers")]
    assert verdicts(evaluator, "e = nil", "expect: 1") == [
        (False, "e is nil (did its command run?), not numbers")]


def test_sizes_outputs_errors_and_conditions(evaluator):
    assert verdicts(evaluator, "w = torch.zeros(3, 6)", "size: 3x5") == [
        (False, "w has size 3x6, expected 3x5")]
    assert verdicts(evaluator, "print('loss', 0.25)", "prints: loss ... 0.25") == [
        (True, "prints loss ... 0.25")]
    assert verdicts(evaluator, "print('other')", "prints: loss") == [
        (False, "expected the output to show: loss")]
    require = "require 'nn';\n"
    assert verdicts(evaluator, require + "lin = nn.linear(5, 3)", "fails: did you mean nn.Linear?") == [
        (True, "fails as expected: did you mean nn.Linear?")]
    assert verdicts(evaluator, "lin = nn.Linear(5, 3)", "fails: did you mean") == [
        (False, "expected an error here, but the command ran without one")]
    assert verdicts(evaluator, "x = 2", "holds: x > 1 and x < 0", "holds: x > 1") == [
        (False, "not true: x > 1 and x < 0 (x = 2)"), (True, "true: x > 1 (x = 2)")]


def test_an_unexpected_error_fails_the_step(evaluator):
    assert verdicts(evaluator, "z = torch.one(3)", "expect: 1 1 1") == [
        (False, "the command raised an error (shown above)")]
    assert evaluator.last.failed and "attempt to call field 'one'" in evaluator.last.error
    evaluator.run("x = = 1")              # the console's syntax error counts as failing
    assert evaluator.last.failed and evaluator.last.error.startswith("syntax error: ")


def test_a_check_whose_lua_fails_is_broken_not_failed(evaluator):
    lesson = one_step("x = 1", ["expect x.y.z: 1"])
    evaluator.run("x = 1")
    (verdict,) = checks.judge(lesson.steps[0], evaluator.last, evaluator)
    assert verdict.broken and not verdict.ok
    assert verdict.message.startswith("could not check `expect x.y.z: 1`: ")
    assert "attempt to index" in verdict.message


def test_lint_reports_bad_lua_and_checks_without_a_value(evaluator):
    lesson = lesson_format.parse(textwrap.dedent("""\
        # L
        ## Good
        ```lua
        ?torch.zeros
        x = 1
        ```
        ## Bad command
        ```lua
        y = = 2
        ```
        ## Bad checks
        ```lua
        print(1)
        ```
        ```check
        expect: 1
        expect f(: 1
        holds: x ==
        expect x: same as )
        prints: 1
        ```
        """), "lint")
    lint.lint(lesson, evaluator)
    good, bad, checks_step = lesson.steps
    assert good.problems == []
    assert bad.problems == ["lesson lint, step 2: the command `y = = 2` is not valid Lua: "
                            "stdin:1: unexpected symbol near '='"]
    assert [c.kind for c in checks_step.checks] == ["prints"]
    assert len(checks_step.problems) == 4
    assert "the last command has no value" in checks_step.problems[0]
    assert "`f(` is not a Lua expression" in checks_step.problems[1]
    assert all(p.startswith("lesson lint, step 3: line ") for p in checks_step.problems)


def test_entries_split_as_the_console_reads_them(evaluator):
    code = "a = 1\n\n-- a comment\nfor i = 1, 2 do\n  a = a + i\nend\nprint(a)"
    assert entries(code, evaluator) == ["a = 1", "for i = 1, 2 do\n  a = a + i\nend", "print(a)"]
    assert assigned_name("h_Theta = sig:forward(z)") == "h_Theta"
    assert assigned_name("local t = 1") == "t"
    assert assigned_name("lin.weight = w") == "lin.weight"
    assert assigned_name("x == 1") is None and assigned_name("f(x)") is None


def test_text_patterns():
    assert checks.text_found("(1): nn.Linear(5 -> 3)", "  (1): nn.Linear(5 -> 3)\n")
    assert checks.text_found("a  b", "a \t b")
    assert checks.text_found("# current error = ...", "# current error = 0.25\n")
    assert not checks.text_found("a ... b", "a\nb")
