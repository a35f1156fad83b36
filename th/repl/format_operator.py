"""The `%` operator on strings that trepl switched on (Penlight's text.format_operator).

In Torch7's `th`, and in scripts it ran, `fmt % values` formats like Python's `%`:

    "%5.2f" % math.pi                          -->  " 3.14"
    "%s has %d layers" % {"net", 3}            -->  "net has 3 layers"
    "$name = $value" % {name = "lr", value = 0.1}  -->  "lr = 0.1"

A single value fills the one conversion; a list fills them in order (string.format's
rules, `%s` taking any value through tostring); a table without list items is a map
for `$name` or `${name}` substitution (names it lacks stay as written); a function maps
each name to its replacement; `fmt % nil` is fmt. Strings that read as numbers still
take `%` as arithmetic ("7" % 4 is 3), as Lua's coercion comes first.
"""
import re

from th.lua import LuaTable, tostring
from th.lua.lib.string import str_format
from th.lua.runtime import first

_NAME = re.compile(r"\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))")


def format_operator(fmt, values):
    """The `__mod` metamethod of strings: fmt % values (see the module docstring).

    Example: print("%d%%" % 50)  --> 50%
    """
    if values is None:
        return fmt
    if isinstance(values, LuaTable) and values.metatable is None:
        if values.length() == 0:
            return _substitute(fmt, lambda name: values.get(name))
        return str_format(fmt, *values.to_list())
    if callable(values) and not hasattr(values, "__typename__"):
        return _substitute(fmt, lambda name: first(values(name)))
    return str_format(fmt, values)


def _substitute(fmt, lookup):
    """fmt with each $name / ${name} replaced by tostring(lookup(name)) when that is
    not nil (or false)."""
    def replace(match):
        value = lookup(match.group(1) or match.group(2))
        return match.group(0) if value is None or value is False else tostring(value)
    return _NAME.sub(replace, fmt)


def install(runtime):
    """Give the strings of `runtime` their `%` operator."""
    runtime.string_meta["__mod"] = format_operator
