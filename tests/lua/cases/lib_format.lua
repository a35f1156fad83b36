-- case: integers
print(string.format("%d", 42), string.format("%5d|%-5d|%05d", 42, 42, 42), string.format("%+d % d", 5, 5))
print(string.format("%d %d %d", 3.7, -3.7, "10"), string.format("%.3d", 7), "[" .. string.format("%.0d", 0) .. "]")
print(string.format("%i", 2^31), string.format("%d", -2^31), string.format("%d", 2^53))
-- case: unsigned hex octal
print(string.format("%x %X %o", 255, 255, 8), string.format("%#x %#X %#o", 255, 255, 8))
print(string.format("%#x %#o", 0, 0), string.format("%x", -1), string.format("%u", -1))
print(string.format("%5.1x|%08.3x|%-6X|", 255, 255, 171))
-- case: characters
print(string.format("%c%c%c", 76, 117, 97), string.format("%5c|%-5c|", 65, 66))
print(#string.format("%c", 0), string.format("%c", 321) == "A")
-- case: floats
print(string.format("%e", 12345.678), string.format("%E", 12345.678), string.format("%.3e", 0))
print(string.format("%f", 3.14159), string.format("%.2f", 2.675), string.format("%10.3f|%-10.3f|%+.1f", 3.14159, 3.14159, 3.14159))
print(string.format("%010.3f", -3.14159), string.format("%.0f %.0f %.0f", 0.5, 1.5, 2.5))
print(string.format("%g %g %g", 1e20, 0.0001, 100000), string.format("%g %G", 1e-5, 1e-20), string.format("%g", 2^53))
print(string.format("%#g", 1), string.format("%#.0f", 3), string.format("%.14g", 0.1), string.format("%.20f", 0.1))
print(string.format("%.3f", 1e300):sub(1, 20), string.format("%5.1f", -0.04))
-- case: inf and nan
print(string.format("%f %f", 1/0, -1/0), string.format("%5.1f|%-6f|%+f|%E", 1/0, 1/0, 1/0, 1/0))
print(string.format("%05f", 1/0), string.format("%f", 0/0), string.format("%.1f", -(0/0)), string.format("%g", 1/0))
-- case: strings
print(string.format("%s", "x"), string.format("%s %s", 1, 2.5), string.format("%10s|%-10s|", "hi", "hi"))
print(string.format("%.2s", "hello"), string.format("%5.2s|", "abc"), #string.format("%s", string.rep("x", 150)))
print(#string.format("%.3s", string.rep("x", 150)), #string.format("%20s", string.rep("x", 150)))
-- case: quoted
print(string.format("%q", 'a\0b\n\r"\\c'))
print(string.format("%q", 1/3), string.format("%q", "\t\1"))
print(loadstring("return " .. string.format("%q", "line1\nline2\0end"))() == "line1\nline2\0end")
-- case: percent and literal text
print(string.format("%%"), string.format("100%% %d", 1), string.format("no items"))
-- case: format errors
print(pcall(function() return string.format("%d") end))
print(pcall(function() return string.format("%d", "x") end))
print(pcall(function() return string.format("%s") end))
print(pcall(function() return string.format("%5%") end))
print(pcall(function() return string.format("%5%", 1) end))
print(pcall(function() return string.format("%", 1) end))
print(pcall(function() return string.format("abc%") end))
print(pcall(function() return string.format("%y", 1) end))
print(pcall(function() return string.format("%100d", 1) end))
print(pcall(function() return string.format("%------d", 1) end))
print(pcall(function() return string.format("%1.100f", 1) end))
print(pcall(function() return string.format() end))
print(pcall(function() return string.format("%d %s", 1) end))
print(pcall(function() return string.format("%f", "abc") end))
-- case: format numbers from strings
print(string.format("%f", "1e2"), string.format("%x", "255"), string.format("%5.1f", " 2.25 "))
-- case: error position from format
local ok, e = pcall(function() return string.format("%d", {}) end)
print(e)
string.format("%d", "oops")
-- case: flags combined
print(string.format("[%-+6d][%+06d][% 05d][%-#8x][%#08x]", 5, 5, 5, 255, 255))
print(string.format("[%-8.3f][%+.2e][% .3g][%08.2f]", 3.14159, 12345.678, 0.000123456, -1.5))
-- case: precision on strings and integers
print(string.format("[%.0s][%.1s][%3.1s][%-3.1s]", "abc", "abc", "abc", "abc"))
print(string.format("[%5.3d][%-5.3d][%.5x][%#.5o]", 7, 7, 255, 8))
-- case: g conversions
for _, x in ipairs({0, 1, 0.5, 123456, 1234567, 1e-4, 1e-5, 123.456, 1e100, -2.5e-10}) do
  io.write(string.format("%g|%.3g|%#.3g|%G ", x, x, x, x))
end
print()
-- case: e conversions
for _, x in ipairs({0, 1, -1, 0.1, 123456789, 1e-300, 9.9999999e99}) do
  io.write(string.format("%e|%.2E|%.0e ", x, x, x))
end
print()
-- case: rounding of f
print(string.format("%.2f %.2f %.2f %.2f", 0.125, 0.375, 1.005, -0.125))
print(string.format("%.0f %.0f %.0f %.0f", 0.5, 1.5, -0.5, 2.5000001))
-- case: big and small integers
print(string.format("%d %d %d", 2^31 - 1, -2^31, 2^40), string.format("%x %X", 2^32, 2^40 + 255))
print(string.format("%5d|%-5d|%05d", -42, -42, -42), string.format("%o", 2^20))
-- case: many arguments
print(string.format("%s %s %s %s %s %s %s %s %s %s", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(string.format("%d%%", 50), string.format("%s=%d", "n", 3), string.format("%3s|%-3s|", 1, 2))
-- case: quoted special cases
print(string.format("%q", ""), string.format("%q", "\\"), string.format("%q", "a\nb"))
print(string.format("%q", 12), string.format("%q", "\r\n"))
-- case: format used for padding tables
local rows = {{"apple", 1.5}, {"kiwi", 12}, {"fig", 0.25}}
for _, r in ipairs(rows) do print(string.format("%-8s%8.2f", r[1], r[2])) end
