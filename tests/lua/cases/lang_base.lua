-- case: tostring tonumber
print(tostring(nil), tostring(true), tostring(12), tostring("x"))
print(tonumber("42"), tonumber("0x1F"), tonumber("  3.5  "), tonumber("z"), tonumber(""), tonumber("1e2"))
print(tonumber("ff", 16), tonumber("777", 8), tonumber("zz", 36), tonumber("2", 2), tonumber("11", 2))
print(tonumber(nil), tonumber({}), tonumber("5", 10), tonumber(" 10 ", 16))
print(pcall(function() return tonumber("1", 99) end))
-- case: next and pairs over array
local t = {10, 20, 30}
print(next(t))
print(next(t, 1))
print(next(t, 3))
print(next({}))
print(pcall(next, {}, "nokey"))
-- case: unpack
print(unpack({1, 2, 3}))
print(unpack({1, 2, 3}, 2))
print(unpack({1, 2, 3}, 2, 3))
print(unpack({1, nil, 3}, 1, 3))
print(unpack({}, 1, 2))
print(select("#", unpack({}, 1, 0)))
-- case: rawlen-free length and select
print(select(2, "a", "b", "c"))
print(select("#"))
-- case: loadstring
local f = loadstring("return 1 + 2")
print(f())
print(loadstring("syntax error here"))
local g = loadstring("local a, b = ... return a * b")
print(g(6, 7))
print(loadstring("x = ", "=mychunk"))
print(type(loadstring("error('boom')", "@file.lua")))
print(pcall(loadstring("error('boom')", "@file.lua")))
-- case: loadstring globals
loadstring("newglobal = 99")()
print(newglobal)
-- case: load with function reader
local parts = {"return ", "4", "0 + 2"}
local i = 0
local f = load(function() i = i + 1 return parts[i] end)
print(f())
-- case: _G and _VERSION
print(_G._G == _G, _VERSION, _G.print == print)
x_global = 5
print(_G.x_global, _G["x_global"])
_G.y_global = 6
print(y_global)
-- case: getfenv setfenv
print(getfenv(1) == _G, getfenv() == _G, getfenv(0) == _G)
-- case: collectgarbage
print(collectgarbage(), type(collectgarbage("count")))
-- case: print with tostring metamethod and numbers
print(1e300 * 10, -1e300 * 10, 2^0.5, 100 / 3)
-- case: pcall returns all values
print(pcall(function() return 1, nil, 3 end))
print(select("#", pcall(function() return 1, nil, nil end)))
-- case: ipairs with holes and metatable free
local t = {1, 2, 3, nil, 5}
local n = 0
for _ in ipairs(t) do n = n + 1 end
print(n)
-- case: pairs modifying values during traversal
local t = {a = 1, b = 2, c = 3}
for k, v in pairs(t) do t[k] = v * 10 end
print(t.a, t.b, t.c)
for k in pairs(t) do t[k] = nil end
print(next(t))
-- case: dofile missing
print(pcall(dofile, "/nonexistent/file.lua"))
