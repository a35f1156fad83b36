"""The interactive console on a terminal: trepl's loop on a prompt_toolkit session.

`th> ` reads an entry with Lua highlighting, bracket matching, completion (a menu when
several names match) and history (~/.luahistory, multi-line entries recalled whole,
Ctrl-R to search). Enter runs the entry when it is complete and opens a `..> ` line when
it is an unfinished chunk. The Evaluator (UI-free) runs it.

The loop never dies: Ctrl-C at the prompt clears the line, Ctrl-C while code runs stops
it (`interrupted!`) and comes back to the prompt, an error in completion or display is
printed and the loop goes on. Ctrl-D (or `exit`) asks trepl's exit question; `break`
and os.exit() leave at once.

Everything is injected: the evaluator, the history file, prompt_toolkit's input and
output (tests pass pipe input and dummy output), and an optional guide that drives the
session (a lesson of `th --tutorial`, th/tutorial/guide.py): it speaks after the banner
(`start()`), handles its own entries (`handle(text)`: True, or BREAK to leave), hears
about each entry run (`ran(text)`; both through plain.run_entry, shared with the plain
loop), and gives the command that Enter on an empty line types (`suggestion()`).
"""
import sys
import traceback

from prompt_toolkit import PromptSession
from prompt_toolkit.filters import Condition, is_searching
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.layout.processors import HighlightMatchingBracketProcessor

from th.repl.completion import make_completer
from th.repl.evaluator import BREAK, traceback_wanted
from th.repl.highlight import input_style, lua_lexer
from th.repl.history import history_path, make_history
from th.repl.plain import CONTINUATION, EXIT_QUESTION, PROMPT, run_entry, welcome


class Shell:
    """The prompt_toolkit console around an Evaluator.

    Example (Python): Shell(evaluator).run()
    """

    def __init__(self, evaluator, history_file=None, input=None, output=None, guide=None):
        self.evaluator = evaluator
        self.guide = guide
        self.printer = evaluator.printer
        self._io = {"input": input, "output": output}
        path = history_file if history_file is not None else history_path()
        self.session = PromptSession(
            message=PROMPT,
            multiline=True,
            prompt_continuation=lambda width, line, wrapped: CONTINUATION,
            key_bindings=load_bindings(self),
            completer=make_completer(evaluator.runtime),
            complete_while_typing=True,
            lexer=lua_lexer(),
            style=input_style(),
            include_default_pygments_style=False,
            history=make_history(path),
            input_processors=[HighlightMatchingBracketProcessor()],
            reserve_space_for_menu=4,
            **self._io,
        )

    def is_complete(self, text):
        """Whether Enter should run `text` (else it opens a continuation line)."""
        return self.evaluator.is_complete(text)

    def run(self):
        """Banner, then read and run entries until exit; returns the exit status."""
        welcome(self.printer, self.guide)
        while True:
            try:
                if self._step() == BREAK:
                    return 0
            except KeyboardInterrupt:
                self.printer.write("interrupted!\n")
            except Exception as err:          # a bug in completion or display
                self.printer.write(f"internal error: {type(err).__name__}: {err}\n")
                if traceback_wanted():
                    traceback.print_exception(err, file=sys.stderr)

    def _step(self):
        try:
            text = self.session.prompt()
        except KeyboardInterrupt:
            return None                       # Ctrl-C at the prompt clears the line
        except EOFError:
            return BREAK if self.confirm_exit(eof=True) else None
        if text == "exit" and self.confirm_exit():
            return BREAK
        return run_entry(self.evaluator, self.guide, text)

    def confirm_exit(self, eof=False):
        """trepl's question; Enter, y, or Ctrl-D again leave."""
        try:
            answer = PromptSession(**self._io).prompt(EXIT_QUESTION)
        except EOFError:
            return True
        except KeyboardInterrupt:
            return False
        return answer.strip() in ("", "y", "Y")


def load_bindings(shell):
    """The console's key bindings (the rest are prompt_toolkit's emacs defaults)."""
    bindings = KeyBindings()

    @Condition
    def completion_selected():
        state = shell.session.default_buffer.complete_state
        return state is not None and state.current_completion is not None

    @bindings.add("enter", filter=completion_selected & ~is_searching)
    def _close_menu(event):
        """Enter on a menu entry keeps it and closes the menu (it does not run the line)."""
        event.current_buffer.complete_state = None

    @bindings.add("enter", filter=~completion_selected & ~is_searching)
    def _enter(event):
        """Enter runs a complete entry and continues an unfinished chunk on a new line;
        in a lesson, Enter on an empty line types the step's command."""
        buffer = event.current_buffer
        typed = shell.guide.suggestion() if shell.guide and not buffer.text.strip() else None
        if typed:                        # a lesson's command, to run or edit first
            buffer.text = typed
            buffer.cursor_position = len(typed)
        elif shell.is_complete(buffer.text):
            buffer.validate_and_handle()
        else:
            buffer.insert_text("\n")

    return bindings
