"""The `th` command: Torch7's th launcher (flags, scripts), handing the console to repl/.

    th                      the interactive console (piped stdin: the same, without UI)
    th script.lua a b       run a script: global `arg` as Lua's, `...` = "a", "b"
    th -e "code"            run a statement (several -e run in order)
    th -l nn                require a package first (several allowed)
    th -i script.lua        run the script, then stay in the console
    th - a b                run Lua read from standard input as a script
    th --tutorial [name]    list the guided lessons, or start one (--replay: run it unattended)

As in Torch7, scripts and statements see trepl's globals (its `print`, `who`, lazily
preloaded `torch`, ...). A failing script or statement prints `th: <message>` and the
Lua traceback on stderr and exits with status 1; TH_TRACEBACK=1 adds the Python
traceback. Departures from Torch7's launcher: options keep being read after `-e` (Torch7
silently ignored them), `-e` errors go to stderr with status 1 (Torch7: stdout, 0), the
script receives its arguments as `...`, and `--no-timing` / `-` are ours.

Start-up stays fast: prompt_toolkit is imported only for an interactive terminal, and
the tensor library only when Lua first reads `torch` (see repl/environment.py).
"""
import os
import signal
import sys
import traceback

USAGE = """Usage: th [options] [script.lua [arguments]]

Options:
  -l name            load library name (require it) before anything else
  -e statement       execute statement (several -e run in order)
  -i,--interactive   enter the console after executing a script or statements
  -h,--help          print this help
  --no-timing        no timing line after each console entry
  --tutorial [name]  list the guided lessons, or start lesson name in the console
  --replay           with --tutorial name: run every step unattended, print the
                     transcript and a summary of its checks (exit status 1 if one fails)
  -                  run the Lua read from standard input as a script

Environment:
  TH_TRACEBACK=1     also print the Python traceback of errors
  TH_TIMING=0        no timing line after each console entry
  TREPL_HISTORY      the console's history file (default ~/.luahistory)
  TREPLSTARTUP       a Lua file run before `th` or `th script.lua` start
  TH_NUM_THREADS     threads for big tensor operations (default: the CPU count, at most 4)
  TH_THREAD_WAIT     adaptive (default), spin or sleep: how those threads wait for work
  TH_DEBUG=1         report which kernel path each tensor operation took
"""

_UNSUPPORTED = {"a": "async", "g": "globals", "gg": "gglobals", "x": "gfx"}


class UsageError(Exception):
    """A command line th cannot run (Torch7's wording: `Error: unrecognized flag --x`)."""


class Options:
    """What the command line asks for."""

    def __init__(self):
        self.libs = []              # -l names, in order
        self.statements = []        # -e statements, in order
        self.interactive = False
        self.help = False
        self.timing = True
        self.script = None
        self.script_index = 0       # position of the script in argv (for Lua's `arg`)
        self.script_args = []
        self.notes = []             # warnings about Torch7 flags th does not have
        self.tutorial = None        # --tutorial: "" lists the lessons, else a lesson name
        self.replay = False


def parse_args(argv):
    """Options from th's arguments (argv without the program name)."""
    opts = Options()
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "-" or not arg.startswith("-"):
            opts.script, opts.script_index, opts.script_args = arg, i, list(argv[i + 1:])
            break
        if arg == "--tutorial":
            has_name = i + 1 < len(argv) and not argv[i + 1].startswith("-")
            opts.tutorial = argv[i + 1] if has_name else ""
            i += 1 if has_name else 0
        elif arg.startswith("--"):
            _long_option(opts, arg[2:])
        else:
            i = _short_option(opts, arg[1:], argv, i)
        i += 1
    if opts.replay and not opts.tutorial:
        raise UsageError("Error: --replay goes with --tutorial name")
    return opts


def _long_option(opts, name):
    if name == "help":
        opts.help = True
    elif name == "interactive":
        opts.interactive = True
    elif name == "no-timing":
        opts.timing = False
    elif name == "replay":
        opts.replay = True
    elif name in _UNSUPPORTED.values():
        opts.notes.append(f"th: --{name} is not available in this th; ignored")
    else:
        raise UsageError(f"Error: unrecognized flag --{name}")


def _short_option(opts, name, argv, i):
    if name == "h":
        opts.help = True
    elif name == "i":
        opts.interactive = True
    elif name == "e":
        if i + 1 >= len(argv):
            raise UsageError("Error: -e needs a statement")
        opts.statements.append(argv[i + 1])
        return i + 1
    elif name.startswith("l"):
        lib = name[1:]
        if not lib:
            if i + 1 >= len(argv):
                raise UsageError("Error: -l needs a library name")
            lib, i = argv[i + 1], i + 1
        opts.libs.append(lib)
    elif name in _UNSUPPORTED:
        opts.notes.append(f"th: -{name} ({_UNSUPPORTED[name]}) is not available in this th; ignored")
    else:
        raise UsageError(f"Error: unrecognized flag --{name}")
    return i


# ---- running -------------------------------------------------------------------------


def main(argv=None):
    """Entry point of the `th` console script; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `th x.lua | head` ends quietly
    try:
        opts = parse_args(argv)
    except UsageError as err:
        print(err)
        print(USAGE)
        return 1
    if opts.help:
        print(USAGE)
        return 0
    for note in opts.notes:
        print(note, file=sys.stderr)
    return Launcher(opts, argv).run()


class Launcher:
    """Runs what the options ask for, in Torch7's order: libraries, trepl's globals,
    the start-up file, statements, the script, then the console."""

    def __init__(self, opts, argv):
        from th.lua import Runtime
        from th.repl.display import Printer
        self.opts = opts
        self.argv = argv
        self.runtime = Runtime()
        self.printer = Printer(colors=_wants_colors(sys.stdout))

    def run(self):
        opts = self.opts
        self._set_arg()
        self._load_libs()
        from th.repl import environment
        environment.install(self.runtime, self.printer)
        if opts.tutorial is not None:
            from th.tutorial import launch
            return launch.run(opts.tutorial, self.runtime, self.printer,
                              replay=opts.replay, timing=self._timing())
        if not opts.interactive and not opts.statements:
            self._startup_file()
        for statement in opts.statements:
            status = self._protected(self._run_statement, statement)
            if status:
                return status
        if opts.script is not None:
            status = self._protected(self._run_script)
            if status:
                return status
        if opts.interactive or (opts.script is None and not opts.statements):
            return self._console()
        return 0

    # ---- the steps -------------------------------------------------------------------

    def _set_arg(self):
        from th.lua import LuaTable
        table = LuaTable()
        if self.opts.script is not None:
            base = self.opts.script_index
            table[-(base + 1)] = sys.argv[0] if sys.argv else "th"
            for k, value in enumerate(self.argv):
                table[k - base] = value
        else:
            table[-1] = sys.executable
            table[0] = sys.argv[0] if sys.argv else "th"
            for k, value in enumerate(self.argv, start=1):
                table[k] = value
        self.runtime.globals["arg"] = table

    def _load_libs(self):
        from th.lua import LuaError
        for lib in self.opts.libs:
            try:
                self.runtime.require(lib)
            except LuaError as err:
                print(f"could not load {lib}, skipping")
                print(err)

    def _startup_file(self):
        path = os.environ.get("TREPLSTARTUP")
        if path and os.path.isfile(path):
            self._protected(self._run_file, path, ())

    def _run_statement(self, statement):
        chunk = self.runtime.load(statement, None)
        self.runtime.call(chunk, host="th -e")

    def _run_script(self):
        self._run_file(self.opts.script, self.opts.script_args)

    def _run_file(self, path, args):
        if path == "-":
            source, chunkname = sys.stdin.read(), "=stdin"
        else:
            try:
                with open(path, encoding="utf-8", errors="surrogateescape") as f:
                    source = f.read()
            except OSError:
                raise _CannotOpen(f"cannot open {path}") from None
            chunkname = "@" + path
        if source.startswith("#"):
            source = "--" + source      # Lua skips a first line starting with '#'
        chunk = self.runtime.load(source, chunkname)
        self.runtime.call(chunk, *args, host="the script runner")

    def _protected(self, action, *args):
        """Run a step; on an error print it on stderr as Lua does and return 1."""
        from th.lua import LuaError, LuaSyntaxError
        try:
            action(*args)
            return 0
        except (LuaError, LuaSyntaxError) as err:
            _report(err, self.runtime, [self.opts.script] if self.opts.script else [])
        except _CannotOpen as err:
            sys.stdout.flush()
            print(f"th: {err}", file=sys.stderr)
        except KeyboardInterrupt:
            sys.stdout.flush()
            print("th: interrupted!", file=sys.stderr)
            return 130
        return 1

    def _timing(self):
        return self.opts.timing and os.environ.get("TH_TIMING", "1").lower() not in (
            "0", "off", "no", "false")

    def _console(self):
        from th.repl.evaluator import Evaluator
        evaluator = Evaluator(self.runtime, self.printer, timing=self._timing())
        if sys.stdin.isatty() and sys.stdout.isatty():
            from th.repl.shell import Shell
            return Shell(evaluator).run()
        from th.repl.plain import PlainLoop
        return PlainLoop(evaluator).run()


class _CannotOpen(Exception):
    """A script file that cannot be read."""


def _report(err, runtime, files=()):
    """A failed script's error on stderr: `th: message`, a hint, the Lua traceback."""
    from th.repl import hints
    from th.repl.evaluator import traceback_wanted
    sys.stdout.flush()
    value = getattr(err, "value", None)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        message = str(err)
    else:
        from th.lua import lua_type
        message = f"(error object is a {lua_type(value)} value)"
    lines = ["th: " + message]
    hint = hints.error_hint(message, None, runtime, files)
    if hint:
        lines.append(hint)
    tb = getattr(err, "lua_traceback", "")
    if tb:
        lines.append(tb)
    print("\n".join(lines), file=sys.stderr)
    if traceback_wanted():
        traceback.print_exception(err, file=sys.stderr)


def _wants_colors(stream):
    """Colours only on a terminal that has them (trepl: isatty and `tput colors`)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM", "") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


if __name__ == "__main__":
    sys.exit(main())
