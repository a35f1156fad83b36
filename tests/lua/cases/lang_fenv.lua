-- Function environments: setfenv changes one function's environment (Lua 5.1).
-- case: a loaded chunk run in its own environment
local f = loadstring("x = 1; y = (y or 0) + 1; return x, y")
local env = {}
setfenv(f, env)
print(f())
print(f())
print(env.x, env.y, x, y)

-- case: one function of a chunk, not its siblings
local function a() return who end
local function b() return who end
who = "global"
setfenv(a, {who = "a's own"})
print(a(), b(), who)
print(getfenv(a) == _G, getfenv(b) == _G, getfenv(a).who)

-- case: closures made after setfenv inherit it, closures made before keep theirs
local function maker() return function() return v end end
v = "G"
local before = maker()
setfenv(maker, {v = "E"})
local after = maker()
print(before(), after(), getfenv(after).v, getfenv(before) == _G)

-- case: setfenv(1, t) inside a function
local function sandboxed()
  local print = print
  setfenv(1, {z = 5})
  print(z)
  return function() return z end
end
local g = sandboxed()
print(g(), z)

-- case: the module idiom, setfenv(1, M) at the top of a chunk
local M = {}
local G = _G
setfenv(1, M)
function hello() return "hi" end
answer = 42
G.print(M.hello(), M.answer, G.hello, G.answer)

-- case: an environment inheriting the globals through __index
local env = setmetatable({}, {__index = _G})
local f = loadstring("newglobal = 42; return type(print), newglobal")
setfenv(f, env)
print(f())
print(rawget(env, "newglobal"), newglobal, rawget(env, "print"))

-- case: setfenv returns the function; getfenv of levels
local function h() return getfenv(1) end
local e = {getfenv = getfenv}
print(setfenv(h, e) == h, h() == e, getfenv(1) == _G, getfenv(0) == _G)

-- case: setfenv on a function running later sees the change at its next call
local function counter() count = (count or 0) + 1; return count end
counter(); counter()
local box = {}
setfenv(counter, box)
print(counter(), count, box.count)

-- case: errors of setfenv
print(pcall(setfenv, string.rep, {}))
print(pcall(function() setfenv(function() end, 5) end))
print(pcall(function() setfenv(50, {}) end))
print(pcall(function() return getfenv(-1) end))
