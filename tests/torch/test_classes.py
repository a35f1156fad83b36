"""Torch7's class system, from Lua (through th.lua.Runtime) and from Python."""
import pytest

from th import torch
from th.torch.classes import TorchObject


def run(src):
    from th.lua import Runtime
    rt = Runtime()
    rt.execute("torch = require 'torch'\n" + src)
    return rt


def test_lua_class_definition_inheritance_and_tostring():
    rt = run("""
        local Animal, parent = torch.class('zoo.Animal')
        function Animal:__init(name) self.name = name end
        function Animal:speak() return self.name .. ' makes a sound' end
        local Dog, base = torch.class('zoo.Dog', 'zoo.Animal')
        function Dog:__init(name) base.__init(self, name) self.tricks = 0 end
        function Dog:speak() return self.name .. ' barks' end
        function Dog:__tostring__() return 'Dog(' .. self.name .. ')' end
        d = zoo.Dog('rex')
        a = zoo.Animal('cat')
        results = {d:speak(), a:speak(), tostring(d), tostring(a), type(d),
                   torch.type(d), torch.typename(a), tostring(parent == nil),
                   tostring(base == zoo.Animal),
                   tostring(torch.isTypeOf(d, 'zoo.Animal')),
                   tostring(torch.isTypeOf(a, 'zoo.Dog')),
                   tostring(torch.isTypeOf(d, 'zoo%..*')),
                   tostring(torch.getmetatable('zoo.Dog') == zoo.Dog)}
    """)
    got = rt.globals["results"].to_list()
    assert got == ["rex barks", "cat makes a sound", "Dog(rex)", "zoo.Animal", "table",
                   "zoo.Dog", "zoo.Animal", "false", "true", "true", "false", "true", "true"]


def test_global_class_and_python_subclass():
    rt = run("""
        local Counter = torch.class('Counter')
        function Counter:__init() self.n = 0 end
        function Counter:inc() self.n = self.n + 1 return self end
        c = Counter():inc():inc()
    """)
    assert rt.globals["c"].n == 2

    class Thing(TorchObject):
        __typename__ = "test.Thing"

        def __tostring__(self):
            return "a thing"

    assert torch.getmetatable("test.Thing") is Thing
    assert str(Thing()) == "a thing" and torch.typename(Thing()) == "test.Thing"
    assert torch.isTypeOf(Thing(), "test.Thing") and torch.isTypeOf(Thing(), Thing)


def test_type_queries():
    x = torch.zeros(2)
    assert torch.typename(x) == "torch.DoubleTensor" and torch.type(x) == "torch.DoubleTensor"
    assert torch.typename(3) is None and torch.type(3) == "number"
    assert torch.type("s") == "string" and torch.type(None) == "nil"
    assert torch.isTensor(x) and not torch.isTensor(x.storage())
    assert torch.isStorage(x.storage())
    assert torch.isTypeOf(x, "torch.*Tensor") and torch.isTypeOf(x, torch.DoubleTensor)
    assert torch.getmetatable("torch.FloatTensor") is torch.FloatTensor
    with pytest.raises(Exception, match="parent class <nope.Nope> not found"):
        torch.class_("test.Orphan", "nope.Nope")


def test_lua_tensor_api_end_to_end():
    rt = run("""
        x = torch.Tensor(2, 3):fill(1)
        x[{1, 2}] = 5
        y = x:t():clone()
        s = x:sum()
        v, i = x:max(2)
        n = #x
        r = x[{{}, {2, 3}}]
        ok, err = pcall(function() return x[{3}] end)
    """)
    g = rt.globals
    assert g["s"] == 10 and g["v"].tolist() == [[5], [1]] and g["i"].tolist() == [[2], [1]]
    assert g["n"].tolist() == [2, 3] and g["r"].size().tolist() == [2, 2]
    assert g["ok"] is False and "index out of bound" in g["err"]
