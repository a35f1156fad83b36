"""Lesson files: the Markdown format a teacher writes, parsed into Lesson and Step objects.

A lesson is a Markdown file (tutorials/README.md is the teacher's guide):

    # Title of the lesson                 <- first line
    ```lesson                             <- optional settings
    reference: the lecture
    ```
    Introduction (any prose).

    ## Title of step 1                    <- each `##` heading starts a step
    Explanation (prose; `inline code` is highlighted).
    ```lua
    h = sig:forward(lin:forward(x))       <- what the student types (optional)
    ```
    ```check
    expect h: 0.3613 0.5510 0.2924       <- what it must produce (optional)
    hint: h is the sigmoid of the linear output
    ```

Check lines (`kind [target]: expectation`; the target is a Lua expression, ending at
the first colon followed by a space):
    expect [target]: numbers [± tol]   numbers (a number, tensor, storage or table),
                                       within tol, else half a unit of each number's
                                       last written decimal
    expect [target]: same as EXPR      the same numbers as another Lua expression
    size [target]: 3x5                 the sizes of a tensor
    prints: text                       the step's output contains text (`...` = anything)
    fails: [text]                      the step raises an error whose message contains text
    holds: EXPR                        a Lua expression that must be true
    hint: text                         shown when a check fails
    tolerance: number                  the default tolerance of the step's `expect`s
Without a target, `expect` and `size` look at the step's value: the variable assigned
by its last command (`h = ...`), else the value the last command printed.

Parsing never fails: a mistake (an unknown check, numbers that are not numbers, an
unclosed block) becomes a problem of its step, worded with the lesson name and step
number, and the rest of the lesson loads. This module imports nothing from th.lua;
lint.py checks the Lua itself.
"""
import dataclasses
import pathlib
import re

_FENCE = re.compile(r"^(```+|~~~+)\s*([\w-]*)\s*$")
_TITLE = re.compile(r"^#\s+(.*\S)\s*$")
_STEP = re.compile(r"^##\s+(.*\S)\s*$")
_CHECK = re.compile(r"^([A-Za-z]+)\b\s*(.*)$")
_SIZE = re.compile(r"^\d+(?:\s*x\s*\d+)*$")
_TOLERANCE = re.compile(r"^(.*?)\s*(?:±|\+-|\+/-)\s*(\S+)\s*$")
_ORDER_PREFIX = re.compile(r"^\d+[-_ .]*")

CHECK_KINDS = ("expect", "size", "prints", "fails", "holds")
_WITH_TARGET = ("expect", "size")
_SETTINGS = ("reference",)


@dataclasses.dataclass
class Check:
    """One expectation of a step, as written on its `check` line."""
    kind: str              # one of CHECK_KINDS
    target: str = None     # Lua expression (expect, size), or None for the step's value
    numbers: list = None   # expect: the expected numbers, as written (strings)
    same_as: str = None    # expect: a Lua expression giving the expected numbers
    sizes: tuple = None    # size: the expected sizes
    text: str = ""         # prints, fails: the text; holds: the Lua expression
    tolerance: float = None
    line: int = 0          # line number in the lesson file
    source: str = ""       # the line as written


@dataclasses.dataclass
class Step:
    """One `##` section: explanation, the Lua to type, and its checks."""
    number: int
    title: str
    text: str = ""
    code: str = ""
    checks: list = dataclasses.field(default_factory=list)
    hint: str = ""
    tolerance: float = None
    line: int = 0
    problems: list = dataclasses.field(default_factory=list)

    @property
    def is_reading(self):
        """A step with nothing to type: Enter moves on."""
        return not self.code.strip()


@dataclasses.dataclass
class Lesson:
    """A parsed lesson file."""
    name: str
    title: str
    path: str = ""
    intro: str = ""
    reference: str = "the expected values"
    steps: list = dataclasses.field(default_factory=list)
    problems: list = dataclasses.field(default_factory=list)   # not tied to one step

    def all_problems(self):
        """Every mistake found in the file: lesson-level first, then by step."""
        found = list(self.problems)
        for step in self.steps:
            found.extend(step.problems)
        return found

    def problem(self, message, step=None):
        """Record a mistake, worded with the lesson name and the step number."""
        if step is None:
            self.problems.append(f"lesson {self.name}: {message}")
        else:
            step.problems.append(f"lesson {self.name}, step {step.number}: {message}")


def lesson_name(path):
    """The name a lesson is started by: its file name without order prefix or extension.

    Example (Python): lesson_name("tutorials/03-backprop.md") == "backprop"
    """
    stem = pathlib.Path(path).stem
    return _ORDER_PREFIX.sub("", stem) or stem


def load(path):
    """Parse the lesson file at `path` (a Lesson; unreadable files give a problem)."""
    path = pathlib.Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        lesson = Lesson(lesson_name(path), lesson_name(path), str(path))
        lesson.problem(f"cannot read {path}: {err}")
        return lesson
    return parse(text, lesson_name(path), str(path))


def parse(text, name, path=""):
    """Parse the text of a lesson file into a Lesson."""
    return _Parser(text, name, path).lesson


# ---- the parser ------------------------------------------------------------------------


class _Parser:
    """One pass over the lines: headings open steps, fences hold code, checks, settings."""

    def __init__(self, text, name, path):
        self.lesson = Lesson(name, name, path)
        self.step = None
        self.prose = []
        self.lines = text.splitlines()
        self.seen_title = False
        self._run()

    def _run(self):
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            fence = _FENCE.match(line)
            if fence:
                i = self._block(i, fence.group(1), fence.group(2).lower())
                continue
            step = _STEP.match(line)
            title = _TITLE.match(line)
            if step:
                self._close_step()
                self.step = Step(len(self.lesson.steps) + 1, step.group(1), line=i + 1)
                self.lesson.steps.append(self.step)
            elif title and not self.seen_title and self.step is None:
                self.lesson.title = title.group(1)
                self.seen_title = True
            else:
                self.prose.append(line)
            i += 1
        self._close_step()
        if not self.lesson.steps:
            self.lesson.problem("no steps (each step starts with a '## ' heading)")

    def _block(self, start, marker, label):
        """Read a fenced block from line `start`; returns the index after it."""
        body, i = [], start + 1
        while i < len(self.lines) and not self.lines[i].strip().startswith(marker):
            body.append(self.lines[i])
            i += 1
        if i >= len(self.lines):
            self._problem(f"line {start + 1}: the {label or 'text'} block is never closed")
        if label == "lua":
            self._code(body, start + 1)
        elif label == "check":
            self._checks(body, start + 2)
        elif label == "lesson":
            self._settings(body, start + 2)
        else:
            self.prose.extend(self.lines[start:i + 1])
        return i + 1

    def _code(self, body, line):
        if self.step is None:
            self._problem(f"line {line}: Lua code before the first step is ignored")
            return
        code = "\n".join(body).strip("\n")
        self.step.code = code if not self.step.code else self.step.code + "\n" + code

    def _settings(self, body, first_line):
        for offset, raw in enumerate(body):
            line = raw.strip()
            if not line:
                continue
            key, sep, value = line.partition(":")
            if not sep or key.strip() not in _SETTINGS:
                self._problem(f"line {first_line + offset}: unknown lesson setting {line!r} "
                              f"(known: {', '.join(_SETTINGS)})")
                continue
            self.lesson.reference = value.strip()

    def _checks(self, body, first_line):
        if self.step is None:
            self._problem(f"line {first_line - 1}: a check block before the first step is ignored")
            return
        for offset, raw in enumerate(body):
            line = raw.strip()
            if line and not line.startswith("--"):
                self._check_line(line, first_line + offset)

    def _check_line(self, line, number):
        step = self.step
        match = _CHECK.match(line)
        kind = match.group(1).lower() if match else ""
        rest = match.group(2) if match else line
        if kind == "hint":
            step.hint = _after_colon(rest).strip()
            return
        if kind == "tolerance":
            value = _number(_after_colon(rest))
            if value is None:
                self.lesson.problem(f"line {number}: tolerance is not a number: {line!r}", step)
            else:
                step.tolerance = value
            return
        if kind not in CHECK_KINDS:
            self.lesson.problem(f"line {number}: unknown check {line!r} (known: "
                                f"{', '.join(CHECK_KINDS + ('hint', 'tolerance'))})", step)
            return
        try:
            check = _read_check(kind, rest)
        except ValueError as err:
            self.lesson.problem(f"line {number}: {err}: {line!r}", step)
            return
        check.line, check.source = number, line
        step.checks.append(check)

    def _problem(self, message):
        self.lesson.problem(message, self.step)

    def _close_step(self):
        text = _trim("\n".join(self.prose))
        self.prose = []
        if self.step is None:
            self.lesson.intro = text
        else:
            self.step.text = text


def _read_check(kind, rest):
    """A Check from what follows the kind on a check line (ValueError when malformed)."""
    if kind in _WITH_TARGET:
        target, expectation = _split_target(rest)
    else:
        target, expectation = None, _after_colon(rest)
        if expectation is None:
            raise ValueError(f"'{kind}' needs a colon")
    expectation = expectation.strip()
    check = Check(kind, target=target)
    if kind == "expect":
        _read_expect(check, expectation)
    elif kind == "size":
        if not _SIZE.match(expectation):
            raise ValueError("sizes are written like 3x5")
        check.sizes = tuple(int(n) for n in re.findall(r"\d+", expectation))
    elif kind in ("prints", "holds") and not expectation:
        raise ValueError(f"'{kind}' needs something after the colon")
    else:
        check.text = expectation
    return check


def _read_expect(check, expectation):
    tolerance = _TOLERANCE.match(expectation)
    if tolerance:
        value = _number(tolerance.group(2))
        if value is None:
            raise ValueError("the tolerance after ± is not a number")
        check.tolerance, expectation = value, tolerance.group(1)
    if expectation.startswith("same as "):
        check.same_as = expectation[len("same as "):].strip()
        if not check.same_as:
            raise ValueError("'same as' needs a Lua expression")
        return
    words = [w for w in re.split(r"[\s,/]+", expectation) if w]
    if not words or any(_number(w) is None for w in words):
        raise ValueError("expected numbers (or 'same as EXPR')")
    check.numbers = words


def _split_target(rest):
    """(target or None, expectation) from `target: expectation` or `: expectation`."""
    rest = rest.strip()
    if rest.startswith(":"):
        return None, rest[1:]
    match = re.search(r":(\s|$)", rest)
    if match is None:
        raise ValueError("missing ': ' before the expectation")
    return rest[:match.start()].strip(), rest[match.end():]


def _after_colon(rest):
    rest = rest.strip()
    return rest[1:] if rest.startswith(":") else None


def _number(word):
    try:
        return float(word)
    except (TypeError, ValueError):
        return None


def _trim(text):
    """Prose without leading and trailing blank lines."""
    return text.strip("\n").rstrip()
