-- goto and labels, compared with LuaJIT 2.1 (Torch7's engine; Lua 5.1 has no goto).
-- case: continue in a numeric for
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  local sq = i * i
  print(i, sq)
  ::continue::
end

-- case: continue in while and generic for, locals before the label
local i = 0
while i < 5 do
  i = i + 1
  local odd = i % 2 == 1
  if odd then goto next end
  print("even", i)
  ::next::
end
for k, v in ipairs({"a", "b", "c"}) do
  if v == "b" then goto skip end
  print(k, v)
  ::skip::
end

-- case: continue from an inner loop reaches the outer loop's label
for i = 1, 3 do
  for j = 1, 3 do
    if j == i then goto next_i end
    print(i, j)
  end
  print("not reached when the inner loop jumps", i)
  ::next_i::
end

-- case: backward goto containing a break of the enclosing loop
for i = 1, 3 do
  local n = 0
  ::again::
  n = n + 1
  if n == 2 then break end
  print("pass", i, n)
  goto again
end
print("after the loop")

-- case: break inside a backward-goto region nested in a while, code after the region
local rounds = 0
while true do
  rounds = rounds + 1
  local k = 0
  ::top::
  k = k + 1
  if k < 3 then goto top end
  if rounds == 2 then break end
  print("round", rounds, k)
end
print("rounds", rounds)

-- case: backward goto as a loop, with closures capturing a fresh local each time
local fns = {}
local n = 1
::top::
local x = n * 10
fns[n] = function() return x end
n = n + 1
if n <= 3 then goto top end
print(fns[1](), fns[2](), fns[3]())

-- case: forward goto out of nested loops
for i = 1, 10 do
  for j = 1, 10 do
    if i * j == 12 then
      print("found", i, j)
      goto done
    end
  end
end
::done::
print("done")

-- case: several labels, forward and backward, in one block
local log = {}
local state = 0
goto start
::middle::
log[#log + 1] = "middle"
state = state + 1
if state > 2 then goto finish end
goto start
::start::
log[#log + 1] = "start"
goto middle
::finish::
print(table.concat(log, " "))

-- case: the innermost label of a name wins
local out = {}
do
  goto a
  ::a::
  out[#out + 1] = "inner"
end
do
  local m = 0
  ::a::
  m = m + 1
  if m < 3 then goto a end
  out[#out + 1] = "inner loop " .. m
end
goto a
out[#out + 1] = "skipped"
::a::
out[#out + 1] = "outer"
print(table.concat(out, ", "))

-- case: goto to the label ending a repeat body still runs the condition
local r = 0
repeat
  r = r + 1
  if r < 3 then goto last end
  print("r", r)
  ::last::
until r >= 5

-- case: many forward labels in one block
local t = {}
local which = 3
if which == 1 then goto l1 end
if which == 2 then goto l2 end
if which == 3 then goto l3 end
if which == 4 then goto l4 end
goto l5
::l1:: t[#t + 1] = 1
::l2:: t[#t + 1] = 2
::l3:: t[#t + 1] = 3
::l4:: t[#t + 1] = 4
::l5:: t[#t + 1] = 5
::l6:: t[#t + 1] = 6
print(table.concat(t, ","))

-- case: continue with a dispatch region inside the loop body
for i = 1, 3 do
  local c = 0
  ::spin::
  c = c + 1
  if c < i then goto spin end
  if i == 2 then goto continue end
  print("i", i, "spun", c)
  ::continue::
end

-- case: break out of nested dispatch regions
for i = 1, 2 do
  local a = 0
  ::outer::
  a = a + 1
  do
    local b = 0
    ::inner::
    b = b + 1
    if a == 2 and b == 2 then break end
    if b < 2 then goto inner end
  end
  if a < 3 then goto outer end
  print("never")
end
print("broke out")

-- case: goto inside a function called from a loop
local function classify(v)
  if v > 0 then goto positive end
  do return "non-positive" end
  ::positive::
  return "positive"
end
for _, v in ipairs({-1, 0, 5}) do print(v, classify(v)) end

-- case: return from inside a goto region
local function find(t, x)
  local i = 0
  ::look::
  i = i + 1
  if t[i] == nil then return nil end
  if t[i] == x then return i end
  goto look
end
print(find({5, 6, 7}, 7), find({5, 6, 7}, 8))

-- case: error for an undefined label
goto nowhere

-- case: error for a label defined twice in one block
do ::a:: end
::a::
::a::

-- case: error for a goto into the scope of a local
goto f
local x = 1
::f::
print(x)

-- case: a label ending its block is outside the scope of the block's locals
do
  goto f
  local x = 1
  ::f::
end
print("ok")

-- case: error for a label before until (the condition sees the locals)
repeat
  goto f
  local x = 1
  ::f::
until x

-- case: error for a goto leaving its function
local function g() goto out end
::out::

-- case: error line of a goto into scope on a later line
local a = 1
goto later
local b = 2
local c = 3
::later::
print(b)
