"""trepl's read-eval-print step, without any user interface.

The prompt_toolkit shell, the plain loop for piped stdin and the tests all drive this
class with plain strings. One entry (a line, or the lines of an unfinished chunk joined
by newlines) goes through trepl's steps, in trepl's order:

1. `break` leaves the loop (the caller handles `exit` and end of input);
2. `$ cmd` runs a shell command, shows its output and keeps it in `_RESULTS`;
3. a leading `=` is dropped (Lua 5.1's `=expr` habit);
4. `?` shows the help page, `?name` (or `? name`) help on a name;
5. otherwise the entry is Lua: unless it ends with `;` or starts with `print`, and it
   reads as an expression list, its values are printed (`_RESULT`, `_RESULTS`);
   else it runs as a statement;
6. the timing line `[0.0001s]` follows (unless timing is off);
7. `_LAST` is the newest of `_RESULTS`.

Where th departs from trepl on purpose (design.md, "Better than Torch7"): top-level
locals persist from one entry to the next (the runtime's scope); `is_complete` reports a
real syntax error as complete, so it shows at once, and only an unfinished chunk asks
for more; an expression runs once, never twice; Ctrl-C stops the running entry with the
message `interrupted!` and leaves the console alive.
"""
import os
import re
import subprocess
import sys
import time
import traceback

from th.lua import LuaError, LuaSyntaxError, LuaTable
from th.repl import help as help_pages
from th.repl import hints

BREAK = "break"

_SHELL = re.compile(r"^\s*\$")
_EQUALS = re.compile(r"^\s*=")
_HELP = re.compile(r"^\s*\?")
_NO_AUTOPRINT = re.compile(r";\s*$|^\s*print")


def traceback_wanted():
    """True when TH_TRACEBACK asks for Python tracebacks of errors."""
    return os.environ.get("TH_TRACEBACK", "") not in ("", "0")


class Evaluator:
    """Runs console entries on a Lua runtime, printing through a display.Printer.

    Example (Python): Evaluator(rt, Printer()).run("1+1") prints "2\\t" and a timing line.
    """

    host = "the console"        # the last line of error tracebacks: `[th]: in the console`

    def __init__(self, runtime, printer, timing=True, scope=None):
        self.runtime = runtime
        self.printer = printer
        self.timing = timing
        self.scope = scope if scope is not None else runtime.new_scope()

    # ---- reading -----------------------------------------------------------------

    def is_complete(self, text):
        """False only while `text` is an unfinished chunk (ask for another line).

        A real syntax error counts as complete: running it reports the error at once.
        """
        if text.strip() in ("exit", "break") or _SHELL.match(text) or _HELP.match(text):
            return True
        text = _EQUALS.sub("", text, count=1)
        errors = []
        for source in ("return " + text, text):
            try:
                self.runtime.load(source, "=stdin")
                return True
            except LuaSyntaxError as err:
                errors.append(err)
        return not any(getattr(err, "at_eof", False) for err in errors)

    # ---- one entry -------------------------------------------------------------------

    def run(self, text):
        """Run one complete entry; returns BREAK when the entry was `break`, else None."""
        if text == "break":
            return BREAK
        if _SHELL.match(text):
            self._shell(_SHELL.sub("", text, count=1))
        else:
            text = _EQUALS.sub("", text, count=1)
            if _HELP.match(text):
                self._help(_HELP.sub("", text, count=1).strip())
            else:
                self._timed(self._lua, text)
        self._update_last()
        return None

    def _timed(self, action, *args):
        start = time.perf_counter()
        try:
            action(*args)
        except KeyboardInterrupt:
            self.printer.print_new("interrupted!")
        if self.timing:
            elapsed = time.perf_counter() - start
            self.printer.write(" " * 70)
            self.printer.print_new(self.printer.palette.role("timing", f"[{elapsed:.4f}s]"))

    def _lua(self, text):
        if not _NO_AUTOPRINT.search(text) and self._autoprint(text):
            return
        try:
            chunk = self.runtime.load(text, None, scope=self.scope)
        except LuaSyntaxError as err:
            message = str(err)
            hint = hints.error_hint(message, text, self.runtime)
            if hint:
                message += "\n" + self.printer.palette.role("hint", hint)
            self.printer.print_new("syntax error: " + message)
            return
        self._call(chunk, text)

    def _autoprint(self, text):
        """Print the values of `text` when it reads as an expression list; True if it did.

        Errors name the chunk as trepl's did (`[string "_RESULT={foo()}"]:1: ...`); the
        newline before the end keeps a trailing `-- comment` from swallowing it.
        """
        try:
            chunk = self.runtime.load("return " + text + "\n", "_RESULT={" + text + "}",
                                      scope=self.scope)
        except LuaSyntaxError:
            return False
        results = self._call(chunk, text)
        if results is None:
            return True
        table = LuaTable.from_list(results)
        globals_ = self.runtime.globals
        globals_["_RESULT"] = table
        values = table.to_list()
        if values:
            self.printer.print_new(*values)
        else:
            hint = hints.nil_hint(text, self.runtime)
            if hint:
                self.printer.write(self.printer.palette.role("hint", hint) + "\n")
        store = globals_["_RESULTS"]
        if type(store) is LuaTable and table[1] is not None:
            store[store.length() + 1] = table[1]
        return True

    def _call(self, chunk, source):
        """Run a compiled chunk; its results, or None after reporting an error."""
        try:
            return self.runtime.call(chunk, host=self.host)
        except LuaError as err:
            self.report(err, source)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as err:  # an engine or library bug: say so, keep the console
            self.printer.print_new(f"internal error: {type(err).__name__}: {err}"
                                   " (TH_TRACEBACK=1 shows the Python traceback)")
            if traceback_wanted():
                traceback.print_exception(err, file=sys.stderr)
        return None

    def report(self, err, source=None):
        """Print a Lua error as trepl did: message, hint (ours), Lua traceback."""
        value = getattr(err, "value", None)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            # trepl's handler returns any other error value as it is (no traceback), and
            # print shows it: a table as a listing, nil as `nil`
            self.printer.print_new(value)
        else:
            message = str(err)
            parts = [message]
            hint = hints.error_hint(message, source, self.runtime)
            if hint:
                parts.append(self.printer.palette.role("hint", hint))
            tb = getattr(err, "lua_traceback", "")
            if tb:
                parts.append(tb)
            self.printer.print_new("\n".join(parts))
        if traceback_wanted():
            traceback.print_exception(err, file=sys.stderr)

    # ---- help, shell, results ------------------------------------------------------

    def _help(self, name):
        if not name:
            self.printer.print_new(help_pages.overview(self.printer.palette))
            return
        self._timed(self._show_help, name)

    def _show_help(self, name):
        self.printer.write(help_pages.help_text(name, self.runtime, self.scope,
                                                self.printer.palette))

    def _shell(self, command):
        result = subprocess.run(command, shell=True, stdout=subprocess.PIPE, text=True,
                                errors="replace")
        output = result.stdout
        self.printer.write(self.printer.palette.role("shell", output))
        self.printer.flush()
        store = self.runtime.globals["_RESULTS"]
        if type(store) is LuaTable:
            store[store.length() + 1] = output

    def _update_last(self):
        store = self.runtime.globals["_RESULTS"]
        if type(store) is LuaTable:
            self.runtime.globals["_LAST"] = store[store.length()]
