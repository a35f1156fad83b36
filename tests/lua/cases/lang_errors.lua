-- case: error with string
print(pcall(error, "msg"))
print(pcall(function() error("msg") end))
print(pcall(function() error("msg", 0) end))
print(pcall(function() error("msg", 2) end))
-- case: error level 2 names caller line
local function check(x) if not x then error("check failed", 2) end end
local function caller()
  check(false)
end
print(pcall(caller))
-- case: error with table value
local e = {code = 42}
local ok, err = pcall(function() error(e) end)
print(ok, err == e, err.code)
-- case: error with nil and numbers
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, 42))
-- case: nested pcall
print(pcall(pcall, error, "x"))
print(pcall(function()
  local ok, e = pcall(error, "inner")
  error("outer:" .. e, 0)
end))
-- case: call nil errors
print(pcall(function() undefined_global() end))
print(pcall(function() local t = {} t.method() end))
print(pcall(function() local t = {} t:method() end))
print(pcall(function() local f; f() end))
print(pcall(function() local t = {a = {}} t.a.b.c() end))
-- case: call non function values
print(pcall(function() local n = 1; n() end))
print(pcall(function() ("str")() end))
print(pcall(function() local t = {} t.x = 5 t.x() end))
-- case: index errors
print(pcall(function() local x; return x.field end))
print(pcall(function() return undefined_thing.field end))
print(pcall(function() local t = {} return t.a.b end))
print(pcall(function() local n = 5; return n.x end))
print(pcall(function() local t = {}; t.a.b = 1 end))
-- case: upvalue errors
local up
print(pcall(function() return up.x end))
print(pcall(function() return up + 1 end))
-- case: length errors
print(pcall(function() local x; return #x end))
print(pcall(function() return #5 end))
-- case: error position in multiline
local function f()
  local a = 1

  local b = nil
  return a + b
end
print(pcall(f))
-- case: assert
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, 1 == 1, "unused"))
print(select("#", assert(1, 2, 3)))
print(pcall(function() assert() end))
-- case: xpcall
print(xpcall(function() error("oops") end, function(e) return "handled: " .. e end))
print(xpcall(function() return 1, 2 end, print))
-- case: error in error handler object
local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "E!" end}))
print(ok, tostring(e))
-- case: uncaught error message
local x = nil
print(x.y)
-- case: runtime error then output stops
print("before")
local t = nil
t.x = 1
print("after")
-- case: tostring nil arg errors
print(pcall(function() return tostring() end))
print(pcall(function() return tonumber() end))
print(pcall(function() return ipairs() end))
print(pcall(function() return ipairs(nil) end))
-- case: table index is nil
print(pcall(function() local t = {} t[nil] = 1 end))
print(pcall(function() local t = {} t[0/0] = 1 end))
print(pcall(rawset, {}, nil, 1))
-- case: compare errors with names
print(pcall(function() local a = {} return a < 1 end))
print(pcall(function() return "a" < 1 end))
print(pcall(function() return {} <= {} end))
-- case: a call's error line is where its arguments open
print(pcall(loadstring("local t = {}\nreturn t:method(1,\n2)\n\n")))
print(pcall(loadstring("local t = {}\nreturn t.field(1,\n2)\n\n")))
print(pcall(loadstring("return t:method()\n\n")))
