-- case: unexpected symbol eof
x =
-- case: missing end
function f()
  return 1
-- case: missing end if same line
if x then
-- case: unexpected symbol
x = = 1
-- case: syntax error assignment to call
f() = 1
-- case: return not last
do return 1 print(2) end
-- case: break outside loop
break
-- case: unfinished string
x = "abc
print(x)
-- case: malformed number
x = 3x
-- case: missing then
if x print(1) end
-- case: missing do
while true print(1) end
-- case: unclosed paren
print((1 + 2)
-- case: unclosed table
local t = {1, 2
-- case: bad for
for i do end
-- case: name expected
local 1 = 2
-- case: vararg outside vararg function
function f() return ... end
-- case: function args expected
local x = a:b
-- case: unfinished long string
x = [[ abc
-- case: unfinished long comment
--[[ never closed
-- case: ambiguous call syntax ok on same line
local f = print
f("same line")
-- case: invalid escape keeps char
print("a\qb")
-- case: close with
local t = { [1] = 2 ]
