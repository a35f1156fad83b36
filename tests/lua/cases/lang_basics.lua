-- case: print values
print(1, 2.5, "s", nil, true, false)
print(10 / 2, 3.0, -0.0, 1e15, 1e100, 2^63, 123456789012345)
print(1/3, -1/3, 100, 1e14, 1e-5, 0.1 + 0.2)
-- case: arithmetic
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 % 3, -7 % 3, 7 % -3, 2 ^ 10, 2 ^ 0.5)
print(5.5 % 2, -5.5 % 2, 5 % 2.5, 3 - -2, - -3)
-- case: division by zero
print(1/0, -1/0, 0/0 ~= 0/0, 1 % 0 ~= 1 % 0)
local z = 0
print(1/z, -1/z, 2^1024, -(2^1024))
-- case: string coercion
print("10" + 1, "3" * "4", "0x10" + 0, "1e1" * 1, 10 .. 20, 1.5 .. "x")
print("2" ^ 2, -"3", "  5  " + 0)
-- case: arithmetic errors
print(pcall(function() return {} + 1 end))
print(pcall(function() local x; return x + 1 end))
print(pcall(function() return "abc" + 1 end))
print(pcall(function() local t = {}; return t.x * 2 end))
print(pcall(function() return true + 1 end))
-- case: comparison
print(1 < 2, 2 <= 2, "a" < "b", "abc" < "abd", "Z" < "a", "" < "a", 1 == 1.0)
print(1 ~= 2, "1" == 1, nil == false, {} == {}, 3 > 2, 3 >= 4)
-- case: comparison errors
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil < 1 end))
print(pcall(function() local a = {} return a <= 1 end))
-- case: logical operators
print(nil or 1, false or nil, 1 and 2, nil and 1, false and nil, 0 or 1, "" and "x")
print(not nil, not 0, not not 1, 1 and nil or 3)
local a = nil
local b = a and a.x or "default"
print(b)
-- case: length
print(#"hello", #{1, 2, 3}, #{}, #"", #{n = 1})
-- case: concat
local s = "a" .. "b" .. 1 .. 2.5
print(s, "x" .. 10 / 2)
print(pcall(function() return "a" .. nil end))
print(pcall(function() return "a" .. {} end))
print(pcall(function() local t = {} return t.name .. "x" end))
-- case: precedence
print(2 + 3 * 4, (2 + 3) * 4, 2 ^ 3 ^ 2, -2 ^ 2, not 1 == 2, 1 .. 2 == "12")
print(1 + 2 < 4, "a" .. "b" == "ab", 2 * 3 % 4, -3 % 5, 2^-1)
-- case: numbers formats
print(0x10, 0xff, 0xA, 1e2, 1E-2, .5, 3., 0x1p4)
print(9007199254740993, 2^53 + 1, 1e300 * 1e10, -1e300 * 1e10)
-- case: tostring numbers
print(tostring(1e15), tostring(1e16), tostring(-0), tostring(0/0 ~= 0/0), tostring(3.14159265358979))
print(100000000000000, 1e14 + 0.5, 12345.678901234567, 2^31, -2^31, 2^-10)
-- case: integer vs float keys
local t = {}
t[1] = "int"; t[1.0] = "float"; t[2.5] = "frac"
print(t[1], t[2.5], #t)
t["1"] = "str"
print(t[1], t["1"])
-- case: boolean keys
local t = {}
t[true] = "yes"; t[1] = "one"; t[false] = "no"; t[0] = "zero"
print(t[true], t[1], t[false], t[0])
