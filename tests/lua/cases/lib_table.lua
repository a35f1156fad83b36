local function dump(t)
  local out = {}
  for i = 1, table.maxn(t) do out[i] = tostring(t[i]) end
  return "{" .. table.concat(out, ",") .. "}"
end
-- case: insert
local t = {1, 2, 3}
table.insert(t, "x") print(dump(t), #t)
table.insert(t, 1, "first") print(dump(t), #t)
table.insert(t, 3, "mid") print(dump(t), #t)
table.insert(t, #t + 1, "end") print(dump(t), #t)
table.insert(t, 9, "far") print(dump(t))
-- case: insert into empty and odd positions
local t = {}
table.insert(t, "a") table.insert(t, 1, "b") print(dump(t), #t)
local u = {1, 2}
table.insert(u, 2.7, "x") print(dump(u))
table.insert(u, "2", "y") print(dump(u))
-- case: insert errors
print(pcall(function() return table.insert(nil, 1) end))
print(pcall(function() return table.insert() end))
print(pcall(function() return table.insert({}) end))
print(pcall(function() return table.insert({}, 1, 2, 3) end))
print(pcall(function() return table.insert({}, "x", 1) end))
-- case: remove
local t = {1, 2, 3, 4}
print(table.remove(t), dump(t), #t)
print(table.remove(t, 1), dump(t), #t)
print(table.remove(t, 5), table.remove(t, 0), dump(t))
print(select("#", table.remove({})), table.remove({}, 1))
print(table.remove(t, "1"), dump(t))
-- case: remove errors
print(pcall(function() return table.remove() end))
print(pcall(function() return table.remove("x") end))
print(pcall(function() return table.remove({}, "x") end))
-- case: insert and remove as a stack
local s = {}
for i = 1, 5 do table.insert(s, i * i) end
local out = {}
while #s > 0 do out[#out + 1] = table.remove(s) end
print(table.concat(out, " "))
-- case: concat
print(table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({"a", "b", "c"}, "-", 2))
print(table.concat({"a", "b", "c"}, "-", 2, 3), "[" .. table.concat({"a", "b", "c"}, "-", 3, 2) .. "]", "[" .. table.concat({}) .. "]")
print(table.concat({1.5, "x", 2^53}), table.concat({"a", "b"}, "", "1", "2"), table.concat({1, 2}, 3))
-- case: concat errors
print(pcall(function() return table.concat({1, {}, 3}) end))
print(pcall(function() return table.concat({1, true}) end))
print(pcall(function() return table.concat({1, 2, 3}, ", ", 2, 5) end))
print(pcall(function() return table.concat(nil, {}) end))
print(pcall(function() return table.concat() end))
print(pcall(function() return table.concat({}, "", 0) end))
-- case: concat of a big table
local parts = {}
for i = 1, 10000 do parts[i] = i end
local s = table.concat(parts, ",")
print(#s, s:sub(1, 10), s:sub(-10))
-- case: maxn getn setn
print(table.maxn({1, 2, [10] = 1, [3.5] = 2, x = 1, [-5] = 1}), table.maxn({}), table.maxn({[2.5] = 1}))
print(table.getn({1, 2, 3}), table.getn({}))
print(pcall(function() return table.setn({}, 1) end))
print(pcall(function() return table.maxn() end))
-- case: unpack
print(unpack({1, 2, 3}))
print(unpack({1, 2, 3}, 2), unpack({1, 2, 3}, 2, 3))
print(select("#", unpack({1, 2, 3}, 3, 2)), unpack({1, 2, 3}, -1, 1))
print(unpack({1, 2, 3}, 1, 5))
print(pcall(function() return unpack({}, 1, 1e8) end))
print(pcall(function() return unpack() end))
-- case: sort numbers and strings
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t) print(dump(t))
local w = {"pear", "apple", "fig", "Banana", "apple"}
table.sort(w) print(dump(w))
local f = {1.5, -2, 3, 1e10, -1e-10}
table.sort(f) print(dump(f))
-- case: sort with comparators
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t, function(a, b) return a > b end) print(dump(t))
local r = {{n = "a", v = 3}, {n = "b", v = 1}, {n = "c", v = 3}, {n = "d", v = 2}, {n = "e", v = 1}, {n = "f", v = 3}}
table.sort(r, function(x, y) return x.v < y.v end)
local names = {}
for i, x in ipairs(r) do names[i] = x.n .. x.v end
print(table.concat(names, " "))
-- case: sort ties keep Lua's order
local t = {}
for i = 1, 40 do t[i] = (i * 7) % 10 end
local idx = {}
for i = 1, 40 do idx[i] = i end
table.sort(idx, function(a, b) return t[a] < t[b] end)
print(table.concat(idx, " "))
-- case: sort with inconsistent comparators
local t = {3, 2, 1, 5, 4, 7, 6, 9, 8, 10, 11, 12, 13}
print(pcall(function() return table.sort(t, function(a, b) return true end) end))
local u = {5, 1, 4, 2, 3, 3, 2, 4, 1, 5}
print(pcall(function() return table.sort(u, function(a, b) return a <= b end), dump(u) end))
-- case: sort errors
print(pcall(function() return table.sort({3, 1, "x"}) end))
print(pcall(function() return table.sort({3, 1}, 1) end))
print(pcall(function() return table.sort() end))
print(pcall(function() return table.sort({{}, {}}) end))
print(pcall(function() return table.sort({1, nil, 3}) end))
-- case: sort with __lt
local mt = {__lt = function(a, b) return a.k < b.k end}
local t = {}
for i, k in ipairs({3, 1, 2}) do t[i] = setmetatable({k = k}, mt) end
table.sort(t)
print(t[1].k, t[2].k, t[3].k)
-- case: sort big array
local t = {}
local x = 1
for i = 1, 2000 do x = (x * 75 + 74) % 65537 t[i] = x % 1000 end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[1000], t[2000])
-- case: foreach
table.foreach({10, 20}, print)
table.foreachi({"a", "b"}, print)
print(table.foreachi({1, 2, 3}, function(i, v) if v == 2 then return "found" end end))
-- case: concat with float formatting
print(table.concat({0.1, 1/3, 1e15, 1e16, -0.5, 2^63}, " "))
-- case: unpack with holes and ranges
print(unpack({1, nil, 3}))
print(unpack({nil, nil, 3}, 1, 3))
print(select("#", unpack({}, 1, 3)))
print(unpack({"a", "b"}, "1", "2"))
-- case: insert and remove keep the sequence
local t = {}
for i = 1, 10 do table.insert(t, 1, i) end
print(table.concat(t, " "))
for i = 1, 5 do table.remove(t, 2) end
print(table.concat(t, " "), #t)
-- case: remove returns the removed nil hole
local t = {1, 2, 3}
t[2] = nil
print(table.remove(t, 2), t[2], t[3])
-- case: sort strings by length then alphabetically
local w = {"ccc", "a", "bb", "aaa", "b", "cc"}
table.sort(w, function(x, y) if #x ~= #y then return #x < #y end return x < y end)
print(table.concat(w, " "))
-- case: sort descending strings and mixed case
local w = {"b", "B", "a", "A", "_", "1"}
table.sort(w) print(table.concat(w, " "))
table.sort(w, function(x, y) return x > y end) print(table.concat(w, " "))
-- case: sort already sorted and reversed
local t = {}
for i = 1, 100 do t[i] = i end
table.sort(t, function(a, b) return a > b end)
print(t[1], t[50], t[100])
table.sort(t)
print(t[1], t[50], t[100])
-- case: sort with equal elements and comparator counts
local calls = 0
local t = {3, 3, 3, 3, 3, 3, 3, 3}
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
print(calls, table.concat(t, ""))
-- case: sort comparator errors propagate
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("cmp failed") end))
print(pcall(table.sort, {3, 2, 1}, function(a, b) return a.x < b end))
-- case: sort two and three elements
local a, b, c = {2, 1}, {3, 1, 2}, {1}
table.sort(a) table.sort(b) table.sort(c)
print(table.concat(a, ","), table.concat(b, ","), table.concat(c, ","))
-- case: maxn ignores non numeric keys
print(table.maxn({a = 1, b = 2}), table.maxn({[1.5] = true}), table.maxn({[100] = 1, [2] = 2}))
-- case: concat ranges past the border
local t = {"a", "b", "c"}
t[5] = "e"
print(pcall(table.concat, t, ",", 1, 5))
print(table.concat(t, ",", 5, 5), table.concat(t, ",", 1, 3))
-- case: getn with holes at the end
local t = {1, 2, 3}
t[3] = nil
print(table.getn(t), #t, table.maxn(t))
