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
