"""The real console in a pseudo-terminal (pexpect): what a user at a terminal sees.

One console session serves most checks (start-up costs); history needs two sessions.
Output is coloured (a terminal), so expectations are regular expressions that allow
ANSI codes. prompt_toolkit draws `th>` and the space after it separately, so the prompt
is matched as `th>`.
"""
import os
import sys
import time

import pytest

pexpect = pytest.importorskip("pexpect")

ANSI = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"
TIMING = r"\[\d+\.\d{4}s\]"


class Console:
    def __init__(self, home):
        env = dict(os.environ, HOME=str(home), TREPL_HISTORY=str(home / ".luahistory"),
                   TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1")
        env.pop("TH_TIMING", None)
        self.child = pexpect.spawn(sys.executable, ["-m", "th.cli"], env=env,
                                   encoding="utf-8", dimensions=(40, 120), timeout=30)
        self.prompt()

    def prompt(self):
        self.child.expect_exact("th>")

    def enter(self, line):
        """Type a line and press Enter."""
        self.child.send(line + "\r")

    def expect(self, pattern):
        self.child.expect(pattern)
        return self.child.match

    def run(self, line, *patterns):
        """Type a line, expect each pattern in turn, then the timing line and a prompt."""
        self.enter(line)
        for pattern in patterns:
            self.expect(pattern)
        self.expect(TIMING)
        self.prompt()

    def leave(self):
        self.child.send("\x04")
        self.child.expect_exact("Do you really want to exit ([y]/n)?")
        self.child.send("y\r")
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    c = Console(tmp_path_factory.mktemp("home"))
    yield c
    if c.child.isalive():
        c.child.terminate(force=True)


def test_prompt_autoprint_and_timing(console):
    console.run("1+1", rf"\x1b\[0;36m2{ANSI}\t")
    console.run("'a', nil, 3", r"a" + ANSI + r"\t" + ANSI + "nil" + ANSI + r"\t" + ANSI + "3")


def test_multi_line_chunk_continues_on_the_continuation_prompt(console):
    console.enter("for i=1,2 do")
    console.expect(r"\.\.>")
    console.enter("print(i * 10)")
    console.enter("end")
    console.expect(rf"10{ANSI}\t")
    console.expect(rf"20{ANSI}\t")
    console.expect(TIMING)
    console.prompt()


def test_syntax_errors_show_at_once(console):
    console.run("x = = 1", r"syntax error: \[string \"x = = 1\"\]:1: unexpected symbol near '='")


def test_table_listing_of_a_module(console):
    console.run("require 'nn';")
    console.run("lin = nn.Linear(3, 2)")
    console.run("{lin}", r"1 : ", r"weight : " + ANSI + r"DoubleTensor - size: 2x3")


def test_help(console):
    console.run("?torch.randn", r"torch\.randn\(", r"Example")


def test_completion_menu_and_tab(console):
    console.child.send("torch.linsp")
    console.child.send("\t")
    console.expect(r"linspace")
    console.child.send("(1, 2, 2)\r")
    console.expect(r"\[torch\.DoubleTensor of size 2\]")
    console.expect(TIMING)
    console.prompt()


def test_completion_of_nn_names(console):
    console.run("require 'nn';")
    console.child.send("nn.Lin")
    console.child.send("\t")
    console.expect(r"Linear")
    console.child.send("\x03")              # Ctrl-C at the prompt clears the line
    console.prompt()


def test_ctrl_c_interrupts_a_runaway_loop(console):
    console.enter("while true do end")
    time.sleep(0.5)
    console.child.sendintr()
    console.expect("interrupted!")
    console.expect(TIMING)
    console.prompt()
    console.run("1+2", rf"3{ANSI}\t")


def test_ctrl_c_at_the_prompt_clears_the_line(console):
    console.child.send("half typed")
    console.child.sendintr()
    console.prompt()
    console.run("40+2", rf"42{ANSI}\t")


def test_did_you_mean(console):
    console.run("torch.one(3)", r"attempt to call field 'one' \(a nil value\)",
                r"did you mean torch\.ones\?")


def test_history_is_saved_and_recalled_in_a_second_session(tmp_path):
    first = Console(tmp_path)
    first.run("for i=1,1 do\rhist_value = 7 end")
    assert first.leave() == 0
    saved = (tmp_path / ".luahistory").read_text()
    assert "for i=1,1 do\nhist_value = 7 end\n" in saved

    second = Console(tmp_path)
    second.child.send("\x1b[A")            # Up: the whole multi-line entry comes back
    second.child.send("\r")
    second.expect(TIMING)
    second.prompt()
    second.run("hist_value", rf"7{ANSI}\t")
    second.run("hist_value = 8")
    second.child.send("\x12")             # Ctrl-R: search the history backwards
    second.expect("I-search backward")
    second.child.send("value = 7")
    second.expect(r"value = 7")
    second.child.send("\r")                # take the entry found (then run it)
    second.child.send("\r")
    second.expect(TIMING)
    second.run("hist_value", rf"7{ANSI}\t")
    assert second.leave() == 0
