"""The interactive lesson (th/tutorial/guide.py) driven through the console's plain loop:
Enter types the command, attempts are checked, other entries are free, the `:` commands
move around, and progress survives leaving."""
import io
import textwrap

from th.tutorial import lesson as lesson_format
from th.repl.plain import PlainLoop
from th.tutorial.guide import Guide
from th.tutorial.progress import Progress

DEMO = lesson_format.parse(textwrap.dedent("""\
    # Demo

    ```lesson
    reference: the lecture
    ```

    ## Make x
    ```lua
    x = torch.Tensor{1, 2, 3}
    ```
    ```check
    expect: 1 2 3
    ```

    ## Square it
    Use `torch.pow`.
    ```lua
    y = torch.pow(x, 2)
    y
    ```
    ```check
    expect y: 1 4 9
    hint: y = torch.pow(x, 2)
    ```

    ## Read this
    Nothing to type.

    ## Sum
    ```lua
    s = y:sum()
    ```
    ```check
    expect: 14
    ```
    """), "demo")


def session(evaluator, typed, progress=None):
    """Run the demo lesson on `typed` lines (as piped stdin); the Guide and its output."""
    guide = Guide(DEMO, evaluator, progress or Progress(), next_lesson="after")
    loop = PlainLoop(evaluator, stdin=io.StringIO(typed), guide=guide)
    loop.run(show_banner=False)
    return guide


def test_enter_types_the_command_and_a_passing_check_moves_on(evaluator, capsys):
    guide = session(evaluator, "\n")
    out = capsys.readouterr().out
    assert out.startswith("Lesson demo: Demo\n")
    assert "Step 1/4: Make x\n\n    x = torch.Tensor{1, 2, 3}\n" in out
    assert "th> x = torch.Tensor{1, 2, 3}\nok: matches the lecture: 1 2 3\n" in out
    assert "Step 2/4: Square it\nUse `torch.pow`.\n" in out
    assert guide.index == 1 and guide.passed == {1}


def test_free_entries_wait_a_wrong_attempt_gets_the_difference_and_the_hint(evaluator, capsys):
    guide = session(evaluator, "\n" "z = 5\n" "py = torch.pow(x, 3)\n" "y = x * 2\n" "y\n"
                               ":hint\n")
    out = capsys.readouterr().out
    step2 = out[out.index("Step 2/4"):]
    # z and py are the student's own variables: nothing is said about them
    assert "th> z = 5\nth> py = torch.pow(x, 3)\nth> y = x * 2\n" in step2
    assert ("not yet: y differs from the lecture: got 2 4 6; number 1 is 2, expected 1\n"
            "hint: y = torch.pow(x, 2)\n") in step2
    assert "th> :hint\ny = torch.pow(x, 2)\n" in step2
    assert guide.index == 1 and guide.passed == {1}


def test_an_edited_command_counts_and_the_step_runs_entry_by_entry(evaluator, capsys):
    guide = session(evaluator, "\n" "y = torch.pow(x,  2) -- edited\n" "\n")
    out = capsys.readouterr().out
    # after the first entry of step 2, Enter types the second one
    assert "th> y = torch.pow(x,  2) -- edited\nth> y\n 1\n 4\n 9\n" in out
    assert "ok: y matches the lecture: 1 4 9\n" in out
    assert "Step 3/4: Read this\nNothing to type.\n(press Enter to go on)\n" in out
    assert guide.index == 2


def test_reading_steps_the_end_and_the_next_lesson(evaluator, capsys):
    guide = session(evaluator, "\n\n\n\n\n")
    out = capsys.readouterr().out
    assert "ok: matches the lecture: 14\n" in out
    assert "Lesson demo complete: 4 of 4 steps passed." in out
    assert "Next: th --tutorial after." in out
    assert guide.index == 4 and guide.progress.finished("demo")


def test_moving_around(evaluator, capsys):
    guide = session(evaluator, ":next\n:list\n:back\n:again\n:goto 4\n:goto 9\n:back\n"
                               ":help\n:what\n::label::\n")
    out = capsys.readouterr().out
    assert "(step 1 skipped)" in out
    assert "th> :list\n     1. Make x\n  >  2. Square it\n     3. Read this\n     4. Sum\n" in out
    assert out.count("Step 1/4: Make x") == 3                 # start, :back, :again
    assert ":goto needs a step number from 1 to 4" in out
    assert "  :quit    leave; th --tutorial demo resumes at this step" in out
    assert "unknown tutorial command :what (:help lists them)" in out
    assert "syntax error" not in out.split("::label::")[0]
    assert guide.index == 2                                    # :goto 4, then :back


def test_quit_keeps_the_place_and_resuming_rebuilds_the_session(evaluator, capsys, tmp_path):
    progress = Progress(tmp_path / "p.json")
    session(evaluator, "\n\n\n:quit\nnever = 1\n", progress)
    out = capsys.readouterr().out
    assert "Your place is kept (step 3): th --tutorial demo resumes there." in out
    assert "never" not in out.split(":quit")[1]                # :quit left the loop
    assert Progress(tmp_path / "p.json").step("demo") == 3

    from th.lua import Runtime
    from th.repl import environment
    from th.tutorial.session import LessonEvaluator
    runtime = Runtime()
    environment.install(runtime, evaluator.printer)
    fresh = LessonEvaluator(runtime, evaluator.printer, timing=False)
    guide = session(fresh, "\n\n", Progress(tmp_path / "p.json"))
    out = capsys.readouterr().out
    assert "Resuming at step 3: re-running steps 1-2 quietly" in out
    assert "th> x = torch" not in out                           # quiet
    assert "ok: matches the lecture: 14" in out                 # y was rebuilt
    assert guide.passed == {1, 2, 3, 4}


def test_progress_file_is_optional(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert Progress(bad).step("demo") == 1
    readonly = Progress(tmp_path / "missing-dir" / "x" / "p.json")
    readonly.place("demo", 3, {1, 2})
    assert Progress(tmp_path / "missing-dir" / "x" / "p.json").passed("demo") == {1, 2}
    assert Progress(tmp_path / "p.json").describe(DEMO) == ""
