"""Where lessons are found, in which order, and how `th --tutorial NAME` picks one.

Lessons are the `*.md` files (README.md aside) of the folders in $TH_TUTORIALS (a list
separated like PATH: a teacher's own lessons, listed first and winning on a name clash),
then of th's own `tutorials/` folder. Within a folder they come in file-name order, so a
number prefix orders them (`03-backprop.md` is the lesson `backprop`).
"""
import os
import pathlib

from th.tutorial import lesson as lesson_format

BUILTIN = pathlib.Path(__file__).resolve().parent.parent.parent / "tutorials"


def folders():
    """The lesson folders, in search order."""
    extra = [pathlib.Path(p) for p in os.environ.get("TH_TUTORIALS", "").split(os.pathsep) if p]
    return extra + [BUILTIN]


def lesson_files():
    """(name, path) of every lesson, in listing order; the first of a name wins."""
    found, seen = [], set()
    for folder in folders():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            name = lesson_format.lesson_name(path)
            if path.name.lower() == "readme.md" or name in seen:
                continue
            seen.add(name)
            found.append((name, path))
    return found


def find(wanted):
    """The path of the lesson called `wanted` (also its number in the list, or a unique
    prefix of its name), or None."""
    files = lesson_files()
    for name, path in files:
        if name == wanted:
            return path
    if wanted.isdigit() and 1 <= int(wanted) <= len(files):
        return files[int(wanted) - 1][1]
    matches = [path for name, path in files if name.startswith(wanted)]
    return matches[0] if len(matches) == 1 else None


def listing(progress=None):
    """The lines of `th --tutorial`: one per lesson, with the student's place in it."""
    files = lesson_files()
    if not files:
        return ["No lessons found (looked in: "
                + ", ".join(str(f) for f in folders()) + ")."]
    lessons = [lesson_format.load(path) for _, path in files]
    width = max(len(lesson.name) for lesson in lessons)
    lines = ["Lessons (th --tutorial NAME starts one; add --replay to watch it run):"]
    for number, lesson in enumerate(lessons, start=1):
        where = progress.describe(lesson) if progress is not None else ""
        line = f"  {number}. {lesson.name.ljust(width)}  {lesson.title}  ({len(lesson.steps)} steps"
        lines.append(line + (f"; {where})" if where else ")"))
    return lines
