-- case: floor ceil abs
-- (no -0 literal here: Lua 5.1 folds it into the chunk's constant 0, so 1/0 would be -inf)
local negzero = tonumber("-0")
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(-0.5))
print(math.abs(-2.5), math.abs(3), math.abs(negzero), math.floor(-0.5), math.floor(2^60), math.floor(negzero))
print(math.floor(1/0), math.ceil(-1/0), math.floor(0/0))
-- case: fmod modf frexp ldexp
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2), math.fmod(1, 0))
print(math.modf(3.7))
print(math.modf(-3.7))
print(math.modf(5), math.modf(1/0))
print(math.frexp(8), math.frexp(0), math.frexp(-3))
print(math.ldexp(0.5, 4), math.ldexp(1, 1024), math.ldexp(3, 2.7), math.ldexp(1, -1080))
-- case: sqrt pow exp log
print(math.sqrt(16), math.sqrt(2), math.sqrt(-1), math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1/3))
print(math.exp(0), math.exp(1), math.exp(1000), math.exp(-1000))
print(math.log(1), math.log(math.exp(2)), math.log(0), math.log(-1), math.log10(1000), math.log10(0))
print(math.pow(0, -1), math.pow(2, 1024), math.pow(-2, 3), math.pow(-1, 1/0))
-- case: trigonometry
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi))
print(math.asin(1), math.acos(1), math.atan(1), math.atan2(1, -1), math.atan2(0, -1), math.atan2(-1, 0))
print(math.asin(2), math.acos(-2), math.sin(1/0))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.cosh(1000), math.sinh(-1000), math.tanh(1000))
print(math.deg(math.pi), math.rad(180), math.deg(1), math.rad(1))
-- case: min max
print(math.min(3, 1, 2), math.max(3, 1, 2), math.min(5), math.max(-1, -5), math.min(1.5, "0.5"))
local negzero = tonumber("-0")
print(math.max(0/0, 1), math.max(1, 0/0), math.min(negzero, 0), math.min(0, negzero), math.max(negzero, 0))
print(pcall(function() return math.min() end))
print(pcall(function() return math.max(1, "x") end))
print(pcall(function() return math.max(1, nil) end))
-- case: constants
print(math.pi, math.huge, -math.huge, math.huge > 1e308, math.pi == 4 * math.atan(1))
-- case: argument errors
print(pcall(function() return math.floor() end))
print(pcall(function() return math.floor("x") end))
print(pcall(function() return math.sqrt({}) end))
print(pcall(function() return math.atan2(1) end))
print(pcall(function() return math.fmod(1) end))
print(pcall(function() return math.ldexp(1, "a") end))
print(math.floor("3.7"), math.sqrt("16"), math.abs("-2"))
-- case: random with seeds
math.randomseed(42)
print(math.random(), math.random(100), math.random(5, 10), math.random(-3, 3))
math.randomseed(42)
local a = math.random(1000)
math.randomseed(42)
print(a == math.random(1000))
math.randomseed(-7)
print(math.random(1000000))
math.randomseed(0)
print(math.random(1000000))
-- case: random ranges
math.randomseed(123)
local lo, hi = 100, 0
for i = 1, 1000 do local r = math.random(10) lo = math.min(lo, r) hi = math.max(hi, r) end
print(lo, hi, math.random(7, 7))
local ok = true
for i = 1, 1000 do local r = math.random() if r < 0 or r >= 1 then ok = false end end
print(ok)
-- case: random errors
print(pcall(function() return math.random(0) end))
print(pcall(function() return math.random(2, 1) end))
print(pcall(function() return math.random(1, 2, 3) end))
print(pcall(function() return math.random("x") end))
print(pcall(function() return math.randomseed() end))
-- case: mod alias
print(math.mod(7, 3), math.mod(-7, 3))
-- case: number printing of results
print(math.sqrt(2) * math.sqrt(2), 0.1 + 0.2, 1/3, 100 / 3, 2^63, -2^63, 1e15, 1e16, 123456789012)
-- case: floor and ceil of halves
for _, x in ipairs({-2.5, -1.5, -0.5, 0.5, 1.5, 2.5}) do io.write(math.floor(x), ",", math.ceil(x), " ") end
print()
-- case: rounding idioms
local function round(x) return math.floor(x + 0.5) end
print(round(2.5), round(-2.5), round(2.4999), round(1e10 + 0.5))
-- case: fmod versus the % operator
for _, p in ipairs({{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {5.5, 2}, {-5.5, 2}}) do
  io.write(math.fmod(p[1], p[2]), "|", p[1] % p[2], " ")
end
print()
-- case: huge and tiny
print(math.huge / 2, -math.huge * 0, math.huge + 1 == math.huge, 1e308 * 10, -1e308 * 10, 5e-324 / 2)
-- case: integer results print as integers
print(math.sqrt(16), math.pow(3, 2), math.exp(0), math.log(1), math.floor(-0.0001), 2^53, 2^53 + 1)
-- case: trig identities
local x = 0.7
print(math.abs(math.sin(x)^2 + math.cos(x)^2 - 1) < 1e-15, math.abs(math.tan(x) - math.sin(x) / math.cos(x)) < 1e-15)
print(string.format("%.10f %.10f", math.asin(math.sin(x)), math.atan2(math.sin(x), math.cos(x))))
-- case: modf and frexp reconstruct
for _, v in ipairs({3.25, -3.25, 1e10 + 0.5, 0.001}) do
  local i, f = math.modf(v)
  local m, e = math.frexp(v)
  io.write(i + f == v and "ok" or "bad", " ", math.ldexp(m, e) == v and "ok" or "bad", " ")
end
print()
-- case: random sequence after reseeding
math.randomseed(2024)
local t = {}
for i = 1, 8 do t[i] = math.random(6) end
print(table.concat(t, " "))
math.randomseed(2024)
local u = {}
for i = 1, 8 do u[i] = math.random(6) end
print(table.concat(t, " ") == table.concat(u, " "))
-- case: min max with many numbers
local t = {}
for i = 1, 50 do t[i] = (i * 37) % 101 end
print(math.min(unpack(t)), math.max(unpack(t)))
-- case: abs of extremes
print(math.abs(-math.huge), math.abs(-2^63), math.abs(-1e-300))
