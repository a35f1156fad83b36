"""Test-suite set-up shared by every folder.

Tests run with pytest's importlib import mode (pyproject.toml), so test files in
different folders may share a basename (tests/torch/test_golden.py and
tests/repl/test_golden.py). Helper modules beside the tests (repl_fakes, lib_oracle,
torch_check, ...) are imported by plain name, so every test folder goes on sys.path;
their names must be unique across folders.
"""
import pathlib
import sys

_TESTS = pathlib.Path(__file__).parent
for _folder in sorted(p for p in _TESTS.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))
