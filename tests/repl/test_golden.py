"""Golden transcripts of Torch7's th, run through our `th` command.

- trepl_print.lua run as a script prints trepl_print.out;
- console_session.in piped into `th` prints console_session.out.

Comparison rules (repl_transcript.py): listings as key-order-free trees, timing lines by
shape, traceback blocks by presence, addresses masked. Departures that design.md makes
on purpose, written down entry by entry below:
- the banner is in our own words (only its shape is checked: art, then a tab line);
- `local l = 5` then `l` prints 5: locals persist at the prompt (trepl#28);
- `?torch.randn` prints real help (Torch7's build had no help backend) and, like any
  evaluated entry, a timing line.
"""
import os
import subprocess
import sys
from pathlib import Path


from repl_transcript import entries, normalize

GOLDEN = Path("/work/shared/reference/transcripts")
TH = [sys.executable, "-m", "th.cli"]


def run_th(args, stdin=None):
    env = dict(os.environ, TERM="dumb", HOME=os.environ.get("HOME", "/tmp"))
    env.pop("TH_TIMING", None)
    return subprocess.run(TH + args, input=stdin, capture_output=True, text=True,
                          env=env, timeout=120)


def test_trepl_print_script():
    result = run_th([str(GOLDEN / "trepl_print.lua")])
    assert result.stderr == ""
    assert normalize(result.stdout) == normalize((GOLDEN / "trepl_print.out").read_text())


def test_console_session_piped():
    stdin = (GOLDEN / "console_session.in").read_text()
    result = run_th([], stdin=stdin)
    assert result.returncode == 0
    banner, ours = entries(result.stdout)
    banner_lines = banner.split("\n")
    assert banner_lines[0] == " " and banner_lines[-2:] == ["\t", ""]

    _, theirs = entries((GOLDEN / "console_session.out").read_text())
    expected = dict(theirs)
    expected["l"] = ["5\t", "<timing>", ""]            # locals persist (design.md)
    assert [line for line, _ in ours] == [line for line, _ in theirs]
    for line, output in ours:
        if line == "?torch.randn":
            text = "\n".join(str(x) for x in output)
            assert "torch.randn(" in text and "Example" in text
            assert output[-2:] == ["<timing>", ""]
            continue
        assert output == expected[line], line


def test_console_session_without_nn_parts():
    """The session's entries that need only the engine and the tensor core."""
    stdin = "1+1\nx = torch.Tensor{1,2,3}\nx\na, b = 1, 'two'\na, b\nnil, 1\nfoo\nfoo()\n" \
            "print('printed')\nx;\nfor i=1,2 do\nprint(i)\nend\n"
    result = run_th([], stdin=stdin)
    _, ours = entries(result.stdout)
    _, theirs = entries((GOLDEN / "console_session.out").read_text())
    expected = dict(theirs)
    for line, output in ours[:-1]:
        assert output == expected[line], line
    assert ours[-1][0] == "Do you really want to exit ([y]/n)? \t"
    assert len(ours) == 12
