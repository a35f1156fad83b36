"""torch.Tester and torch.TestSuite: the unit-test harness of Torch7's own test suites.

    local tests = torch.TestSuite()
    local tester = torch.Tester()
    function tests.add() tester:eq(1 + 1, 2, 'sum') end
    tester:add(tests):run()

Behaviour and output follow Torch7's Tester.lua: `Running N tests`, one 80-column line
per test (`i/N name ...... [WAIT]`, rewritten in place as [PASS], [FAIL], [ERROR] or
[SKIP], a `[+warning]` line when a passing test warned), then `Completed A asserts in
N tests with F failures and E errors [and W warnings] [and K disabled]` and every
failure, error and warning in sections framed by 80 dashes. `run` raises "An error was
found while running tests!" when anything failed. Colours appear, as in Torch7, when
the script was given a command line (the global `arg`). Tests run in the order they
were added. Output goes through the running Lua environment (th.torch.luaside).
"""
from th.torch.classes import TorchObject

NCOLS = 80


def _pluralize(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _message(message=None, *rest):
    """Torch7's getMessage: the optional message, newline-terminated ('' if none)."""
    if rest:
        raise AssertionError("Unexpected arguments passed to test function")
    if message is not None:
        if not isinstance(message, str):
            raise AssertionError("message parameter must be a string")
        if message != "":
            return message + "\n"
    return ""


def _tolerance_and_message(default, *args):
    """A tolerance (number) and a message (string) given in either order."""
    from th.torch.luaside import lua_type
    message = tolerance = None
    for a in args:
        if lua_type(a) == "string":
            if message is not None:
                raise RuntimeError("Unexpected string argument; already have message")
            message = a + "\n"
        elif lua_type(a) == "number":
            if tolerance is not None:
                raise RuntimeError("Unexpected number argument; already have tolerance")
            if a < 0:
                raise AssertionError("tolerance cannot be negative")
            tolerance = a
        else:
            raise RuntimeError("Unrecognized argument; should be a tolerance or message")
    return (default if tolerance is None else tolerance), (message or "")


def _lua_eq(a, b):
    """Lua's ==: same type, then value for numbers/strings/booleans, else identity."""
    from th.torch.luaside import lua_type
    ta = lua_type(a)
    if ta != lua_type(b):
        return False
    if ta in ("number", "string", "boolean", "nil"):
        return a == b
    eq = getattr(type(a), "__lua_eq__", None)
    return a is b or (eq is not None and bool(eq(a, b)))


class Tester(TorchObject):
    """torch.Tester(): collects test functions, runs them, reports the failed asserts.

    Example: tester = torch.Tester(); tester:add(function() tester:eq(2, 1 + 1) end, 'sum'); tester:run()
    """

    __typename__ = "torch.Tester"

    def __init__(self):
        from th.torch.luaside import LuaTable
        self.errors = LuaTable()
        self.tests = LuaTable()
        self.warnings = LuaTable()
        self.disabledTests = LuaTable()
        self._warningCount = {}
        self._currentTestName = ""
        self._assertTensorEqIgnoresDims = True
        self.earlyAbort = self.rethrow = self.summaryOnly = False
        self._setUp = self._tearDown = None
        self.assertionPass, self.assertionFail, self.testError = {}, {}, {}
        self.countasserts = 0

    def setEarlyAbort(self, earlyAbort):
        """tester:setEarlyAbort(bool): stop the run at the first failing test.

        Example: tester:setEarlyAbort(true)
        """
        self.earlyAbort = bool(earlyAbort)

    def setRethrowErrors(self, rethrow):
        """tester:setRethrowErrors(bool): let errors and failed asserts propagate.

        Example: tester:setRethrowErrors(true)
        """
        self.rethrow = bool(rethrow)

    def setSummaryOnly(self, summaryOnly):
        """tester:setSummaryOnly(bool): report the counts without the messages.

        Example: tester:setSummaryOnly(true)
        """
        self.summaryOnly = bool(summaryOnly)

    # ---- recording ---------------------------------------------------------------

    def _append(self, table, text):
        table[table.length() + 1] = text

    def _debug_info(self, message):
        from th.torch.luaside import where
        name = self._currentTestName
        return (name + "\n" if name != "" else "") + message + "\n" + where()

    def _success(self):
        name = self._currentTestName
        self.assertionPass[name] = self.assertionPass.get(name, 0) + 1
        return True

    def _failure(self, message):
        if self.rethrow:
            raise RuntimeError(message)
        name = self._currentTestName
        self.assertionFail[name] = self.assertionFail.get(name, 0) + 1
        self._append(self.errors, self._debug_info(message))
        return False

    def _warning(self, message):
        name = self._currentTestName
        self._warningCount[name] = self._warningCount.get(name, 0) + 1
        self._append(self.warnings, self._debug_info(message))

    def _assert_sub(self, condition, message):
        return self._success() if condition else self._failure(message)

    # ---- asserts -------------------------------------------------------------------

    def assert_(self, condition=None, *args):
        """tester:assert(condition [, message]): a boolean that must be true.

        Example: tester:assert(x:dim() == 2, 'x is a matrix')
        """
        from th.torch.luaside import tostring
        message = _message(*args)
        if not isinstance(condition, bool):
            self._warning(" :assert should only be used for boolean conditions. To check "
                          "for non-nil variables, do this explicitly: Tester:assert(var ~= "
                          "nil).")
        return self._assert_sub(condition is not None and condition is not False,
                                f"{message}BOOL violation condition={tostring(condition)}")

    def assertGeneralEq(self, got, expected, *args):
        """tester:assertGeneralEq(got, expected [, tolerance] [, message]): deep
        equality of numbers, strings, tensors, storages and tables (within tolerance).

        Example: tester:assertGeneralEq({1, {2}}, {1, {2}})
        """
        return self._eq_or_ne(got, expected, False, *args)

    def eq(self, got, expected, *args):
        """tester:eq(got, expected [, tolerance] [, message]): assertGeneralEq.

        Example: tester:eq(torch.ones(2), torch.Tensor({1, 1}))
        """
        return self._eq_or_ne(got, expected, False, *args)

    def assertGeneralNe(self, got, unexpected, *args):
        """tester:assertGeneralNe(got, unexpected [, tolerance] [, message]): the negation
        of assertGeneralEq.

        Example: tester:assertGeneralNe({1}, {2})
        """
        return self._eq_or_ne(got, unexpected, True, *args)

    def ne(self, got, unexpected, *args):
        """tester:ne(got, unexpected [, tolerance] [, message]): assertGeneralNe.

        Example: tester:ne(1, 2)
        """
        return self._eq_or_ne(got, unexpected, True, *args)

    def _eq_or_ne(self, got, expected, negate, *args):
        tolerance, message = _tolerance_and_message(0, *args)
        success, sub = are_eq(got, expected, tolerance, negate)
        return self._assert_sub(success, message + (sub or ""))

    def assertlt(self, a, b, *args):
        """tester:assertlt(a, b [, message]): a < b. Example: tester:assertlt(1, 2)"""
        return self._ordered(a < b, a, b, "LT failed", ">=", args)

    def assertgt(self, a, b, *args):
        """tester:assertgt(a, b [, message]): a > b. Example: tester:assertgt(2, 1)"""
        return self._ordered(a > b, a, b, "GT failed", "<=", args)

    def assertle(self, a, b, *args):
        """tester:assertle(a, b [, message]): a <= b. Example: tester:assertle(1, 1)"""
        return self._ordered(a <= b, a, b, "LE failed", ">", args)

    def assertge(self, a, b, *args):
        """tester:assertge(a, b [, message]): a >= b. Example: tester:assertge(1, 1)"""
        return self._ordered(a >= b, a, b, "GE failed", "<", args)

    def asserteq(self, a, b, *args):
        """tester:asserteq(a, b [, message]): a == b (Lua's ==). Example: tester:asserteq(2, 2)"""
        return self._ordered(_lua_eq(a, b), a, b, "EQ failed", "~=", args)

    def assertne(self, a, b, *args):
        """tester:assertne(a, b [, message]): a ~= b (Lua's ~=). Example: tester:assertne(1, 2)"""
        from th.torch.luaside import lua_type
        if lua_type(a) == lua_type(b) == "table" or lua_type(a) == "userdata":
            self._warning(" :assertne should only be used to compare basic lua objects "
                          "(numbers, booleans, etc). Consider using either :assertGeneralNe "
                          "or :assert(a ~= b).")
        return self._ordered(not _lua_eq(a, b), a, b, "NE failed", "==", args)

    def _ordered(self, ok, a, b, what, opposite, args):
        from th.torch.luaside import tostring
        message = _message(*args)
        return self._assert_sub(ok, f"{message}{what}: {tostring(a)} {opposite} "
                                    f"{tostring(b)}")

    def assertalmosteq(self, a, b, *args):
        """tester:assertalmosteq(a, b [, tolerance=1e-16] [, message]): |a - b| <= tolerance.

        Example: tester:assertalmosteq(0.1 + 0.2, 0.3, 1e-12)
        """
        from th.torch.luaside import tostring
        tolerance, message = _tolerance_and_message(1e-16, *args)
        return self._assert_sub(abs(a - b) <= tolerance,
                                f"{message}ALMOST_EQ failed: {tostring(a)} ~= {tostring(b)} "
                                f"with tolerance={tostring(tolerance)}")

    def assertTensorEq(self, ta, tb, *args):
        """tester:assertTensorEq(a, b [, tolerance=0] [, message]): same type, same
        number of elements, max |a - b| <= tolerance.

        Example: tester:assertTensorEq(torch.ones(2), torch.Tensor({1, 1}), 1e-12)
        """
        return self._tensor_eq_or_ne(ta, tb, False, *args)

    def assertTensorNe(self, ta, tb, *args):
        """tester:assertTensorNe(a, b [, tolerance=0] [, message]): the negation of
        assertTensorEq. Example: tester:assertTensorNe(torch.ones(2), torch.zeros(2))
        """
        return self._tensor_eq_or_ne(ta, tb, True, *args)

    def _tensor_eq_or_ne(self, ta, tb, negate, *args):
        from th.torch.tensor import Tensor
        if not isinstance(ta, Tensor):
            raise AssertionError("First argument should be a Tensor")
        if not isinstance(tb, Tensor):
            raise AssertionError("Second argument should be a Tensor")
        tolerance, message = _tolerance_and_message(0, *args)
        success, sub = are_tensors_eq(ta, tb, tolerance, negate,
                                      self._assertTensorEqIgnoresDims)
        if self._assertTensorEqIgnoresDims and not negate and success and \
                ta._size != tb._size:
            self._warning("Tensors have the same content but different dimensions. For "
                          "backwards compatibility, they are considered equal, but this "
                          "may change in the future. Consider using :eq to check for "
                          "equality instead.")
        return self._assert_sub(success, message + (sub or ""))

    def assertTableEq(self, ta, tb, *args):
        """tester:assertTableEq(a, b [, tolerance] [, message]): deep table equality.

        Example: tester:assertTableEq({1, 2}, {1, 2})
        """
        return self._table_eq_or_ne(ta, tb, False, *args)

    def assertTableNe(self, ta, tb, *args):
        """tester:assertTableNe(a, b [, tolerance] [, message]): tables that differ.

        Example: tester:assertTableNe({1, 2}, {1, 3})
        """
        return self._table_eq_or_ne(ta, tb, True, *args)

    def _table_eq_or_ne(self, ta, tb, negate, *args):
        from th.torch.luaside import lua_type
        if lua_type(ta) != "table":
            raise AssertionError("First argument should be a Table")
        if lua_type(tb) != "table":
            raise AssertionError("Second argument should be a Table")
        return self._eq_or_ne(ta, tb, negate, *args)

    def assertError(self, f, *args):
        """tester:assertError(f [, message]): calling f raises an error.

        Example: tester:assertError(function() error('x') end)
        """
        return self.assertErrorObj(f, lambda err: True, *args)

    def assertNoError(self, f, *args):
        """tester:assertNoError(f [, message]): calling f raises no error.

        Example: tester:assertNoError(function() return 1 end)
        """
        from th.torch.luaside import protected_call, tostring
        message = _message(*args)
        ok, err = protected_call(f)
        return self._assert_sub(ok, f"{message}ERROR violation: err="
                                    f"{tostring(None if ok else err)}")

    def assertErrorMsg(self, f, errmsg, *args):
        """tester:assertErrorMsg(f, msg [, message]): f raises exactly the error msg.

        Example: tester:assertErrorMsg(function() error('x', 0) end, 'x')
        """
        return self.assertErrorObj(f, lambda err: _lua_eq(err, errmsg), *args)

    def assertErrorPattern(self, f, pattern, *args):
        """tester:assertErrorPattern(f, pattern [, message]): f raises an error whose
        message matches the Lua pattern.

        Example: tester:assertErrorPattern(function() error('bad size') end, 'size')
        """
        from th.torch.luaside import lua_find, tostring
        return self.assertErrorObj(f, lambda err: lua_find(tostring(err), pattern), *args)

    def assertErrorObj(self, f, errcomp, *args):
        """tester:assertErrorObj(f, errcomp [, message]): f raises an error object for
        which errcomp(err) is true.

        Example: tester:assertErrorObj(function() error({code = 2}) end, function(e) return e.code == 2 end)
        """
        from th.torch.luaside import protected_call, tostring
        message = _message(*args)
        ok, err = protected_call(f)
        result = None if ok else err
        passed = not ok and errcomp(result) not in (None, False)
        return self._assert_sub(passed, f"{message}ERROR violation: err={tostring(result)}")

    # ---- collecting --------------------------------------------------------------------

    def add(self, f, name=None):
        """tester:add(f, name) / tester:add(suite): add a test function or every
        function of a TestSuite (or plain table); returns the tester.

        Example: tester:add(function() tester:assert(true) end, 'trivial')
        """
        from th.torch.luaside import lua_type
        if lua_type(f) == "table":
            if name is not None:
                raise AssertionError("Name parameter is forbidden for a table of tests, "
                                     "since its use is ambiguous")
            if f.get("__isTestSuite"):
                f = f.get("__tests")
            else:
                self._warning("Should use TestSuite rather than plain lua table")
            for key, v in list(f.items()):
                if lua_type(v) == "table":
                    raise AssertionError("Nested sets of tests are not supported")
                self.add(v, key)
            return self
        if lua_type(f) != "function":
            raise AssertionError("Only tables of functions and functions supported")
        if name == "_setUp":
            if self._setUp is not None:
                raise AssertionError("Only one set-up function allowed")
            self._setUp = f
        elif name == "_tearDown":
            if self._tearDown is not None:
                raise AssertionError("Only one tear-down function allowed")
            self._tearDown = f
        else:
            name = "unknown" if name is None else name
            if self.tests.get(name) is not None:
                raise RuntimeError(f"Test with name {name} already exists!")
            self.tests[name] = f
        return self

    def disable(self, names):
        """tester:disable(name | {names}): skip these tests (reported as disabled).

        Example: tester:disable('slowTest')
        """
        for name in ([names] if isinstance(names, str) else _values(names)):
            if self.tests.get(name) is None:
                raise AssertionError(f"Unrecognized test '{name}'")
            self.disabledTests[name] = True
        return self

    # ---- running ---------------------------------------------------------------------

    def run(self, names=None):
        """tester:run([name | {names}]): run all tests (or those whose names match the
        Lua patterns), print each result and the report; an error if any failed.

        Example: tester:run()
        """
        tests = self._get_tests(names)
        self.assertionPass = {name: 0 for name in tests}
        self.assertionFail = {name: 0 for name in tests}
        self.testError = {name: 0 for name in tests}
        for name in tests:
            self._warningCount[name] = 0
        self._run(tests)
        self._report(tests)
        if any(self.assertionFail[n] or self.testError[n] for n in tests):
            raise RuntimeError("An error was found while running tests!")
        return 0

    def _get_tests(self, names):
        from th.torch.luaside import lua_find
        if names is None:
            return dict(self.tests.items())
        tests = {}
        for pattern in ([names] if isinstance(names, str) else _values(names)):
            matching = [n for n, _ in self.tests.items()
                        if isinstance(n, str) and lua_find(n, pattern)]
            if not matching:
                raise AssertionError(f"Couldn't find test '{pattern}'")
            for n in matching:
                tests[n] = self.tests.get(n)
        return tests

    def _colours(self):
        from th.torch.luaside import get_global
        if get_global("arg") is None:
            return None
        from th.sys import COLORS
        return COLORS

    def _run(self, tests):
        from th.torch.luaside import flush, write
        colors = self._colours()

        def coloured(text, colour):
            return text if colors is None else colors.get(colour) + text + colors.get("none")
        ntests = len(tests)
        width = len(str(ntests))
        counter_width = width * 2 + 2
        write("Running " + _pluralize(ntests, "test") + "\n")
        for i, (name, fn) in enumerate(tests.items(), 1):
            self._currentTestName = name
            label = str(name)
            start = (coloured(f"{i:>{width}}/{ntests} ", "cyan") + label + " " +
                     "." * max(NCOLS - 6 - 2 - counter_width - len(label), 0) + " ")
            write(start + "[" + coloured("WAIT", "cyan") + "]")
            flush()
            status, passed, skip = self._run_one(name, fn)
            write("\r")
            write(start)
            if skip:
                write("[" + coloured("SKIP", "yellow") + "]")
            elif not status:
                self.testError[name] = 1
                write("[" + coloured("ERROR", "magenta") + "]")
            elif not passed:
                write("[" + coloured("FAIL", "red") + "]")
            else:
                write("[" + coloured("PASS", "green") + "]")
                if self._warningCount.get(name, 0) > 0:
                    write("\n" + " " * (NCOLS - 10))
                    write("[" + coloured("+warning", "yellow") + "]")
            write("\n")
            flush()
            if self.earlyAbort and i < ntests and (not status or not passed) and not skip:
                write("Aborting on first error, not all tests have been executed\n")
                break

    def _run_one(self, name, fn):
        """(status, passed, skipped) of one test, set-up and tear-down around it."""
        from th.torch.luaside import protected_call
        if self.disabledTests.get(name):
            return True, True, True
        if self._setUp is not None:
            self._setUp(name)
        errors_before = self.errors.length()
        if self.rethrow:
            fn()
            status = True
        else:
            status, result = protected_call(fn, traceback=True)
            if not status:
                self._append(self.errors, f"{name}\n Function call failed\n{result}\n")
        passed = status and errors_before == self.errors.length()
        if self._tearDown is not None:
            self._tearDown(name)
        return status, passed, False

    def _report(self, tests):
        from th.torch.luaside import write
        colors = self._colours()

        def coloured(text, colour):
            return text if colors is None else colors.get(colour) + text + colors.get("none")
        nfailures = sum(1 for n in tests if self.assertionFail[n] > 0)
        nerrors = sum(1 for n in tests if self.testError[n] > 0)
        nwarnings = sum(1 for n in tests if self._warningCount.get(n, 0) > 0)
        nwarnings += self._warningCount.get("", 0)
        nskipped = sum(1 for n in tests if self.disabledTests.get(n))
        self.countasserts = sum(self.assertionFail[n] + self.assertionPass[n] for n in tests)
        write("Completed " + _pluralize(self.countasserts, "assert"))
        write(" in " + _pluralize(len(tests), "test") + " with ")
        write(coloured(_pluralize(nfailures, "failure"), "green" if nfailures == 0 else "red"))
        write(" and ")
        write(coloured(_pluralize(nerrors, "error"), "green" if nerrors == 0 else "magenta"))
        if nwarnings > 0:
            write(" and " + coloured(_pluralize(nwarnings, "warning"), "yellow"))
        if nskipped > 0:
            write(" and " + coloured(f"{nskipped} disabled", "yellow"))
        write("\n")
        if self.summaryOnly:
            return
        dashes = "-" * NCOLS + "\n"
        sections = [v for _, v in self.errors.items()] + [v for _, v in self.warnings.items()]
        if sections:
            write(dashes)
        for text in sections:
            write(text + "\n")
            write(dashes)


def _values(table):
    """The array values of a Lua table (or a Python sequence)."""
    if hasattr(table, "to_list"):
        return table.to_list()
    if isinstance(table, (list, tuple)):
        return list(table)
    raise AssertionError("Only accept a name or table of test names (or nil for all tests)")


# ---- equality checks (Torch7's `check` helpers) --------------------------------------------

def are_eq(got, expected, tolerance, negate):
    """(success, failure message or None) for deep equality of two Lua values."""
    from th.torch.luaside import lua_type, tostring
    tg, te = lua_type(got), lua_type(expected)
    if tg != te:
        return negate, (None if negate else f"EQ failed: values have different types "
                                            f"(first: {tg}, second: {te})")
    if tg == "number":
        ok = abs(got - expected) <= tolerance
        if negate:
            ok = not ok
        if ok:
            return True, None
        sign = "==" if negate else "~="
        text = f"{'NE' if negate else 'EQ'} failed: {tostring(got)} {sign} {tostring(expected)}"
        if tolerance > 0:
            text += " with tolerance=" + tostring(tolerance)
        return False, text
    if te == "table":
        return are_tables_eq(got, expected, tolerance, negate)
    from th.torch.storage import Storage
    from th.torch.tensor import Tensor
    if isinstance(got, Tensor):
        return are_tensors_eq(got, expected, tolerance, negate)
    if isinstance(got, Storage):
        return are_storages_eq(got, expected, tolerance, negate)
    ok = _lua_eq(got, expected)
    if negate:
        ok = not ok
    if ok:
        return True, None
    sign = "==" if negate else "~="
    return False, (f"{'NE' if negate else 'EQ'} failed: {tostring(got)} ({tg}) {sign} "
                   f"{tostring(expected)} ({te})")


def are_tensors_eq(ta, tb, tolerance, negate, ignore_dims=False):
    """Tensor equality: same type, same size (or element count), max |a-b| <= tolerance."""
    if not ignore_dims and len(ta._size) != len(tb._size):
        return negate, "The tensors have different dimensions"
    if ta.__typename__ != tb.__typename__:
        return negate, "The tensors have different types"
    if not ta._size and not tb._size:
        return not negate, "Both tensors are empty"
    same = ta.nElement() == tb.nElement() if ignore_dims else ta._size == tb._size
    if not same:
        return negate, "The tensors have different sizes"
    return _same_format_eq(ta, tb, tolerance, negate, "Tensor")


def are_storages_eq(sa, sb, tolerance, negate):
    """Storage equality: same size and type, max |a-b| <= tolerance."""
    if sa.size() != sb.size():
        return negate, "The storages have different sizes"
    if sa.__typename__ != sb.__typename__:
        return negate, "The storages have different types"
    cls = sa._type.tensor_class
    return _same_format_eq(cls(sa), cls(sb), tolerance, negate, "Storage")


def _same_format_eq(ta, tb, tolerance, negate, prefix):
    from th.torch.luaside import tostring
    if ta.__typename__ in ("torch.ByteTensor", "torch.CharTensor", "torch.ShortTensor",
                           "torch.HalfTensor"):
        ta, tb = ta.double(), tb.double()     # (they have no abs in Torch7)
    diff = ta.clone().add(-1, tb).abs()
    err = diff.max() if diff.nElement() else 0
    ok = err <= tolerance                 # (a NaN difference is a failure)
    if negate:
        ok = not ok
    if ok:
        return True, None
    violation = "NE(==)" if negate else "EQ(==)"
    return False, (f"{prefix}{violation} violation: max diff={tostring(err)}, "
                   f"tolerance={tostring(tolerance)}")


def are_tables_eq(t1, t2, tolerance, negate):
    """Deep (breadth-first) table equality; the message names the first difference."""
    from th.torch.luaside import lua_type, tostring
    queue = [(t1, t2, None)]
    while queue:
        a, b, location = queue.pop(0)

        def sub(key):
            return tostring(key) if location is None else f"{location}.{tostring(key)}"
        for key, v1 in a.items():
            v2 = b.get(key)
            if v2 is None:
                return negate, (f"Entry {sub(key)} missing in second table (is "
                                f"{tostring(v1)} in first)")
            if lua_type(v1) == "table" and lua_type(v2) == "table":
                queue.append((v1, v2, sub(key)))
            else:
                ok, message = are_eq(v1, v2, tolerance, False)
                if not ok:
                    return negate, f"At table location {sub(key)}: {message}"
        for key, v2 in b.items():
            if a.get(key) is None:
                return negate, (f"Entry {sub(key)} missing in first table (is "
                                f"{tostring(v2)} in second)")
    return not negate, "The tables are equal"


# ---- TestSuite -----------------------------------------------------------------------------

def TestSuite():
    """torch.TestSuite(): a table of test functions for tester:add; defining a name
    twice, or a member that is not a function, is an error.

    Example: tests = torch.TestSuite(); function tests.sum() tester:eq(1 + 1, 2) end
    """
    from th.torch.luaside import LuaTable, lua_type, tostring
    tests = LuaTable()
    suite = LuaTable()
    suite["__tests"] = tests
    suite["__isTestSuite"] = True

    def index(_, key):
        return tests.get(key)

    def newindex(_, key, value):
        if tests.get(key) is not None:
            raise RuntimeError(f"Test {tostring(key)} is already defined.")
        if lua_type(value) != "function":
            if lua_type(value) == "table":
                raise RuntimeError("Nested tables of tests are not supported")
            raise RuntimeError("Only functions are supported as members of a TestSuite")
        tests[key] = value
    meta = LuaTable()
    meta["__index"] = index
    meta["__newindex"] = newindex
    suite.metatable = meta
    return suite
