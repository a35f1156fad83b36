"""`th --tutorial NAME --replay`: every step typed and checked without a student.

The transcript is what a th session shows (`th> ` before each entry, `..> ` before the
lines that continue an unfinished chunk, then the output and timing line), with each
step's title and its check results as Lua comments between entries:

    -- Step 6/20: The sigmoid of the linear output
    th> h_Theta = sig:forward(lin:forward(x))
    -- ok: matches the lecture: 0.3613 0.5510 0.2924

It ends with a summary of the checks; the exit status is 1 when a check failed or the
lesson file has a mistake, else 0. Plots go to PNG files (no windows) unless
TH_GNUPLOT_TERM says otherwise.
"""
import os

from th.tutorial import checks
from th.tutorial.session import entries
from th.repl.plain import CONTINUATION, PROMPT


class Replay:
    """Runs a lesson's steps in order through a LessonEvaluator, printing as th does.

    Example (Python): status = Replay(lesson, evaluator).run()
    """

    def __init__(self, lesson, evaluator):
        self.lesson = lesson
        self.evaluator = evaluator
        self.printer = evaluator.printer
        self.passed = 0
        self.failures = []         # sentences for the summary

    def run(self):
        """Replay every step; the exit status (0 when every check passed)."""
        os.environ.setdefault("TH_GNUPLOT_TERM", "png")
        lesson = self.lesson
        self._say(f"-- Lesson {lesson.name}: {lesson.title}")
        for problem in lesson.all_problems():
            self._say(f"-- problem: {problem}")
        for step in lesson.steps:
            self._step(step)
        return self._summary()

    def _step(self, step):
        total = len(self.lesson.steps)
        self._say(f"-- Step {step.number}/{total}: {step.title}")
        outcome, output = None, []
        for entry in entries(step.code, self.evaluator):
            self._type(entry)
            self.evaluator.run(entry)
            outcome = self.evaluator.last
            output.append(outcome.output)
        if step.is_reading:
            return
        verdicts = checks.judge(step, outcome, self.evaluator, self.lesson.reference,
                                output="".join(output))
        for verdict in verdicts:
            self._verdict(step, verdict)

    def _type(self, entry):
        lines = entry.split("\n")
        text = PROMPT + lines[0] + "".join("\n" + CONTINUATION + line for line in lines[1:])
        self.printer.write(text + "\n")

    def _verdict(self, step, verdict):
        if verdict.ok:
            self.passed += 1
            self._say(f"-- ok: {verdict.message}")
            return
        if verdict.broken:
            sentence = f"lesson {self.lesson.name}, step {step.number}: {verdict.message}"
            self._say(f"-- problem: {sentence}")
        else:
            sentence = f"step {step.number} ({step.title}): {verdict.message}"
            self._say(f"-- FAILED: {verdict.message}")
            if step.hint:
                self._say(f"-- hint: {step.hint}")
        self.failures.append(sentence)

    def _summary(self):
        lesson = self.lesson
        problems = lesson.all_problems()
        counted = self.passed + len(self.failures)
        line = (f"== {lesson.name}: {len(lesson.steps)} steps, {counted} checks: "
                f"{self.passed} passed, {len(self.failures)} failed")
        if problems:
            line += f"; {len(problems)} mistakes in the lesson file"
        self._say(line + " ==")
        for sentence in problems + self.failures:
            self._say("  " + sentence)
        return 1 if self.failures or problems else 0

    def _say(self, text):
        self.printer.write(text + "\n")
        self.printer.flush()
