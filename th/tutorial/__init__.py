"""Guided lessons that replay the lecture step by step (`th --tutorial`).

The lessons are Markdown files in tutorials/ (their format: lesson.py and
tutorials/README.md). The engine, one concern per module:
    lesson.py    the file format and its parser (no Lua involved)
    lint.py      the lesson's Lua compiled before it runs (mistakes by lesson and step)
    session.py   the console's Evaluator, remembering each entry's output and error
    checks.py    a step's checks judged against the live session, in plain words
    guide.py     the interactive lesson inside the real console (:next, :back, ...)
    replay.py    `--replay`: every step typed and checked, transcript and summary
    progress.py  where each student is, kept in the XDG state folder
    catalog.py   where lessons are found and how a name picks one
    launch.py    what `th --tutorial [NAME] [--replay]` does
"""
