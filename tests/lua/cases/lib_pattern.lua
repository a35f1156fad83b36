local function show(...)
  local t = {}
  for i = 1, select("#", ...) do t[i] = tostring((select(i, ...))) end
  print(table.concat(t, " "))
end
-- case: match basics
show(string.match("key = value", "(%w+)%s*=%s*(%w+)"))
show(string.match("hello", "l+"), string.match("hello", "xyz"), string.match("hello", ".-l"))
show(string.match("  trim me  ", "^%s*(.-)%s*$"))
show(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
show(string.match("hello", "()ll()"), string.match("hello", "()", 3))
-- case: character classes
show(string.match("abc123", "%a+"), string.match("abc123", "%d+"), string.match("a b", "%s"))
show(string.match("Hello!", "%p"), string.match("Hello", "%u%l+"), string.match("ff0Azz", "%x+"))
show(string.match("x1_y", "[%w_]+"), string.match("ab12", "%A+"), string.match("ab12", "%D+"))
show(string.match("\1\2x", "%c+") == "\1\2", string.match("a\0b", "%z") == "\0", #string.match("a\0b", "%Z+"))
show(string.match("hello", "%g"), string.match("aXb", "[^%l]"), string.match("a.b", "%.b"))
-- case: sets and ranges
show(string.match("a]b", "[]]"), string.match("a-b", "[a-]+"), string.match("abc", "[z-a]"))
show(string.match("a^b", "[%^b]+"), string.match("123abc", "[^%d]+"), string.match("b-a", "[%a-]+"))
show(string.match("hello", "[aeiou]"), string.match("HELLO", "[a-z]"), string.match("x9", "[0-9a-f]+"))
-- case: quantifiers
show(string.match("aaab", "a*"), string.match("aaab", "a+"), string.match("aaab", "a-b"), string.match("b", "a?b"))
show(string.match("<a><b>", "<.*>"), string.match("<a><b>", "<.->"), string.match("xy", "x?y?z?"))
show(string.match("", "a*"), string.match("", "a+"), string.match("abc", "b*"))
-- case: anchors
show(string.match("hello", "^h"), string.match("hello", "^e"), string.match("hello", "o$"), string.match("hello", "l$"))
show(string.match("a$b", "$b"), string.match("a^b", "a^b"), string.match("x", "^$"), string.match("", "^$"))
show(string.find("hello", "^"), string.find("hello", "$"))
-- case: balance and frontier
show(string.match("f(a(b)c)d", "%b()"), string.match("f(a(b)c", "%b()"), string.match("[[x]]", "%b[]"))
show(string.find("THE (quick) fox", "%f[%a]%a+", 5))
show(string.gsub("THE (quick) fox", "%f[%a]%a+", "W"))
show(string.match("hello world", "%f[%w]%w+$"), string.gsub("aaa bbb", "%f[%w]", "|"))
-- case: back references
show(string.match("x = 'a' .. \"b\"", "([\"'])(.-)%1"))
show(string.match("aaa", "(a)%1"), string.match("abab", "(ab)%1"), string.match("abba", "(a)(b)%2%1"))
show(string.find("abcabc", "(abc)%1"))
-- case: captures without quantifiers
show(string.match("hello", "(h)(e)(l)(l)(o)(h)?"))
show(string.match("hello", "(h)(e)(l)(l)(o)"))
show(string.match("date: 2024", "(%a+): (%d+)"))
-- case: pattern errors
print(pcall(function() return string.find("abc", "%") end))
print(pcall(function() return string.find("abc", "a%") end))
print(pcall(function() return string.find("abc", "[a") end))
print(pcall(function() return string.find("abc", "[^]") end))
print(pcall(function() return string.find("a", "(a") end))
print(pcall(function() return string.find("abc", "%1") end))
print(pcall(function() return string.find("x", "%f") end))
print(pcall(function() return string.find("x", "%bx") end))
print(pcall(function() return string.match("b)", "a)") end))
print(pcall(function() return string.match("a)", "a)") end))
-- case: lazy pattern errors are raised only when reached
print(string.find("abc", "x%"), string.find("b", "(a"), string.find("a)", "a)"))
-- case: gmatch words and pairs
for w in string.gmatch("one two  three", "%a+") do io.write(w, ";") end print()
for k, v in string.gmatch("k1=v1, k2=v2", "(%w+)=(%w+)") do io.write(k, "->", v, " ") end print()
for p in string.gmatch("abc", "()") do io.write(p, " ") end print()
-- case: gmatch empty matches and anchors
for w in string.gmatch("abc", "%w*") do io.write("[", w, "]") end print()
for w in string.gmatch("abc", "") do io.write("[", w, "]") end print()
for w in string.gmatch("^a^a", "^a") do io.write("[", w, "]") end print()
for w in string.gmatch("hello", "l*") do io.write("[", w, "]") end print()
-- case: gmatch iterator used by hand
local it = string.gmatch("a1b2", "%a(%d)")
print(it(), it(), it())
-- case: gsub with strings
show(string.gsub("hello world", "o", "0"))
show(string.gsub("hello world", "o", "0", 1))
show(string.gsub("hello world", "(o)", "[%1]"))
show(string.gsub("hello", "", "-"))
show(string.gsub("abc", "%w", "%0%0"))
show(string.gsub("abc", "%w", "%%1"))
show(string.gsub("hello world", "%w+", "<%0>"))
show(string.gsub("a,b,,c", ",", ";", 2))
-- case: gsub empty matches
show(string.gsub("abc", "%w*", "x"))
show(string.gsub("abc", "b*", "x"))
show(string.gsub("abxd", "x*", "-"))
show(string.gsub("", "", "x"))
show(string.gsub("_xb.b._2b__", "[^a]-%s-%d?", "<%0>"))
-- case: gsub anchored and counts
show(string.gsub("hello", "^h", "H"))
show(string.gsub("hello", "^x", "H"))
show(string.gsub("hello", "^", ">"))
show(string.gsub("hello", "$", "<"))
show(string.gsub("abc", "b", "x", 0))
show(string.gsub("abc", "b", "x", -1))
show(string.gsub("abc", ".", "%0", 2))
-- case: gsub with a function
show(string.gsub("hello world", "(%w+)", function(w) return w:upper() end))
show(string.gsub("abc", "%w", function(c) return nil end))
show(string.gsub("abc", "%w", function(c) return false end))
show(string.gsub("a b", "%w", function(c) return 1.5 end))
show(string.gsub("abc", "()", function(p) return p end))
show(string.gsub("f(a)(b)", "%b()", function(s) return s:upper() end))
local n = 0
show(string.gsub("x x x", "x", function() n = n + 1 return n end))
-- case: gsub with a table
show(string.gsub("$x $y $z", "%$(%w+)", {x = 1, y = "Y"}))
show(string.gsub("hello world", "o", {o = 0}))
local t = setmetatable({}, {__index = function(t, k) return k:upper() end})
show(string.gsub("abc", "%w", t))
-- case: gsub errors
print(pcall(function() return string.gsub("abc", "%w", "%2") end))
print(pcall(function() return string.gsub("abc", "(%w)", "%2") end))
print(pcall(function() return string.gsub("abc", "b", true) end))
print(pcall(function() return string.gsub("abc", "b") end))
print(pcall(function() return string.gsub("abc", "b", {b = true}) end))
print(pcall(function() return string.gsub("abc", "%w", function() return {} end) end))
print(pcall(function() return string.gsub("a", "(a", "%1") end))
show(string.gsub("a", "(a", "x"))
-- case: gsub replacement escapes
show(string.gsub("abc", "%w", "%x"))
show(string.gsub("a\\b", "\\", "/"))
show(string.gsub("ab", "a", "\\1"))
show(string.gsub("a", "a", "%") == "\0")
-- case: large subject
local big = string.rep("abc ", 10000)
local out, k = big:gsub("b", "B")
print(#out, k, out:sub(1, 8))
local words = 0
for w in big:gmatch("%a+") do words = words + 1 end
print(words, select(2, big:gsub("%s", "")), big:find("c", 39990, true))
-- case: nested captures
show(string.match("hello world", "((h)(e)llo) (w(or)ld)"))
show(string.find("abc", "((a)(b))"))
show(string.gsub("abc", "((a)(b))", "%3%2%1"))
-- case: position captures in replacements and results
show(string.gsub("hello", "()l", "%1"))
show(string.match("hello", "h()e()l()"))
show(string.gsub("abc", "(b)()", "%2%1"))
-- case: gsub with whole match and captures
show(string.gsub("hello world", "(o)", "%0%1"))
show(string.gsub("key=val", "(%w+)=(%w+)", "%2=%1"))
show(string.gsub("  a  b  ", "%s+", " "))
show(string.gsub("CamelCaseString", "(%u)", " %1"))
-- case: trimming and splitting idioms
local function trim(s) return (s:gsub("^%s*(.-)%s*$", "%1")) end
print("[" .. trim("  both  ") .. "]", "[" .. trim("") .. "]", "[" .. trim("none") .. "]")
local parts = {}
for field in ("a,b,,c"):gmatch("([^,]*)") do parts[#parts + 1] = "<" .. field .. ">" end
print(table.concat(parts))
-- case: matching numbers
for n in ("1 -2 3.5 -0.25 1e3 .5"):gmatch("%-?%d*%.?%d+") do io.write(n, "|") end print()
show(string.match("x = 42;", "=%s*(%d+)"), tonumber(string.match("v1.25", "[%d%.]+")))
-- case: dot matches newlines and zeros
show(#string.match("a\nb\0c", ".+"), string.find("a\nb", "a.b"))
-- case: percent escapes of specials
show(string.match("a+b", "a%+b"), string.match("(x)", "%((%a)%)"), string.match("50%", "%d+%%"))
show(string.match("a.b", "a%.b"), string.match("axb", "a%.b"), string.match("[x]", "%[(.)%]"))
-- case: sets with classes and escapes
show(string.match("a1-_", "[%a%d]+"), string.match("--x", "[%-]+"), string.match("]]x", "[%]]+"))
show(string.match("tab\there", "[%s]"), string.match("x^y", "[%^]"), string.match("a-z", "[a%-z]+"))
-- case: frontier with complements and zeros
show(string.gsub("THE (quick) fox", "%f[%w]%w+", "<%0>"))
show(string.gsub("hello world", "%f[%W]", "|"))
show(string.find("abc", "%f[%z]"), string.find("abc", "%f[%Z]"))
-- case: balanced with different delimiters
show(string.match("if (a and (b or c)) then", "%b()"))
show(string.gsub("{a}{b{c}}d", "%b{}", "X"))
show(string.match("<<a>", "%b<>"), string.match("x", "%b()"), string.match("(", "%b()"))
-- case: max expansion backtracking
show(string.match("aaaa", "(a*)(a)"), string.match("aaaa", "(a-)(a)"), string.match("ab", "(a?)(a?)b"))
show(string.match("<<x>>", "<(.*)>"), string.match("<<x>>", "<(.-)>"), string.match("abcabc", "(.*)c"))
-- case: anchored gmatch is literal in 5.1
local n = 0
for _ in ("^^^"):gmatch("^") do n = n + 1 end
print(n)
-- case: gsub count limits with functions
local calls = 0
show(string.gsub("aaaa", "a", function() calls = calls + 1 return "b" end, 2))
print(calls)
-- case: %b alone: nested, unbalanced openers, a limit, replacements of every kind
local s = "x(a(b)c)y((z) ( (q)) ( end"
print(s:gsub("%b()", "[]"))
print(s:gsub("%b()", "<%0>", 2))
print(s:gsub("%b()", function(m) return #m end))
print(s:gsub("%b()", {["(q)"] = "Q", ["(a(b)c)"] = false}))
print(s:find("%b()"), s:find("%b()", 3), s:find("%b()", 20), s:match("%b()", 10))
for m in s:gmatch("%b()") do io.write(m, ";") end print()
print(("[[a]] [b] [[c]"):gsub("%b[]", "#"))
print(("'a' 'b' 'c"):gsub("%b''", "Q"), ("((("):gsub("%b()", "!"), (")))"):gsub("%b()", "!"))
print(("(a)(b)"):gsub("^%b()", "X"), ("(a)(b)"):find("^%b()", 2), ("a(b)"):match("^%b()"))
print(("(()"):gsub("%b()", "<%0>"), ("())"):gsub("%b)(", "!"))
