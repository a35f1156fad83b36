"""sys: Torch7's small system-tools package (Lua name `sys`; not Python's sys module).

Timers (`sys.clock`, `sys.tic`/`sys.toc`), sleeping, running shell commands and getting
their output (`sys.execute`), listing directories, splitting strings on a Lua pattern
(`sys.split`, also xlua's `string.split`), and the ANSI colour table `sys.COLORS` that
Torch7's tester used. Values in and out are Lua values (str, numbers, LuaTable).

Imports th.paths (as Torch7's sys required paths) and the Lua argument checks; the Lua
pattern engine is reached only when a pattern really needs it.
"""
import math as _math
import os as _os
import sys as _pysys
import time as _time

from th import paths as _paths
from th.lua.lib.args import (NOARG, check_number as _check_number,
                             check_string as _check_string,
                             number_to_string as _number_to_string)
from th.lua.table import LuaTable as _LuaTable

__all__ = [
    "clock", "tic", "toc", "sleep", "usleep", "execute", "fexecute", "uname", "OS",
    "ls", "ll", "la", "lla", "prefix", "fpath", "split", "isNaN", "dirname", "concat",
    "COLORS",
]

# ---- time ------------------------------------------------------------------------------


def clock(*_):
    """sys.clock()

    The wall-clock time in seconds, with microsecond precision.

    Example: t0 = sys.clock(); train(); print(sys.clock() - t0)
    """
    return _time.time()


_tic = [None]


def tic(*_):
    """sys.tic()

    Starts the timer that sys.toc() reads.

    Example: sys.tic(); net:forward(x); print(sys.toc())
    """
    _tic[0] = clock()
    return ()


def toc(verbose=None, *_):
    """sys.toc([verbose])

    The seconds elapsed since the last sys.tic(); printed too when `verbose` is true.

    Example: sys.tic(); sys.sleep(0.1); print(sys.toc())
    """
    if _tic[0] is None:
        raise RuntimeError("attempt to perform arithmetic on global '__t__' (a nil value)")
    elapsed = clock() - _tic[0]
    if verbose is not None and verbose is not False:
        print(_number_to_string(elapsed))
    return elapsed


def sleep(seconds=NOARG, *_):
    """sys.sleep(seconds)

    Pauses for `seconds` (fractions allowed). Ctrl-C interrupts it.

    Example: sys.sleep(0.5)
    """
    seconds = _check_number(seconds, 1, "sleep")
    if seconds > 0:
        _time.sleep(seconds)
    return ()


def usleep(microseconds=None, *_):
    """sys.usleep(microseconds)

    Pauses for `microseconds` (1 when not a number).

    Example: sys.usleep(1000)   -- a millisecond
    """
    if not isinstance(microseconds, (int, float)):
        microseconds = 1
    if microseconds > 0:
        _time.sleep(microseconds / 1e6)
    return ()


# ---- shell commands ---------------------------------------------------------------------

def execute(cmd=NOARG, *_):
    """sys.execute(cmd)

    Runs shell command `cmd` and returns its output (stdout and stderr together), with
    leading and trailing white space removed.

    Example: print(sys.execute('ls -1 | head -3'))
    """
    cmd = _check_string(cmd, 1, "execute")
    import subprocess as _subprocess  # only when a command runs: keeps start-up fast
    done = _subprocess.run(cmd + " 2>&1", shell=True, stdout=_subprocess.PIPE,
                           stdin=_subprocess.DEVNULL)
    return _lua_trim(done.stdout.decode("utf-8", errors="replace"))


def fexecute(cmd=NOARG, *_):
    """sys.fexecute(cmd)

    Like sys.execute, through a temporary file (the older, more robust variant).

    Example: print(sys.fexecute('uname -a'))
    """
    cmd = _check_string(cmd, 1, "fexecute")
    import subprocess as _subprocess  # only when a command runs: keeps start-up fast
    tmp = _paths.tmpname()
    _subprocess.run(f"{cmd} 1>{tmp} 2>{tmp}", shell=True, stdin=_subprocess.DEVNULL)
    with open(tmp, "rb") as f:
        out = f.read().decode("utf-8", errors="replace")
    _os.remove(tmp)
    return _lua_trim(out)


def _lua_trim(s):
    # Lua's gsub('^%s*',''):gsub('%s*$',''): %s is C's isspace (includes \v and \f).
    return s.strip(" \t\n\r\v\f")


def uname(*_):
    """sys.uname()

    The name of the operating system: 'linux', 'macos', 'windows' or '?'.

    Example: if sys.uname() == 'linux' then print('on linux') end
    """
    name = _os.uname().sysname if hasattr(_os, "uname") else "Windows"
    if "Windows" in name:
        return "windows"
    if "Linux" in name:
        return "linux"
    if "Darwin" in name:
        return "macos"
    return "?"


OS = uname()
prefix = _pysys.prefix


def ls(d=None, *_):
    """sys.ls([dir])

    The output of `ls` (of `dir`, or the current directory).

    Example: print(sys.ls())
    """
    return execute("ls " + _ls_target(d))


def ll(d=None, *_):
    """sys.ll([dir])

    The output of `ls -l`.

    Example: print(sys.ll('/tmp'))
    """
    return execute("ls -l " + _ls_target(d))


def la(d=None, *_):
    """sys.la([dir])

    The output of `ls -a`.

    Example: print(sys.la())
    """
    return execute("ls -a " + _ls_target(d))


def lla(d=None, *_):
    """sys.lla([dir])

    The output of `ls -la`.

    Example: print(sys.lla())
    """
    return execute("ls -la " + _ls_target(d))


def _ls_target(d):
    return " " if d is None or d is NOARG else _check_string(d, 1, "ls")


def fpath(*_):
    """sys.fpath()

    The directory and the file name of the Lua file calling it (the current directory
    and nil at the prompt).

    Example: dir, file = sys.fpath()
    """
    source = _paths.thisfile()
    if source is None:
        return _paths.cwd(), None
    return _paths.dirname(source), _paths.basename(source)


dirname = _paths.dirname
concat = _paths.concat

# ---- strings and numbers ----------------------------------------------------------------


def split(s=NOARG, pattern=NOARG, *_):
    """sys.split(str, pattern)

    A table of the pieces of `str` between matches of the Lua pattern `pattern` (an
    empty first piece is dropped, as is an empty last one).

    Example: sys.split('a,b,,c', ',')   --> {'a', 'b', '', 'c'}
    """
    s = _check_string(s, 1, "split")
    pattern = _check_string(pattern, 2, "split")
    from th.lua.lib.string import str_find
    fpat = "(.-)" + pattern
    pieces = []
    last_end = 1
    found = str_find(s, fpat, last_end)
    while found[0] is not None:
        start, end, piece = found[0], found[1], found[2]
        if start != 1 or piece != "":
            pieces.append(piece)
        if end + 1 <= last_end:
            # The separator matched the empty string: Torch7 looped forever here.
            raise ValueError(f"bad argument #2 to 'split' (pattern '{pattern}' matches "
                             f"the empty string)")
        last_end = end + 1
        found = str_find(s, fpat, last_end)
    if last_end <= len(s):
        pieces.append(s[last_end - 1:])
    return _LuaTable.from_list(pieces)


def isNaN(number=None, *_):
    """sys.isNaN(x)

    True when `x` is NaN (the only value not equal to itself).

    Example: sys.isNaN(0/0)   --> true
    """
    return isinstance(number, float) and _math.isnan(number)


# ---- colours ----------------------------------------------------------------------------

COLORS = _LuaTable.from_dict({
    "none": "\27[0m",
    "black": "\27[0;30m", "red": "\27[0;31m", "green": "\27[0;32m",
    "yellow": "\27[0;33m", "blue": "\27[0;34m", "magenta": "\27[0;35m",
    "cyan": "\27[0;36m", "white": "\27[0;37m",
    "Black": "\27[1;30m", "Red": "\27[1;31m", "Green": "\27[1;32m",
    "Yellow": "\27[1;33m", "Blue": "\27[1;34m", "Magenta": "\27[1;35m",
    "Cyan": "\27[1;36m", "White": "\27[1;37m",
    "_black": "\27[40m", "_red": "\27[41m", "_green": "\27[42m",
    "_yellow": "\27[43m", "_blue": "\27[44m", "_magenta": "\27[45m",
    "_cyan": "\27[46m", "_white": "\27[47m",
})
