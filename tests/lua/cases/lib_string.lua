-- case: len sub upper lower reverse
print(string.len("hello"), #"", string.len(12.5))
print(("hello"):sub(2, 4), ("hello"):sub(-3), ("hello"):sub(0), ("hello"):sub(4, 2), ("hello"):sub(-100, 100))
print(string.upper("Torch7 rocks"), string.lower("MiXeD 123"), string.reverse("abc"), ("x"):reverse())
-- case: rep
print(string.rep("ab", 3), string.rep("x", 0), string.rep("x", -2), "[" .. string.rep("", 5) .. "]")
print(("-"):rep(10), string.rep(5, 2), string.rep("a", 2.9))
-- case: byte and char
print(string.byte("ABC"), string.byte("ABC", 2), string.byte("ABC", 1, -1))
print(string.byte("ABC", 0, 10))
print(select("#", string.byte("")), select("#", string.byte("abc", 3, 2)))
print(string.char(72, 101, 108, 108, 111), string.char(), #string.char(0, 1, 2))
print(("A"):byte(), ("xyz"):byte(-1))
-- case: char errors
print(pcall(function() return string.char(256) end))
print(pcall(function() return string.char(65, -1) end))
print(pcall(function() return string.char("x") end))
-- case: argument errors
print(pcall(function() return string.rep() end))
print(pcall(function() return string.rep("x") end))
print(pcall(function() return string.rep("x", "y") end))
print(pcall(function() return string.sub("x") end))
print(pcall(function() return string.len() end))
print(pcall(function() return string.upper({}) end))
print(pcall(function() return string.byte("x", {}) end))
-- case: numbers become strings and back
print(string.rep(1.5, 2), string.sub(12345, 2, 3), string.len(1e100), string.rep("x", "3"))
print(string.upper(0.1), string.find(12345, 34))
-- case: find plain and init
print(string.find("hello world", "o w"))
print(string.find("hello", "l"), string.find("hello", "l", 4), string.find("hello", "l", -1))
print(string.find("hello", "xyz"), string.find("hello", "", 10), string.find("hello", "", 6))
print(string.find("a.b", ".", 1, true), string.find("a+b", "+", 1, true), string.find("a.b", "%."))
print(string.find("", ""), string.find("", "", 2), string.find("abc", "c", -1))
-- case: find with captures
print(string.find("hello", "(l)(l)"))
print(string.find("hello", "()ll()"))
print(string.find("key=val", "(%w+)=(%w+)"))
print(string.find("  x", "^%s*"))
-- case: string methods through the metatable
local s = "Hello"
print(s:len(), s:upper(), s:lower(), s:sub(2, 3), s:rep(2), s:byte(1), s:find("l"))
print(("%d-%d"):format(1, 2), ("a,b"):gsub(",", ";"), ("x"):match("."))
print(#getmetatable("").__index == 0, getmetatable("").__index == string)
-- case: string dump is unsupported
print(pcall(function() return string.dump(math.floor) end))
-- case: sub with every kind of position
local s = "abcdef"
for _, ij in ipairs({{1, 1}, {2, -2}, {-2, -1}, {-10, 2}, {3, 100}, {0, 0}, {7, 7}, {-1, -2}, {4, 3.5}}) do
  io.write("[", s:sub(ij[1], ij[2]), "]")
end
print()
-- case: byte negative ranges
print(("hello"):byte(-3, -1))
print(("hello"):byte(-10, 2))
print(select("#", ("hello"):byte(3, -4)))
-- case: find init beyond both ends
print(string.find("abc", "a", -10), string.find("abc", "c", 10), string.find("abc", "", 4), string.find("abc", "", 5))
print(string.find("abc", "b", 2.9), string.find("aaa", "a", -2))
-- case: find plain with pattern characters
print(string.find("a(b)c", "(b)", 1, true), string.find("50%", "%", 1, true), string.find("[x]", "[", 1, true))
print(string.find("a.b.c", ".", 3, true), string.find("x^y", "^y", 1, true), string.find("a$", "a$", 1, true))
-- case: find plain flag values
print(string.find("a.b", ".", 1, false), string.find("a.b", ".", 1, nil), string.find("a.b", ".", 1, 0))
-- case: rep builds long strings
local s = string.rep("ab", 1000)
print(#s, s:sub(1, 6), s:sub(-4), #string.rep("xyz", 333))
-- case: upper and lower leave other bytes alone
print(string.upper("abc_xyz-123!"), string.lower("ABC_XYZ-123!"), string.upper(""), string.lower("\t\n"))
-- case: string coercion in arithmetic-like library calls
print(string.rep("=", "3"), ("10"):rep(2), string.sub("hello", "2", "3"), string.char("72", "105"))
-- case: errors raised without pcall
string.rep("x", {})
-- case: error at the calling line
local function f()
  return string.sub()
end
print(pcall(f))
-- case: tostring and string functions agree on numbers
print(string.format("%s", 1e15), tostring(1e15), ("" .. 1e15), string.rep(1e15, 1))
print(string.len(-0.5), string.sub(3.14159, 1, 4), string.upper(1/0))
-- case: char and byte round trip
local s = ""
for i = 32, 126 do s = s .. string.char(i) end
local ok = true
for i = 1, #s do if s:byte(i) ~= i + 31 then ok = false end end
print(#s, ok, s:sub(1, 10), s:sub(-10))
-- case: reverse and rep with separators built by hand
print(("abc"):reverse():upper(), table.concat({("ab"):rep(2), ("c"):rep(3)}, "|"))
