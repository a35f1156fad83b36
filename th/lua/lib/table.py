"""Lua's `table` library (Lua 5.1's ltablib, plus LuaJIT's `table.pack`/`table.unpack`).

Functions work on th.lua.LuaTable with raw access, as Lua's do (no metamethods), and use
its array part directly on the hot paths (`arr[i-1]` is `t[i]`; see th/lua/table.py for
the invariants they keep). `table.sort` is Lua's own quicksort, comparison for
comparison, so ties and inconsistent comparators end the way they do in Lua ("invalid
order function for sorting"); plain arrays of numbers or of strings use Python's sort,
which gives the same result there.
"""
from th.lua import runtime
from th.lua.lib.args import (
    NOARG, LibError, check_function, check_int, check_table, number_to_string, opt_int,
    opt_string, typename,
)
from th.lua.table import LuaTable

_MAX_UNPACK = 8000  # Lua's C stack limit (LUAI_MAXCSTACK): more results is an error


def tab_insert(*args):
    """table.insert(t, [pos,] value)

    Inserts value at position pos of t (default: the end, #t+1), shifting up the rest.
    Example: t = {1, 2}; table.insert(t, 1, 0)  -- t is {0, 1, 2}
    """
    nargs = len(args)
    t = check_table(args[0] if nargs else NOARG, 1, "insert")
    arr = t.arr
    if nargs == 2:
        v = args[1]
        if v is not None:
            if t.hash:
                t.set(len(arr) + 1, v)  # may pull following keys out of the hash part
            else:
                arr.append(v)  # fast path: nothing to migrate
        return ()
    e = len(arr) + 1  # the first empty slot
    if nargs != 3:
        raise LibError("wrong number of arguments to 'insert'")
    pos = check_int(args[1], 2, "insert")
    v = args[2]
    if 1 <= pos < e:
        # fast path: shift inside the array part
        t.set(e, arr[-1])
        arr[pos:e - 1] = arr[pos - 1:e - 2]
        arr[pos - 1] = v
        return ()
    if pos > e:
        e = pos
    for i in range(e, pos, -1):
        t.set(i, t.get(i - 1))
    t.set(pos, v)
    return ()


def tab_remove(t=NOARG, pos=NOARG, *_):
    """table.remove(t [, pos])

    Removes and returns t[pos] (default: the last element), shifting down the rest.
    Example: t = {1, 2, 3}; print(table.remove(t, 1))  --> 1   (t is {2, 3})
    """
    t = check_table(t, 1, "remove")
    arr = t.arr
    e = len(arr)
    pos = opt_int(pos, 2, "remove", e)
    if not 1 <= pos <= e:
        return ()  # nothing to remove: no value at all
    v = arr.pop(pos - 1)
    while arr and arr[-1] is None:  # keep the array's last slot non-nil
        arr.pop()
    return (v,)


def tab_concat(t=NOARG, sep=NOARG, i=NOARG, j=NOARG, *_):
    """table.concat(t [, sep [, i [, j]]])

    The strings (or numbers) t[i] .. sep .. t[i+1] ... t[j]; i defaults to 1, j to #t.
    Example: table.concat({1, 2, 3}, ", ")  --> "1, 2, 3"
    """
    sep = opt_string(sep, 2, "concat", "")
    t = check_table(t, 1, "concat")
    first = opt_int(i, 3, "concat", 1)
    last = opt_int(j, 4, "concat", len(t.arr))
    arr = t.arr
    if 1 <= first and last <= len(arr):
        # fast path: a run of the array part holding only strings
        try:
            return sep.join(arr[first - 1:last])
        except TypeError:
            pass
    out = []
    for k in range(first, last + 1):
        v = t.get(k)
        tv = type(v)
        if tv is str:
            out.append(v)
        elif tv is int or tv is float:
            out.append(number_to_string(v))
        else:
            raise LibError(f"invalid value ({typename(v)}) at index {k} in table for 'concat'")
    return sep.join(out)


def tab_maxn(t=NOARG, *_):
    """table.maxn(t)

    The largest positive numeric key of t (0 if none).
    Example: table.maxn({1, 2, [10] = 3})  --> 10
    """
    t = check_table(t, 1, "maxn")
    best = len(t.arr)
    for k in t.hash:
        tk = type(k)
        if (tk is int or tk is float) and k > best:
            best = k
    return best


def tab_getn(t=NOARG, *_):
    """table.getn(t)

    The length of t, as #t (Lua 5.0's name, kept by 5.1).
    Example: table.getn({1, 2, 3})  --> 3
    """
    return len(check_table(t, 1, "getn").arr)


def tab_setn(t=NOARG, n=NOARG, *_):
    """table.setn(t, n)

    Obsolete since Lua 5.1: always an error.
    Example: pcall(table.setn, {}, 1)  --> false  "'setn' is obsolete"
    """
    check_table(t, 1, "setn")
    raise LibError("'setn' is obsolete")


def tab_unpack(t=NOARG, i=NOARG, j=NOARG, *_):
    """table.unpack(t [, i [, j]])  (also the global unpack)

    Returns t[i], ..., t[j]; i defaults to 1, j to #t.
    Example: print(table.unpack({1, 2, 3}))  --> 1  2  3
    """
    t = check_table(t, 1, "unpack")
    first = opt_int(i, 2, "unpack", 1)
    last = opt_int(j, 3, "unpack", len(t.arr))
    if first > last:
        return ()
    if last - first >= _MAX_UNPACK:
        raise LibError("too many results to unpack")
    arr = t.arr
    if first == 1 and last == len(arr):
        return tuple(arr)
    return tuple(t.get(k) for k in range(first, last + 1))


def tab_pack(*args):
    """table.pack(...)

    A table with the arguments at 1..n and the count in field n (nils included).
    Example: t = table.pack(1, nil, 3); print(t.n)  --> 3
    """
    t = LuaTable.from_list(args)
    t.set("n", len(args))
    return t


def tab_foreach(t=NOARG, f=NOARG, *_):
    """table.foreach(t, f)

    Calls f(k, v) for every pair of t, stopping at the first non-nil result (returned).
    Example: table.foreach({a = 1}, print)  --> a  1
    """
    t = check_table(t, 1, "foreach")
    f = check_function(f, 2, "foreach")
    for k, v in list(t.items()):
        r = runtime.first(f(k, v))
        if r is not None:
            return r
    return ()


def tab_foreachi(t=NOARG, f=NOARG, *_):
    """table.foreachi(t, f)

    Calls f(i, t[i]) for i = 1..#t, stopping at the first non-nil result (returned).
    Example: table.foreachi({"a", "b"}, print)  --> 1  a / 2  b
    """
    t = check_table(t, 1, "foreachi")
    f = check_function(f, 2, "foreachi")
    for k in range(1, len(t.arr) + 1):
        r = runtime.first(f(k, t.get(k)))
        if r is not None:
            return r
    return ()


# ---- sort ---------------------------------------------------------------------------


def tab_sort(t=NOARG, comp=NOARG, *_):
    """table.sort(t [, comp])

    Sorts t[1..#t] in place with `<`, or with comp(a, b) (true when a must come first).
    Example: t = {3, 1, 2}; table.sort(t, function(a, b) return a > b end)  -- {3, 2, 1}
    """
    t = check_table(t, 1, "sort")
    n = len(t.arr)
    if comp is not NOARG and comp is not None:
        check_function(comp, 2, "sort")
        lt = _comparator(comp)
    else:
        if _sorts_natively(t.arr):
            t.arr.sort()
            return ()
        lt = _natural_lt
    # a[0] and a[n+1] are read when a bad comparator drives the scan out of range
    a = [t.get(0)] + t.arr + [None]
    try:
        _auxsort(a, 1, n, lt)
    finally:
        _store(t, a, n)
    return ()


def _sorts_natively(arr):
    """Whether Python's sort orders `arr` exactly as Lua's `<` would (no nils, NaNs, mixes)."""
    kinds = set(map(type, arr))
    if kinds == {str}:
        return True  # one char per byte: code point order is strcmp's order
    if kinds and kinds <= {int, float}:
        return all(x == x for x in arr)
    return False


def _natural_lt(a, b):
    """Lua's `<` as sort applies it: its errors carry no position (the caller is C)."""
    ta = type(a)
    tb = type(b)
    if (ta is int or ta is float) and (tb is int or tb is float) or (ta is str and tb is str):
        return a < b
    try:
        return runtime.lt(a, b)
    except runtime.LuaError as e:
        prefix = runtime.current_site()[0]
        if type(e.value) is str and prefix and e.value.startswith(prefix):
            raise runtime.LuaError(e.value[len(prefix):]) from None
        raise


def _comparator(comp):
    def lt(a, b):
        r = comp(a, b)
        if type(r) is tuple:
            r = r[0] if r else None
        return r is not None and r is not False
    return lt


def _store(t, a, n):
    vals = a[1:n + 1]
    if None in vals:
        for k, v in enumerate(vals, 1):
            t.set(k, v)
    else:
        t.arr[:n] = vals


def _auxsort(a, lo, up, lt):
    """ltablib.c's auxsort on the 1-based list a[lo..up]: the same comparisons, same order."""
    while lo < up:
        # sort a[lo], a[(lo+up)/2] and a[up]
        if lt(a[up], a[lo]):
            a[lo], a[up] = a[up], a[lo]
        if up - lo == 1:
            break
        i = (lo + up) // 2
        if lt(a[i], a[lo]):
            a[i], a[lo] = a[lo], a[i]
        elif lt(a[up], a[i]):
            a[i], a[up] = a[up], a[i]
        if up - lo == 2:
            break
        pivot = a[i]
        a[i], a[up - 1] = a[up - 1], a[i]
        # invariant: a[lo..i] <= pivot <= a[j..up]
        i = lo
        j = up - 1
        while True:
            i += 1
            while lt(a[i], pivot):
                if i > up:
                    raise LibError("invalid order function for sorting")
                i += 1
            j -= 1
            while lt(pivot, a[j]):
                if j < lo:
                    raise LibError("invalid order function for sorting")
                j -= 1
            if j < i:
                break
            a[i], a[j] = a[j], a[i]
        a[up - 1], a[i] = a[i], a[up - 1]
        # recurse into the smaller half, loop on the larger one
        if i - lo < up - i:
            j, i, lo = lo, i - 1, i + 1
        else:
            j, i, up = i + 1, up, i - 1
        _auxsort(a, j, i, lt)


# ---- the library table ----------------------------------------------------------------

FUNCTIONS = {
    "concat": tab_concat,
    "foreach": tab_foreach,
    "foreachi": tab_foreachi,
    "getn": tab_getn,
    "insert": tab_insert,
    "maxn": tab_maxn,
    "pack": tab_pack,
    "remove": tab_remove,
    "setn": tab_setn,
    "sort": tab_sort,
    "unpack": tab_unpack,
}


def open_lib(runtime_):
    """The `table` table."""
    return LuaTable.from_dict(FUNCTIONS)
