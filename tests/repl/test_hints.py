"""Did-you-mean hints (th/repl/hints.py) for the lecture's typos, on values built in Python."""
import types

from th.repl.hints import closest, error_hint, nil_hint, suggest_path

from repl_fakes import FakeRuntime


class Sequential:
    __lua_type__ = "table"

    def zeroGradParameters(self):
        pass

    def accGradParameters(self, x, y):
        pass

    def updateParameters(self, lr):
        pass

    def backward(self, x, y):
        pass


def lecture_globals():
    nn = types.ModuleType("nn")
    nn.Linear, nn.JoinTable, nn.Sequential = object, object, Sequential
    nn.__all__ = ["Linear", "JoinTable", "Sequential"]
    torch = types.ModuleType("torch")
    torch.ones, torch.zeros, torch.randn = print, print, print
    torch.__all__ = ["ones", "zeros", "randn"]
    lin = types.SimpleNamespace(weight=1, bias=2)
    return FakeRuntime(nn=nn, torch=torch, net=Sequential(), lin=lin)


def test_closest_prefers_a_case_only_difference():
    assert closest("linear", ["Linear", "LinearNoBias", "line"]) == "Linear"
    assert closest("one", ["ones", "zeros"]) == "ones"
    assert closest("zeroAccParameters", ["accGradParameters", "zeroGradParameters"]) == \
        "zeroGradParameters"
    assert closest("xyz", ["ones", "zeros"]) is None


def test_lecture_typos_get_the_real_name():
    rt = lecture_globals()
    cases = {
        ("nn.linear(5, 3)", "[string \"_RESULT={nn.linear(5, 3)}\"]:1: attempt to call field 'linear' (a nil value)"): "nn.Linear",
        ("torch.one(4)", "attempt to call field 'one' (a nil value)"): "torch.ones",
        ("Torch.zeros(3, 5)", "attempt to index global 'Torch' (a nil value)"): "torch.zeros",
        ("net:zeroAccParameters()", "attempt to call method 'zeroAccParameters' (a nil value)"): "net:zeroGradParameters",
        ("net:updateParameter(0.01)", "attempt to call method 'updateParameter' (a nil value)"): "net:updateParameters",
        ("net:backard(x, g)", "attempt to call method 'backard' (a nil value)"): "net:backward",
        ("Net:zeroGradParameters()", "attempt to index global 'Net' (a nil value)"): "net:zeroGradParameters",
        ("x = nn.joinTable(-1)", "attempt to call field 'joinTable' (a nil value)"): "nn.JoinTable",
    }
    for (source, message), fix in cases.items():
        assert error_hint(message, source, rt) == f"did you mean {fix}?", source


def test_a_package_called_as_a_function():
    hint = error_hint("attempt to call global 'gnuplot' (a table value)", "gnuplot(z)",
                      FakeRuntime())
    assert hint == "did you mean gnuplot.plot(...)?"


def test_no_hint_without_a_near_miss():
    rt = lecture_globals()
    assert error_hint("attempt to call global 'foo' (a nil value)", "foo()", rt) is None
    assert error_hint("attempt to compare number with nil", "1 < x", rt) is None


def test_a_nil_field_at_the_prompt():
    rt = lecture_globals()
    assert nil_hint("lin.Bias", rt) == "lin.Bias is nil; did you mean lin.bias?"
    assert nil_hint("lin.Weight ", rt) == "lin.Weight is nil; did you mean lin.weight?"
    assert nil_hint("x = lin.Bias", rt) is None


def test_unloaded_packages_are_suggested_without_loading_them():
    rt = FakeRuntime()
    assert suggest_path("Gnuplot.hist", rt) == "gnuplot.hist"
    assert rt.required == []


def test_hints_read_the_script_line(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text("require 'nn'\nlocal l = nn.linear(2, 3)\n")
    message = f"{script}:2: attempt to call field 'linear' (a nil value)"
    assert error_hint(message, None, lecture_globals()) == "did you mean nn.Linear?"


class Tensorish:
    """Python plumbing on a class: dunders and _helpers are not Lua names."""
    __typename__ = "torch.DoubleTensor"

    def __init__(self):
        self._type = "torch.DoubleTensor"      # a Lua-visible field (Torch7 has _type)

    def __len__(self):
        return 0

    def _storage_offset(self):
        return 0

    def size(self):
        return 0


def test_python_names_are_never_offered():
    rt = FakeRuntime(x=Tensorish())
    for source, name in [("x:__len()", "__len"), ("x:__init_subclas()", "__init_subclas"),
                         ("x:_storage_offse()", "_storage_offse"), ("x.__dic", "__dic")]:
        message = f"attempt to call method '{name}' (a nil value)"
        assert error_hint(message, source, rt) is None, source
        assert nil_hint(source.split("(")[0].replace(":", "."), rt) is None, source
    assert nil_hint("x._typ", rt) == "x._typ is nil; did you mean x._type?"
    assert nil_hint("x.__typenam", rt) == "x.__typenam is nil; did you mean x.__typename?"


def test_require_without_quotes():
    rt = FakeRuntime()
    lua_says = "[string \"require nn;\"]:1: '=' expected near 'nn'"
    assert error_hint(lua_says, "require nn;", rt) == "did you mean require 'nn'?"
    assert error_hint("[string \"require gnuplot\"]:1: '=' expected near 'gnuplot'",
                      "require gnuplot", rt) == "did you mean require 'gnuplot'?"
    assert error_hint("x.lua:2: '=' expected near 'optim'", "print(1)\nimport optim", rt) \
        == "did you mean import 'optim'?"
    nil_arg = ("[string \"_RESULT={require(nn)}\"]:1: bad argument #1 to 'require' "
               "(string expected, got nil)")
    assert error_hint(nil_arg, "require(nn)", rt) == "did you mean require 'nn'?"
    assert error_hint("[string \"x;\"]:1: '=' expected near ';'", "x;", rt) is None


def test_a_package_used_before_require():
    rt = FakeRuntime()          # gnuplot and nn are th's packages, not loaded here
    assert error_hint("attempt to index global 'nn' (a nil value)", "m = nn.Sequential()",
                      rt) == "nn is not loaded: require 'nn' first"
    assert nil_hint("gnuplot", rt) == "gnuplot is not loaded: require 'gnuplot' first"
    assert nil_hint("gnuplot.plot", rt) == "gnuplot is not loaded: require 'gnuplot' first"
    assert nil_hint("torch", rt) is None            # preloaded lazily: it loads when read
    assert error_hint("attempt to index global 'nn' (a nil value)", "nn.Linear",
                      lecture_globals()) is None    # loaded: some other problem
    assert rt.required == []
