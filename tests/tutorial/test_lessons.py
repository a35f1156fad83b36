"""Every lesson of tutorials/ replays unattended with all its checks passing, through the
real command (`th --tutorial NAME --replay`), and the lecture's numbers are in the
transcript exactly as th prints them."""
import os
import re
import subprocess
import sys
import textwrap

import pytest

from th.tutorial import catalog
from th.tutorial import lesson as lesson_format

LESSONS = [name for name, _ in catalog.lesson_files()]


def th(*args, env=None):
    full = dict(os.environ, TERM="dumb", TH_TIMING="0")
    full.pop("TH_TRACEBACK", None)
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "th.cli", *args], capture_output=True,
                          text=True, env=full, timeout=300)


def test_the_lecture_is_there_in_its_order():
    assert LESSONS == ["basics", "plotting", "containers", "backprop", "training", "convnet",
                       "optim", "nngraph"]
    for name, path in catalog.lesson_files():
        assert lesson_format.load(path).all_problems() == [], name


@pytest.mark.parametrize("name", LESSONS)
def test_every_lesson_replays_with_all_checks_passing(name):
    result = th("--tutorial", name, "--replay")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(rf"== {name}: \d+ steps, \d+ checks: \d+ passed, 0 failed ==", summary)
    assert "-- FAILED" not in result.stdout and "-- problem" not in result.stdout
    assert "internal error" not in result.stdout and result.stderr == ""


def test_backprop_reproduces_every_number_of_the_lecture_table():
    out = th("--tutorial", "backprop", "--replay").stdout
    h_theta = "th> h_Theta\n 0.3613\n 0.5510\n 0.2924\n[torch.DoubleTensor of size 3]\n"
    assert h_theta in out
    assert "-- ok: matches the lecture: 0.3613 0.5510 0.2924" in out
    assert "th> E\n0.34808619680512\t\n" in out
    assert "th> delta_2\n-0.0860\n 0.0461\n-0.2284\n" in out
    gradient = ("-0.0860 -0.0615 -0.0706 -0.1241 -0.0527 -0.0577\n"
                " 0.0461  0.0329  0.0378  0.0664  0.0282  0.0309\n"
                "-0.2284 -0.1632 -0.1875 -0.3295 -0.1400 -0.1533\n"
                "[torch.DoubleTensor of size 3x6]\n")
    assert out.count(gradient) == 3          # accGradParameters, the outer product, net:backward
    assert "th> lin_gradInput\n-0.0958\n 0.1339\n 0.0827\n 0.0511\n 0.0773\n" in out
    updated = (" 0.4379 -0.2601 -0.4460 -0.0138 -0.2817 -0.3853\n"
               "-0.2164 -0.3922  0.3294  0.2474 -0.2634  0.3474\n"
               "-0.2778  0.4403 -0.3495 -0.3029 -0.1692 -0.1216\n")
    assert out.count(updated) == 2           # by hand, and after net:updateParameters
    assert ("nn.Sequential {\n  [input -> (1) -> (2) -> output]\n  (1): nn.Linear(5 -> 3)\n"
            "  (2): nn.Sigmoid\n}\n") in out
    # the lecture's typos, answered by the console's hints
    assert "attempt to call field 'linear' (a nil value)\ndid you mean nn.Linear?" in out
    assert "did you mean net:zeroGradParameters?" in out
    # a multi-line entry shows its continuation prompts
    assert "th> a2 = z2:clone():apply(\n..> function(z)\n..>   return 1/(1+math.exp(-z))\n..> end)\n" in out


def test_plotting_writes_png_files_without_a_display(tmp_path):
    plots = tmp_path / "plots"
    result = th("--tutorial", "plotting", "--replay",
                env={"TH_PLOT_DIR": str(plots), "DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.returncode == 0, result.stdout[-2000:]
    pngs = sorted(plots.glob("*.png"))
    assert len(pngs) >= 4
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


BROKEN = """\
    # A lesson with mistakes

    ## Fine
    ```lua
    a = 1
    ```
    ```check
    expect: 1
    ```

    ## Bad Lua
    ```lua
    b = = 2
    ```

    ## Bad check
    ```lua
    c = 3
    ```
    ```check
    expect c: three
    expect c: 3
    ```

    ## A check that cannot be evaluated
    ```lua
    d = 4
    ```
    ```check
    expect d.e.f: 4
    ```

    ## Still runs
    ```lua
    e = a + c
    ```
    ```check
    expect: 4
    ```
    """


def test_a_lesson_with_mistakes_is_reported_by_step_and_still_runs(tmp_path):
    (tmp_path / "01-broken.md").write_text(textwrap.dedent(BROKEN))
    result = th("--tutorial", "broken", "--replay", env={"TH_TUTORIALS": str(tmp_path)})
    out = result.stdout
    assert result.returncode == 1
    assert "-- problem: lesson broken, step 2: the command `b = = 2` is not valid Lua" in out
    assert "-- problem: lesson broken, step 3: line 21: expected numbers" in out
    assert ("-- problem: lesson broken, step 4: could not check `expect d.e.f: 4`: "
            "check:1: attempt to index global 'd' (a number value)") in out
    assert "-- Step 5/5: Still runs\nth> e = a + c\n-- ok: matches the expected values: 4" in out
    assert "-- ok: c matches the expected values: 3" in out
    summary = out[out.index("== broken:"):]
    assert summary.startswith("== broken: 5 steps, 5 checks: 3 passed, 2 failed; "
                              "2 mistakes in the lesson file ==")
    assert "  step 2 (Bad Lua): the command raised an error (shown above)" in summary


def test_listing_and_unknown_names():
    listing = th("--tutorial")
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert lines[0].startswith("Lessons (th --tutorial NAME")
    assert len(lines) == 1 + len(LESSONS)
    assert re.match(r"  4\. backprop +Backpropagation by hand: .* \(28 steps\)$", lines[4])
    missing = th("--tutorial", "nosuch")
    assert missing.returncode == 1 and "th: no lesson called 'nosuch'" in missing.stderr
    assert catalog.find("4").name == "04-backprop.md" and catalog.find("back").name == "04-backprop.md"


def test_command_line_options():
    from th.cli import UsageError, parse_args
    assert parse_args(["--tutorial"]).tutorial == ""
    opts = parse_args(["--tutorial", "backprop", "--replay", "--no-timing"])
    assert (opts.tutorial, opts.replay, opts.timing, opts.script) == ("backprop", True, False, None)
    assert parse_args(["--replay", "--tutorial", "basics"]).replay
    with pytest.raises(UsageError, match="--replay goes with --tutorial name"):
        parse_args(["--replay"])
    assert "--tutorial [name]" in th("-h").stdout
