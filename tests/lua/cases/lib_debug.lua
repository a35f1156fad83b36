-- The debug library: tracebacks, getinfo, getlocal. What runs the chunk differs (the
-- reference runs it under pcall from Python, th from Runtime.call), so tracebacks are
-- compared up to the main chunk's line (or the "..." of a deep stack, whose last levels
-- include those of the runner).
local function upto_main(s)
  local out = {}
  for line in (s .. "\n"):gmatch("(.-)\n") do
    out[#out + 1] = line
    if line:find("in main chunk", 1, true) or line == "\t..." then break end
  end
  return table.concat(out, "\n")
end

-- case: traceback names functions as their callers call them
local t = {}
local function loc() return upto_main(debug.traceback("here")) end
function glob() return (loc()) end
function t.field() return (glob()) end
function t:meth() return (t.field()) end
print(t:meth())

-- case: traceback without a message, and from an anonymous function
print(upto_main(debug.traceback()))
local r = (function() return upto_main(debug.traceback("anon")) end)()
print(r)

-- case: traceback keeps non-string messages, converts numbers
print(type(debug.traceback({})), debug.traceback(nil))
print(upto_main(debug.traceback(42)))

-- case: traceback level skips the innermost functions
local function a() return upto_main(debug.traceback("lvl", 2)) end
local function b() return (a()) end
print(b())
print(upto_main(debug.traceback("lvl0", 0)))

-- case: xpcall with debug.traceback shows where the error was raised
local function inner(x) error("boom " .. x) end
function outer(y) inner(y) end
local ok, msg = xpcall(function() outer(1) end, debug.traceback)
print(ok, upto_main(msg))

-- case: a Lua handler skips itself with level 2 (trepl's handler)
local function inner(x) local z = x + nil end
local ok, msg = xpcall(function() inner(1) end, function(m) return debug.traceback(m, 2) end)
print(ok, upto_main(msg))

-- case: C functions in the stack
local s = ("ab"):gsub(".", function(c) return upto_main(debug.traceback(c)) .. "\n" end)
print(s)
print(pcall(function() return upto_main(debug.traceback("in pcall")) end))

-- case: a deep stack is elided in the middle
local function deep(n)
  if n == 0 then return upto_main(debug.traceback("deep")) end
  return (deep(n - 1))
end
print(deep(30))
print(deep(9))
print(deep(10))
print(deep(11))

-- case: getinfo of stack levels
local function where()
  local i = debug.getinfo(2, "Sl")
  return i.short_src, i.source, i.currentline, i.what, i.linedefined
end
print(where())
local function f()
  return (where())
end
print(f())
local me = debug.getinfo(1)
print(me.what, me.short_src, me.currentline, me.linedefined, me.lastlinedefined, me.namewhat)
print(debug.getinfo(100), debug.getinfo(0, "n").name)

-- case: getinfo names
local t = {}
local function show() local i = debug.getinfo(2, "n"); return i.name, i.namewhat end
local function named() return (show()) end
function gnamed() local n, w = show(); return n, w end
function t.fld() local i = debug.getinfo(1, "n"); return i.name, i.namewhat end
function t:mth() local i = debug.getinfo(1, "n"); return i.name, i.namewhat end
print(named())
print(gnamed())
print(t.fld())
print(t:mth())

-- case: getinfo of functions
local function g(a, b)
  local c = a + b
  return c
end
local i = debug.getinfo(g)
print(i.what, i.short_src, i.linedefined, i.lastlinedefined, i.currentline, i.func == g)
local p = debug.getinfo(tostring)
print(p.what, p.short_src, p.source, p.linedefined, p.currentline)
print(debug.getinfo(g, "S").what, debug.getinfo(g, "l").currentline)
print(pcall(debug.getinfo, g, "X"))
print(pcall(debug.getinfo, "x"))

-- case: getlocal reads parameters and locals in order
local function h(a, b)
  local c = a + b
  local names = {}
  for k = 1, 3 do
    local n, v = debug.getlocal(1, k)
    names[#names + 1] = tostring(n) .. "=" .. tostring(v)
  end
  return table.concat(names, " ")
end
print(h(3, 4))
local function lvl2(x) local n, v = (function() return debug.getlocal(2, 1) end)(); return n, v end
print(lvl2("up"))

-- case: raw metatables
local t = setmetatable({}, {__metatable = "locked", __index = {x = 1}})
print(getmetatable(t), type(debug.getmetatable(t)), debug.getmetatable(t).__index.x)
print(debug.setmetatable(t, nil), getmetatable(t), t.x)
print(debug.getmetatable("").__index == string)
