"""Where each student is in each lesson, kept between sessions in a small JSON file.

The file is $TH_TUTORIAL_STATE if set, else `th/tutorial.json` in the XDG state folder
($XDG_STATE_HOME, default ~/.local/state). For each lesson it keeps the current step
and the steps whose checks passed: `{"backprop": {"step": 7, "passed": [1, 2, 3]}}`.
Writes are atomic (a temporary file renamed over the old one); a missing, unreadable or
unwritable file never stops a lesson, it only means starting from step 1.
"""
import json
import os
import pathlib
import tempfile


def state_path():
    """The progress file's path, or None when there is no home to keep it in."""
    explicit = os.environ.get("TH_TUTORIAL_STATE")
    if explicit:
        return pathlib.Path(explicit)
    base = os.environ.get("XDG_STATE_HOME")
    if not base:
        home = os.environ.get("HOME") or os.environ.get("USERPROFILE")
        if not home:
            return None
        base = os.path.join(home, ".local", "state")
    return pathlib.Path(base) / "th" / "tutorial.json"


class Progress:
    """The progress file, read once, written after every change.

    Example (Python): p = Progress(); p.place("backprop", 4, passed=[1, 2, 3])
    """

    def __init__(self, path=None):
        self.path = state_path() if path is None else pathlib.Path(path)
        self.data = self._read()

    def _read(self):
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def step(self, name):
        """The step to resume lesson `name` at (1 when new)."""
        entry = self.data.get(name)
        step = entry.get("step", 1) if isinstance(entry, dict) else 1
        return step if isinstance(step, int) and step >= 1 else 1

    def passed(self, name):
        """The numbers of the steps of lesson `name` whose checks passed."""
        entry = self.data.get(name)
        found = entry.get("passed", []) if isinstance(entry, dict) else []
        return {n for n in found if isinstance(n, int)}

    def finished(self, name):
        entry = self.data.get(name)
        return isinstance(entry, dict) and bool(entry.get("finished"))

    def place(self, name, step, passed=(), finished=False):
        """Remember that lesson `name` is at `step`, with `passed` steps done."""
        self.data[name] = {"step": step, "passed": sorted(passed), "finished": finished}
        self._write()

    def describe(self, lesson):
        """A few words on the student's place in `lesson` ("" when not started)."""
        if lesson.name not in self.data:
            return ""
        if self.finished(lesson.name):
            return "finished"
        return f"at step {self.step(lesson.name)}"

    def _write(self):
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tutorial-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.data, f, indent=1, sort_keys=True)
            os.replace(tmp, self.path)
        except OSError:
            pass                    # a read-only home must not stop the lesson
