"""How Lua sees Python objects, and how Python library code sees Lua values.

This is the contract every package (torch, nn, gnuplot, the console) builds on; the
engine implements it in `runtime.py`. It refines the table in design.md.

Values
    nil, true/false      None, True/False
    number               int or float (library code returns Python int/float, never
                         numpy scalars; it accepts both int and float)
    string               str
    table                th.lua.LuaTable (APIs that take "a table of numbers" accept
                         LuaTable and Python sequences alike; APIs that give Lua a table
                         return a LuaTable)
    function             any Python callable; a Lua function is a Python function
    userdata             any other Python object

Calls
    A Python callable receives Lua arguments positionally (missing trailing arguments are
    simply absent; extra ones are passed too). It returns None (one nil), a single
    value, a tuple for several values (Lua values are never Python tuples), or () for
    no value at all (what `print(f())` or `select('#', f())` can tell from nil).
    A Lua function called from Python returns the same way: its one result itself,
    a tuple for several, and () when it returns nothing. `th.lua.runtime.first(r)`
    gives the first result (or None); `Runtime.call(f, ...)` always gives a tuple.

Indexing a Python object from Lua (`obj.k`, `obj:k(...)`, `obj.k = v`)
    - The Lua name is mangled first: a Python keyword gets a trailing underscore
      (`torch.class` -> attribute `class_`), `__init` means `__init__` and
      `__typename` means `__typename__` (Torch7's class name, `x.__typename`).
    - Read: the instance `__dict__` first; then the class (MRO): a plain Python function
      is returned unbound (so `obj:m(a)` calls `m(obj, a)` and `Class.m(obj, a)` works as
      in Lua); anything else is `getattr(obj, k)`. A missing attribute is nil.
    - Write: `setattr(obj, k, v)`. On a class this defines a method, which is how
      `function MyLayer:updateOutput(input) ... end` works after `torch.class`.
    - Non-string keys (`t[2]`, `t[{1, {2,3}}]`) go to `__getitem__` / `__setitem__`.
      Tensors are 1-based from Lua and from Python alike.

Lua operators on Python objects
    + - * / % ^ unary-   Python operators (__add__, __radd__, __mul__, __pow__, __neg__, ...)
    ==                   identity, unless the class defines `__lua_eq__(self, other)`
    < <=                 `__lua_lt__` / `__lua_le__`, else Lua's "attempt to compare" error
    ..                   `__lua_concat__(self, other, self_on_left)`, else Lua's error
    #                    `__lua_len__()` if defined, else `len(obj)`
    tostring, print      `str(obj)`; a class or a Python module: `table: 0x...`
    type()               the class attribute `__lua_type__` if present ("table" for
                         torch.class-style objects such as nn modules), else "userdata";
                         a Python module and a class (Torch7's constructor table:
                         nn.Linear, torch.Tensor) are "table"
    getmetatable         an object whose class has `__typename__` (a torch object): its
                         class, as Torch7's class metatable (`getmetatable(x).__typename`);
                         a class: its nearest base with its own `__typename__` (the
                         parent class), so walking metatables ends
    pairs                `__lua_pairs__()` (an iterator of (key, value)) if defined; for
                         objects whose `__lua_type__` is "table", their instance fields;
                         for a Python module, its public names (`__all__` if it has one);
                         for a class, the methods it defines (Torch7's class metatable)
    call                 Python call

Errors
    Library code raises any Python exception; its `str()` is the Lua error message, in
    Torch7's or Lua's wording (e.g. "bad argument #1 to 'narrow' (out of range)"). The
    engine prefixes the calling Lua line (`[string "..."]:1: `), as Lua does for errors
    raised by C functions. To raise a non-string error value, raise `LuaError(value)`.
    KeyboardInterrupt is never caught by pcall: Ctrl-C always reaches the console.
    Setting TH_TRACEBACK=1 shows the Python traceback of errors raised in library code.

Runtime access
    `th.lua.current_runtime()` is the Runtime running the current Lua code (torch.class
    uses it to install a class into its package table or as a global).
"""
import keyword

_INIT = {"__init": "__init__", "__typename": "__typename__"}
_UNINIT = {"__init__": "__init", "__typename__": "__typename"}


def mangle(name):
    """The Python attribute for a Lua field name: `class` -> `class_`, `__init` -> `__init__`,
    `__typename` -> `__typename__`."""
    if name in _INIT:
        return _INIT[name]
    if keyword.iskeyword(name):
        return name + "_"
    return name


def unmangle(attr):
    """The Lua field name of a Python attribute (inverse of `mangle`)."""
    if attr in _UNINIT:
        return _UNINIT[attr]
    if attr.endswith("_") and keyword.iskeyword(attr[:-1]):
        return attr[:-1]
    return attr
