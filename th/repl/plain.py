"""The console without prompt_toolkit: what `th` does when stdin is not a terminal.

A session piped into `th` runs through the same Evaluator as the interactive console
and prints what Torch7's th printed in that case (readline echoing each line after its
prompt): the banner, `th> ` plus the line, continuation lines after `..> `, the results
and timing lines, and at the end of input trepl's exit question. No colours (the output
is not a terminal), no history, no completion.
"""
import sys

from th.repl.banner import banner
from th.repl.evaluator import BREAK

PROMPT = "th> "
CONTINUATION = "..> "
EXIT_QUESTION = "Do you really want to exit ([y]/n)? "


class PlainLoop:
    """Read entries line by line from a text stream and evaluate them.

    Example (Python): PlainLoop(evaluator, io.StringIO("1+1\\n")).run()
    """

    def __init__(self, evaluator, stdin=None, echo=True):
        self.evaluator = evaluator
        self.printer = evaluator.printer
        self._stdin = stdin
        self.echo = echo

    def _read(self, prompt):
        """One line (without its newline) after writing the prompt, or None at the end."""
        self.printer.write(prompt)
        self.printer.flush()
        line = (self._stdin or sys.stdin).readline()
        if not line:
            return None
        line = line.rstrip("\n").rstrip("\r")
        if self.echo:
            self.printer.write(line + "\n")
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
        if show_banner:
            self.printer.print_new(banner(self.printer.palette))
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
        return self.evaluator.run(text)
