"""Help texts for Lua's standard library (`?print`, `?string.format`, `?math.floor`).

The functions of Lua's standard library are written in Python for th; their Python
docstrings speak to Python developers, so the console's `?` help for them comes from
these texts instead, written for a Lua user. Each entry: the Lua signature, one or two
sentences, and an example as typed at `th> `.

`LUA_DOCS` maps a qualified name (`string.format`, `print`) to its text.
"""

_TEXTS = r"""
@@ assert(v [, message])
Raises an error when v is false or nil (message, default "assertion failed!");
otherwise returns all its arguments.
Example: f = assert(io.open('data.txt'))
@@ collectgarbage([opt [, arg]])
Controls the garbage collector: "collect" (default) runs a full cycle, "count"
returns the memory in use in kilobytes.
Example: collectgarbage()
@@ dofile([filename])
Runs a Lua file and returns what its main chunk returns (stdin without a name).
Example: dofile('setup.lua')
@@ error(message [, level])
Raises an error with message as its value. Level 1 (default) prefixes the position
where error was called, 2 the position of the caller, 0 no position.
Example: error('expected a tensor', 2)
@@ getfenv([f])
Returns the environment table of function f (or of the function at stack level f).
Example: env = getfenv(1)
@@ getmetatable(object)
Returns the metatable of object (or its __metatable field), or nil. For a torch object
(a tensor, an nn module) it is its class, as in Torch7: getmetatable(x).__typename.
Example: mt = getmetatable('abc')
@@ ipairs(t)
Iterates over t[1], t[2], ... up to the first nil, giving index and value.
Example: for i, v in ipairs({10, 20}) do print(i, v) end
@@ load(chunk [, chunkname])
Compiles a chunk given as a string (or a function returning pieces) and returns it as a
function; on a syntax error returns nil and the message.
Example: f = load('return 1 + 2'); print(f())
@@ loadfile([filename])
Compiles a Lua file without running it; returns the function, or nil and the message.
Example: f = loadfile('model.lua')
@@ loadstring(string [, chunkname])
Compiles a string of Lua and returns it as a function, or nil and the message.
Example: f = loadstring('x = 5'); f()
@@ next(table [, index])
Returns the key after index in table and its value (the first pair when index is nil),
or nil at the end. next(t) == nil tests for an empty table.
Example: if next(t) == nil then print('empty') end
@@ pairs(t)
Iterates over every key and value of t, in no fixed order.
Example: for k, v in pairs({a = 1, b = 2}) do print(k, v) end
@@ pcall(f, ...)
Calls f with the arguments in protected mode: returns true and f's results, or false
and the error value.
Example: ok, err = pcall(error, 'boom')
@@ print(...)
Prints its arguments. At the th prompt and in scripts run by th this is trepl's printer:
scalars are followed by a tab, tables are listed key by key, tensors and modules print
through tostring. print_old is Lua's plain print; setprintlevel(0) switches to it.
Example: print('loss', 0.25, {lr = 0.1})
@@ print_old(...)
Lua's plain print: tostring of each argument, separated by tabs, then a newline.
Example: print_old({})
@@ rawequal(a, b)
Compares a and b without calling __eq.
Example: rawequal(t, t)
@@ rawget(table, key)
Reads table[key] without calling __index.
Example: rawget(_G, 'torch')
@@ rawlen(v)
The length of a table or string without calling __len.
Example: rawlen({1, 2, 3})
@@ rawset(table, key, value)
Sets table[key] = value without calling __newindex; returns table.
Example: rawset(t, 'x', 1)
@@ require(name)
Loads a package once and returns it (package.loaded caches it). th's packages torch,
nn, optim, gnuplot, paths, sys, xlua are built in; other names are searched on
package.path.
Example: require 'nn'
@@ select(index, ...)
Returns the arguments after position index; select('#', ...) returns how many there are.
Example: select('#', 1, nil, 3)   --> 3
@@ setfenv(f, table)
Sets the environment of function f (or of the function at stack level f).
Example: setfenv(f, {print = print})
@@ setmetatable(table, metatable)
Sets the metatable of a table (nil removes it) and returns the table.
Example: v = setmetatable({}, {__index = function(t, k) return k end})
@@ tonumber(e [, base])
Converts a string (or number) to a number, in base 2..36 when given; nil if it cannot.
Example: tonumber('0x10')   --> 16
@@ tostring(e)
Converts any value to a string, using its __tostring when it has one.
Example: tostring(1/3)
@@ type(v)
The type of v as a string: "nil", "number", "string", "boolean", "table", "function",
"thread" or "userdata". torch.type(v) gives the class of torch objects.
Example: type(torch.Tensor())   --> userdata
@@ unpack(list [, i [, j]])
Returns list[i], ..., list[j] (all of list by default) as separate values.
Example: a, b = unpack({1, 2})
@@ xpcall(f, handler, ...)
Calls f in protected mode; on an error calls handler with the error value (its result
is returned after false). Extra arguments go to f.
Example: xpcall(f, debug.traceback)
@@ string.byte(s [, i [, j]])
The numeric codes of characters s[i..j] (i defaults to 1, j to i).
Example: string.byte('A')   --> 65
@@ string.char(...)
A string made of the characters with the given codes.
Example: string.char(72, 105)   --> Hi
@@ string.find(s, pattern [, init [, plain]])
Finds the first match of a Lua pattern in s from position init; returns its start and
end (and captures), or nil. plain = true searches for the literal text.
Example: string.find('hello world', 'o w')   --> 5 7
@@ string.format(formatstring, ...)
Formats values like C's printf: %d %i %u %c %x %X %o %e %E %f %g %G %q %s %%.
Example: string.format('%5.2f', math.pi)
@@ string.gmatch(s, pattern)
An iterator over the successive matches (or captures) of pattern in s.
Example: for w in string.gmatch('one two', '%a+') do print(w) end
@@ string.gsub(s, pattern, repl [, n])
Replaces matches of pattern (at most n) by repl: a string (%1 for captures), a table or
a function. Returns the new string and the number of replacements.
Example: string.gsub('hello', 'l', 'L')   --> heLLo 2
@@ string.len(s)
The length of s in bytes (same as #s).
Example: string.len('abc')
@@ string.lower(s)
s in lower case.
Example: ('ABC'):lower()
@@ string.match(s, pattern [, init])
The captures of the first match of pattern in s (or the whole match), or nil.
Example: string.match('key=val', '(%w+)=(%w+)')
@@ string.rep(s, n [, sep])
s repeated n times, separated by sep.
Example: string.rep('ab', 3, ',')   --> ab,ab,ab
@@ string.reverse(s)
s backwards.
Example: ('abc'):reverse()
@@ string.sub(s, i [, j])
The substring from i to j (negative positions count from the end).
Example: ('hello'):sub(2, -2)   --> ell
@@ string.upper(s)
s in upper case.
Example: ('abc'):upper()
@@ table.concat(list [, sep [, i [, j]]])
Joins list[i..j] (strings or numbers) with sep between them.
Example: table.concat({1, 2, 3}, ', ')
@@ table.insert(list, [pos,] value)
Inserts value at position pos (default: the end), shifting later elements up.
Example: table.insert(t, 'last')
@@ table.maxn(table)
The largest positive numeric key of table (0 if none).
Example: table.maxn({[10] = true})
@@ table.pack(...)
A table of the arguments, with field n holding how many there are.
Example: t = table.pack(1, nil, 3)   -- t.n == 3
@@ table.remove(list [, pos])
Removes list[pos] (default: the last element), shifting later elements down, and
returns it.
Example: last = table.remove(t)
@@ table.sort(list [, comp])
Sorts list in place, with < or with comp(a, b) returning true when a comes first.
Example: table.sort(t, function(a, b) return a > b end)
@@ table.unpack(list [, i [, j]])
Same as unpack: list[i], ..., list[j] as separate values.
Example: print(table.unpack({1, 2, 3}))
@@ math.abs(x)
The absolute value of x.
Example: math.abs(-2)
@@ math.acos(x)
The arc cosine of x, in radians.
Example: math.acos(0)
@@ math.asin(x)
The arc sine of x, in radians.
Example: math.asin(1)
@@ math.atan(x)
The arc tangent of x, in radians.
Example: math.atan(1)
@@ math.atan2(y, x)
The arc tangent of y/x, using both signs to find the quadrant.
Example: math.atan2(1, -1)
@@ math.ceil(x)
The smallest integer not below x.
Example: math.ceil(2.1)   --> 3
@@ math.cos(x)
The cosine of x (radians).
Example: math.cos(math.pi)
@@ math.cosh(x)
The hyperbolic cosine of x.
Example: math.cosh(0)
@@ math.deg(x)
Radians to degrees.
Example: math.deg(math.pi)   --> 180
@@ math.exp(x)
e to the power x.
Example: math.exp(1)
@@ math.floor(x)
The largest integer not above x.
Example: math.floor(-2.5)   --> -3
@@ math.fmod(x, y)
The remainder of x / y, rounded towards zero (its sign is x's).
Example: math.fmod(-7, 3)   --> -1
@@ math.frexp(x)
m and e such that x = m * 2^e, with 0.5 <= |m| < 1.
Example: math.frexp(8)   --> 0.5 4
@@ math.huge
A value larger than any number (inf).
Example: x = -math.huge
@@ math.ldexp(m, e)
m * 2^e.
Example: math.ldexp(0.5, 4)   --> 8
@@ math.log(x [, base])
The natural logarithm of x, or its logarithm in base.
Example: math.log(8, 2)   --> 3
@@ math.log10(x)
The base-10 logarithm of x.
Example: math.log10(1000)   --> 3
@@ math.max(x, ...)
The largest of its arguments.
Example: math.max(3, 7, 5)
@@ math.min(x, ...)
The smallest of its arguments.
Example: math.min(3, 7, 5)
@@ math.modf(x)
The integral and fractional parts of x.
Example: math.modf(3.25)   --> 3 0.25
@@ math.pi
The value of pi.
Example: math.pi * 2
@@ math.pow(x, y)
x to the power y (same as x^y).
Example: math.pow(2, 10)
@@ math.rad(x)
Degrees to radians.
Example: math.rad(180)
@@ math.random([m [, n]])
A pseudo-random number: in [0, 1) without arguments, an integer in [1, m] or [m, n].
(torch.random / torch.uniform use Torch's own generator.)
Example: math.random(1, 6)
@@ math.randomseed(x)
Seeds math.random.
Example: math.randomseed(os.time())
@@ math.sin(x)
The sine of x (radians).
Example: math.sin(math.pi / 2)
@@ math.sinh(x)
The hyperbolic sine of x.
Example: math.sinh(1)
@@ math.sqrt(x)
The square root of x.
Example: math.sqrt(2)
@@ math.tan(x)
The tangent of x (radians).
Example: math.tan(math.pi / 4)
@@ math.tanh(x)
The hyperbolic tangent of x.
Example: math.tanh(0.5)
@@ os.clock()
CPU time used by the program, in seconds.
Example: t0 = os.clock(); heavy(); print(os.clock() - t0)
@@ os.date([format [, time]])
The date as a string formatted like C's strftime, or as a table with "*t" (UTC with a
leading "!").
Example: os.date('%Y-%m-%d')
@@ os.difftime(t2, t1)
The seconds from time t1 to time t2.
Example: os.difftime(os.time(), start)
@@ os.execute([command])
Runs a shell command and returns its status.
Example: os.execute('mkdir -p out')
@@ os.exit([code])
Ends the program (and the th console) with the given status.
Example: os.exit(0)
@@ os.getenv(name)
The value of an environment variable, or nil.
Example: os.getenv('HOME')
@@ os.remove(filename)
Deletes a file (or empty directory); nil and a message on failure.
Example: os.remove('tmp.txt')
@@ os.rename(old, new)
Renames a file; nil and a message on failure.
Example: os.rename('a.txt', 'b.txt')
@@ os.time([table])
The current time in seconds, or the time given by a table {year=, month=, day=, ...}.
Example: os.time({year = 2017, month = 1, day = 1})
@@ os.tmpname()
A name usable for a temporary file.
Example: name = os.tmpname()
@@ io.close([file])
Closes file (default: the default output file).
Example: io.close(f)
@@ io.lines([filename])
An iterator over the lines of a file (default: standard input); the file closes at the end.
Example: for line in io.lines('data.csv') do print(line) end
@@ io.open(filename [, mode])
Opens a file in mode "r" (default), "w", "a", "r+", "w+", "a+" (with "b" allowed);
returns the file, or nil and a message.
Example: f = io.open('out.txt', 'w'); f:write('hi\n'); f:close()
@@ io.read(...)
Reads from standard input: "*l" a line (default), "*n" a number, "*a" everything, or
a number of bytes.
Example: line = io.read('*l')
@@ io.write(...)
Writes strings and numbers to the default output file, without newline or tab.
Example: io.write('x = ', 3, '\n')
@@ io.output([file])
Sets (by name or file) or returns the default output file.
Example: io.output():write('hi\n')
@@ io.input([file])
Sets (by name or file) or returns the default input file.
Example: io.input('data.txt')
@@ io.type(obj)
"file", "closed file", or nil when obj is not a file.
Example: io.type(io.stdout)
@@ coroutine.create(f)
A new coroutine running f.
Example: co = coroutine.create(function(a) coroutine.yield(a + 1) end)
@@ coroutine.resume(co [, ...])
Starts or continues co; returns true and the values it yielded or returned, or false and
the error.
Example: coroutine.resume(co, 1)   --> true 2
@@ coroutine.running()
The running coroutine (and whether it is the main one).
Example: co, main = coroutine.running()
@@ coroutine.status(co)
"suspended", "running", "normal" or "dead".
Example: coroutine.status(co)
@@ coroutine.wrap(f)
A function that resumes a new coroutine running f each time it is called, raising its
errors.
Example: gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
@@ coroutine.yield(...)
Suspends the running coroutine; its arguments are returned by resume.
Example: coroutine.yield(value)
@@ bit.band(x1 [, x2, ...])
Bitwise and of 32-bit integers.
Example: bit.band(12, 10)   --> 8
@@ bit.bor(x1 [, x2, ...])
Bitwise or of 32-bit integers.
Example: bit.bor(12, 10)   --> 14
@@ bit.bxor(x1 [, x2, ...])
Bitwise exclusive or of 32-bit integers.
Example: bit.bxor(12, 10)   --> 6
@@ bit.bnot(x)
Bitwise not of a 32-bit integer.
Example: bit.bnot(0)   --> -1
@@ bit.lshift(x, n)
x shifted left by n bits (32-bit).
Example: bit.lshift(1, 4)   --> 16
@@ bit.rshift(x, n)
x shifted right by n bits, filling with zeros (32-bit).
Example: bit.rshift(256, 4)   --> 16
@@ bit.arshift(x, n)
x shifted right by n bits, keeping the sign (32-bit).
Example: bit.arshift(-256, 4)   --> -16
@@ bit.tobit(x)
x as a signed 32-bit integer.
Example: bit.tobit(0xffffffff)   --> -1
@@ bit.tohex(x [, n])
x as a hexadecimal string of n digits (default 8; negative n for upper case).
Example: bit.tohex(255, 2)   --> ff
"""


def _parse(texts):
    docs = {}
    for block in texts.split("\n@@ ")[1:]:
        block = block.strip("\n")
        signature = block.split("\n", 1)[0]
        name = signature.split("(", 1)[0].strip()
        docs[name] = block
    return docs


LUA_DOCS = _parse("\n" + _TEXTS.strip("\n"))

# The standard library tables whose functions are documented above.
LIBRARIES = ("string", "table", "math", "os", "io", "coroutine", "bit", "debug")
