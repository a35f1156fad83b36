"""Golden tests: printing.lua and rng.lua print exactly Torch7's captured output.

Two levels: the same calls made from Python (the tensor core alone), and the Lua scripts
themselves run by the `th` command (skipped only while the Lua engine is absent).
"""
import pathlib
import subprocess
import sys

import pytest

import torch_golden_calls as golden_calls

REF = pathlib.Path("/work/shared/reference/transcripts")


def _expected(name):
    return (REF / f"{name}.out").read_text()


@pytest.mark.parametrize("name,fn", [("printing", golden_calls.printing_lua),
                                     ("rng", golden_calls.rng_lua)])
def test_golden_from_python(name, fn):
    assert fn() == _expected(name)


@pytest.mark.parametrize("name", ["printing", "rng"])
def test_golden_from_lua(name, tmp_path):
    """`th <name>.lua` (the real command, Lua engine included) prints the .out file."""
    try:
        import th.cli  # noqa: F401
        from th.lua import Runtime  # noqa: F401
    except ImportError:
        pytest.skip("the Lua engine / th command is not available yet")
    proc = subprocess.run([sys.executable, "-m", "th.cli", str(REF / f"{name}.lua")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == _expected(name)
