"""The `th` command (th/cli.py): options as Torch7's th parsed them, plus ours."""
import pytest

from th.cli import UsageError, parse_args


def test_script_and_its_arguments():
    opts = parse_args(["-l", "nn", "train.lua", "a", "-e", "b"])
    assert opts.libs == ["nn"]
    assert (opts.script, opts.script_index, opts.script_args) == ("train.lua", 2, ["a", "-e", "b"])


def test_statements_libraries_and_flags():
    opts = parse_args(["-lnn", "-e", "x = 1", "-i", "-e", "print(x)", "--no-timing"])
    assert opts.libs == ["nn"]
    assert opts.statements == ["x = 1", "print(x)"]
    assert opts.interactive and not opts.timing and opts.script is None


def test_help_and_stdin_script():
    assert parse_args(["-h"]).help and parse_args(["--help"]).help
    assert parse_args(["-", "x"]).script == "-"


def test_unknown_flags_are_worded_as_torch7():
    with pytest.raises(UsageError, match="Error: unrecognized flag --z"):
        parse_args(["-z"])
    with pytest.raises(UsageError, match="Error: unrecognized flag --zz"):
        parse_args(["--zz"])
    with pytest.raises(UsageError):
        parse_args(["-e"])


def test_torch7_only_flags_are_noted_not_fatal():
    assert parse_args(["-g"]).notes and parse_args(["--async"]).notes


# ---- the command end to end (needs the Lua engine) -------------------------------------

import os
import subprocess
import sys

TH = [sys.executable, "-m", "th.cli"]


def th(*args, stdin="", env=None, cwd=None):
    full_env = dict(os.environ, TERM="dumb")
    full_env.pop("TH_TRACEBACK", None)
    full_env.update(env or {})
    return subprocess.run(TH + list(args), input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=120, cwd=cwd)


def test_script_sees_arg_and_varargs(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text("#!/usr/bin/env th\nprint(arg[0], arg[1], arg[2], arg[-1], arg[-2])\n"
                      "print(...)\nprint(select('#', ...))\n")
    result = th("-l", "paths", str(script), "a", "-e")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{script}\ta\t-e\tpaths\t-l\t\na\t-e\t\n2\t\n"


def test_statements_run_in_order_with_trepl_print():
    result = th("-e", "x = {a = 1}", "-e", "print(x, 2)")
    assert result.stdout == "{\n  a : 1\n}\n2\t\n" and result.returncode == 0


def test_a_failing_script_exits_1_with_the_message_on_stderr(tmp_path):
    script = tmp_path / "bad.lua"
    script.write_text("print('before')\nlocal t = nil\nprint(t.x)\n")
    result = th("bad.lua", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "before\t\n"
    assert result.stderr.startswith("th: bad.lua:3: attempt to index local 't' (a nil value)\n"
                                    "stack traceback:\n")
    assert "Traceback (most recent call last)" not in result.stderr


def test_errors_in_statements_and_syntax_errors_fail_too():
    result = th("-e", "error('bad')")
    assert result.returncode == 1 and result.stderr.startswith('th: [string "error(\'bad\')"]:1: bad')
    result = th("-e", "x = = 1")
    assert result.returncode == 1
    assert result.stderr == "th: [string \"x = = 1\"]:1: unexpected symbol near '='\n"
    result = th("missing.lua")
    assert result.returncode == 1 and result.stderr == "th: cannot open missing.lua\n"


def test_th_traceback_shows_the_python_traceback():
    result = th("-e", "string.rep()", env={"TH_TRACEBACK": "1"})
    assert "bad argument #1 to 'rep'" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr


def test_did_you_mean_for_scripts(tmp_path):
    script = tmp_path / "typo.lua"
    script.write_text("local x = torch.one(3)\n")
    result = th(str(script))
    assert "attempt to call field 'one' (a nil value)\ndid you mean torch.ones?" in result.stderr


def test_stdin_script_and_interactive_after_a_script(tmp_path):
    assert th("-", "q", stdin="print(...)\n").stdout == "q\t\n"
    script = tmp_path / "s.lua"
    script.write_text("y = 41\n")
    result = th("-i", str(script), stdin="y + 1\n")
    assert "th> y + 1\n42\t\n" in result.stdout


def test_piped_stdin_runs_the_console_without_colour():
    result = th(stdin="1+1\n{1}\n")
    assert "th> 1+1\n2\t\n" in result.stdout
    assert "th> {1}\n{\n  1 : 1\n}\n" in result.stdout
    assert "\x1b[" not in result.stdout
    assert result.stdout.endswith("th> Do you really want to exit ([y]/n)? \t\n")


def test_timing_can_be_turned_off():
    assert "s]\t" not in th("--no-timing", stdin="1\n").stdout
    assert "s]\t" not in th(stdin="1\n", env={"TH_TIMING": "0"}).stdout
    assert "s]\t" in th(stdin="1\n").stdout


def test_help_and_bad_flags():
    result = th("-h")
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: th [options] [script.lua [arguments]]")
    result = th("-z")
    assert result.returncode == 1 and result.stdout.startswith("Error: unrecognized flag --z\n")


def test_os_exit_sets_the_status():
    assert th("-e", "os.exit(3)").returncode == 3
    assert th(stdin="os.exit(4)\n").returncode == 4


def test_startup_file_runs_for_plain_th_and_scripts_only(tmp_path):
    startup = tmp_path / "startup.lua"
    startup.write_text("greeting = 'hello'\n")
    env = {"TREPLSTARTUP": str(startup)}
    assert "hello" in th(stdin="greeting\n", env=env).stdout
    assert th("-e", "print(greeting)", env=env).stdout == "nil\t\n"


def test_print_survives_io_output_changes(tmp_path):
    target = tmp_path / "o.txt"
    result = th("-e", f"io.output('{target}'); io.write('to file'); print('a');"
                      " io.output():close(); print('b')")
    assert result.stdout == "a\t\nb\t\n" and target.read_text() == "to file"


def test_relative_require_starts_at_the_script_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "m.lua").write_text("return {v = 'relative'}\n")
    (tmp_path / "sub" / "p.lua").write_text("return {v = 'plain'}\n")
    (tmp_path / "sub" / "main.lua").write_text(
        "print(require('./m').v)\nprint(require('p').v)\nrequire './none'\n")
    result = th(str(tmp_path / "sub" / "main.lua"), cwd=tmp_path)
    assert result.stdout == "relative\t\nplain\t\n"
    assert "main.lua:3: module '" in result.stderr and "none' not found" in result.stderr


def test_relative_require_starts_at_the_calling_file(tmp_path):
    # trepl: debug.getinfo(2).source; a file required from lib/ finds its neighbours there
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.lua").write_text("return {v = require('./b').v .. '+a'}\n")
    (tmp_path / "lib" / "b.lua").write_text("return {v = 'b'}\n")
    (tmp_path / "main.lua").write_text("print(require('./lib/a').v)\n")
    result = th(str(tmp_path / "main.lua"), cwd="/")
    assert result.stdout == "b+a\t\n" and result.stderr == ""
    typed = th(stdin="print(require('./lib/b').v)\n", cwd=tmp_path)   # the prompt: cwd
    assert "b\t\n" in typed.stdout
