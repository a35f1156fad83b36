-- Function environments: setfenv changes one function's environment (Lua 5.1).
-- case: a loaded chunk run in its own environment
local f = loadstring("fe_x = 1; fe_y = (fe_y or 0) + 1; return fe_x, fe_y")
local env = {}
setfenv(f, env)
print(f())
print(f())
print(env.fe_x, env.fe_y, fe_x, fe_y)

-- case: one function of a chunk, not its siblings
local function a() return fe_who end
local function b() return fe_who end
fe_who = "global"
setfenv(a, {fe_who = "a's own"})
print(a(), b(), fe_who)
print(getfenv(a) == _G, getfenv(b) == _G, getfenv(a).fe_who)

-- case: closures made after setfenv inherit it, closures made before keep theirs
local function maker() return function() return fe_v end end
fe_v = "G"
local before = maker()
setfenv(maker, {fe_v = "E"})
local after = maker()
print(before(), after(), getfenv(after).fe_v, getfenv(before) == _G)

-- case: setfenv(1, t) inside a function
local function sandboxed()
  local print = print
  setfenv(1, {fe_z = 5})
  print(fe_z)
  return function() return fe_z end
end
local g = sandboxed()
print(g(), fe_z)

-- case: the module idiom, setfenv(1, M) at the top of a chunk
local M = {}
local G = _G
setfenv(1, M)
function fe_hello() return "hi" end
fe_answer = 42
G.print(M.fe_hello(), M.fe_answer, G.fe_hello, G.fe_answer)

-- case: an environment inheriting the globals through __index
local env = setmetatable({}, {__index = _G})
local f = loadstring("fe_newglobal = 42; return type(print), fe_newglobal")
setfenv(f, env)
print(f())
print(rawget(env, "fe_newglobal"), fe_newglobal, rawget(env, "print"))

-- case: setfenv returns the function; getfenv of levels
local function h() return getfenv(1) end
local e = {getfenv = getfenv}
print(setfenv(h, e) == h, h() == e, getfenv(1) == _G, getfenv(0) == _G)

-- case: setfenv on a function running later sees the change at its next call
local function counter() fe_count = (fe_count or 0) + 1; return fe_count end
counter(); counter()
local box = {}
setfenv(counter, box)
print(counter(), fe_count, box.fe_count)

-- case: errors of setfenv
print(pcall(setfenv, string.rep, {}))
print(pcall(function() setfenv(function() end, 5) end))
print(pcall(function() setfenv(50, {}) end))
print(pcall(function() return getfenv(-1) end))
