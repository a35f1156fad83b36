-- Argument errors name the function as the call names it (luaL_argerror), and a method
-- call does not count self.
-- case: a method call on a string counts from the first argument after self
print(pcall(function() return ("x"):rep() end))
print(pcall(function() local s = "x"; return s:sub() end))
print(pcall(function() local s = "x"; return s:byte({}) end))
print(pcall(function() return ("%d"):format("x") end))
print(pcall(function() return ("x"):gsub() end))

-- case: a bad self
print(pcall(function() local t = setmetatable({}, {__index = string}); return t:rep(2) end))
print(pcall(function() local t = {f = string.rep}; return t:f() end))

-- case: the function is named as the call names it
print(pcall(function() local f = string.rep; return f() end))
print(pcall(function() local t = {f = string.rep}; return t.f() end))
local up = string.upper
print(pcall(function() return up() end))
print(pcall(function() myrep = string.rep; return myrep() end))
print(pcall(function() local t = {string.rep}; return t[1]() end))

-- case: the same through a plain field call keeps its numbers
print(pcall(function() return string.rep() end))
print(pcall(function() return string.rep("x") end))
print(pcall(function() return string.format("%d", "x") end))
print(pcall(function() return math.floor("a") end))
print(pcall(function() local m = math; return m.max() end))

-- case: called from pcall (a C function in Lua) the function has no name
print(pcall(string.rep))
print(pcall(string.format, "%d", {}))
print(pcall(setmetatable, 1, {}))

-- case: the generic for's iterator
print(pcall(function() for k in next, 5 do end end))

-- case: file methods
print(pcall(function() return io.stdout:seek("bad") end))
print(pcall(function() return io.stdout.seek(io.stdout, "bad") end))
print(pcall(function() return io.stdout:seek("set", "x") end))
print(pcall(function() return io.stdout.write(nil) end))
print(pcall(function() return ({write = io.stdout.write}):write("x") end))
