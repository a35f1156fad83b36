"""`th --tutorial [NAME] [--replay]`: list the lessons, start one, or replay one.

Called by th/cli.py once the Lua runtime has trepl's globals (the same set-up as the
console), with the runtime, the printer and whether timing lines are wanted.
"""
import sys

from th.tutorial import catalog, lint
from th.tutorial import lesson as lesson_format
from th.tutorial.guide import Guide
from th.tutorial.progress import Progress
from th.tutorial.replay import Replay
from th.tutorial.session import LessonEvaluator


def run(name, runtime, printer, replay=False, timing=True):
    """List the lessons (name empty), or start / replay lesson `name`; the exit status."""
    progress = Progress()
    if not name:
        print("\n".join(catalog.listing(progress)))
        return 0
    path = catalog.find(name)
    if path is None:
        print(f"th: no lesson called {name!r}", file=sys.stderr)
        print("\n".join(catalog.listing(progress)))
        return 1
    lesson = lesson_format.load(path)
    evaluator = LessonEvaluator(runtime, printer, timing=timing)
    lint.lint(lesson, evaluator)
    if replay:
        return Replay(lesson, evaluator).run()
    guide = Guide(lesson, evaluator, progress, next_lesson=_next_lesson(lesson.name))
    if sys.stdin.isatty() and sys.stdout.isatty():
        from th.repl.shell import Shell
        return Shell(evaluator, guide=guide).run()
    from th.repl.plain import PlainLoop
    return PlainLoop(evaluator, guide=guide).run()


def _next_lesson(name):
    names = [n for n, _ in catalog.lesson_files()]
    if name in names and names.index(name) + 1 < len(names):
        return names[names.index(name) + 1]
    return None
