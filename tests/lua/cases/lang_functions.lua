-- case: varargs basics
local function f(...) return select("#", ...), ... end
print(f())
print(f(1, nil, 3))
print(f(nil, nil))
-- case: varargs in table and adjust
local function g(...)
  local t = {...}
  local a, b = ...
  return #t, a, b
end
print(g(5, 6, 7))
print((g(5, 6, 7)))
-- case: multiple results adjustment
local function mr() return 1, 2, 3 end
print(mr())
print(mr(), 10)
print(10, mr())
print((mr()))
local t = {mr(), mr()}
print(#t)
local a, b, c, d = mr()
print(a, b, c, d)
-- case: no results vs nil
local function none() end
local function onenil() return nil end
print(none())
print(onenil())
print(select("#", none()), select("#", onenil()))
print((none()))
local x = none()
print(x)
-- case: extra arguments dropped
local function two(a, b) return a, b end
print(two(1, 2, 3, 4))
print(two(1))
-- case: varargs passthrough
local function count(...) return select("#", ...) end
local function pass(...) return count(...) end
print(pass(1, 2, nil, nil))
print(count(pass()))
-- case: vararg in middle truncated
local function mr() return 1, 2 end
print(mr(), mr(), mr())
local function va(...) return ..., "end" end
print(va(1, 2, 3))
-- case: select negative
print(select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(pcall(function() return select(-5, "a") end))
print(pcall(function() return select(0, "a") end))
-- case: closures counter
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())
-- case: closures share upvalue
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
set(42)
print(get())
-- case: per iteration closures numeric for
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
-- case: per iteration closures while local
local fs = {}
local i = 1
while i <= 3 do
  local j = i
  fs[i] = function() j = j + 10; return j end
  i = i + 1
end
print(fs[1](), fs[1](), fs[2](), fs[3]())
-- case: per iteration closures generic for
local fs = {}
for k, v in ipairs({"a", "b", "c"}) do fs[k] = function() return k .. v end end
print(fs[1](), fs[2](), fs[3]())
-- case: closure in loop sees later updates in same iteration
local fs = {}
for i = 1, 2 do
  local x = i
  fs[i] = function() return x end
  x = x * 100
end
print(fs[1](), fs[2]())
-- case: nested closures
local function outer()
  local a = 1
  return function()
    local b = 2
    return function() a = a + 1; return a + b end
  end
end
local f = outer()()
print(f(), f())
-- case: recursion through upvalue
local function make()
  local function even(n) if n == 0 then return true end return odd(n - 1) end
  function odd(n) if n == 0 then return false end return even(n - 1) end
  return even
end
print(make()(10), make()(7))
-- case: functions as values
local ops = {add = function(a, b) return a + b end, ["mul"] = function(a, b) return a * b end}
print(ops.add(2, 3), ops["mul"](2, 3))
local function apply(f, ...) return f(...) end
print(apply(math.max, 3, 9, 2), apply(string.upper, "x"))
-- case: tail calls
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end
print(loop(10000, 0))
-- case: deep recursion
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(15000))
-- case: parenthesized call truncates
local function mr() return "a", "b" end
local t = {(mr())}
print(#t, (mr()))
-- case: method call on string
local s = "hello"
print(s:upper(), ("x"):rep(3), s:len(), #s:sub(2))
-- case: type function
print(type(1), type("s"), type(nil), type({}), type(print), type(type), type(true), type(2.5))
print(pcall(function() return type() end))
-- case: function arity with nil params
local function f(a, b, c) return a, b, c end
print(f(nil, 2))
print(f())
