"""The os library, compared with Lua 5.1 where results are deterministic."""
import os
import time

import pytest

from lib_oracle import lua_eval, lua_literal, py_eval, same
from th.lua.lib import os as OS
from th.lua.table import LuaTable


def date_table(**fields):
    return LuaTable.from_dict(fields)


@pytest.mark.parametrize("fields", [
    dict(year=2000, month=1, day=1), dict(year=2000, month=1, day=1, hour=0),
    dict(year=2000, month=13, day=1), dict(year=2000, month=1, day=0), dict(year=2016, month=2, day=29, hour=23, min=59, sec=60),
    dict(year=2000, month=1, day=1, isdst=False), dict(year="2000", month="1", day="1"),
    dict(year=2000), dict(year=2000, month=1), dict(month=1, day=1), dict(year=2000, month=1, day="x"),
])
def test_time_with_table_matches_lua51(fields):
    lua_fields = ", ".join(f"{k} = {lua_literal(v)}" for k, v in fields.items())
    assert py_eval(OS.os_time, date_table(**fields)) == lua_eval(f"os.time{{{lua_fields}}}")


@pytest.mark.parametrize("fmt", ["!%Y-%m-%d %H:%M:%S", "!%c", "!%x %X %p", "!%j %a %A %b %B", "!%Q %", "!100%% %",
                                 "%Y", "!", "", "!%y%%", "!*t", "*t"])
@pytest.mark.parametrize("when", [0, 86400 * 365.25 * 30 + 12345.7, 1e9])
def test_date_matches_lua51(fmt, when):
    if fmt == "*t" or fmt == "!*t":
        code = (f"(function() local t = os.date({lua_literal(fmt)}, {lua_literal(when)}) "
                "return t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst end)()")
        t = OS.os_date(fmt, when)
        got = py_eval(lambda: tuple(t[k] for k in ("year", "month", "day", "hour", "min", "sec", "wday", "yday", "isdst")))
        assert got == lua_eval(code)
        return
    same(OS.os_date, "os.date", fmt, when)


def test_date_defaults_and_errors():
    before = time.strftime("%c")
    now = OS.os_date()  # format "%c", time now
    assert now in (before, time.strftime("%c"))
    same(OS.os_date, "os.date", 1, 0)
    same(OS.os_date, "os.date", "%Y", "x")
    same(OS.os_date, "os.date", [], 0)


def test_clock_difftime_getenv():
    assert 0 <= OS.os_clock()
    same(OS.os_difftime, "os.difftime", 5)
    same(OS.os_difftime, "os.difftime", 10, 4.5)
    same(OS.os_difftime, "os.difftime")
    same(OS.os_getenv, "os.getenv", "HOME")
    same(OS.os_getenv, "os.getenv", "TH_SURELY_UNSET_VARIABLE")
    same(OS.os_getenv, "os.getenv")


def test_remove_rename_tmpname(tmp_path):
    missing = str(tmp_path / "missing")
    same(OS.os_remove, "os.remove", missing)
    same(OS.os_rename, "os.rename", missing, missing + "2")
    name = OS.os_tmpname()
    assert os.path.exists(name)
    assert OS.os_rename(name, name + ".x") is True
    assert OS.os_remove(name + ".x") is True
    d = tmp_path / "dir"
    d.mkdir()
    assert OS.os_remove(str(d)) is True  # C's remove() deletes empty directories too


def test_exit_raises_system_exit():
    for arg, status in [((), 0), ((3,), 3), ((True,), 0), ((False,), 1)]:
        with pytest.raises(SystemExit) as e:
            OS.os_exit(*arg)
        assert e.value.code == status


def test_execute_and_setlocale():
    assert OS.os_execute() == 1
    assert OS.os_execute("exit 0") == 0
    assert OS.os_execute("exit 3") == 3 * 256
    assert OS.os_setlocale() == OS.os_setlocale(None, "all")
    assert OS.os_setlocale("C", "numeric") == "C"
    assert OS.os_setlocale("no-such-locale") is None
