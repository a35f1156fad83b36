"""The table library, compared with reference Lua 5.1 (sort comparison for comparison)."""
import random

import pytest

from lib_oracle import dump, lua_literal, lua_run, py_eval, same
from th.lua.lib import table as T
from th.lua.table import LuaTable


def lt(values):
    return LuaTable.from_list(values)


def run_both(lua_code, py_fn):
    """Lua: `lua_code` ends with `return ...`; Python: py_fn() returns the same values."""
    assert py_eval(py_fn) == lua_run(lua_code), lua_code


# ---- insert / remove ------------------------------------------------------------------

@pytest.mark.parametrize("init,args", [
    ([1, 2, 3], ("x",)), ([1, 2, 3], (1, "x")), ([1, 2, 3], (2, "x")), ([1, 2, 3], (3, "x")),
    ([1, 2, 3], (4, "x")), ([1, 2, 3], (6, "x")), ([], ("x",)), ([], (1, "x")), ([1, 2], (0, "x")),
    ([1, 2], (-1, "x")), ([1, 2, 3], (2, None)), ([1, 2, 3], (None,)), ([1, 2], ("2", "x")),
    ([1, 2], (2.7, "x")),
])
def test_insert(init, args):
    # (#t is compared only where the border is unique: no holes)
    code = (f"local t = {lua_literal(init)}; table.insert(t, {', '.join(map(lua_literal, args))}); "
            f"return __dump(t), rawget(t, 1) and #t")

    def py():
        t = lt(init)
        T.tab_insert(t, *args)
        return dump(t), len(t) if t[1] is not None else None
    run_both(code, py)


@pytest.mark.parametrize("init,args", [
    ([1, 2, 3], ()), ([1, 2, 3], (1,)), ([1, 2, 3], (2,)), ([1, 2, 3], (3,)), ([1, 2, 3], (4,)),
    ([1, 2, 3], (0,)), ([], ()), ([], (1,)), ([1, 2, 3], ("1",)), ([1, 2, 3], (None,)),
])
def test_remove(init, args):
    code = (f"local t = {lua_literal(init)}; local r = __pack(table.remove(t, {', '.join(map(lua_literal, args))})); "
            f"return r.n, r[1], __dump(t), #t")
    if not args:
        code = code.replace("t, )", "t)")

    def py():
        t = lt(init)
        r = T.tab_remove(t, *args)
        return len(r), (r[0] if r else None), dump(t), len(t)
    run_both(code, py)


def test_insert_remove_errors():
    same(T.tab_insert, "table.insert", None, 1)
    same(T.tab_insert, "table.insert")
    same(T.tab_insert, "table.insert", [])
    same(T.tab_insert, "table.insert", [], 1, 2, 3)
    same(T.tab_insert, "table.insert", [], "x", 1)
    same(T.tab_remove, "table.remove")
    same(T.tab_remove, "table.remove", "x")
    same(T.tab_remove, "table.remove", [], "x")


def test_insert_keeps_hash_part_consistent():
    t = LuaTable()
    t[3] = "c"          # in the hash part
    T.tab_insert(t, "a")
    T.tab_insert(t, "b")  # t[2] = b pulls t[3] into the array
    assert len(t) == 3 and dump(t) == "a,b,c"
    T.tab_insert(t, 1, "z")
    assert dump(t) == "z,a,b,c" and len(t) == 4


# ---- concat, maxn, getn, setn, unpack, pack -----------------------------------------

@pytest.mark.parametrize("args", [
    ([1, 2, 3],), ([1, 2, 3], ", "), (["a", "b", "c"], "-", 2), (["a", "b", "c"], "-", 2, 3),
    (["a", "b", "c"], "-", 3, 2), ([],), ([1.5, "x", 2 ** 53],), ([1, 2, 3], ", ", 2, 5),
    ([1, [], 3],), ([1, True],), (None, []), (None,), ([1, 2], 3), (["a", "b"], "", "1", "2"),
    ([1, 2], "", 0), ([1, 2], None, None, None),
])
def test_concat(args):
    same(T.tab_concat, "table.concat", *args)


@pytest.mark.parametrize("args", [
    ([1, 2, 3],), ([1, 2, 3], 2), ([1, 2, 3], 2, 3), ([1, 2, 3], 3, 2), ([],), ([1, 2, 3], -1, 1),
    ([1, 2, 3], 1, 5), (None,), ([1, 2], "x"), ([1, 2], 1, 1e8),
])
def test_unpack(args):
    same(T.tab_unpack, "unpack", *args)


def test_maxn_getn_setn():
    code = "local t = {1, 2, [10] = 1, [3.5] = 2, x = 1, [-5] = 1}; return table.maxn(t), table.maxn({}), table.getn(t)"

    def py():
        t = LuaTable.from_dict({1: 1, 2: 2, 10: 1, 3.5: 2, "x": 1, -5: 1})
        return T.tab_maxn(t), T.tab_maxn(LuaTable()), T.tab_getn(t)
    run_both(code, py)
    run_both("return table.maxn({[2.5] = 1})", lambda: T.tab_maxn(LuaTable.from_dict({2.5: 1})))
    same(T.tab_setn, "table.setn", [], 1)
    same(T.tab_maxn, "table.maxn")


def test_pack():
    t = T.tab_pack(1, None, 3, None)
    assert t["n"] == 4 and t[1] == 1 and t[2] is None and t[3] == 3
    assert T.tab_pack()["n"] == 0


def test_foreach():
    seen = []
    assert T.tab_foreachi(lt(["a", "b"]), lambda i, v: seen.append((i, v))) == ()
    assert seen == [(1, "a"), (2, "b")]
    assert T.tab_foreach(lt([5, 6]), lambda k, v: v if k == 2 else None) == 6


# ---- sort --------------------------------------------------------------------------

@pytest.mark.parametrize("values", [
    [3, 1, 2], [5, 2, 8, 1, 9, 3, 7, 4, 6, 0], ["pear", "apple", "fig", "Banana", "apple"],
    [], [1], [2, 1], [1.5, -2, 3, 1e10, -1e-10], [3, 1, 2, "x"], [1, None, 3],
    [-float("nan"), 1, 2, -float("nan"), 0]  # (0/0 is -nan in Lua), list(range(50, 0, -1)), [[1], [2]],
])
def test_sort_natural(values):
    code = f"local t = {lua_literal(values)}; table.sort(t); return __dump(t)"

    def py():
        t = lt(values)
        T.tab_sort(t)
        return dump(t)
    if any(isinstance(v, list) for v in values):
        code = "local t = {{1}, {2}}; local ok, e = pcall(table.sort, t); return e"
        py_err = py_eval(lambda: T.tab_sort(lt([LuaTable(), LuaTable()])))
        assert py_err[0] == "error" and py_err[1] == lua_run(code)[1][2:]
        return
    expected = lua_run(code)
    got = py_eval(py)
    assert got == expected


COMPARATORS = {
    "a > b": lambda a, b: a > b,
    "a < b": lambda a, b: a < b,
    "a <= b": lambda a, b: a <= b,
    "a % 3 < b % 3": lambda a, b: a % 3 < b % 3,
    "true": lambda a, b: True,
    "false": lambda a, b: False,
    "(a + b) % 2 == 0": lambda a, b: (a + b) % 2 == 0,
}


@pytest.mark.parametrize("comp", list(COMPARATORS))
def test_sort_with_comparator_is_lua_exact(comp):
    # Ties and inconsistent comparators must end exactly as Lua's quicksort leaves them.
    rng = random.Random(comp)
    for n in (0, 1, 2, 3, 4, 5, 8, 13, 40, 200):
        values = [rng.randint(0, 9) for _ in range(n)]
        code = (f"local t = {lua_literal(values)}; local ok, e = pcall(table.sort, t, "
                f"function(a, b) return {comp} end); return ok, __dump(t)")

        def py():
            t = lt(values)
            try:
                T.tab_sort(t, COMPARATORS[comp])
            except Exception:
                return False, dump(t)
            return True, dump(t)
        run_both(code, py)


def test_sort_errors():
    same(T.tab_sort, "table.sort", [3, 1], 1)
    same(T.tab_sort, "table.sort")
    same(T.tab_sort, "table.sort", [1, "x", 3])
    values = [3, 2, 1, 5, 4, 7, 6, 9, 8, 10, 11, 12, 13]
    expected = lua_run(f"return table.sort({lua_literal(values)}, function(a, b) return true end)")
    assert py_eval(T.tab_sort, lt(values), lambda a, b: True) == expected
    assert expected == ("error", "invalid order function for sorting")


def test_sort_natural_uses_lt_metamethod():
    def item(k):
        t = LuaTable.from_dict({"k": k})
        t.metatable = meta
        return t
    meta = LuaTable.from_dict({"__lt": lambda a, b: a["k"] < b["k"]})
    t = lt([item(3), item(1), item(2)])
    T.tab_sort(t)
    assert [t[i]["k"] for i in (1, 2, 3)] == [1, 2, 3]
