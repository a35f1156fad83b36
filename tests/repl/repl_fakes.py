"""Stand-ins for the console tests that need only values, not the Lua compiler.

`FakeRuntime` holds globals and require, enough for code that reads values raw
(display, completion, hints); `FakeTensor` has the tensor protocol the printer uses.
Tests that run Lua use the real Runtime (the `runtime` fixture in conftest.py).
"""
from th.lua import LuaTable


class FakeRuntime:
    """Globals and require only; enough for code that reads values raw."""

    def __init__(self, **globals_):
        self.globals = LuaTable.from_dict(globals_)
        self.required = []

    def require(self, name):
        self.required.append(name)
        return self.globals[name]


class FakeTensor:
    """A stand-in with the tensor protocol the printer uses (typename, dim, size, str)."""

    __typename__ = "torch.DoubleTensor"

    def __init__(self, *sizes):
        self.sizes = sizes

    def dim(self):
        return len(self.sizes)

    def size(self, d=None):
        return self.sizes[d - 1]

    def __str__(self):
        return "[torch.DoubleTensor of size " + "x".join(map(str, self.sizes)) + "]\n"
