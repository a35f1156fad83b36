-- case: __index table
local base = {greet = function() return "hi" end, x = 1}
local obj = setmetatable({}, {__index = base})
print(obj.greet(), obj.x, obj.y, rawget(obj, "x"))
-- case: __index function
local t = setmetatable({}, {__index = function(t, k) return k .. "!" end})
print(t.foo, t[1], rawget(t, "foo"))
-- case: __index chain
local a = {x = "a"}
local b = setmetatable({y = "b"}, {__index = a})
local c = setmetatable({}, {__index = b})
print(c.x, c.y, c.z)
-- case: __newindex table and function
local store = {}
local t = setmetatable({}, {__newindex = store})
t.a = 1
print(rawget(t, "a"), store.a)
local log = {}
local u = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v * 2) end})
u.x = 5
u.x = 7
print(u.x, #log)
-- case: __call
local callable = setmetatable({}, {__call = function(self, a, b) return a + b, self end})
local r, s = callable(3, 4)
print(r, s == callable)
-- case: class pattern
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) return setmetatable({name = name, sound = sound}, Animal) end
function Animal:speak() return self.name .. " says " .. self.sound end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local d = Animal.new(name, "woof"); return setmetatable(d, Dog) end
function Dog:fetch() return self.name .. " fetches" end
local d = Dog.new("rex")
print(d:speak(), d:fetch(), getmetatable(d) == Dog)
-- case: arithmetic metamethods
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(b) == "number" then return vec(a.x * b, a.y * b) end return a.x * b.x + a.y * b.y end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
V.__concat = function(a, b) return tostring(a) .. tostring(b) end
V.__len = function(a) return 2 end
local p, q = vec(1, 2), vec(3, 4)
print(tostring(p + q), tostring(p - q), p * q, tostring(p * 2), tostring(q / 2))
print(tostring(q % 2), tostring(p ^ 2), tostring(-p), p .. q, p .. "!", "!" .. p)
-- case: __eq
local mt = {__eq = function(a, b) return a.id == b.id end}
local x = setmetatable({id = 1}, mt)
local y = setmetatable({id = 1}, mt)
local z = setmetatable({id = 1}, {__eq = function() return true end})
print(x == y, x ~= y, x == z, x == 1)
-- case: __lt __le
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 2}, mt)
print(a < b, a <= b, a > b, a >= b, b > a)
-- case: __le falls back to __lt
local mt = {__lt = function(a, b) return a.v < b.v end}
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 2}, mt)
print(a <= b, b <= a)
-- case: __tostring with print
local t = setmetatable({}, {__tostring = function() return "custom!" end})
print(t, tostring(t))
-- case: __metatable protection
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
-- case: getmetatable string
print(getmetatable("").__index == string, ("abc"):upper())
-- case: __index on missing method error
local obj = setmetatable({}, {__index = {}})
print(pcall(function() obj:missing() end))
-- case: rawequal rawget rawset
local t = setmetatable({}, {__index = function() return "dflt" end, __newindex = function() error("no") end})
rawset(t, "k", "v")
print(rawget(t, "k"), t.other, rawequal(t, t), rawequal(t, {}))
-- case: setmetatable errors
print(pcall(function() return setmetatable(1, {}) end))
print(pcall(function() return setmetatable({}, 1) end))
-- case: __concat with numbers
local mt = {__concat = function(a, b) return "C" end}
local t = setmetatable({}, mt)
print(t .. 1, 1 .. t, t .. t)
-- case: __unm and __len on table values
local t = setmetatable({}, {__unm = function() return "neg" end})
print(-t)
-- case: inheritance of metamethods via __index does not apply
local base = {__add = function() return "added" end}
local mt = setmetatable({}, {__index = base})
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
-- case: __index loop depth
local t1 = {}
local t2 = setmetatable({}, {__index = t1})
setmetatable(t1, {__index = function(t, k) return "deep " .. k end})
print(t2.x)
