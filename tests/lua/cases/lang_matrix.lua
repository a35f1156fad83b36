-- Operator and error-message matrix: every operator against every kind of
-- operand and every way Lua names a variable (local, global, field, upvalue).
-- (Written out from a small generator; each snippet stands alone.)
-- case: + with local nil
local v = nil
local function f() return v + 2 end
local function g() return 2 + v end
print(pcall(f))
print(pcall(g))
-- case: + with global nil

local function f() return undefined_global_v + 2 end
local function g() return 2 + undefined_global_v end
print(pcall(f))
print(pcall(g))
-- case: + with field nil
local t = {}
local function f() return t.missing + 2 end
local function g() return 2 + t.missing end
print(pcall(f))
print(pcall(g))
-- case: + with upvalue nil
local u = nil
local function f() return u + 2 end
local function g() return 2 + u end
print(pcall(f))
print(pcall(g))
-- case: + with table
local v = {}
local function f() return v + 2 end
local function g() return 2 + v end
print(pcall(f))
print(pcall(g))
-- case: + with boolean
local v = true
local function f() return v + 2 end
local function g() return 2 + v end
print(pcall(f))
print(pcall(g))
-- case: + with string word
local v = 'abc'
local function f() return v + 2 end
local function g() return 2 + v end
print(pcall(f))
print(pcall(g))
-- case: + with numeric string
local v = '12'
local function f() return v + 2 end
local function g() return 2 + v end
print(pcall(f))
print(pcall(g))
-- case: - with local nil
local v = nil
local function f() return v - 2 end
local function g() return 2 - v end
print(pcall(f))
print(pcall(g))
-- case: - with global nil

local function f() return undefined_global_v - 2 end
local function g() return 2 - undefined_global_v end
print(pcall(f))
print(pcall(g))
-- case: - with field nil
local t = {}
local function f() return t.missing - 2 end
local function g() return 2 - t.missing end
print(pcall(f))
print(pcall(g))
-- case: - with upvalue nil
local u = nil
local function f() return u - 2 end
local function g() return 2 - u end
print(pcall(f))
print(pcall(g))
-- case: - with table
local v = {}
local function f() return v - 2 end
local function g() return 2 - v end
print(pcall(f))
print(pcall(g))
-- case: - with boolean
local v = true
local function f() return v - 2 end
local function g() return 2 - v end
print(pcall(f))
print(pcall(g))
-- case: - with string word
local v = 'abc'
local function f() return v - 2 end
local function g() return 2 - v end
print(pcall(f))
print(pcall(g))
-- case: - with numeric string
local v = '12'
local function f() return v - 2 end
local function g() return 2 - v end
print(pcall(f))
print(pcall(g))
-- case: * with local nil
local v = nil
local function f() return v * 2 end
local function g() return 2 * v end
print(pcall(f))
print(pcall(g))
-- case: * with global nil

local function f() return undefined_global_v * 2 end
local function g() return 2 * undefined_global_v end
print(pcall(f))
print(pcall(g))
-- case: * with field nil
local t = {}
local function f() return t.missing * 2 end
local function g() return 2 * t.missing end
print(pcall(f))
print(pcall(g))
-- case: * with upvalue nil
local u = nil
local function f() return u * 2 end
local function g() return 2 * u end
print(pcall(f))
print(pcall(g))
-- case: * with table
local v = {}
local function f() return v * 2 end
local function g() return 2 * v end
print(pcall(f))
print(pcall(g))
-- case: * with boolean
local v = true
local function f() return v * 2 end
local function g() return 2 * v end
print(pcall(f))
print(pcall(g))
-- case: * with string word
local v = 'abc'
local function f() return v * 2 end
local function g() return 2 * v end
print(pcall(f))
print(pcall(g))
-- case: * with numeric string
local v = '12'
local function f() return v * 2 end
local function g() return 2 * v end
print(pcall(f))
print(pcall(g))
-- case: / with local nil
local v = nil
local function f() return v / 2 end
local function g() return 2 / v end
print(pcall(f))
print(pcall(g))
-- case: / with global nil

local function f() return undefined_global_v / 2 end
local function g() return 2 / undefined_global_v end
print(pcall(f))
print(pcall(g))
-- case: / with field nil
local t = {}
local function f() return t.missing / 2 end
local function g() return 2 / t.missing end
print(pcall(f))
print(pcall(g))
-- case: / with upvalue nil
local u = nil
local function f() return u / 2 end
local function g() return 2 / u end
print(pcall(f))
print(pcall(g))
-- case: / with table
local v = {}
local function f() return v / 2 end
local function g() return 2 / v end
print(pcall(f))
print(pcall(g))
-- case: / with boolean
local v = true
local function f() return v / 2 end
local function g() return 2 / v end
print(pcall(f))
print(pcall(g))
-- case: / with string word
local v = 'abc'
local function f() return v / 2 end
local function g() return 2 / v end
print(pcall(f))
print(pcall(g))
-- case: / with numeric string
local v = '12'
local function f() return v / 2 end
local function g() return 2 / v end
print(pcall(f))
print(pcall(g))
-- case: % with local nil
local v = nil
local function f() return v % 2 end
local function g() return 2 % v end
print(pcall(f))
print(pcall(g))
-- case: % with global nil

local function f() return undefined_global_v % 2 end
local function g() return 2 % undefined_global_v end
print(pcall(f))
print(pcall(g))
-- case: % with field nil
local t = {}
local function f() return t.missing % 2 end
local function g() return 2 % t.missing end
print(pcall(f))
print(pcall(g))
-- case: % with upvalue nil
local u = nil
local function f() return u % 2 end
local function g() return 2 % u end
print(pcall(f))
print(pcall(g))
-- case: % with table
local v = {}
local function f() return v % 2 end
local function g() return 2 % v end
print(pcall(f))
print(pcall(g))
-- case: % with boolean
local v = true
local function f() return v % 2 end
local function g() return 2 % v end
print(pcall(f))
print(pcall(g))
-- case: % with string word
local v = 'abc'
local function f() return v % 2 end
local function g() return 2 % v end
print(pcall(f))
print(pcall(g))
-- case: % with numeric string
local v = '12'
local function f() return v % 2 end
local function g() return 2 % v end
print(pcall(f))
print(pcall(g))
-- case: ^ with local nil
local v = nil
local function f() return v ^ 2 end
local function g() return 2 ^ v end
print(pcall(f))
print(pcall(g))
-- case: ^ with global nil

local function f() return undefined_global_v ^ 2 end
local function g() return 2 ^ undefined_global_v end
print(pcall(f))
print(pcall(g))
-- case: ^ with field nil
local t = {}
local function f() return t.missing ^ 2 end
local function g() return 2 ^ t.missing end
print(pcall(f))
print(pcall(g))
-- case: ^ with upvalue nil
local u = nil
local function f() return u ^ 2 end
local function g() return 2 ^ u end
print(pcall(f))
print(pcall(g))
-- case: ^ with table
local v = {}
local function f() return v ^ 2 end
local function g() return 2 ^ v end
print(pcall(f))
print(pcall(g))
-- case: ^ with boolean
local v = true
local function f() return v ^ 2 end
local function g() return 2 ^ v end
print(pcall(f))
print(pcall(g))
-- case: ^ with string word
local v = 'abc'
local function f() return v ^ 2 end
local function g() return 2 ^ v end
print(pcall(f))
print(pcall(g))
-- case: ^ with numeric string
local v = '12'
local function f() return v ^ 2 end
local function g() return 2 ^ v end
print(pcall(f))
print(pcall(g))
-- case: .. with local nil
local v = nil
local function f() return v .. 2 end
local function g() return 2 .. v end
print(pcall(f))
print(pcall(g))
-- case: .. with global nil

local function f() return undefined_global_v .. 2 end
local function g() return 2 .. undefined_global_v end
print(pcall(f))
print(pcall(g))
-- case: .. with field nil
local t = {}
local function f() return t.missing .. 2 end
local function g() return 2 .. t.missing end
print(pcall(f))
print(pcall(g))
-- case: .. with upvalue nil
local u = nil
local function f() return u .. 2 end
local function g() return 2 .. u end
print(pcall(f))
print(pcall(g))
-- case: .. with table
local v = {}
local function f() return v .. 2 end
local function g() return 2 .. v end
print(pcall(f))
print(pcall(g))
-- case: .. with boolean
local v = true
local function f() return v .. 2 end
local function g() return 2 .. v end
print(pcall(f))
print(pcall(g))
-- case: .. with string word
local v = 'abc'
local function f() return v .. 2 end
local function g() return 2 .. v end
print(pcall(f))
print(pcall(g))
-- case: .. with numeric string
local v = '12'
local function f() return v .. 2 end
local function g() return 2 .. v end
print(pcall(f))
print(pcall(g))
-- case: number < string
local a, b = 1, 's'
print(pcall(function() return a < b end))
-- case: nil < number
local a, b = nil, 1
print(pcall(function() return a < b end))
-- case: table < table
local a, b = {}, {}
print(pcall(function() return a < b end))
-- case: boolean < boolean
local a, b = true, false
print(pcall(function() return a < b end))
-- case: string < string
local a, b = 'a', 'b'
print(pcall(function() return a < b end))
-- case: number < number
local a, b = 1, 2.5
print(pcall(function() return a < b end))
-- case: number <= string
local a, b = 1, 's'
print(pcall(function() return a <= b end))
-- case: nil <= number
local a, b = nil, 1
print(pcall(function() return a <= b end))
-- case: table <= table
local a, b = {}, {}
print(pcall(function() return a <= b end))
-- case: boolean <= boolean
local a, b = true, false
print(pcall(function() return a <= b end))
-- case: string <= string
local a, b = 'a', 'b'
print(pcall(function() return a <= b end))
-- case: number <= number
local a, b = 1, 2.5
print(pcall(function() return a <= b end))
-- case: number > string
local a, b = 1, 's'
print(pcall(function() return a > b end))
-- case: nil > number
local a, b = nil, 1
print(pcall(function() return a > b end))
-- case: table > table
local a, b = {}, {}
print(pcall(function() return a > b end))
-- case: boolean > boolean
local a, b = true, false
print(pcall(function() return a > b end))
-- case: string > string
local a, b = 'a', 'b'
print(pcall(function() return a > b end))
-- case: number > number
local a, b = 1, 2.5
print(pcall(function() return a > b end))
-- case: number >= string
local a, b = 1, 's'
print(pcall(function() return a >= b end))
-- case: nil >= number
local a, b = nil, 1
print(pcall(function() return a >= b end))
-- case: table >= table
local a, b = {}, {}
print(pcall(function() return a >= b end))
-- case: boolean >= boolean
local a, b = true, false
print(pcall(function() return a >= b end))
-- case: string >= string
local a, b = 'a', 'b'
print(pcall(function() return a >= b end))
-- case: number >= number
local a, b = 1, 2.5
print(pcall(function() return a >= b end))
-- case: call local nil
local f = nil
print(pcall(function() return f() end))
-- case: call local number
local f = 42
print(pcall(function() return f() end))
-- case: call local string
local f = 'str'
print(pcall(function() return f() end))
-- case: call local table
local f = {}
print(pcall(function() return f() end))
-- case: call global nil
gf = nil
print(pcall(function() return gf() end))
-- case: call global number
gf = 42
print(pcall(function() return gf() end))
-- case: call global string
gf = 'str'
print(pcall(function() return gf() end))
-- case: call global table
gf = {}
print(pcall(function() return gf() end))
-- case: call field nil
local t = {f = nil}
print(pcall(function() return t.f() end))
-- case: call field number
local t = {f = 42}
print(pcall(function() return t.f() end))
-- case: call field string
local t = {f = 'str'}
print(pcall(function() return t.f() end))
-- case: call field table
local t = {f = {}}
print(pcall(function() return t.f() end))
-- case: call method nil
local t = {m = nil}
print(pcall(function() return t:m() end))
-- case: call method number
local t = {m = 42}
print(pcall(function() return t:m() end))
-- case: call method string
local t = {m = 'str'}
print(pcall(function() return t:m() end))
-- case: call method table
local t = {m = {}}
print(pcall(function() return t:m() end))
-- case: call upvalue nil
local f = nil
local function h() return f() end
print(pcall(function() return h() end))
-- case: call upvalue number
local f = 42
local function h() return f() end
print(pcall(function() return h() end))
-- case: call upvalue string
local f = 'str'
local function h() return f() end
print(pcall(function() return h() end))
-- case: call upvalue table
local f = {}
local function h() return f() end
print(pcall(function() return h() end))
-- case: index local nil
local x = nil
print(pcall(function() return x.k end))
print(pcall(function() x.k = 1 end))
-- case: index local number
local x = 7
print(pcall(function() return x.k end))
print(pcall(function() x.k = 1 end))
-- case: index local boolean
local x = true
print(pcall(function() return x.k end))
print(pcall(function() x.k = 1 end))
-- case: index global nil
gx = nil
print(pcall(function() return gx.k end))
print(pcall(function() gx.k = 1 end))
-- case: index global number
gx = 7
print(pcall(function() return gx.k end))
print(pcall(function() gx.k = 1 end))
-- case: index global boolean
gx = true
print(pcall(function() return gx.k end))
print(pcall(function() gx.k = 1 end))
-- case: index field nil
local t = {x = nil}
print(pcall(function() return t.x.k end))
print(pcall(function() t.x.k = 1 end))
-- case: index field number
local t = {x = 7}
print(pcall(function() return t.x.k end))
print(pcall(function() t.x.k = 1 end))
-- case: index field boolean
local t = {x = true}
print(pcall(function() return t.x.k end))
print(pcall(function() t.x.k = 1 end))
-- case: index upvalue nil
local x = nil
local function h() return x.k end
print(pcall(function() return h() end))

-- case: index upvalue number
local x = 7
local function h() return x.k end
print(pcall(function() return h() end))

-- case: index upvalue boolean
local x = true
local function h() return x.k end
print(pcall(function() return h() end))

