"""LuaTable: Lua's table, with an array part and a hash part.

Input: Lua values as design.md maps them to Python (None, bool, int/float, str, LuaTable,
callables, other objects). This module imports nothing else from th.

Invariants (they make `#t` and array appends O(1)):
- `arr[i-1]` holds `t[i]` for 1 <= i <= len(arr); holes are None; the last slot is never
  None (trailing nils are trimmed), so len(arr) is always a border.
- `hash` never holds an integer key in 1..len(arr)+1: setting `t[len(arr)+1]` appends
  and pulls the following keys over from `hash`.
- Keys are normalised: a float with an integral value becomes an int (Lua has one
  number type), and booleans become `TRUE_KEY` / `FALSE_KEY` so that `t[true]` and
  `t[1]` stay distinct (Python has True == 1).
- Assigning nil removes the key.

From Python a LuaTable reads like Lua: `t[1]`, `t["x"]`, `len(t)` (the border), and
`LuaTable.from_list([...])` / `t.to_list()` for array conversions.
"""

class _BoolKey:
    """Stands for a boolean key inside `hash` (True == 1 in Python, not in Lua)."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return "TRUE_KEY" if self.value else "FALSE_KEY"


TRUE_KEY = _BoolKey(True)
FALSE_KEY = _BoolKey(False)


def _table_call(t, args):
    raise TypeError("'LuaTable' object is not callable")


class TableKeyError(Exception):
    """A nil or NaN key was used to store into a table (Lua's 'table index is nil')."""


def normalize_key(k):
    """The key under which `k` is stored: integral floats become ints, bools sentinels."""
    tk = type(k)
    if tk is int or tk is str:
        return k
    if tk is float:
        if k.is_integer():
            return int(k)
        return k
    if tk is bool:
        return TRUE_KEY if k else FALSE_KEY
    return k


def denormalize_key(k):
    """The Lua value of a stored key (inverse of normalize_key)."""
    if type(k) is _BoolKey:
        return k.value
    return k


class LuaTable:
    """A Lua table. Example: `t = LuaTable.from_list([10, 20]); t["x"] = 1; len(t) == 2`."""

    __slots__ = ("arr", "hash", "metatable", "mcache", "_keys", "_key_pos", "__weakref__")

    def __init__(self, arr=None, hash=None):
        self.arr = arr if arr is not None else []
        self.hash = hash if hash is not None else {}
        self.metatable = None
        self.mcache = None     # (metatables) method name -> function: see method_cache
        self._keys = None      # snapshot of hash keys for `next`, dropped on a new key
        self._key_pos = None

    # ---- construction helpers -------------------------------------------------

    @classmethod
    def from_list(cls, values):
        """A table with `values` at keys 1..n (trailing None trimmed)."""
        arr = list(values)
        while arr and arr[-1] is None:
            arr.pop()
        return cls(arr)

    @classmethod
    def from_dict(cls, mapping):
        """A table holding every (key, value) pair of `mapping`."""
        t = cls()
        for k, v in mapping.items():
            t.set(k, v)
        return t

    def to_list(self):
        """The values at keys 1..#t, as a Python list."""
        return list(self.arr)

    # ---- raw access ------------------------------------------------------------

    def get(self, k):
        """Raw get (no metamethods): `rawget(t, k)`."""
        if type(k) is int:
            arr = self.arr
            if 0 < k <= len(arr):
                return arr[k - 1]
            return self.hash.get(k)
        if type(k) is str:
            return self.hash.get(k)
        if k is None:
            return None
        if type(k) is float and k != k:
            return None
        return self.hash.get(normalize_key(k))

    def set(self, k, v):
        """Raw set (no metamethods): `rawset(t, k, v)`; v=None removes the key."""
        if type(k) is not int:
            if type(k) is str:
                self._set_hash(k, v)
                return
            if k is None:
                raise TableKeyError("table index is nil")
            if type(k) is float:
                if k != k:
                    raise TableKeyError("table index is NaN")
                if not k.is_integer():
                    self._set_hash(k, v)
                    return
                k = int(k)
            else:
                self._set_hash(normalize_key(k), v)
                return
        arr = self.arr
        n = len(arr)
        if 0 < k <= n:
            if v is None and k == n:
                arr.pop()
                while arr and arr[-1] is None:
                    arr.pop()
            else:
                arr[k - 1] = v
        elif k == n + 1:
            if v is not None:
                arr.append(v)
                self._migrate_from_hash()
        else:
            self._set_hash(k, v)

    def _set_hash(self, k, v):
        h = self.hash
        if v is None:
            h.pop(k, None)
        else:
            if self._keys is not None and k not in h:
                self._keys = None
            h[k] = v

    def _migrate_from_hash(self):
        # Keys len(arr)+1, len(arr)+2, ... move from the hash part to the array part.
        h = self.hash
        if not h:
            return
        arr = self.arr
        nxt = len(arr) + 1
        while nxt in h:
            arr.append(h.pop(nxt))
            nxt += 1

    def length(self):
        """The border `#t` (Lua's length operator without `__len`)."""
        # len(arr) is a border: arr[-1] is never nil and key len(arr)+1 is never in hash.
        return len(self.arr)

    # ---- traversal -----------------------------------------------------------------

    def next(self, k):
        """Lua's `next(t, k)`: the (key, value) after k, or None at the end.

        Raises KeyError when k is not a key of the table (Lua's "invalid key to 'next'").
        """
        arr = self.arr
        n = len(arr)
        if k is None:
            i = 0
        elif type(k) is int and 0 < k <= n:
            i = k
        else:
            i = None
        if i is not None:
            while i < n:
                v = arr[i]
                if v is not None:
                    return i + 1, v
                i += 1
            return self._next_hash(0)
        nk = normalize_key(k)
        if self._keys is None:
            self._snapshot_keys()
        pos = self._key_pos.get(nk)
        if pos is None:
            raise KeyError(k)
        return self._next_hash(pos + 1)

    def _snapshot_keys(self):
        self._keys = list(self.hash)
        self._key_pos = {key: i for i, key in enumerate(self._keys)}

    def _next_hash(self, start):
        if self._keys is None:
            if not self.hash:
                return None
            self._snapshot_keys()
        keys = self._keys
        h = self.hash
        for i in range(start, len(keys)):
            key = keys[i]
            v = h.get(key)
            if v is not None:
                return denormalize_key(key), v
        return None

    def items(self):
        """Iterate (key, value) pairs as `pairs` would: array part first, then hash."""
        for i, v in enumerate(self.arr):
            if v is not None:
                yield i + 1, v
        for k, v in list(self.hash.items()):
            yield denormalize_key(k), v

    # ---- Python conveniences (raw access, 1-based like Lua) ---------------------

    def __getitem__(self, k):
        return self.get(k)

    def __setitem__(self, k, v):
        self.set(k, v)

    def __len__(self):
        return self.length()

    def __call__(self, *args):
        # Lua's __call metamethod; th.lua.runtime installs the handler.
        return _table_call(self, args)

    def __bool__(self):
        # Every table is true in Lua, even an empty one.
        return True

    def __repr__(self):
        return f"LuaTable(arr={self.arr!r}, hash={{{', '.join(f'{denormalize_key(k)!r}: {v!r}' for k, v in self.hash.items())}}})"


# ---- method caches ---------------------------------------------------------------------
#
# `o:m()` on a table whose metatable's __index is a class table finds m in three lookups
# (o's own fields, the metatable's __index, the class's m). The metatable caches what the
# last two find, in `mcache` (name -> value), which compiled code reads inline. The cache
# depends on the hash parts of the metatable and of the class: those become WatchedHash,
# whose every change drops the caches that depend on it.


class WatchedHash(dict):
    """The hash part of a table some method caches depend on: any change drops them."""
    __slots__ = ("watchers",)

    def _changed(self):
        for mt in self.watchers:
            mt.mcache = None

    def __setitem__(self, k, v):
        self._changed()
        dict.__setitem__(self, k, v)

    def __delitem__(self, k):
        self._changed()
        dict.__delitem__(self, k)

    def pop(self, *args):
        self._changed()
        return dict.pop(self, *args)

    def popitem(self):
        self._changed()
        return dict.popitem(self)

    def setdefault(self, k, default=None):
        self._changed()
        return dict.setdefault(self, k, default)

    def update(self, *args, **kwargs):
        self._changed()
        dict.update(self, *args, **kwargs)

    def clear(self):
        self._changed()
        dict.clear(self)


def method_cache(mt, cls, key, value):
    """Remember in mt.mcache that the tables with metatable `mt` find `key` as `value`
    in `cls` (mt's __index table), unless one of the two has a special hash part."""
    for t in (mt, cls):
        h = t.hash
        if type(h) is dict:
            h = t.hash = WatchedHash(h)
            h.watchers = [mt]
        elif type(h) is not WatchedHash:
            return
        elif not any(w is mt for w in h.watchers):
            h.watchers.append(mt)
    if mt.mcache is None:
        mt.mcache = {}
    mt.mcache[key] = value


def unwatch(table):
    """Before `table` gets another kind of hash part: drop the caches depending on it."""
    if type(table.hash) is WatchedHash:
        table.hash._changed()


# ---- weak tables (__mode) ---------------------------------------------------------------

import weakref as _weakref


def _ref(v):
    # Values Lua never collects (strings, numbers, booleans) stay strong.
    try:
        return _weakref.ref(v)
    except TypeError:
        return v


def _deref(r):
    return r() if type(r) is _weakref.ReferenceType else r


class WeakHash:
    """The hash part of a table whose metatable has __mode "k", "v" or "kv".

    Behaves like the dict it replaces (get, [], pop, in, iteration, items, len); entries
    whose weak key or value has been collected read as absent. The array part of a weak
    table stays strong (a documented simplification).
    """
    __slots__ = ("data", "weak_keys", "weak_values")

    def __init__(self, items, mode):
        self.data = {}
        self.weak_keys = "k" in mode
        self.weak_values = "v" in mode
        for k, v in items:
            self[k] = v

    def _key(self, k):
        return _ref(k) if self.weak_keys else k

    def get(self, k, default=None):
        try:
            r = self.data.get(self._key(k))
        except TypeError:
            return default
        if r is None:
            return default
        v = _deref(r) if self.weak_values else r
        return default if v is None else v

    def __getitem__(self, k):
        v = self.get(k)
        if v is None:
            raise KeyError(k)
        return v

    def __setitem__(self, k, v):
        self.data[self._key(k)] = _ref(v) if self.weak_values else v

    def pop(self, k, *default):
        r = self.data.pop(self._key(k), None)
        if r is None:
            if default:
                return default[0]
            raise KeyError(k)
        return _deref(r) if self.weak_values else r

    def __contains__(self, k):
        return self.get(k) is not None

    def items(self):
        out = []
        for rk, rv in list(self.data.items()):
            k = _deref(rk) if self.weak_keys else rk
            v = _deref(rv) if self.weak_values else rv
            if k is not None and v is not None:
                out.append((k, v))
        return out

    def __iter__(self):
        return iter([k for k, _ in self.items()])

    def __len__(self):
        return len(self.items())

    def __bool__(self):
        return bool(self.data)


def make_weak(table, mode):
    """Give `table` weak keys and/or values, as __mode asks ("k", "v", "kv")."""
    if type(table.hash) is WeakHash or not any(c in mode for c in "kv"):
        return
    unwatch(table)
    table.hash = WeakHash(list(table.hash.items()), mode)
    table._keys = None
