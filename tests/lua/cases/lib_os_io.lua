-- case: os.time with tables
print(os.time({year = 2000, month = 1, day = 1, hour = 0}) - os.time({year = 1999, month = 12, day = 31, hour = 0}))
print(os.time({year = 2000, month = 13, day = 1}) == os.time({year = 2001, month = 1, day = 1}))
print(os.time({year = 2000, month = 3, day = 0}) == os.time({year = 2000, month = 2, day = 29}))
print(pcall(function() return os.time({year = 2000}) end))
print(pcall(function() return os.time({year = 2000, month = 1}) end))
print(pcall(function() return os.time(1) end))
print(type(os.time()), os.time() > 1e9)
-- case: os.date in UTC
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%c", 0))
print(os.date("!%j %a %A %b %B %p %y", 1e9), os.date("!%x %X", 1e9))
print(os.date("!%Q %", 0), os.date("!100%% %", 0), os.date("!", 0), os.date("", 0))
-- case: os.date table
local t = os.date("!*t", 1e9)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
local now = os.date("*t")
print(type(now.year), type(now.isdst), os.time(now) - os.time() <= 1)
-- case: os.date round trip
local t0 = os.time({year = 2010, month = 6, day = 15, hour = 13, min = 14, sec = 15})
print(os.date("%Y-%m-%d %H:%M:%S", t0))
-- case: os.difftime clock getenv
print(os.difftime(10, 4), os.difftime(5), type(os.clock()), os.clock() >= 0)
print(os.getenv("TH_SURELY_UNSET_VARIABLE_42"), type(os.getenv("PATH")))
print(pcall(function() return os.getenv() end))
-- case: os.remove and os.rename failures
print(os.remove("/nonexistent/th_file"))
print(os.rename("/nonexistent/th_a", "/nonexistent/th_b"))
print(pcall(function() return os.remove() end))
-- case: files round trip
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("line 1\n", 42, " ", 1.5, "\n", "last")
f:close()
for line in io.lines(name) do print("[" .. line .. "]") end
local g = io.open(name)
print(g:read("*l"), g:read("*n"), g:read("*n"), g:read("*l"), g:read("*a"), g:read("*a"), g:read("*l"))
g:close()
print(os.remove(name), select(3, io.open(name)))
-- case: reading counts and eof
local name = os.tmpname()
local f = io.open(name, "w") f:write("abcdef") f:close()
f = io.open(name)
print(f:read(2), f:read(0), f:read(10), f:read(0), f:read(1), f:read("*a"))
f:close()
os.remove(name)
-- case: seek and append
local name = os.tmpname()
local f = io.open(name, "w+")
f:write("hello world")
print(f:seek("set", 6), f:read("*a"), f:seek("end"), f:seek("cur", -5), f:read(2), f:seek())
f:close()
f = io.open(name, "a") f:write("!") f:close()
f = io.open(name, "r") print(f:read("*a")) f:close()
os.remove(name)
-- case: io errors
print(io.open("/nonexistent/th_x"))
print(io.open("/nonexistent/th_x", "w"))
print(pcall(function() return io.open() end))
print(pcall(function() return io.lines("/nonexistent/th_x") end))
print(pcall(function() return io.input("/nonexistent/th_x") end))
-- case: closed files
local name = os.tmpname()
local f = io.open(name, "w")
print(io.type(f), io.type(io.stdout), io.type(42))
f:close()
print(io.type(f), tostring(f))
print(pcall(function() return f:read() end))
print(pcall(function() return f:write("x") end))
print(pcall(function() return f:lines() end))
os.remove(name)
-- case: bad read formats
print(pcall(function() return io.read("*x") end))
print(pcall(function() return io.read("x") end))
print(pcall(function() return io.read({}) end))
-- case: standard files
print(io.close())
print(io.stdout:close())
print(pcall(function() return io.stdout.write("x") end))
print(pcall(function() return io.stdout:seek("bad") end))
-- case: io.output to a file and back
local name = os.tmpname()
local old = io.output()
io.output(name)
io.write("redirected\n")
io.close()
io.output(old)
local f = io.open(name) print(f:read("*a")) f:close()
os.remove(name)
-- case: io.lines over numbers
local name = os.tmpname()
local f = io.open(name, "w") f:write("1 2\n3\n") f:close()
local sum = 0
local f = io.open(name)
while true do local n = f:read("*n") if not n then break end sum = sum + n end
f:close()
print(sum)
os.remove(name)
-- case: io.write formats numbers like tostring
io.write(1, " ", 1.5, " ", 1e100, " ", 1/3, " ", -0.0 + 0, " ", 2^53, " ", 1/0, "\n")
io.write() io.write("") print("after empty writes")
-- case: CRLF and long lines
local name = os.tmpname()
local f = io.open(name, "wb") f:write("a\r\nb\r\n", string.rep("x", 5000), "\n") f:close()
for line in io.lines(name) do io.write(#line, " ") end print()
os.remove(name)
-- case: reading numbers in many spellings
local name = os.tmpname()
local f = io.open(name, "w") f:write("  12\n-3.5 1e2 0x10 +7 .25 5.\n") f:close()
f = io.open(name)
local out = {}
while true do local n = f:read("*n") if not n then break end out[#out + 1] = n end
print(table.concat(out, " "), f:read("*a") == "\n")
f:close()
os.remove(name)
-- case: read several formats at once
local name = os.tmpname()
local f = io.open(name, "w") f:write("10 20\nword\nrest of it") f:close()
f = io.open(name)
print(f:read("*n", "*n", "*l", "*l", "*a"))
f:close()
os.remove(name)
-- case: lines of an empty file and a file without newline
local name = os.tmpname()
local f = io.open(name, "w") f:close()
local n = 0
for _ in io.lines(name) do n = n + 1 end
f = io.open(name, "w") f:write("only") f:close()
for l in io.lines(name) do print(n, l) end
os.remove(name)
-- case: io.input switching
local name = os.tmpname()
local f = io.open(name, "w") f:write("from input file\nsecond\n") f:close()
local old = io.input()
io.input(name)
print(io.read(), io.read("*l"), io.read())
io.input():close()
io.input(old)
os.remove(name)
-- case: file write errors
local name = os.tmpname()
local f = io.open(name, "w")
print(pcall(function() f:write("a", nil) end))
print(pcall(function() f:write({}) end))
print(pcall(function() f:write(true) end))
f:close()
os.remove(name)
-- case: reading a write-only file
local name = os.tmpname()
local f = io.open(name, "w")
print(f:read("*l"))
f:close()
os.remove(name)
-- case: os.date fields in UTC
for _, t in ipairs({0, 86399, 86400, 951782400, 2000000000}) do
  print(os.date("!%Y-%m-%d %H:%M:%S %w %j", t))
end
-- case: os.time and os.date agree
local t = os.time({year = 2021, month = 7, day = 4, hour = 8, min = 30})
local d = os.date("*t", t)
print(d.year, d.month, d.day, d.hour, d.min, d.sec)
