"""Lua standard library speed: string patterns, format, table and math functions on large
inputs, each program run by th and by reference Lua 5.1 (lupa.lua51) side by side in one
run, with the ratio per program and the geometric mean.

    python bench/lua_stdlib.py [--quick]
"""
import sys

from lua_engine import header, side_by_side   # bench/ is on sys.path when run as a script

_TEXT = """
        local words = {}
        for i = 1, 100000 do words[i] = "word" .. (i % 97) end
        local s = table.concat(words, " ")
"""

PROGRAMS = {
    "gsub string": _TEXT + """
        local r, n = s:gsub("word(%d+)", "<%1>")
        return #r + n""",
    "gsub function": _TEXT + """
        local r, n = s:gsub("%a+", function(w) return w:upper() end)
        return #r + n""",
    "gsub lazy": _TEXT + """
        local r, n = s:gsub("w.-d", "W")
        return #r + n""",
    "gsub %b": """
        local s = string.rep("f(a(b)c) ", 50000)
        local r, n = s:gsub("%b()", "[]")
        return #r + n""",
    "gmatch words": _TEXT + """
        local n = 0
        for w in s:gmatch("%a+%d*") do n = n + #w end
        return n""",
    "find loop": _TEXT + """
        local pos, n = 1, 0
        while true do
          local a, b = s:find("word1", pos, true)
          if not a then break end
          n = n + 1; pos = b + 1
        end
        local c = 0
        for i = 1, 20000 do if s:find("^word%d", i * 10) then c = c + 1 end end
        return n + c""",
    "match captures": """
        local n = 0
        for i = 1, 100000 do
          local k, v = string.match("key" .. i .. " = " .. i, "(%w+)%s*=%s*(%d+)")
          n = n + #k + v
        end
        return n""",
    "format 1e5": """
        local n = 0
        for i = 1, 100000 do n = n + #string.format("%5d %8.3f %s|%x", i, i / 7, "abc", i) end
        return n""",
    "sub/byte/len": """
        local s = string.rep("abcdefghij", 100)
        local n = 0
        for i = 1, 300000 do n = n + s:byte(i % 1000 + 1) + #s:sub(i % 50, i % 50 + 5) end
        return n""",
    "insert 1e6": """
        local t = {}
        for i = 1, 1000000 do table.insert(t, i) end
        return #t""",
    "insert front": """
        local t = {}
        for i = 1, 20000 do table.insert(t, 1, i) end
        local s = 0
        for i = 1, 10000 do s = s + table.remove(t) + table.remove(t, 1) end
        return s""",
    "concat 1e6": """
        local t = {}
        for i = 1, 1000000 do t[i] = "x" .. (i % 10) end
        return #table.concat(t, ",")""",
    "sort 2e5": """
        local t = {}
        for i = 1, 200000 do t[i] = math.random() end
        table.sort(t)
        return #t""",
    "sort cmp 1e5": """
        local t = {}
        for i = 1, 100000 do t[i] = math.random(1000000) end
        table.sort(t, function(a, b) return a > b end)
        return t[1] >= t[#t] and #t""",
    "math 1e6": """
        local s = 0
        for i = 1, 1000000 do s = s + math.floor(math.sqrt(i)) + math.max(i % 7, 3) end
        return s""",
}


def main():
    from lupa import lua51
    from th.lua import Runtime
    quick = "--quick" in sys.argv
    repeat = 1 if quick else 5
    header(repeat)
    # Programs drawing math.random need not agree with Lua's numbers.
    side_by_side(Runtime(), lua51.LuaRuntime(), PROGRAMS, repeat, width=16,
                 check=lambda src: "random" not in src)


if __name__ == "__main__":
    main()
