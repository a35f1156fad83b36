"""trepl fidelity: classes list as empty constructor tables; xlua is preloaded."""
from th.lua import Runtime
from th.repl.display import Printer


def test_package_listing_shows_classes_as_empty_tables(capsys):
    rt = Runtime()
    rt.require("nn")
    table = rt.execute("return {Linear = nn.Linear}")[0]
    Printer().print_new(table)
    assert capsys.readouterr().out == "{\n  Linear : {...}\n}\n"


def test_string_split_works_before_xlua_is_named():
    # trepl preloaded xlua, whose string.split extends every string at once.
    from th.repl import environment
    from th.repl.display import Printer as _Printer
    rt = Runtime()
    environment.install(rt, _Printer())
    parts = rt.execute('return ("a,b"):split(",")')[0]
    assert parts.to_list() == ["a", "b"]
