-- case: nan printing
print(0/0, -(0/0), 1 % 0, math.huge - math.huge)
local z = 0
print(z/z, 5 % z)
-- case: nan comparisons
local nan = 0/0
print(nan == nan, nan ~= nan, nan < 1, nan > 1, nan <= nan)
local t = {}
print(pcall(function() t[nan] = 1 end))
-- case: negative zero
local z = -0
print(z, -0.0 == 0, 1 / -0)
-- case: large integers
print(2^53, 2^53 + 1, 1e15 + 0.5, 123456789 * 1000000)
print(math.floor(2^31 + 0.5), -2^63, 2^64)
-- case: integer float equality in keys
local t = {}
t[2^1] = "two"
print(t[2], t[2.0])
t[3] = "x"; t[3.0] = "y"
print(t[3])
-- case: string method calls via metatable
local s = "Hello World"
print(s:lower(), s:upper(), s:len(), s:sub(1, 5), s:rep(2))
print(("%d-%s"):format(5, "x"), ("abc"):byte(1, -1))
print(#("x"):rep(10), s:find("World"), s:match("(%a+) (%a+)"))
-- case: string indexing non method
local s = "abc"
print(s.len == string.len, s.nonexistent)
print(pcall(function() return s.x.y end))
-- case: numbers with methods error
print(pcall(function() local n = 5 return n:foo() end))
-- case: and or chains in conditions
local function f(a, b, c)
  if a and b or c then return "yes" else return "no" end
end
print(f(1, 2, nil), f(nil, 2, nil), f(nil, nil, 3), f(false, false, false), f(0, "", nil))
-- case: not precedence
print(not nil == true, not (1 == 2), not 1 == nil)
-- case: while with complex conditions
local i, j = 0, 10
while i < j and i ~= 5 do i = i + 1 end
print(i)
local k = 0
while not (k >= 3) do k = k + 1 end
print(k)
-- case: captured loop var assigned in nested closure
local fs = {}
for i = 1, 3 do
  local n = i
  fs[i] = {get = function() return n end, inc = function() n = n + 1 end}
end
fs[1].inc(); fs[1].inc(); fs[2].inc()
print(fs[1].get(), fs[2].get(), fs[3].get())
-- case: closure two levels deep in loop
local fs = {}
for i = 1, 3 do
  fs[i] = function() return function() return i * 10 end end
end
print(fs[1]()(), fs[2]()(), fs[3]()())
-- case: local function in loop
local out = {}
for i = 1, 3 do
  local function rec(n) if n == 0 then return i end return rec(n - 1) end
  out[i] = rec
end
print(out[1](3), out[2](1), out[3](0))
-- case: upvalue shared between loop closures and outer
local total = 0
local adders = {}
for i = 1, 3 do adders[i] = function(x) total = total + x * i end end
for i = 1, 3 do adders[i](1) end
print(total)
-- case: shadowed upvalue
local x = "outer"
local function f()
  local y = x
  local x = "inner"
  return y, x
end
print(f())
-- case: closure over parameter
local function mk(p) return function() p = p + 1; return p end end
local a, b = mk(10), mk(20)
print(a(), a(), b())
-- case: multiple assignment with calls
local function two() return 1, 2 end
local a, b, c = two(), two()
print(a, b, c)
local x, y = (two())
print(x, y)
-- case: assignment right to left
local a = {}
local i = 1
i, a[i] = i + 1, "set"
print(i, a[1], a[2])
-- case: globals through _G
_G.dyn = 7
print(dyn)
local name = "dyn"
print(_G[name])
-- case: long nested expression
local v = ((1 + 2) * (3 - 4) / 5) ^ 2 % 7 - -1
print(v)
-- case: string to number comparisons not coerced
print(pcall(function() return "10" < 5 end))
print("10" == 10, "abc" < "abd", "a" < "aa", "B" < "a")
-- case: concat numbers formatting
print(1 .. "", 1.5 .. "", 1e100 .. "", -0.0 .. "", 2^63 .. "", 0.1 .. "")
-- case: tostring of integers as floats
print(3 / 1, 10 / 4, 1e3, 5e-324 > 0, 1.7976931348623157e308)
-- case: table with nil values in constructor
local t = {1, nil, 3}
print(t[1], t[2], t[3])
local u = {nil, nil, 3}
print(u[3])
-- case: table keys of all types
local f = function() end
local t = {[1] = "n", ["1"] = "s", [true] = "b", [f] = "f", [1.5] = "x"}
print(t[1], t["1"], t[true], t[f], t[1.5], t[false])
-- case: nested function definitions
local M = {}
M.sub = {}
function M.sub.deep(x) return x + 1 end
function M.sub:meth(x) return self == M.sub and x end
print(M.sub.deep(1), M.sub:meth(5))
-- case: recursive data and length
local t = {}
t.self = t
print(t.self.self == t, #t)
-- case: varargs with nils in table
local function f(...) local t = {...} return select("#", ...), t[1], t[2], t[3] end
print(f(nil, 2, nil))
-- case: vararg as upvalue-free expression in nested function params
local function outer(...)
  local n = select("#", ...)
  local function inner(...) return select("#", ...) + n end
  return inner(1, 2)
end
print(outer("a", "b", "c"))
-- case: return in middle via do block
local function f(x)
  if x then
    do return "early" end
  end
  return "late"
end
print(f(true), f(false))
-- case: numeric for with float accumulations
local n = 0
for x = 0, 1, 0.25 do n = n + 1 end
print(n)
for x = 1, 0, -0.5 do io.write(x, " ") end
print()
-- case: for loop large step and negative
for i = -5, 5, 5 do io.write(i, " ") end
print()
for i = 5, -5, -5 do io.write(i, " ") end
print()
-- case: generic for with next directly
local t = {10, 20}
local s = 0
for k, v in next, t do s = s + k * v end
print(s)
-- case: string escapes decimal
print("\72\101\108\108\111", "\9|", "a\0b" == "a\0b", #"a\0b")
-- case: comments everywhere
local a = 1 -- comment
--[[ block ]] local b = 2
local c = --[==[ inline ]==] 3
print(a + b + c) --[[ trailing ]]
-- case: method call on call result
local obj = {v = 1}
function obj:get() return self end
function obj:val() return self.v end
print(obj:get():get():val())
-- case: index call chains
local t = {f = function() return {g = function() return "deep" end} end}
print(t.f().g(), t["f"]()["g"]())
-- case: equality of functions and tables
local f1 = function() end
local f2 = function() end
local t = {}
print(f1 == f1, f1 == f2, t == t, print == print)
-- case: unary minus on strings and errors
print(-"2", - -"3")
print(pcall(function() return -{} end))
print(pcall(function() local s = "x" return -s end))
-- case: length of strings with escapes
print(#"\n\t\\", #"", #"abc" + #"de")
-- case: integer modulo negative
print(-7 % 3, 7 % -3, -7 % -3, 7.5 % 2, -7.5 % 2, 5 % 1)
-- case: power and precedence with unary
print(-2 ^ 2, 2 ^ -1, (-2) ^ 2, 2 ^ 3 ^ 2, -3 ^ 0.5 ~= -3 ^ 0.5)
-- case: comparison chains
print(1 < 2 == true, "a" .. "b" < "b", (1 < 2) == (2 < 3))
-- case: pcall with non function
print(pcall(nil))
print(pcall({}))
-- case: error with level 0 and numbers
print(pcall(error, 3.5, 0))
print(pcall(function() error("x", 3) end))
-- case: deep metatable index chain of functions
local t = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return k:upper() end})})
print(t.abc, t.xyz)
-- case: tostring of booleans and nil in concat errors
print(pcall(function() return "a" .. true end))
print(pcall(function() local x = false; return x .. "a" end))
-- case: select with many values
print(select("#", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(select(9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
-- case: multiple returns through pcall and select
local function f() return 1, 2, 3 end
print(select("#", pcall(f)), (select(2, pcall(f))))
-- case: while false and repeat once
while false do print("never") end
repeat print("once") until true
-- case: table length after removals from end
local t = {1, 2, 3, 4, 5}
t[5] = nil
t[4] = nil
print(#t)
t[#t + 1] = "x"
print(#t, t[4])
-- case: closures capture loop var in while via local
local fs = {}
local i = 0
while i < 3 do
  i = i + 1
  local v = i
  fs[#fs + 1] = function() return v end
end
print(fs[1](), fs[2](), fs[3]())
-- case: repeat closures
local fs = {}
local i = 0
repeat
  i = i + 1
  local v = i * 2
  fs[i] = function() return v end
until i == 3
print(fs[1](), fs[2](), fs[3]())
-- case: assignment to loop variable does not affect loop
local n = 0
for i = 1, 5 do
  n = n + 1
  i = 100
end
print(n)
-- case: nested pcall error objects
local ok, e = pcall(function()
  local ok2, e2 = pcall(error, {msg = "inner"})
  error({msg = "outer:" .. e2.msg})
end)
print(ok, e.msg)
-- case: tostring on functions is function
print(type(tostring(print)), tostring(print):sub(1, 9))
-- case: number parsing edge
print(0x7fffffff, 0xFFFFFFFF, 1e-310 > 0, .5e1, 5E+1)
-- case: weak keys
local t = setmetatable({}, {__mode = "k"})
local key, key2 = {}, {}
t[key] = 1; t[key2] = 2; t.name = "x"
key = nil
collectgarbage()
local n = 0 for k, v in pairs(t) do n = n + 1 end
print(n, t[key2], t.name)
-- case: weak values
local v = setmetatable({}, {__mode = "v"})
v.a = {}; v.b = "str"; local keep = {}; v.c = keep
collectgarbage()
print(v.a, v.b, v.c == keep)
