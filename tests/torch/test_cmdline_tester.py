"""torch.CmdLine and torch.Tester / torch.TestSuite, driven from Lua as Torch7 scripts
use them; outputs compared with Torch7's formats (CmdLine.lua, Tester.lua)."""
import re

import pytest

from th.lua import Runtime

CMDLINE = """
cmd = torch.CmdLine()
cmd:text()
cmd:text('Training a simple network')
cmd:text()
cmd:text('Options')
cmd:option('-seed', 123, 'initial random seed')
cmd:option('-booloption', false, 'boolean option')
cmd:option('-stroption', 'mystring', 'string option')
cmd:argument('data', 'the data file')
cmd:text()
"""

USAGE = """Usage: {script}[options] <data>

Training a simple network

Options
  -seed       initial random seed [123]
  -booloption boolean option [false]
  -stroption  string option [mystring]
  <data>      the data file

"""


def run(src):
    rt = Runtime()
    results = rt.execute("torch = require 'torch'\n" + src)
    return rt, results


def test_cmdline_parse_and_string(capsys):
    rt, (seed, flag, text, data, name) = run(CMDLINE + """
        params = cmd:parse({'-seed', '7', '-booloption', 'file.t7'})
        return params.seed, params.booloption, params.stroption, params.data,
               cmd:string('experiment', params, {dir=true})""")
    assert (seed, flag, text, data) == (7, True, "mystring", "file.t7")
    assert name == "experiment,data=file.t7,booloption=t,seed=7"
    assert rt.execute("return cmd:default().seed") in (123, (123,))


def test_cmdline_help_exits_0(capsys):
    with pytest.raises(SystemExit) as e:
        run(CMDLINE + "arg = {[0] = 'train.lua', '--help'}\ncmd:parse(arg)")
    assert e.value.code == 0
    assert capsys.readouterr().out == USAGE.format(script="train.lua ")


@pytest.mark.parametrize("args,message", [
    ("'-seed', 'x', 'f'", "invalid type for option -seed (should be number)"),
    ("'-stroption'", "missing argument for option -stroption"),
    ("", "not enough arguments"),
    ("'a', 'b'", "invalid argument: b"),
])
def test_cmdline_errors_exit_1(capsys, args, message):
    with pytest.raises(SystemExit) as e:
        run(CMDLINE + f"cmd:parse({{{args}}})")
    assert e.value.code == 1
    out, err = capsys.readouterr()
    assert err == message and out.endswith(USAGE.format(script=""))


def test_cmdline_declaration_errors():
    for code, words in (("cmd:option('-x')", "option -x has no default value"),
                        ("cmd:option('-x', 1, 'h', 'string')",
                         "option -x has wrong default type value")):
        rt, (err,) = run(f"cmd = torch.CmdLine()\nlocal ok, e = pcall(function() {code} end)\n"
                         "return e")
        assert words in err


def test_cmdline_log_tees_print(tmp_path, capsys):
    log = tmp_path / "run.log"
    run(f"cmd = torch.CmdLine()\ncmd:addTime('exp', '%Y')\n"
        f"cmd:log('{log}', {{lr = 0.5}})\nprint('hello', 3)\n"
        f"cmd:silent()\nprint('quiet')")
    lines = log.read_text().splitlines()
    assert re.fullmatch(r"\d{4}\[exp\]:  \[program started on .+\] ", lines[0])
    assert lines[1:] == [re.sub(r"^", lines[1][:11], s) for s in (
        " [command line arguments] ", " lr 0.5 ", " [----------------------] ",
        " hello 3 ", " quiet ")]
    out = capsys.readouterr().out
    assert "hello\t3" in out and "quiet" not in out


TESTS = """
local tests = torch.TestSuite()
tester = torch.Tester()
function tests.sum() tester:eq(1 + 1, 2, 'sum') end
function tests.fails() tester:asserteq(1, 2, 'one is not two'); tester:assertlt(3, 2) end
function tests.tensor() tester:assertTensorEq(torch.ones(2), torch.Tensor({1, 1.5}), 1e-3) end
function tests.errs() local x = nil; return x.y end
function tests.warn() tester:assert(1) end
function tests.tables() tester:eq({1, {2, 3}}, {1, {2, 4}}) end
function tests.errpat()
  tester:assertErrorPattern(function() error('bad size here') end, 'size')
  tester:assertTableEq({a = {1}}, {a = {1}})
  tester:assertalmosteq(0.1 + 0.2, 0.3, 1e-12)
end
tester:add(tests)
tester:disable('tables')
ok, err = pcall(function() tester:run() end)
return ok, err, #tester.errors
"""


def test_tester_report(capsys):
    rt, (ok, err, nerrors) = run(TESTS)
    assert ok is False and err.endswith("An error was found while running tests!")
    assert nerrors == 4
    out = capsys.readouterr().out
    lines = out.split("\n")
    assert lines[0] == "Running 7 tests"
    # each test line: counter, name, dots to column 72, WAIT, then \r and the result
    start = "1/7 sum " + "." * (80 - 6 - 2 - 4 - 3) + " "
    assert lines[1] == start + "[WAIT]\r" + start + "[PASS]"
    assert [line[line.rindex("[") + 1:-1] for line in lines if "\r" in line] == \
        ["PASS", "FAIL", "FAIL", "ERROR", "PASS", "SKIP", "PASS"]
    assert lines[6] == " " * 70 + "[+warning]"
    assert ("Completed 8 asserts in 7 tests with 2 failures and 1 error and 1 warning and "
            "1 disabled") in out
    sections = out.split("-" * 80 + "\n")
    assert sections[1].startswith("fails\none is not two\nEQ failed: 1 ~= 2\n\t")
    assert sections[2].startswith("fails\nLT failed: 3 >= 2\n")
    assert sections[3].startswith("tensor\nTensorEQ(==) violation: max diff=0.5, "
                                  "tolerance=0.001\n")
    assert sections[4].startswith("errs\n Function call failed\n") and \
        "attempt to index local 'x' (a nil value)\nstack traceback:" in sections[4]
    assert sections[5].startswith("warn\n :assert should only be used for boolean")


def test_tester_selection_and_checks(capsys):
    rt, (passed, asserts) = run("""
        local tester = torch.Tester()
        local suite = torch.TestSuite()
        function suite.alpha() tester:assertTableEq({1, {2}}, {1, {2}}) end
        function suite.beta() tester:assert(false) end
        tester:add(suite)
        local ok = pcall(function() tester:run('alp') end)  -- a Lua pattern: alpha only
        return ok, tester.countasserts
    """)
    assert passed is True and asserts == 1
    rt, (err1, err2) = run("""
        local s = torch.TestSuite()
        function s.a() end
        local _, e1 = pcall(function() function s.a() end end)
        local _, e2 = pcall(function() s.b = 3 end)
        return e1, e2""")
    assert "Test a is already defined." in err1
    assert "Only functions are supported as members of a TestSuite" in err2
