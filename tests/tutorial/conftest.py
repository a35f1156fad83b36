"""Fixtures for the lesson engine's tests: a Lua session as `th --tutorial` builds it."""
import pytest


@pytest.fixture
def evaluator():
    """A LessonEvaluator on a fresh runtime with trepl's globals (no timing lines)."""
    from th.lua import Runtime
    from th.repl import environment
    from th.repl.display import Printer
    from th.tutorial.session import LessonEvaluator
    runtime = Runtime()
    printer = Printer()
    environment.install(runtime, printer)
    return LessonEvaluator(runtime, printer, timing=False)


@pytest.fixture(autouse=True)
def private_state(tmp_path, monkeypatch):
    """Progress and plots go to the test's own folder; only th's lessons are listed."""
    monkeypatch.setenv("TH_TUTORIAL_STATE", str(tmp_path / "state" / "tutorial.json"))
    monkeypatch.setenv("TH_PLOT_DIR", str(tmp_path / "plots"))
    monkeypatch.setenv("TH_GNUPLOT_TERM", "png")
    monkeypatch.delenv("TH_TUTORIALS", raising=False)
