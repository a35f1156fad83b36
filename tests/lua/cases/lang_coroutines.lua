-- case: basic resume yield
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e, "done"
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co))
print(coroutine.resume(co))
-- case: wrap generator
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
for v in gen(4) do io.write(v, " ") end
print()
-- case: yield across nested calls
local function deep(n) if n == 0 then coroutine.yield("bottom") return "up" end return deep(n - 1) end
local co = coroutine.create(function() return deep(50) end)
print(coroutine.resume(co))
print(coroutine.resume(co))
-- case: error inside coroutine
local co = coroutine.create(function() local x = nil; return x.f end)
print(coroutine.resume(co))
print(coroutine.status(co))
-- case: error value table from coroutine
local e = {}
local co = coroutine.create(function() error(e) end)
local ok, err = coroutine.resume(co)
print(ok, err == e)
-- case: status running and normal
local co1
local co2 = coroutine.create(function() print("co1 is", coroutine.status(co1)) end)
co1 = coroutine.create(function()
  print("inside", coroutine.status(co1))
  coroutine.resume(co2)
end)
coroutine.resume(co1)
print(coroutine.status(co1))
-- case: resume dead and wrap dead
local co = coroutine.create(function() end)
coroutine.resume(co)
print(coroutine.resume(co))
local w = coroutine.wrap(function() end)
w()
print(pcall(w))
-- case: coroutine passing values through yield
local co = coroutine.create(function(...)
  print("args", ...)
  print("y1", coroutine.yield())
  print("y2", coroutine.yield(nil, nil))
end)
coroutine.resume(co, 1, nil, 3)
print(coroutine.resume(co, "a", "b"))
print(coroutine.resume(co))
-- case: producer consumer
local producer = coroutine.create(function()
  for _, w in ipairs({"one", "two", "three"}) do coroutine.yield(w) end
  return nil
end)
local words = {}
while true do
  local ok, w = coroutine.resume(producer)
  if not w then break end
  words[#words + 1] = w
end
print(table.concat(words, ","), coroutine.status(producer))
-- case: type of coroutine
local co = coroutine.create(print)
print(type(co))
print(pcall(function() return coroutine.create(1) end))
print(pcall(function() return coroutine.resume(1) end))
-- case: wrap error propagates
local w = coroutine.wrap(function() error("inside wrap") end)
print(pcall(w))
