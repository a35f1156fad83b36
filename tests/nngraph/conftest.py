"""nngraph changes what calling any nn module does, process-wide (as Torch7's did). Each
test here starts with nngraph loaded and ends by putting nn's own call back, so the
other suites of the same pytest run see nn as they expect."""
import os
import stat

import pytest

import th.nngraph
from th.nngraph import calls

# Importing th.nngraph installed the hooks; pytest imports this file while collecting
# every folder's tests, before any of them runs: put nn's own call back at once.
calls.uninstall()


@pytest.fixture(autouse=True)
def nngraph_loaded():
    th.nngraph._install()
    yield
    calls.uninstall()
    th.nngraph.setDebug(False)


@pytest.fixture
def fake_dot(tmp_path, monkeypatch):
    """A `dot` program on PATH that records its arguments and writes a small svg (the
    tests need no graphviz)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "dot.log"
    script = bin_dir / "dot"
    script.write_text(f'#!/bin/sh\necho "$@" >> {log}\n'
                      'while [ $# -gt 0 ]; do [ "$1" = -o ] && printf "<svg/>" > "$2"; shift; done\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log
