"""The interactive lesson: a guide that drives the real console, step by step.

The console (repl/shell.py, or repl/plain.py's PlainLoop for piped input) asks its guide:
- `start()` after the banner: the lesson's title, then the current step (a resumed
  lesson first re-runs the earlier steps' commands quietly, to rebuild the session);
- `suggestion()` when Enter is pressed on an empty line: the command to type for the
  student, who may run it with Enter or edit it first;
- `handle(text)` before running an entry: the tutorial's own commands (`:next`, `:back`,
  `:again`, `:list`, `:hint`, `:goto N`, `:help`, `:quit`) are handled here (True, or
  BREAK to leave the console); anything else runs as Lua;
- `ran(text)` after an entry ran. An entry that is an attempt at the step (the step's
  command, perhaps edited, or an assignment to the same name) is checked and the
  verdict is shown; when every check passes, the next step is shown. Any other entry
  is free experimentation and the step waits.

Progress (progress.py) is saved at every move, so `th --tutorial NAME` resumes there.
"""
import difflib
import re

from th.repl.evaluator import BREAK
from th.tutorial import checks
from th.tutorial.session import assigned_name, entries

COMMANDS = """Tutorial commands (type them at the th> prompt):
  Enter    on an empty line: types the step's command (edit it, or Enter to run it)
  :next    go to the next step (skipping this one)
  :back    go back to the previous step (your Lua values stay as they are)
  :again   show this step again
  :list    list the steps (+ passed, > current)
  :hint    a hint for this step
  :goto N  go to step N
  :help    this list
  :quit    leave; th --tutorial {name} resumes at this step
Anything else is Lua, run in the lesson's session: experiment freely between steps."""

_COMMAND = re.compile(r"^\s*:([a-z]+)\b\s*(.*?)\s*$")
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
_SIMILAR = 0.6


class Guide:
    """Leads one lesson inside a console (see the module docstring).

    Example (Python): Shell(evaluator, guide=Guide(lesson, evaluator, Progress())).run()
    """

    def __init__(self, lesson, evaluator, progress, next_lesson=None):
        self.lesson = lesson
        self.evaluator = evaluator
        self.printer = evaluator.printer
        self.palette = evaluator.printer.palette
        self.progress = progress
        self.next_lesson = next_lesson
        self.index = 0                     # current step, 0-based; len(steps) = finished
        self.cursor = 0                    # the next entry of the step to type
        self.output = []                   # what the step's attempts printed
        self.passed = set(progress.passed(lesson.name))

    # ---- the console's hooks ------------------------------------------------------

    def start(self):
        """Show the lesson and its current step (resuming where the student left)."""
        lesson = self.lesson
        self._say(self.palette.role("heading", f"Lesson {lesson.name}: {lesson.title}"))
        if lesson.intro:
            self._say(self._render(lesson.intro) + "\n")
        for problem in lesson.all_problems():
            self._say(self.palette.role("error", "mistake in the lesson file: " + problem))
        self._say("(:help lists the tutorial commands; :quit leaves, keeping your place)")
        resume = self.progress.step(lesson.name)
        if self.progress.finished(lesson.name):
            self._say("You finished this lesson before: starting again from step 1.")
            self.passed = set()
        elif 1 < resume <= len(lesson.steps):
            self._rebuild(resume - 1)
        self._show()

    def suggestion(self):
        """The command an Enter on an empty line types, or None."""
        step = self._current()
        if step is None or step.is_reading:
            return None
        commands = entries(step.code, self.evaluator)
        return commands[min(self.cursor, len(commands) - 1)] if commands else None

    def handle(self, text):
        """Run a tutorial command; True (handled), BREAK (leave) or False (it is Lua)."""
        match = _COMMAND.match(text)
        if match is None:
            step = self._current()
            if not text.strip() and step is not None and step.is_reading:
                self.passed.add(step.number)    # Enter on a reading step: read, move on
                self._advance()
                return True
            return False
        action = getattr(self, "_cmd_" + match.group(1), None)
        if action is None:
            self._say(f"unknown tutorial command :{match.group(1)} (:help lists them)")
            return True
        return action(match.group(2))

    def ran(self, text):
        """After an entry ran: check it when it was an attempt at the current step."""
        step = self._current()
        outcome = self.evaluator.last
        if step is None or step.is_reading or outcome is None or outcome.text != text:
            return
        commands = entries(step.code, self.evaluator)
        attempt = self._attempted(text, commands)
        if attempt is None:
            return
        self.output.append(outcome.output)
        if attempt < len(commands) - 1:
            if outcome.failed:
                self._say(self.palette.role("hint", "That command failed; fix it and try again."))
            else:
                self.cursor = attempt + 1
            return
        self.cursor = len(commands) - 1
        self._judge(step, outcome)

    # ---- steps ----------------------------------------------------------------------

    def _current(self):
        return self.lesson.steps[self.index] if self.index < len(self.lesson.steps) else None

    def _show(self):
        step = self._current()
        self._save()
        if step is None:
            self._finish()
            return
        total = len(self.lesson.steps)
        self._say("")
        self._say(self.palette.role("heading", f"Step {step.number}/{total}: {step.title}"))
        if step.text:
            self._say(self._render(step.text))
        for problem in step.problems:
            self._say(self.palette.role("error", "mistake in the lesson file: " + problem))
        if step.is_reading:
            self._say("(press Enter to go on)")
            return
        self._say("")
        for line in step.code.strip("\n").splitlines():
            self._say("    " + self.palette.role("code", line))
        self._say("")
        self._say("(type it, or press Enter on an empty line to have it typed)")

    def _judge(self, step, outcome):
        verdicts = checks.judge(step, outcome, self.evaluator, self.lesson.reference,
                                output="".join(self.output))
        for verdict in verdicts:
            mark = self.palette.green("ok: ") if verdict.ok else self.palette.red("not yet: ")
            self._say(mark + verdict.message)
        if all(v.ok for v in verdicts):
            self.passed.add(step.number)
            self._advance()
        elif step.hint:
            self._say(self.palette.role("hint", "hint: " + step.hint))
        else:
            self._say(self.palette.role("hint", "try again, or :again to see the step"))

    def _advance(self):
        self._go(self.index + 1)

    def _go(self, index):
        self.index = max(0, min(index, len(self.lesson.steps)))
        self.cursor = 0
        self.output = []
        self._show()

    def _finish(self):
        self._say("")
        total = len(self.lesson.steps)
        self._say(self.palette.role("heading", f"Lesson {self.lesson.name} complete: "
                                    f"{len(self.passed & set(range(1, total + 1)))} of "
                                    f"{total} steps passed."))
        if self.next_lesson:
            self._say(f"Next: th --tutorial {self.next_lesson}. The console stays open "
                      f"for your own experiments (:list, :goto N, :quit).")

    def _rebuild(self, count):
        """Re-run the commands of the first `count` steps quietly (a resumed lesson)."""
        self._say(f"Resuming at step {count + 1}: re-running steps 1-{count} quietly "
                  f"to rebuild your Lua session...")
        failed = []
        self.evaluator.quiet = True
        try:
            for step in self.lesson.steps[:count]:
                for command in entries(step.code, self.evaluator):
                    self.evaluator.run(command)
                    expected = any(c.kind == "fails" for c in step.checks)
                    if self.evaluator.last.failed and not expected:
                        failed.append(step.number)
        finally:
            self.evaluator.quiet = False
        if failed:
            self._say("these steps failed while re-running: "
                      + ", ".join(str(n) for n in sorted(set(failed))))
        self.index = count

    def _attempted(self, text, commands):
        """The index of the command `text` attempts, or None (free experimentation)."""
        typed = _squeeze(text)
        for i, command in enumerate(commands):
            if _squeeze(command) == typed:
                return i
        name = assigned_name(text)
        if name is not None:
            for i in reversed(range(len(commands))):
                if assigned_name(commands[i]) == name:
                    return i
            return None                  # a variable of the student's own
        ratios = [difflib.SequenceMatcher(None, typed, _squeeze(c)).ratio() for c in commands]
        ahead = [i for i in range(self.cursor, len(commands)) if ratios[i] >= _SIMILAR]
        if ahead:
            return ahead[0]
        best = max(range(len(commands)), key=ratios.__getitem__, default=None)
        return best if best is not None and ratios[best] >= _SIMILAR else None

    # ---- tutorial commands --------------------------------------------------------

    def _cmd_next(self, _):
        step = self._current()
        if step is not None and step.number not in self.passed and not step.is_reading:
            self._say(f"(step {step.number} skipped)")
        if step is None:
            self._finish()
        else:
            self._advance()
        return True

    def _cmd_back(self, _):
        if self.index == 0:
            self._say("This is the first step.")
        else:
            self._go(self.index - 1)
        return True

    def _cmd_again(self, _):
        self._go(self.index)
        return True

    def _cmd_list(self, _):
        for step in self.lesson.steps:
            mark = ">" if step.number == self.index + 1 else (
                "+" if step.number in self.passed else " ")
            self._say(f"  {mark} {step.number:2d}. {step.title}")
        return True

    def _cmd_hint(self, _):
        step = self._current()
        if step is None:
            self._say("The lesson is complete.")
        else:
            self._say(step.hint or "No hint here: the command to type is shown above (:again).")
        return True

    def _cmd_goto(self, argument):
        if not argument.isdigit() or not 1 <= int(argument) <= len(self.lesson.steps):
            self._say(f":goto needs a step number from 1 to {len(self.lesson.steps)}")
        else:
            self._go(int(argument) - 1)
        return True

    def _cmd_help(self, _):
        self._say(COMMANDS.format(name=self.lesson.name))
        return True

    def _cmd_quit(self, _):
        self._save()
        step = self._current()
        where = f"step {step.number}" if step is not None else "the end"
        self._say(f"Your place is kept ({where}): th --tutorial {self.lesson.name} resumes there.")
        return BREAK

    # ---- output -----------------------------------------------------------------------

    def _save(self):
        finished = self.index >= len(self.lesson.steps)
        self.progress.place(self.lesson.name, self.index + 1, self.passed, finished=finished)

    def _render(self, text):
        """Explanation prose for the terminal: `code` in the code colour when coloured."""
        if not self.palette.enabled:
            return text
        return _INLINE_CODE.sub(lambda m: self.palette.role("code", m.group(1)), text)

    def _say(self, text):
        self.printer.write(text + "\n")
        self.printer.flush()


def _squeeze(text):
    """`text` without white space, for comparing what was typed with a command."""
    return re.sub(r"\s+", "", text)
