"""Reference Lua 5.1 (lupa.lua51) as an oracle for the standard library unit tests.

`same(fn, "string.find", "hello", "l+")` calls our Python implementation `fn` with the
Python arguments and reference Lua 5.1 with the same call written as Lua, then asserts
that both return the same values or fail with the same message (position prefix
stripped). Strings cross as latin-1, one character per byte, as th represents them.
"""
import math
import re

import pytest

from th.lua.lib.args import number_to_string
from th.lua.table import LuaTable

lua51 = pytest.importorskip("lupa.lua51")

_L = lua51.LuaRuntime(encoding="latin-1", unpack_returned_tuples=True)
_L.execute("""
NEGZERO = -tonumber("0")
function __pack(...) return {n = select('#', ...), ...} end
function __show(v)
  if type(v) == 'number' then return 'n:' .. tostring(v) end
  if type(v) == 'string' then return 's:' .. v end
  return type(v) .. ':' .. (type(v) == 'table' and '' or tostring(v))
end
""")
_POSITION = re.compile(r'^\[string "[^"]*"\]:\d+: ')


def lua_literal(v):
    """Python value -> Lua source text for it."""
    if v is None:
        return "nil"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        # Lua 5.1 folds -0.0 into the constant 0 of its function, so make it at run time
        if v == 0 and math.copysign(1, v) < 0:
            return "NEGZERO"
        if v != v:
            return "(0/0)" if math.copysign(1, v) < 0 else "(-(0/0))"
        if v in (math.inf, -math.inf):
            return "(1/0)" if v > 0 else "(-1/0)"
        return repr(v)
    if isinstance(v, str):
        return '"' + "".join(c if c.isalnum() or c in " _" else "\\%03d" % ord(c) for c in v) + '"'
    if isinstance(v, (list, tuple)):
        return "{" + ", ".join(lua_literal(x) for x in v) + "}"
    raise TypeError(v)


def lua_eval(code):
    """Run `return <code>` in Lua 5.1 -> ("ok", shown values) or ("error", message)."""
    shown = _L.execute(f"""
      local r = __pack(pcall(function() return {code} end))
      local n = r.n
      local out = {{}}
      for i = 2, n do out[#out + 1] = __show(r[i]) end
      if not r[1] then return 'error', r[2] end
      return 'ok', table.concat(out, '\\1')
    """)
    status, text = shown
    if status == "error":
        return "error", _POSITION.sub("", text)
    return "ok", text


def show(v):
    if isinstance(v, bool):
        return f"boolean:{'true' if v else 'false'}"
    if v is None:
        return "nil:nil"
    if isinstance(v, (int, float)):
        return "n:" + number_to_string(v)
    if isinstance(v, str):
        return "s:" + v
    if isinstance(v, LuaTable):
        return "table:"
    if callable(v):
        return "function:"
    raise TypeError(v)


def py_eval(fn, *args):
    """Call our implementation -> ("ok", shown values) or ("error", message)."""
    try:
        r = fn(*args)
    except Exception as e:  # library errors are plain exceptions with Lua's message
        return "error", str(e)
    if not isinstance(r, tuple):
        r = (r,)
    # Lua drops trailing nothing but keeps explicit nils; so do we (None -> nil).
    return "ok", "\1".join(show(v) for v in r)


def to_lua(v):
    """Python lists (nested) -> LuaTable, as lua_literal writes them for Lua."""
    if isinstance(v, (list, tuple)):
        return LuaTable.from_list([to_lua(x) for x in v])
    return v


def same(fn, lua_name, *args):
    """Assert our `fn(*args)` and Lua 5.1's `lua_name(args...)` agree (lists are tables)."""
    code = f"{lua_name}({', '.join(lua_literal(a) for a in args)})"
    expected = lua_eval(code)
    got = py_eval(fn, *(to_lua(a) for a in args))
    assert got == expected, code


_L.execute("""
function __dump(t)
  local out = {}
  for i = 1, table.maxn(t) do out[i] = tostring(t[i]) end
  return table.concat(out, ',')
end
""")


def dump(t):
    """Python twin of the Lua helper `__dump(t)`: t[1..maxn] as "v1,v2,nil,..."."""
    from th.lua.runtime import tostring
    keys = [k for k, _ in t.items() if isinstance(k, (int, float)) and k >= 1]
    top = int(max(keys, default=0))
    return ",".join(tostring(t.get(i)) for i in range(1, top + 1))


def lua_run(code):
    """Run a Lua 5.1 chunk (its `return` values shown as lua_eval shows them)."""
    return lua_eval(f"(function() {code} end)()")


_th = None


def th_eval(code):
    """lua_eval's twin in th: `return <code>` -> ("ok", shown values) or ("error", message)."""
    global _th
    if _th is None:
        from th.lua import Runtime
        _th = Runtime()
        _th.execute(_PRELUDE)
    status, text = _th.execute(_EVAL.format(code=code))
    if status == "error":
        return "error", re.sub(r'^[^:]*:\d+: ', "", text)
    return "ok", text


def th_run(code):
    """lua_run's twin in th."""
    return th_eval(f"(function() {code} end)()")


_PRELUDE = """
NEGZERO = -tonumber("0")
function __pack(...) return {n = select('#', ...), ...} end
function __show(v)
  if type(v) == 'number' then return 'n:' .. tostring(v) end
  if type(v) == 'string' then return 's:' .. v end
  return type(v) .. ':' .. (type(v) == 'table' and '' or tostring(v))
end
"""
_EVAL = """
  local r = __pack(pcall(function() return {code} end))
  local out = {{}}
  for i = 2, r.n do out[#out + 1] = __show(r[i]) end
  if not r[1] then return 'error', r[2] end
  return 'ok', table.concat(out, '\\1')
"""
