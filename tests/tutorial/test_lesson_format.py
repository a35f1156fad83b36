"""The lesson file format (th/tutorial/lesson.py): what a teacher writes, what it becomes."""
import textwrap

from th.tutorial import lesson as lesson_format


def parse(text, name="demo"):
    return lesson_format.parse(textwrap.dedent(text), name)


GOOD = """\
    # A demo lesson

    ```lesson
    reference: the lecture
    ```

    Some introduction.

    ## First step
    Make `x`.

    ```lua
    x = torch.Tensor{1, 2, 3}
    ```

    ```check
    -- a comment line
    expect: 1 2 3
    expect x:size(1): 3
    size x: 3
    hint: make x with torch.Tensor
    tolerance: 1e-3
    ```

    ## Reading only
    Nothing to type.

    ```text
    sample output, shown as prose
    ```

    ## Third
    ```lua
    for i = 1, 2 do
      print(i)
    end
    ```
    ```check
    prints: 1 ... 2
    fails:
    holds: x:sum() == 6
    expect y: same as x ± 0.5
    ```
    """


def test_a_lesson_becomes_steps_with_code_and_checks():
    lesson = parse(GOOD)
    assert (lesson.name, lesson.title, lesson.reference) == ("demo", "A demo lesson", "the lecture")
    assert lesson.intro == "Some introduction."
    assert [s.title for s in lesson.steps] == ["First step", "Reading only", "Third"]
    assert [s.number for s in lesson.steps] == [1, 2, 3]
    first, reading, third = lesson.steps
    assert first.text == "Make `x`."
    assert first.code == "x = torch.Tensor{1, 2, 3}"
    assert [c.kind for c in first.checks] == ["expect", "expect", "size"]
    assert first.checks[0].target is None and first.checks[0].numbers == ["1", "2", "3"]
    assert first.checks[1].target == "x:size(1)" and first.checks[1].numbers == ["3"]
    assert first.checks[2].sizes == (3,)
    assert first.hint == "make x with torch.Tensor" and first.tolerance == 1e-3
    assert reading.is_reading and "sample output, shown as prose" in reading.text
    assert third.code.splitlines()[-1] == "end"
    prints, fails, holds, same = third.checks
    assert prints.text == "1 ... 2" and fails.text == "" and holds.text == "x:sum() == 6"
    assert same.same_as == "x" and same.tolerance == 0.5 and same.target == "y"
    assert lesson.all_problems() == []


def test_the_lesson_name_drops_the_order_prefix():
    assert lesson_format.lesson_name("tutorials/04-backprop.md") == "backprop"
    assert lesson_format.lesson_name("x/intro.md") == "intro"
    assert lesson_format.lesson_name("x/7_convnets.md") == "convnets"


def test_mistakes_are_reported_by_lesson_and_step_and_the_rest_loads():
    lesson = parse("""\
        # Broken

        ```lesson
        colour: blue
        ```

        ## One
        ```lua
        a = 1
        ```
        ```check
        expect: one two
        sise: 3
        size: 3y5
        expect a 1
        holds:
        tolerance: tiny
        expect: 1
        ```

        ## Two
        ```lua
        b = 2
        """)
    assert [s.title for s in lesson.steps] == ["One", "Two"]
    one, two = lesson.steps
    assert [c.source for c in one.checks] == ["expect: 1"]        # the good check stays
    problems = one.problems
    assert len(problems) == 6
    assert all(p.startswith("lesson demo, step 1: line ") for p in problems)
    assert "expected numbers" in problems[0] and "'expect: one two'" in problems[0]
    assert "unknown check 'sise: 3'" in problems[1]
    assert "sizes are written like 3x5" in problems[2]
    assert "missing ': '" in problems[3]
    assert "needs something after the colon" in problems[4]
    assert "tolerance is not a number" in problems[5]
    assert lesson.problems[0].startswith("lesson demo: line 4: unknown lesson setting")
    assert two.code == "b = 2"
    assert two.problems == ["lesson demo, step 2: line 22: the lua block is never closed"]


def test_a_file_without_steps_or_unreadable_is_a_problem(tmp_path):
    assert parse("# Empty\n\nJust words.\n").problems == [
        "lesson demo: no steps (each step starts with a '## ' heading)"]
    missing = lesson_format.load(tmp_path / "03-gone.md")
    assert missing.name == "gone" and "cannot read" in missing.problems[0]


def test_several_lua_blocks_in_a_step_are_one_command_list():
    lesson = parse("## S\n```lua\na = 1\n```\ntext\n```lua\nb = 2\n```\n")
    assert lesson.steps[0].code == "a = 1\nb = 2"
    assert lesson.steps[0].text == "text"
