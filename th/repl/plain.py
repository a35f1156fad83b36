"""The console without prompt_toolkit: what `th` does when stdin is not a terminal.

A session piped into `th` runs through the same Evaluator as the interactive console
and prints what Torch7's th printed in that case (readline echoing each line after its
prompt): the banner, `th> ` plus the line, continuation lines after `..> `, the results
and timing lines, and at the end of input trepl's exit question. No colours (the output
is not a terminal), no history, no completion.

A guide (a lesson of `th --tutorial`, th/tutorial/guide.py) drives this loop as it
drives the terminal's (shell.py): an empty line types its suggestion, and `run_entry`
lets it handle its own commands and hear about each entry, for both consoles.
"""
import sys

from th.repl.banner import banner
from th.repl.evaluator import BREAK

PROMPT = "th> "
CONTINUATION = "..> "
EXIT_QUESTION = "Do you really want to exit ([y]/n)? "


def welcome(printer, guide, show_banner=True):
    """What a console shows before its first prompt: the banner, then the guide's lesson."""
    if show_banner:
        printer.print_new(banner(printer.palette))
    if guide is not None:
        guide.start()


def run_entry(evaluator, guide, text):
    """Run one complete entry, through the guide when there is one: it handles its own
    commands (True, or BREAK to leave) and hears about each entry that ran."""
    if guide is None:
        return evaluator.run(text)
    handled = guide.handle(text)
    if handled:
        return handled if handled == BREAK else None
    result = evaluator.run(text)
    guide.ran(text)
    return result


class PlainLoop:
    """Read entries line by line from a text stream and evaluate them (with an optional
    guide, see the module docstring).

    Example (Python): PlainLoop(evaluator, io.StringIO("1+1\\n")).run()
    """

    def __init__(self, evaluator, stdin=None, echo=True, guide=None):
        self.evaluator = evaluator
        self.printer = evaluator.printer
        self._stdin = stdin
        self.echo = echo
        self.guide = guide

    def _read(self, prompt):
        """One line (without its newline) after writing the prompt, or None at the end;
        in a lesson an empty line at the prompt is the step's command."""
        self.printer.write(prompt)
        self.printer.flush()
        line = (self._stdin or sys.stdin).readline()
        if not line:
            return None
        line = line.rstrip("\n").rstrip("\r")
        if self.guide is not None and prompt == PROMPT and not line.strip():
            line = self.guide.suggestion() or line
        if self.echo:
            self.printer.write(line.replace("\n", "\n" + CONTINUATION) + "\n")
        return line

    def _confirm_exit(self):
        """trepl's exit question: an empty answer, y or the end of input mean yes."""
        self.printer.write(EXIT_QUESTION)
        self.printer.flush()
        answer = (self._stdin or sys.stdin).readline()
        if not answer:
            self.printer.print_new("")
            return True
        return answer.strip() in ("", "y", "Y")

    def run(self, show_banner=True):
        """Run until the end of input, `exit`, `break` or os.exit; returns the exit status."""
        welcome(self.printer, self.guide, show_banner)
        while True:
            try:
                if self._step() == BREAK:
                    return 0
            except KeyboardInterrupt:
                self.printer.write("\n")

    def _step(self):
        line = self._read(PROMPT)
        if line is None or line == "exit":
            if self._confirm_exit():
                return BREAK
            if line is None:
                return None
        text = line
        while not self.evaluator.is_complete(text):
            more = self._read(CONTINUATION)
            if more is None:
                break
            text += "\n" + more
        return run_entry(self.evaluator, self.guide, text)
