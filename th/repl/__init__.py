"""The th console: trepl's read-eval-print loop on prompt_toolkit.

evaluator.py (UI-free step logic) <- plain.py (piped stdin) / shell.py (prompt_toolkit);
display.py (trepl's print), environment.py (trepl's globals), help.py (`?name`),
hints.py (did you mean), completion.py, highlight.py, history.py, style.py (colours).
Only shell.py, highlight.py and the completer/history adapters import prompt_toolkit.
"""
