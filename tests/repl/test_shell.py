"""The prompt_toolkit shell (th/repl/shell.py) driven through pipe input and dummy output.

A fake evaluator records what the shell hands it, so these tests pin down the shell's
own behaviour: Enter runs complete entries and continues unfinished ones, history
across sessions, Ctrl-C and Ctrl-D, and a loop that survives errors.
"""
import io
import threading
import time
import types

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from th.repl.display import Printer
from th.repl.shell import Shell

from repl_fakes import FakeRuntime

UP, CTRL_C, CTRL_D = "\x1b[A", "\x03", "\x04"


class FakeEvaluator:
    """Complete when every `do` has its `end`; records entries; can raise on demand."""

    def __init__(self):
        self.printer = Printer(out=io.StringIO())
        self.runtime = FakeRuntime(x=1)
        self.ran = []

    def is_complete(self, text):
        return text.count("do") <= text.count("end")

    def run(self, text):
        self.ran.append(text)
        if text == "break":
            return "break"
        if text == "interrupt":
            raise KeyboardInterrupt
        if text == "bug":
            raise ValueError("display bug")
        return None


def session(keys, history):
    evaluator = FakeEvaluator()
    with create_pipe_input() as pipe:
        shell = Shell(evaluator, history_file=str(history), input=pipe, output=DummyOutput())
        pipe.send_text(keys)
        status = shell.run()
    return status, evaluator


def test_entries_and_multi_line_chunks(tmp_path):
    status, ev = session("1+1\rfor i=1,2 do\rprint(i)\rend\rbreak\r", tmp_path / "h")
    assert status == 0
    assert ev.ran == ["1+1", "for i=1,2 do\nprint(i)\nend", "break"]


def test_history_is_written_and_recalled_whole_in_a_second_session(tmp_path):
    history = tmp_path / "h"
    session("for i=1,2 do\rprint(i)\rend\rbreak\r", history)
    _, ev = session(UP + UP + "\rbreak\r", history)
    assert ev.ran[0] == "for i=1,2 do\nprint(i)\nend"


def test_ctrl_c_at_the_prompt_clears_the_line(tmp_path):
    _, ev = session("half typed" + CTRL_C + "x\rbreak\r", tmp_path / "h")
    assert ev.ran == ["x", "break"]


def test_ctrl_d_asks_before_leaving(tmp_path):
    status, ev = session(CTRL_D + "n\r" + "x\r" + CTRL_D + "\r", tmp_path / "h")
    assert status == 0 and ev.ran == ["x"]
    assert "exit" not in ev.ran


def test_exit_answered_no_runs_the_line_as_lua(tmp_path):
    _, ev = session("exit\rn\rbreak\r", tmp_path / "h")
    assert ev.ran == ["exit", "break"]


def test_the_loop_survives_interrupts_and_bugs(tmp_path):
    _, ev = session("interrupt\rbug\rx\rbreak\r", tmp_path / "h")
    assert ev.ran == ["interrupt", "bug", "x", "break"]
    assert "interrupted!" in ev.printer._out.getvalue()
    assert "internal error: ValueError: display bug" in ev.printer._out.getvalue()


def wait_for(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_tab_picks_from_the_completion_menu(tmp_path):
    nn = types.ModuleType("nn")
    nn.Linear, nn.LinearNoBias = object, object
    nn.__all__ = ["Linear", "LinearNoBias"]
    evaluator = FakeEvaluator()
    evaluator.runtime = FakeRuntime(nn=nn)
    with create_pipe_input() as pipe:
        shell = Shell(evaluator, history_file=str(tmp_path / "h"), input=pipe,
                      output=DummyOutput())
        buffer = shell.session.default_buffer

        errors = []

        def type_slowly():
            try:
                keys()
            except Exception as err:     # unblock the shell, report after
                errors.append(err)
                pipe.send_text("\x03break\r")

        def keys():
            # Completion runs asynchronously: send each key once the menu caught up.
            pipe.send_text("nn.Lin")
            wait_for(lambda: buffer.complete_state is not None)
            menu = [c.text for c in buffer.complete_state.completions]
            assert menu == ["Linear", "LinearNoBias"]
            pipe.send_text("\t")
            wait_for(lambda: buffer.text == "nn.Linear")
            pipe.send_text("\r")            # closes the menu, keeps the name
            wait_for(lambda: buffer.complete_state is None)
            pipe.send_text("\rbreak\r")

        typist = threading.Thread(target=type_slowly)
        typist.start()
        shell.run()
        typist.join()
    assert not errors
    assert evaluator.ran == ["nn.Linear", "break"]
