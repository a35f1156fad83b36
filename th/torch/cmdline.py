"""torch.CmdLine: the command-line parser Torch7 scripts start with.

    cmd = torch.CmdLine()
    cmd:text('Train a model')
    cmd:option('-lr', 0.1, 'learning rate')
    cmd:argument('data', 'the training file')
    params = cmd:parse(arg)

Behaviour and messages follow Torch7's CmdLine.lua: options need a default (its Lua
type is the option's type unless one is given; a boolean option given on the command
line flips its default); `-h`, `-help` or `--help` prints the usage and exits 0; a bad
command line prints the message on stderr, the usage, and exits 1. `string` builds the
log-directory names of experiment scripts; `log` tees `print` into a file.
Output goes through the running Lua environment (th.torch.luaside).
"""
from th.torch.classes import TorchObject


def _strip(key):
    """The key without its leading dashes ('-lr' -> 'lr')."""
    return key.lstrip("-")


class _Entry:
    """One option (it has a default) or argument of a CmdLine; readable from Lua."""

    __lua_type__ = "table"

    def __init__(self, key, default, help, type_):
        self.key, self.default, self.help, self.type = key, default, help, type_


class CmdLine(TorchObject):
    """torch.CmdLine([argseparator=',' [, keyseparator='=']]): a command-line parser.

    Declare with text, option and argument; then params = cmd:parse(arg).
    Example: cmd = torch.CmdLine(); cmd:option('-lr', 0.1, 'learning rate'); params = cmd:parse(arg)
    """

    __typename__ = "torch.CmdLine"

    def __init__(self, argseparator=None, keyseparator=None):
        from th.torch.luaside import LuaTable
        self.argseparator = argseparator or ","
        self.keyseparator = keyseparator or "="
        self.options = LuaTable()
        self.arguments = LuaTable()
        self.helplines = LuaTable()
        self.dateformat = None
        self.silentio = False

    # ---- declaring --------------------------------------------------------------

    def text(self, txt=None):
        """cmd:text([str]): a line of help text, printed in place by cmd:help().

        Example: cmd:text('Options:')
        """
        txt = "" if txt is None else txt
        if not isinstance(txt, str):
            raise AssertionError("assertion failed!")
        self.helplines[self.helplines.length() + 1] = txt

    def option(self, key, default=None, help=None, type_=None):
        """cmd:option(name, default, help [, type]): an option such as '-lr 0.1'.

        Its type is default's Lua type unless given; a boolean option takes no value
        and flips its default. Example: cmd:option('-gpu', false, 'use the GPU')
        """
        from th.torch.luaside import lua_type
        if default is None:
            raise RuntimeError(f"option {key} has no default value")
        type_ = type_ or lua_type(default)
        if lua_type(default) != type_:
            raise RuntimeError(f"option {key} has wrong default type value")
        entry = _Entry(key, default, help, type_)
        self.options[key] = entry
        self.helplines[self.helplines.length() + 1] = entry

    def argument(self, key, help=None, type_=None):
        """cmd:argument(name, help [, type]): a positional argument, required.

        Example: cmd:argument('data', 'the training file')
        """
        entry = _Entry(key, None, help, type_)
        self.arguments[self.arguments.length() + 1] = entry
        self.helplines[self.helplines.length() + 1] = entry

    def silent(self):
        """cmd:silent(): after cmd:log(...), print writes to the log file only.

        Example: cmd:silent()
        """
        self.silentio = True

    def addTime(self, name=None, format=None):
        """cmd:addTime([name [, format='%Y-%m-%d %H:%M:%S']]): after cmd:log(...),
        each printed line starts with the date (and '[name]: ').

        Example: cmd:addTime('train')
        """
        format = "%Y-%m-%d %H:%M:%S" if format is None else format
        if not isinstance(format, str):
            raise RuntimeError("Argument has to be string")
        self.dateformat = format + (f"[{name}]: " if name is not None else "")

    # ---- parsing -------------------------------------------------------------------

    def default(self):
        """cmd:default(): a table of every option's default value (keys without '-').

        Example: params = cmd:default()
        """
        from th.torch.luaside import LuaTable
        params = LuaTable()
        for key, entry in self.options.items():
            params[_strip(key)] = entry.default
        return params

    def parse(self, arg):
        """cmd:parse(arg): the table of option and argument values read from arg.

        -h, -help or --help print the usage and exit; a bad command line prints the
        error and the usage, and exits with status 1.
        Example: params = cmd:parse(arg); print(params.lr)
        """
        from th.torch.luaside import item, length, exit
        params = self.default()
        n_argument = 0
        i = 1
        n = length(arg)
        while i <= n:
            value = item(arg, i)
            if value in ("-help", "-h", "--help"):
                self.help(arg)
                exit(0)
            if isinstance(value, str) and self.options.get(value) is not None:
                i += self._read_option(params, arg, i)
            else:
                n_argument += 1
                i += self._read_argument(params, arg, i, n_argument)
        if n_argument != self.arguments.length():
            self.error("not enough arguments")
        return params

    def _read_argument(self, params, arg, i, n_argument):
        from th.torch.luaside import item, lua_type, tostring
        value = item(arg, i)
        if n_argument > self.arguments.length():
            self.error("invalid argument: " + tostring(value))
        argument = self.arguments.get(n_argument)
        if argument.type and lua_type(value) != argument.type:
            self.error(f"invalid argument type for argument {argument.key} (should be "
                       f"{argument.type})")
        params[_strip(argument.key)] = value
        return 1

    def _read_option(self, params, arg, i):
        from th.torch.luaside import item, tonumber
        key = item(arg, i)
        option = self.options.get(key)
        if option.type == "boolean":
            params[_strip(key)] = not option.default
            return 1
        value = item(arg, i + 1)
        if value is None:
            self.error("missing argument for option " + key)
        if option.type == "number":
            value = tonumber(value)
        elif option.type not in (None, "string"):
            self.error("unknown required option type " + option.type)
        if value is None:
            self.error(f"invalid type for option {key} (should be {option.type})")
        params[_strip(key)] = value
        return 2

    def error(self, msg):
        """cmd:error(msg): print msg on stderr and the usage, then exit with status 1.

        Example: cmd:error('bad learning rate')
        """
        from th.torch.luaside import lua_print, write_stderr, exit
        lua_print("")
        write_stderr(msg)
        lua_print("")
        self.help()
        exit(1)

    # ---- help ----------------------------------------------------------------------

    def help(self, arg=None):
        """cmd:help([arg]): print the usage line and the help lines.

        Example: cmd:help()
        """
        from th.torch.luaside import item, tostring, write
        write("Usage: ")
        if arg is not None:
            write(tostring(item(arg, 0)) + " ")
        write("[options] ")
        for _, argument in self.arguments.items():
            write("<" + _strip(argument.key) + ">")
        write("\n")
        lines = [line for _, line in self.helplines.items()]
        width = 0
        for line in lines:
            if isinstance(line, _Entry):
                size = len(line.key) if line.default is not None else len(_strip(line.key)) + 2
                width = max(width, size)
        for line in lines:
            if not isinstance(line, _Entry):
                write(line + "\n")
                continue
            write("  ")
            if line.default is not None:
                write(line.key.ljust(width))
                if line.help:
                    write(" " + line.help)
                write(" [" + tostring(line.default) + "]")
            else:
                write(("<" + _strip(line.key) + ">").ljust(width))
                if line.help:
                    write(" " + line.help)
            write("\n")

    # ---- experiment bookkeeping ------------------------------------------------------------

    def string(self, prefix, params, ignore=None):
        """cmd:string(prefix, params, ignore): a name for the run, e.g. a log directory:
        prefix, the arguments, then the options that differ from their defaults
        (sorted), joined by the separators; options in `ignore` are left out.

        Example: dir = cmd:string('experiment', params, {dir=true})
        """
        from th.torch.luaside import lua_print, tostring
        ignore = ignore if ignore is not None and hasattr(ignore, "get") else None
        arguments = {}
        options = []
        prefix = prefix or ""
        for k, v in params.items():
            ignored = ignore.get(k) if ignore is not None else None
            option = self.options.get("-" + k) if isinstance(k, str) else None
            if ignored:
                lua_print("-- ignore option " + tostring(k))
            elif option is not None:
                if v != option.default or ignored is False:
                    shown = ("t" if v else "f") if isinstance(v, bool) else v
                    options.append(tostring(k) + self.keyseparator + tostring(shown))
                    lua_print(k, shown, option.default)
            else:
                narg = None
                for i, argument in self.arguments.items():
                    if _strip(argument.key) == k:
                        narg = i
                if narg is not None:
                    arguments[narg] = tostring(k) + self.keyseparator + tostring(v)
                else:
                    lua_print("WARNING: unknown option/argument: " + tostring(k) +
                              " IGNORING for DIRECTORY NAME")
        options.sort()
        # table.concat stops at the first missing argument, as in Lua
        parts = []
        while len(parts) + 1 in arguments:
            parts.append(arguments[len(parts) + 1])
        text = self.argseparator.join(parts)
        if text == "":
            text = self.argseparator.join(options)
        else:
            text = text + self.argseparator + self.argseparator.join(options)
        return prefix if text == "" else prefix + self.argseparator + text

    def log(self, file, params=None):
        """cmd:log(file, params): from now on, print also writes to file (the
        original print is kept unless cmd:silent() was called); first the date, the
        command-line parameters and a separator line.

        Example: cmd:log('train.log', params)
        """
        from th.torch.luaside import date, get_global, set_global, tostring
        out = open(file, "w")
        original = get_global("print")
        original = getattr(original, "_cmdline_original", original)
        cmd = self

        def logged_print(*args):
            if not cmd.silentio:
                if original is not None:
                    original(*args)
                else:
                    print("\t".join(tostring(a) for a in args))
            words = [date(cmd.dateformat)] if cmd.dateformat else []
            words += [tostring(a) for a in args]
            words.append("\n")
            out.write(" ".join(words))
            out.flush()
        logged_print._cmdline_original = original
        set_global("print", logged_print)
        logged_print("[program started on " + date() + "]")
        logged_print("[command line arguments]")
        if params is not None:
            for k, v in params.items():
                logged_print(k, v)
        logged_print("[----------------------]")
