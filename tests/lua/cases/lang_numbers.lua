-- Lua numbers are doubles: integer results past 2^53 are rounded as doubles round them.
-- case: a linear congruential generator (products past 2^53, then %)
local x = 12345
for i = 1, 8 do
  x = (x * 1103515245 + 12345) % 2147483648
  io.write(x, " ")
end
print()

-- case: the same through the runtime helpers (operands read from a table)
local s = {x = 12345, a = 1103515245}
for i = 1, 8 do
  s.x = (s.x * s.a + 12345) % 2147483648
  io.write(s.x, " ")
end
print()

-- case: a product just past 2^53, and the numbers around it
local a = 94906267
local b = a * a
print(b, b - 1, b + 1, b % 2, b % 10, b == b + 1)
print(string.format("%d %.0f", b, b - 1))

-- case: squaring until far past 2^53
local y = 3
for i = 1, 6 do y = y * y; io.write(string.format("%.17g", y), " ") end
print()

-- case: strings coerced to numbers in a product
local a = 94906267
print(("94906267" * a) % 1000, "94906267" * "94906267" == a * a, ("9e15" + 1) % 10)

-- case: bounded products in a loop stay exact integers
local t = {}
for i = 1, 5 do t[i] = i * 3 end
print(table.concat(t, " "), t[5] * 1000000007 % 97)

-- case: 2^53 itself and negative products
print(2^53 == 2^53 + 1, -94906267 * 94906267, (-94906267 * 94906267) % 7)
