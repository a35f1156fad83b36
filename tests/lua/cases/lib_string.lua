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
