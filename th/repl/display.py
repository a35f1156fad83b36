"""trepl's printer: `print` at the th prompt and in scripts run by th.

Torch7's console replaced Lua's `print` with its own (`print_new`), and th does too:
- scalars print coloured and each followed by a TAB, the line ending after the last one
  (`print('x')` writes "x\\t\\n"; `print()` writes nothing);
- tensors, storages and other userdata print through tostring, then a newline;
- tables with a `__tostring` (nn modules, criterions, every torch class) print through it;
- other tables print as a nested listing, 5 brace levels at most (`setprintlevel`),
  where nested tensors show as `DoubleTensor - size: 2x3` and nested torch objects are
  listed field by field, so `{lin}` shows a Linear's weight, bias, gradWeight...

Output goes to `sys.stdout` as it is at call time (pytest capture and a script's
`io.output` changes never lose it). Colours only when asked (the console turns them on
for a terminal). `who()` lists user globals as trepl did.

Input: Lua values. This module needs only th.lua (tostring, lua_type) and fields.py.
"""
import sys
import types

from th import lua as _lua
from th.repl import fields
from th.repl.style import Palette

DEFAULT_DEPTH = 5


def typename(obj):
    """Torch's typename of an object ("torch.DoubleTensor"), or ""."""
    name = getattr(obj, "__typename__", "")
    return name if isinstance(name, str) else ""


def size_string(obj):
    """trepl's short description of a tensor or storage: `DoubleTensor - size: 2x3`."""
    name = typename(obj)
    short = name[len("torch."):] if name.startswith("torch.") else name
    if "Storage" in name:
        return f"{short} - size: {obj.size()}"
    dims = obj.dim()
    if dims == 0:
        return f"{short} - empty"
    return f"{short} - size: " + "x".join(str(obj.size(i)) for i in range(1, dims + 1))


def _is_tensor_like(obj):
    name = typename(obj)
    return name.startswith("torch.") and (name.endswith("Tensor") or name.endswith("Storage"))


def has_tostring(obj):
    """True when a Lua table-typed value prints through tostring (a `__tostring`)."""
    if type(obj) is _lua.LuaTable:
        mt = obj.metatable
        return type(mt) is _lua.LuaTable and mt.get("__tostring") is not None
    # Python objects typed "table" are torch.class objects, whose metatable always has a
    # __tostring (their __str__), and classes, which Torch7 printed through tostring as
    # `table: 0x...` (their metatable is a class); a Python module is a plain table.
    return not _is_module(obj)


def _is_module(obj):
    return isinstance(obj, types.ModuleType)


class Printer:
    """trepl's `print_new`, its colours and its depth (see the module docstring).

    Example (Lua): print({a = 1, b = {c = 'x'}})
    """

    def __init__(self, colors=False, depth=DEFAULT_DEPTH, out=None):
        self.palette = Palette(colors)
        self.depth = depth
        self._out = out

    @property
    def colors(self):
        """Whether output is coloured (trepl's colours; off when not on a terminal)."""
        return self.palette.enabled

    @colors.setter
    def colors(self, enabled):
        self.palette.enabled = enabled

    # ---- output ---------------------------------------------------------------

    def write(self, text):
        """Write to the output stream (sys.stdout at call time unless one was given)."""
        (self._out or sys.stdout).write(text)

    def flush(self):
        (self._out or sys.stdout).flush()

    # ---- trepl's colorize ------------------------------------------------------

    def colorize(self, obj, nested=False):
        """One value as trepl shows it, coloured: strings quoted when nested."""
        p = self.palette
        kind = _lua.lua_type(obj)
        if kind == "nil":
            return p.role("nil", "nil")
        if kind == "number":
            return p.role("number", _lua.tostring(obj))
        if kind == "boolean":
            return p.role("boolean", "true" if obj else "false")
        if kind == "string":
            if nested:
                return p.role("quote", '"') + p.role("nested_string", obj) + p.role("quote", '"')
            return p.role("string", obj)
        if kind == "function":
            return p.role("function", _lua.tostring(obj))
        if kind == "userdata":
            text = size_string(obj) if _is_tensor_like(obj) else _lua.tostring(obj)
            return p.role("userdata", text)
        if kind == "table":
            return p.role("table", _lua.tostring(obj))
        return p.role("other", _lua.tostring(obj))

    # ---- print_new -----------------------------------------------------------------

    def print_new(self, *args):
        """print(...) as th's console prints: coloured scalars each followed by a tab,
        tensors and objects through tostring, plain tables as a nested listing.

        Example: print('loss', 0.25)   --> loss	0.25
        Example: print({1, 2, {3}})    --> the table listed key by key
        """
        last = len(args) - 1
        for i, obj in enumerate(args):
            kind = _lua.lua_type(obj)
            if kind == "table":
                if has_tostring(obj):
                    self.write(_lua.tostring(obj) + "\n")
                else:
                    self.write("".join(self.listing(obj)))
            elif kind == "userdata":
                self.write(_lua.tostring(obj) + "\n")
            else:
                self.write(self.colorize(obj) + "\t")
                if i == last:
                    self.write("\n")
        self.flush()

    def listing(self, obj, depth=0):
        """The lines of trepl's nested table listing (each ending in a newline)."""
        pad = " " * (depth * 4)
        items = fields.pairs(obj)
        if not items:
            return [pad + "{}\n"]
        lines = [pad + "{\n"]
        inner = pad + "  "
        for key, value in items:
            name = _lua.tostring(key)
            if _lua.lua_type(value) == "table":
                if depth >= self.depth - 1 or fields.is_empty(value):
                    lines.append(f"{inner}{name} : {{...}}\n")
                else:
                    lines.append(f"{inner}{name} : \n")
                    lines.extend(self.listing(value, depth + 1))
            else:
                lines.append(f"{inner}{name} : {self.colorize(value, nested=True)}\n")
        lines.append(pad + "}\n")
        return lines

    # ---- who() ---------------------------------------------------------------------

    def who(self, globals_table, preloaded, system=False):
        """Print the user's globals (and the system ones first when `system`), trepl style."""
        items = list(globals_table.items())
        width = max((len(_lua.tostring(k)) for k, _ in items), default=0)

        def section(want_system):
            for key, value in items:
                if (preloaded.get(key) is not None) == want_system:
                    self.print_new(describe_global(key, value, width))

        if system:
            self.print_new("== System Variables ==")
            section(True)
        self.print_new("== User Variables ==")
        section(False)
        self.print_new("==")


def describe_global(key, value, width):
    """One `who()` line: `[name]` padded, ` = `, then what the value is."""
    name = "[" + _lua.tostring(key) + "]"
    name += " " * (width - len(name) + 2)
    kind = _lua.lua_type(value)
    if kind == "userdata":
        text = size_string(value) if _is_tensor_like(value) else _lua.tostring(value)
    elif kind == "table":
        klass = typename(value) if not isinstance(value, type) else ""   # not a class
        text = klass if klass else f"table - size: {_length(value)}"
    elif kind == "string":
        text = value.replace("\n", "\\n")
        if len(text) > 40:
            text = text[:40] + "..."
        text = f'string : "{text}"'
    else:
        text = _lua.tostring(value)
    return f"{name} = {text}"


def _length(table):
    if type(table) is _lua.LuaTable:
        return table.length()
    return 0
