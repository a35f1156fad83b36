"""The console's evaluator (th/repl/evaluator.py) on the real Lua runtime, with plain strings."""
import _thread
import io
import re
import threading

import pytest

from th.repl import environment
from th.repl.display import Printer
from th.repl.evaluator import BREAK, Evaluator

from repl_transcript import TIMING


class Console:
    """An evaluator with trepl's globals, printing into a string."""

    def __init__(self, runtime, timing=False):
        self.out = io.StringIO()
        self.printer = Printer(out=self.out)
        environment.install(runtime, self.printer)
        self.evaluator = Evaluator(runtime, self.printer, timing=timing)
        self.runtime = runtime

    def __call__(self, text):
        start = self.out.tell()
        result = self.evaluator.run(text)
        assert result is None
        return self.out.getvalue()[start:]


@pytest.fixture
def th(runtime):
    return Console(runtime)


def test_expressions_print_their_values(th):
    assert th("1+1") == "2\t\n"
    assert th("'a', 2, nil") == "a\t2\t\n"      # trailing nils vanish, as in trepl
    assert th("nil, 1") == "nil\t1\t\n"
    assert th("math.max(3, 9)") == "9\t\n"


def test_statements_and_suppressed_output_print_nothing(th):
    assert th("x = 5") == ""
    assert th("x;") .startswith("syntax error: [string \"x;\"]:1:")
    assert th("x + 1;") .startswith("syntax error:")
    assert th("foo") == ""


def test_lines_starting_with_print_run_once_as_statements(th):
    assert th("print('printed')") == "printed\t\n"
    assert th("print(1, nil, 2)") == "1\tnil\t2\t\n"


def test_expression_runs_once(th):
    th("n = 0; function bump() n = n + 1; return n end")
    assert th("bump()") == "1\t\n"
    assert th("n") == "1\t\n"


def test_results_are_kept(th, runtime):
    th("10")
    th("x = 3")
    th("'s', 7")
    g = runtime.globals
    assert g["_RESULTS"].to_list() == [10, "s"]
    assert g["_LAST"] == "s"
    assert g["_RESULT"].to_list() == ["s", 7]


def test_locals_persist_between_entries(th):
    assert th("local l = 5") == ""
    assert th("l") == "5\t\n"
    assert th("local function sq(v) return v * v end") == ""
    assert th("sq(l)") == "25\t\n"


def test_leading_equals_is_dropped(th):
    assert th("=1+2") == "3\t\n"


def test_runtime_errors_print_message_and_traceback(th):
    out = th("foo()")
    assert out.startswith('[string "_RESULT={foo()}"]:1: attempt to call global \'foo\''
                          " (a nil value)\nstack traceback:\n")
    assert out.endswith("\t\n")
    out = th("error('boom')")
    assert out.startswith('[string "_RESULT={error(\'boom\')}"]:1: boom\n')
    out = th("x = nil + 1")
    assert out.startswith('[string "x = nil + 1"]:1: attempt to perform arithmetic on a nil value\n')


def test_error_values_that_are_tables_print_as_tables(th):
    assert th("error({code = 1})") == "{\n  code : 1\n}\n"
    # trepl's handler gives back what is not a string or number; print shows it
    assert th("error()") == "nil\t\n" and th("error(true)") == "true\t\n"


def test_timing_line_follows_each_entry(runtime):
    th = Console(runtime, timing=True)
    out = th("1+1").split("\n")
    assert out[0] == "2\t" and TIMING.match(out[1]) and out[2] == ""
    assert TIMING.match(th("x = 1").split("\n")[0])
    assert TIMING.match(th("").split("\n")[0])          # as in trepl, even empty input


def test_unfinished_chunks_ask_for_more_and_real_errors_do_not(th):
    complete = th.evaluator.is_complete
    for text in ["for i=1,3 do", "x = ", "f(", "t = {1, 2,", "s = [[abc", "--[[ note",
                 "function f()\n  return 1"]:
        assert not complete(text), text
    for text in ["1+1", "x;", "end", "x = = 1", "for i=1,2 do\nprint(i)\nend", "",
                 "$ ls", "?torch.randn", "exit", "break", "-- comment"]:
        assert complete(text), text


def test_a_multi_line_chunk_runs_whole(th):
    assert th("for i=1,2 do\nprint(i)\nend") == "1\t\n2\t\n"


def test_shell_commands_land_in_results(th, runtime):
    assert th("$ echo hi") == "hi\n"
    assert runtime.globals["_LAST"] == "hi\n"


def test_break_leaves(th):
    assert th.evaluator.run("break") == BREAK


def test_help_pages(th):
    assert "?torch.randn" in th("?")
    page = th("?torch.randn")
    assert page.splitlines()[1].startswith("torch.randn(") and "Example" in page
    page = th("? string.format")
    assert "string.format(formatstring, ...)" in page and "Example" in page
    assert "print_old" in th("?print")
    assert "setprintlevel(n)" in th("?setprintlevel")
    assert th("?torch.randnn") == "torch.randnn is nil: no help for it. Did you mean torch.randn?\n"
    th("f = string.rep")
    assert "string.rep(s, n [, sep])" in th("?f")


def test_help_for_values_names_their_type(th):
    th("x = torch.zeros(2, 3)")
    assert th("?x").splitlines()[1] == "x: torch.DoubleTensor of size 2x3"


def test_did_you_mean(th):
    out = th("torch.one(4)")
    assert "attempt to call field 'one' (a nil value)\ndid you mean torch.ones?\n" in out
    out = th("Torch.zeros(3)")
    assert "did you mean torch.zeros?" in out
    th("t = {weight = 1}")
    assert th("t.Weight") == "t.Weight is nil; did you mean t.weight?\n"


@pytest.mark.parametrize("loop", ["while true do end",
                                  "pcall(function() while true do end end)",
                                  "for i = 1, math.huge do local t = {i} end",
                                  "coroutine.wrap(function() while true do end end)()",
                                  "coroutine.resume(coroutine.create(function() while true do end end))"])
def test_ctrl_c_stops_a_runaway_loop_and_the_console_goes_on(th, loop):
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    try:
        out = th(loop)
    finally:
        timer.cancel()
    assert out == "interrupted!\t\n"
    assert th("1+1") == "2\t\n"


def test_trepl_globals(th, runtime, capsys):
    # print_old is Lua's own print: it writes to sys.stdout, captured by capsys.
    assert th("setprintlevel(0)") == ""
    th("print({})")
    assert capsys.readouterr().out.startswith("table: 0x")
    th("setprintlevel(5)")
    assert th("print({})") == "{}\n"
    th("c = require 'trepl.colorize'; print_old(c.red('x'))")
    assert capsys.readouterr().out == "\x1b[0;31mx\x1b[0m\n"
    th("myvar = 3")
    out = th("who()")
    assert "[myvar]" in out and "[torch]" not in out and out.startswith("== User Variables ==")


def test_torch_is_a_lazy_global(th):
    assert th("rawget(_G, 'torch') == nil") == "true\t\n"
    assert th("torch.typename(torch.zeros(1))") == "torch.DoubleTensor\t\n"
    assert th("rawget(_G, 'torch') == torch") == "true\t\n"


def test_import_copies_names(th):
    th("import 'torch'")
    assert th("typename(zeros(2))") == "torch.DoubleTensor\t\n"


def test_the_lectures_typos_get_hints(th):
    th("require 'nn'; lin = nn.Linear(5, 3); net = nn.Sequential(); net:add(lin)")
    th("x = torch.rand(5)")
    cases = {"lin = nn.linear(5,3)": "nn.Linear", "lin:upgradeOutput(x)": "lin:updateOutput",
             "net:zeroAccParameters()": "net:zeroGradParameters",
             "Net:zeroGradParameters()": "net:zeroGradParameters",
             "net:updateParameter(0.1)": "net:updateParameters",
             "net:backard(x, x)": "net:backward", "nn.joinTable(-1)": "nn.JoinTable",
             "W = torch.one(4)": "torch.ones"}
    for line, fix in cases.items():
        assert f"\ndid you mean {fix}?\n" in th(line), line
    assert th("lin.Weight") == "lin.Weight is nil; did you mean lin.weight?\n"


def test_require_without_quotes_gets_a_hint(th):
    assert th("require nn;") == ("syntax error: [string \"require nn;\"]:1: '=' expected near"
                                 " 'nn'\ndid you mean require 'nn'?\t\n")


def test_tracebacks_read_like_luas(th):
    out = th("foo()")
    assert out.endswith("\nstack traceback:\n\t[string \"_RESULT={foo()}\"]:1: in main chunk"
                        "\n\t[th]: in the console\t\n")
    out = th("local function f() error('boom') end\nf()")
    assert out.split("\n")[1:6] == [
        "stack traceback:", "\t[C]: in function 'error'",
        "\t[string \"local function f() error('boom') end...\"]:1: in function 'f'",
        "\t[string \"local function f() error('boom') end...\"]:2: in main chunk",
        "\t[th]: in the console\t"]
    assert "[C]: ?" not in out


def test_classes_are_tables_as_in_torch7(th):
    # Torch7: a class (constructor table) prints as a table, whose metatable is the class
    th("require 'nn'; lin = nn.Linear(3, 2); x = torch.zeros(2)")
    for name in ("nn.Linear", "torch.Tensor", "print(nn.Linear)"):
        assert re.fullmatch(r"table: 0x[0-9a-f]+\n", th(name)), name
    assert re.fullmatch(r"table: 0x[0-9a-f]+\t\n", th("tostring(nn.Linear)"))
    assert th("type(nn.Linear), type(torch.Tensor), type(lin)") == "table\ttable\ttable\t\n"
    assert th("{nn.Linear}") == "{\n  1 : {...}\n}\n"
    assert th("getmetatable(lin) == torch.getmetatable('nn.Linear')") == "true\t\n"
    assert th("getmetatable(lin).__typename, lin.__typename") == "nn.Linear\tnn.Linear\t\n"
    assert th("getmetatable(x).__typename, x.__typename") == \
        "torch.DoubleTensor\ttorch.DoubleTensor\t\n"
    assert th("getmetatable(x) == torch.getmetatable('torch.DoubleTensor')") == "true\t\n"
