-- Method calls on metatable-based classes: what a call finds follows every change.
local Point = {}
Point.__index = Point
function Point.new(x) return setmetatable({x = x}, Point) end
function Point:get() return self.x end

-- case: redefining a method after calls
local p = Point.new(1)
print(p:get(), p:get())
function Point:get() return self.x * 10 end
print(p:get())
Point.get = function(self) return "third" end
print(p:get())

-- case: removing a method, then adding it back with rawset and a computed key
local p = Point.new(2)
print(p:get())
Point.get = nil
print(pcall(function() return p:get() end))
rawset(Point, "get", function(self) return "raw" end)
print(p:get())
local name = "g" .. "et"
Point[name] = function(self) return "computed" end
print(p:get())

-- case: an own field shadows the class's, and leaves again
local p = Point.new(3)
print(p:get())
p.get = function() return "own" end
print(p:get())
p.get = nil
print(p:get())

-- case: the metatable's __index pointed at another class
local A = {hello = function() return "A" end}
local B = {hello = function() return "B" end}
local mt = {__index = A}
local o = setmetatable({}, mt)
print(o:hello(), o:hello())
mt.__index = B
print(o:hello())
mt.__index = function(t, k) return function() return "fn " .. k end end
print(o:hello())
mt.__index = A
print(o:hello())

-- case: another metatable for the same object, and inheritance
local Base = {}
Base.__index = Base
function Base:who() return "base" end
function Base:kind() return "base kind" end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
function Derived:who() return "derived" end
local d = setmetatable({}, Derived)
print(d:who(), d:kind(), d:who(), d:kind())
function Derived:kind() return "derived kind" end
print(d:kind())
setmetatable(d, Base)
print(d:who(), d:kind())

-- case: a class counter written while its methods are called
local C = {n = 0}
C.__index = C
function C:bump() C.n = C.n + 1; return C.n end
local c = setmetatable({}, C)
for i = 1, 5 do c:bump() end
print(C.n, c:bump(), c.n)

-- case: a class table turned weak, or made an environment, after calls
local K = {}
K.__index = K
function K:f() return "f" end
local k = setmetatable({}, K)
print(k:f())
setmetatable(K, {__mode = "k"})
K.f = function() return "weak f" end
print(k:f())
local g = loadstring("return 1")
setfenv(g, K)
K.f = function() return "env f" end
print(k:f(), g())

-- case: the class modified while iterating over it
local M = {}
M.__index = M
function M:a() return "a" end
function M:b() return "b" end
local m = setmetatable({}, M)
local seen = {}
for key, fn in pairs(M) do
  if type(fn) == "function" then
    seen[#seen + 1] = key .. "=" .. m[key](m)
    M[key] = function() return key:upper() end
  end
end
table.sort(seen)
print(table.concat(seen, " "), m:a(), m:b())

-- case: a method called on values of every kind
local S = setmetatable({}, {__index = string})
print(("abc"):upper(), ("x"):rep(3), pcall(function() return S:upper() end))
print(pcall(function() local n = 5; return n:foo() end))
print(pcall(function() local t = {}; return t:foo() end))

-- case: string methods follow changes to the string table and the strings' metatable
print(("abc"):upper(), ("abc"):upper())
local upper = string.upper
string.upper = function(s) return "UP:" .. s end
print(("abc"):upper())
string.upper = upper
local smt = getmetatable("")
local saved = smt.__index
smt.__index = {upper = function() return "other table" end}
print(("abc"):upper(), pcall(function() return ("abc"):lower() end))
smt.__index = function(s, k) return function() return "function " .. k end end
print(("abc"):upper())
smt.__index = saved
print(("abc"):upper(), ("abc"):lower())
