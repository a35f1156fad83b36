"""Lua's `os` library (Lua 5.1's loslib): time and dates, environment, files, exit.

Dates use the C library's view: `os.time{...}` is mktime (local time, out-of-range
fields normalised), `os.date` formats each %-conversion with strftime in the C locale,
and "!" selects UTC. Failures of the operating system come back as Lua's
`nil, "name: message", errno`. `os.exit` flushes open Lua files and raises SystemExit,
which no pcall catches.
"""
import locale
import os
import tempfile
import time

from th.lua import runtime
from th.lua.lib import io as lua_io
from th.lua.lib.args import (
    NOARG, LibError, arg_error, check_number, check_string, check_table, opt_number,
    opt_string, str_to_number, tointeger,
)
from th.lua.table import LuaTable


def _result(ok_value, e=None, filename=None):
    """Lua's os_pushresult: the success value, or nil, "filename: message", errno."""
    if e is None:
        return ok_value
    return None, f"{filename}: {e.strerror}", e.errno


# ---- time -------------------------------------------------------------------------------


def os_clock(*_):
    """os.clock()

    Processor time used by the program, in seconds.
    Example: local t0 = os.clock(); work(); print(os.clock() - t0)
    """
    return time.process_time()


def _field(t, key, default):
    v = runtime.index(t, key)
    if type(v) is str:
        v = str_to_number(v)
    if type(v) is int or type(v) is float:
        return tointeger(v)
    if default is None:
        raise LibError(f"field '{key}' missing in date table")
    return default


def os_time(t=NOARG, *_):
    """os.time([t])

    The current time as a number, or the time given by table t (fields year, month,
    day, and optional hour = 12, min = 0, sec = 0, isdst), read as local time.
    Example: os.time{year = 2016, month = 1, day = 1, hour = 0}
    """
    if t is NOARG or t is None:
        return int(time.time())
    check_table(t, 1, "time")
    sec = _field(t, "sec", 0)
    minute = _field(t, "min", 0)
    hour = _field(t, "hour", 12)
    day = _field(t, "day", None)
    month = _field(t, "month", None)
    year = _field(t, "year", None)
    isdst = runtime.index(t, "isdst")
    dst = -1 if isdst is None else int(isdst is not False)
    try:
        return int(time.mktime((year, month, day, hour, minute, sec, 0, 0, dst)))
    except (OverflowError, ValueError):
        return None


def _tm(t, utc):
    try:
        return time.gmtime(t) if utc else time.localtime(t)
    except (OverflowError, OSError, ValueError):
        return None


def os_date(fmt=NOARG, t=NOARG, *_):
    """os.date([format [, time]])

    The time (default: now) formatted by strftime's %-conversions (default "%c"), or as
    a table with format "*t"; a leading "!" means UTC.
    Example: os.date("%Y-%m-%d %H:%M:%S")
    """
    fmt = opt_string(fmt, 1, "date", "%c")
    when = opt_number(t, 2, "date", None)
    when = int(time.time()) if when is None else tointeger(when)
    utc = fmt.startswith("!")
    if utc:
        fmt = fmt[1:]
    tm = _tm(when, utc)
    if tm is None:
        return None
    if fmt == "*t":
        return LuaTable.from_dict({
            "sec": tm.tm_sec, "min": tm.tm_min, "hour": tm.tm_hour, "day": tm.tm_mday,
            "month": tm.tm_mon, "year": tm.tm_year, "wday": (tm.tm_wday + 1) % 7 + 1,
            "yday": tm.tm_yday, **({"isdst": bool(tm.tm_isdst)} if tm.tm_isdst >= 0 else {}),
        })
    return _strftime(fmt, tm)


def _strftime(fmt, tm):
    # Lua 5.1 hands strftime one conversion at a time and copies everything else.
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        conv = "%" + fmt[i + 1]
        try:
            out.append(time.strftime(conv, tm))
        except ValueError:
            out.append(conv)
        i += 2
    return "".join(out)


def os_difftime(t2=NOARG, t1=NOARG, *_):
    """os.difftime(t2 [, t1])

    The number of seconds from time t1 (default 0) to time t2.
    Example: os.difftime(os.time(), start)
    """
    t2 = tointeger(check_number(t2, 1, "difftime"))
    t1 = tointeger(opt_number(t1, 2, "difftime", 0))
    return float(t2 - t1)


# ---- environment and processes ---------------------------------------------------------------


def os_getenv(name=NOARG, *_):
    """os.getenv(name)

    The value of the environment variable name, or nil.
    Example: os.getenv("HOME")
    """
    return os.environ.get(check_string(name, 1, "getenv"))


def os_execute(command=NOARG, *_):
    """os.execute([command])

    Runs command in the shell and returns its status as C's system() does (0 for
    success); with no command, whether a shell exists.
    Example: os.execute("mkdir -p results")
    """
    if command is NOARG or command is None:
        return 1
    command = check_string(command, 1, "execute")
    lua_io.flush_all()
    return os.system(command)  # the raw wait status, as C's system()


def os_exit(code=NOARG, *_):
    """os.exit([code])

    Ends the program with status code (default 0; true means 0 and false 1).
    Example: os.exit(1)
    """
    if code is NOARG or code is None or code is True:
        status = 0
    elif code is False:
        status = 1
    else:
        status = tointeger(check_number(code, 1, "exit"))
    lua_io.flush_all()
    raise SystemExit(status)


_LOCALE_CATEGORIES = {
    "all": locale.LC_ALL, "collate": locale.LC_COLLATE, "ctype": locale.LC_CTYPE,
    "monetary": locale.LC_MONETARY, "numeric": locale.LC_NUMERIC, "time": locale.LC_TIME,
}


def os_setlocale(name=NOARG, category=NOARG, *_):
    """os.setlocale([locale [, category]])

    Sets (or with no locale, queries) the C locale for category "all" (default),
    "collate", "ctype", "monetary", "numeric" or "time"; nil if it cannot be set.
    Example: os.setlocale("C")
    """
    name = opt_string(name, 1, "setlocale", None)
    cat = opt_string(category, 2, "setlocale", "all")
    if cat not in _LOCALE_CATEGORIES:
        raise arg_error(2, "setlocale", f"invalid option '{cat}'")
    try:
        return locale.setlocale(_LOCALE_CATEGORIES[cat], name)
    except locale.Error:
        return None


# ---- files ------------------------------------------------------------------------------------


def os_remove(filename=NOARG, *_):
    """os.remove(filename)

    Deletes the file (or empty directory); true, or nil and an error message.
    Example: os.remove("tmp.txt")
    """
    filename = check_string(filename, 1, "remove")
    try:
        if os.path.isdir(filename) and not os.path.islink(filename):
            os.rmdir(filename)
        else:
            os.remove(filename)
    except OSError as e:
        return _result(None, e, filename)
    return True


def os_rename(old=NOARG, new=NOARG, *_):
    """os.rename(oldname, newname)

    Renames a file; true, or nil and an error message.
    Example: os.rename("a.txt", "b.txt")
    """
    old = check_string(old, 1, "rename")
    new = check_string(new, 2, "rename")
    try:
        os.rename(old, new)
    except OSError as e:
        return _result(None, e, old)
    return True


def os_tmpname(*_):
    """os.tmpname()

    The name of a new, empty temporary file (the caller removes it).
    Example: local name = os.tmpname()
    """
    try:
        fd, name = tempfile.mkstemp(prefix="lua_")
    except OSError:
        raise LibError("unable to generate a unique filename") from None
    os.close(fd)
    return name


FUNCTIONS = {
    "clock": os_clock, "date": os_date, "difftime": os_difftime, "execute": os_execute,
    "exit": os_exit, "getenv": os_getenv, "remove": os_remove, "rename": os_rename,
    "setlocale": os_setlocale, "time": os_time, "tmpname": os_tmpname,
}


def open_lib(runtime_):
    """The `os` table."""
    return LuaTable.from_dict(FUNCTIONS)
