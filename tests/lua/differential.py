"""Run Lua snippets in th and in reference Lua 5.1 (lupa.lua51) and capture their output.

A case file (tests/lua/cases/*.lua) holds snippets, each opened by a line
`-- case: <name>`; text before the first marker is shared setup prepended to every
snippet of the file. Files named `jit_*.lua` test what Lua 5.1 lacks (goto, ...) and are
compared with LuaJIT 2.1 (lupa.luajit21), the engine Torch7 ran on. Both engines run a snippet as a chunk named "=input", capturing
`print` and `io.write`; a syntax error shows as "SYNTAX: <message>", an uncaught
runtime error as "ERROR: <message>", so messages are compared too.
"""
import contextlib
import io
import pathlib
import re

CASES_DIR = pathlib.Path(__file__).parent / "cases"
_MARKER = re.compile(r"^-- case: *(.+?) *$", re.M)


def load_cases(path):
    """[(case name, source)] for one case file."""
    text = pathlib.Path(path).read_text(encoding="utf-8")
    parts = _MARKER.split(text)
    setup = parts[0]
    cases = []
    for i in range(1, len(parts), 2):
        body = parts[i + 1]
        cases.append((parts[i], setup + body if setup.strip() else body))
    return cases


def all_cases():
    """[(test id, source, reference engine)] over every case file."""
    out = []
    for path in sorted(CASES_DIR.glob("*.lua")):
        engine = "luajit21" if path.stem.startswith("jit_") else "lua51"
        for name, src in load_cases(path):
            out.append((f"{path.stem}::{name}", src, engine))
    return out


_REFERENCE_DRIVER = r"""
return function(src)
  local out = {}
  local function w(s) out[#out + 1] = s end
  local env_print = function(...)
    local n = select('#', ...)
    local t = {}
    for i = 1, n do t[i] = tostring((select(i, ...))) end
    w(table.concat(t, "\t") .. "\n")
  end
  local saved_print, saved_write = print, io.write
  print = env_print
  io.write = function(...)
    for i = 1, select('#', ...) do
      local v = select(i, ...)
      w(type(v) == "number" and string.format("%.14g", v) or v)
    end
  end
  local f, err = loadstring(src, "=input")
  if not f then
    w("SYNTAX: " .. err .. "\n")
  else
    local ok, e = pcall(f)
    if not ok then w("ERROR: " .. tostring(e) .. "\n") end
  end
  print, io.write = saved_print, saved_write
  return table.concat(out)
end
"""

_references = {}


def run_reference(src, engine="lua51"):
    """What reference Lua 5.1 (or LuaJIT 2.1: engine "luajit21") prints for `src`."""
    driver = _references.get(engine)
    if driver is None:
        import importlib
        lua = importlib.import_module("lupa." + engine).LuaRuntime()
        driver = _references[engine] = lua.execute(_REFERENCE_DRIVER)
    return driver(src)


def run_th(src):
    """What th prints for `src`."""
    from th.lua import LuaError, LuaSyntaxError, Runtime
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rt = Runtime()
        if rt.globals["io"] is None:
            _stub_io(rt)
        try:
            f = rt.load(src, "=input")
        except LuaSyntaxError as e:
            buf.write("SYNTAX: " + str(e) + "\n")
        else:
            try:
                rt.call(f)
            except LuaError as e:
                buf.write("ERROR: " + str(e) + "\n")
    return buf.getvalue()


def _stub_io(rt):
    # Stand-in until th/lua/lib/io.py lands: io.write only, as Lua's (numbers as %.14g).
    from th.lua import LuaTable, tostring
    import sys

    def write(*args):
        for a in args:
            sys.stdout.write(tostring(a))
    rt.globals["io"] = LuaTable.from_dict({"write": write})
