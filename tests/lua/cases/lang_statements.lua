-- case: multiple assignment swap
local a, b = 1, 2
a, b = b, a
print(a, b)
local x, y, z = 1
print(x, y, z)
local p, q = 1, 2, 3
print(p, q)
-- case: assignment evaluation order
local i = 3
local t = {}
i, t[i] = i + 1, 20
print(i, t[3], t[4])
local u = {}
u[1], u[2], u[3] = (function() return 1, 2, 3 end)()
print(u[1], u[2], u[3])
-- case: global assignment
g1, g2 = 10, 20
print(g1, g2, g3)
g1 = nil
print(g1)
-- case: numeric for
for i = 1, 3 do io.write(i, " ") end print()
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 2, 0.5 do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end print("empty")
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = 0.1, 0.5, 0.1 do io.write(i, " ") end print()
-- case: numeric for with expressions
local n = 5
local s = 0
for i = n - 4, n * 2, n - 3 do s = s + i end
print(s)
for i = "1", "3" do io.write(i, ",") end print()
-- case: for loop variable is local copy
for i = 1, 3 do
  local j = i * 2
  i = i * 10
  io.write(i, ":", j, " ")
end
print()
-- case: for errors
print(pcall(function() for i = 1, nil do end end))
print(pcall(function() for i = {}, 2 do end end))
print(pcall(function() for i = 1, 2, "x" do end end))
-- case: while and repeat
local i = 0
while i < 5 do i = i + 1 end
print(i)
local j = 10
repeat local k = j; j = j - 3 until k < 5
print(j)
-- case: repeat sees body locals
local n = 0
repeat
  local done = n >= 3
  n = n + 1
until done
print(n)
-- case: break
for i = 1, 10 do
  if i > 3 then break end
  io.write(i, " ")
end
print()
local k = 0
while true do k = k + 1; if k == 7 then break end end
print(k)
-- case: nested break
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    io.write(i, j, " ")
  end
end
print()
-- case: if elseif else
local function classify(n)
  if n < 0 then return "neg" elseif n == 0 then return "zero" elseif n < 10 then return "small" else return "big" end
end
print(classify(-1), classify(0), classify(5), classify(50))
-- case: do blocks and shadowing
local x = 1
do local x = 2; print(x) end
print(x)
local x = x + 10
print(x)
-- case: generic for pairs sorted
local t = {a = 1, b = 2, c = 3, 10, 20}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
-- case: generic for ipairs stops at nil
local t = {1, 2, nil, 4}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end
print()
-- case: custom iterator
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
for v in range(4) do io.write(v, " ") end
print()
-- case: stateless iterator
local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
for i, v in iter, {"a", "b", "c"}, 0 do io.write(i, v, " ") end
print()
-- case: generic for extra vars
for a, b, c in pairs({5}) do print(a, b, c) end
-- case: semicolons
local a = 1; local b = 2; print(a + b);
-- case: long strings
local s = [[line1
line2]]
print(s)
print([==[with ]] inside]==])
print([[
skip first newline]])
-- case: long comments
--[[ comment
print("no") ]]
--[==[ another
]==] print("yes")
-- case: escapes
print("tab\tnew\\n quote\" apos\' bell-less", 'single "q"')
print("\65\066\0677", "a\
b", "\104\105")
print(#"\0abc", ("\0x"):byte(1))
-- case: method definitions
local obj = {n = 0}
function obj.inc(self, d) self.n = self.n + (d or 1) return self end
function obj:dec(d) self.n = self.n - (d or 1) return self end
obj:inc():inc(5):dec(2)
print(obj.n)
local ns = {sub = {}}
function ns.sub.f(x) return x * 2 end
function ns.sub:g(x) return self == ns.sub, x end
print(ns.sub.f(21), ns.sub:g(1))
-- case: string call syntax
local function f(x) return type(x) .. ":" .. tostring(type(x) == "table" and #x or x) end
print(f"str", f[[long]], f{1, 2, 3})
-- case: local function recursion
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
local fib
fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(15))
-- case: table constructors
local t = {1, 2, 3; x = 1, ["y z"] = 2, [10] = 10, 4}
print(#t, t[4], t.x, t["y z"], t[10])
local function three() return 1, 2, 3 end
local t2 = {three(), three()}
print(#t2, t2[1], t2[2], t2[4])
local t3 = {three(), (three())}
print(#t3)
local t4 = {[1] = "a", "b"}
print(t4[1])
-- case: nested tables
local t = {a = {b = {c = 42}}}
print(t.a.b.c, t["a"]["b"]["c"])
t.a.b.c = 43
print(t.a.b.c)
-- case: table length border
local t = {}
for i = 1, 10 do t[i] = i end
t[10] = nil
print(#t)
t[11] = 11
print(t[11])
local u = {n = 3}
u[1] = 1 u[2] = 2
print(#u)
