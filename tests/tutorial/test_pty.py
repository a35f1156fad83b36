"""`th --tutorial backprop` in a pseudo-terminal (pexpect): the real console, driven as a
student drives it. Enter on an empty line types the step's command and Enter runs it;
a command edited before running; a wrong command whose check fails with a hint; :quit,
then a second session resuming at the same step with the session rebuilt."""
import os
import re
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

ANSI = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"


class Student:
    def __init__(self, home):
        env = dict(os.environ, HOME=str(home), TREPL_HISTORY=str(home / ".luahistory"),
                   TH_TUTORIAL_STATE=str(home / "tutorial.json"), TERM="xterm",
                   PROMPT_TOOLKIT_NO_CPR="1", TH_TIMING="0")
        env.pop("TH_TUTORIALS", None)
        self.child = pexpect.spawn(sys.executable, ["-m", "th.cli", "--tutorial", "backprop"],
                                   env=env, encoding="utf-8", dimensions=(50, 160), timeout=30)
        if os.environ.get("PTYLOG"):           # to debug: the screen as the student saw it
            self.child.logfile_read = open(os.environ["PTYLOG"], "a")

    def expect(self, *texts):
        for text in texts:
            self.child.expect_exact(text)

    def step(self, title):
        self.expect(title)
        self.child.expect_exact("th>")

    def shows_typed(self, text):
        """`text` on the input line, where highlighting puts colour codes between tokens."""
        self.child.expect(ANSI.join(re.escape(c) for c in text))

    def accept(self, typed_line):
        """Enter on an empty line types the command; Enter again runs it."""
        self.child.send("\r")
        self.shows_typed(typed_line)
        self.child.send("\r")

    def ok(self, message):
        self.child.expect(r"ok: " + ANSI + message.replace("(", r"\(").replace(")", r"\)"))


@pytest.fixture
def home(tmp_path):
    return tmp_path


def test_a_student_session_with_quit_and_resume(home):
    me = Student(home)
    me.step("Step 1/28: Load nn and choose the sizes")
    me.accept("require 'nn';")
    me.accept("n = 5")
    me.accept("k = 3")
    me.ok("n matches the lecture: 5")

    me.step("Step 2/28: The lecture's typo")
    me.accept("lin = nn.linear(n, k)")
    me.expect("did you mean nn.Linear?")
    me.ok("fails as expected: did you mean nn.Linear?")

    # an edited command: Enter types it, the student changes the arguments, Enter runs it
    me.step("Step 3/28: The linear module")
    me.child.send("\r")
    me.shows_typed("lin = nn.Linear(n, k)")
    me.child.send("\x7f" * len("n, k)") + "5, 3)\r")
    me.accept("lin")
    me.expect("nn.Linear(5 -> 3)")
    me.ok("prints nn.Linear(5 -> 3)")

    me.step("Step 4/28: Look inside")
    me.accept("{lin}")
    me.ok("prints weight : DoubleTensor - size: 3x5")

    me.step("Step 5/28: Use the lecture's weights")
    me.accept("-0.123109}}")
    me.accept("lin.bias = torch.Tensor{0.437019, -0.215919, -0.280085}")
    me.accept("lin.weight")
    me.ok("lin.bias matches the lecture: 0.4370 -0.2159 -0.2801")

    # free experimentation, then a wrong command: the check says what differs, and hints
    me.step("Step 6/28: Theta_1 = [bias | weight]")
    me.child.send("w = lin.weight:size(2)\r")
    me.child.expect_exact("th>")
    me.child.send("Theta_1 = torch.cat(lin.weight, lin.bias, 2)\r")
    me.child.expect_exact("th>")
    me.accept("Theta_1")
    me.child.expect(r"not yet: " + ANSI + r"Theta_1 differs from the lecture: got -0\.2607 ")
    me.expect("number 1 is -0.2607, expected 0.4370")
    me.child.expect(r"hint: Theta_1 = torch\.cat\(lin\.bias, lin\.weight, 2\)")
    me.child.send("Theta_1 = torch.cat(lin.bias, lin.weight, 2)\r")
    me.child.expect_exact("th>")
    me.accept("Theta_1")
    me.ok("matches the lecture: 0.4370 -0.2607 -0.4467 -0.0150 -0.2823 -0.3859 ... (18 numbers)")

    me.step("Step 7/28: Start from clean gradients")
    me.child.send(":quit\r")
    me.expect("Your place is kept (step 7): th --tutorial backprop resumes there.")
    me.child.expect(pexpect.EOF)
    me.child.close()
    assert me.child.exitstatus == 0
    history = (home / ".luahistory").read_text()
    assert "\nlin = nn.Linear(5, 3)\n" in history          # what ran was the edited command
    assert "lin = nn.Linear(n, k)" not in history

    # the second session resumes at step 7, with lin, Theta_1, ... rebuilt quietly
    again = Student(home)
    again.expect("Resuming at step 7: re-running steps 1-6 quietly")
    again.step("Step 7/28: Start from clean gradients")
    again.accept("lin:zeroGradParameters()")
    again.accept("gradTheta_1 = torch.cat(lin.gradBias, lin.gradWeight, 2)")
    again.accept("gradTheta_1")
    again.ok("matches the lecture: 0 0 0 0 0 0 ... (18 numbers)")
    again.step("Step 8/28: The sigmoid module")
    again.child.send(":list\r")
    again.child.expect(r"\+  6\. Theta_1 = \[bias \| weight\]\r\n  \+  7\. Start from clean gradients"
                       r"\r\n  >  8\. The sigmoid module")
    again.child.send("\x04")
    again.expect("Do you really want to exit ([y]/n)?")
    again.child.send("y\r")
    again.child.expect(pexpect.EOF)
    again.child.close()
    assert again.child.exitstatus == 0
