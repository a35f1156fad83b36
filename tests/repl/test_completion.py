"""Completion (th/repl/completion.py) on globals built in Python: raw reads only."""
import types

from th.lua import LuaTable
from th.repl.completion import complete

from repl_fakes import FakeRuntime


class Linear:
    __lua_type__ = "table"

    def __init__(self):
        self.weight = 1
        self._hidden = 2

    def forward(self, x):
        return x

    def zeroGradParameters(self):
        pass

    @property
    def explosive(self):
        raise AssertionError("completion must not run getters")


def nn_package():
    nn = types.ModuleType("nn")
    nn.Linear, nn.LinearNoBias, nn.Tanh, nn._private = Linear, Linear, object, 1
    nn.__all__ = ["Linear", "LinearNoBias", "Tanh"]
    return nn


def names(text, rt):
    start, found = complete(text, rt)
    return start, [name for name, _ in found]


def test_fields_of_a_module_after_a_dot():
    rt = FakeRuntime(nn=nn_package())
    assert names("x = nn.Lin", rt) == (-3, ["Linear", "LinearNoBias"])


def test_globals_and_keywords():
    rt = FakeRuntime(lin=1, lines=2, _secret=3)
    start, found = complete("li", rt)
    assert (start, found) == (-2, [("lin", "number"), ("lines", "number")])
    assert names("whi", rt) == (-3, ["while"])
    assert names("_se", rt) == (-3, ["_secret"])


def test_methods_after_a_colon_hide_fields_and_private_names():
    rt = FakeRuntime(net=Linear())
    assert names("net:", rt) == (0, ["forward", "zeroGradParameters"])
    assert "weight" in names("net.", rt)[1]
    assert "_hidden" not in names("net.", rt)[1]
    assert "_hidden" in names("net._", rt)[1]


def test_tables_follow_index_tables_of_their_metatable():
    base = LuaTable.from_dict({"method": print})
    obj = LuaTable.from_dict({"field": 1})
    obj.metatable = LuaTable.from_dict({"__index": base})
    rt = FakeRuntime(obj=obj)
    assert names("obj.", rt) == (0, ["field", "method"])
    assert names("obj:", rt) == (0, ["method"])


def test_index_functions_are_never_called():
    called = []
    obj = LuaTable()
    obj.metatable = LuaTable.from_dict({"__index": lambda t, k: called.append(k)})
    rt = FakeRuntime(obj=obj)
    assert names("obj.x", rt) == (-1, [])
    assert called == []


def test_nothing_for_unknown_paths_calls_and_numbers():
    rt = FakeRuntime(a=LuaTable())
    assert names("nope.x", rt) == (0, [])
    assert names("f().x", rt) == (0, [])
    assert names("x = 1e5", rt) == (0, [])
    assert names("-- a comment wh", rt) == (0, [])


def test_require_completes_package_names():
    rt = FakeRuntime()
    start, found = complete("require 'n", rt)
    assert start == -1 and ("nn", "package") in found
    start, found = complete('require("opt', rt)
    assert ("optim", "package") in found


def test_strings_complete_file_names(tmp_path, monkeypatch):
    (tmp_path / "data.csv").write_text("")
    (tmp_path / "models").mkdir()
    monkeypatch.chdir(tmp_path)
    assert names("f = io.open('da", FakeRuntime()) == (-2, ["data.csv"])
    assert names("dofile('mo", FakeRuntime()) == (-2, ["models/"])


def test_modules_without_all_hide_the_python_modules_they_import():
    pkg = types.ModuleType("pkg")
    pkg.np, pkg.zeros, pkg._hidden = types, print, 1
    assert names("pkg.", FakeRuntime(pkg=pkg)) == (0, ["zeros"])
