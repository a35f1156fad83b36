"""A class (nn.Linear) lists as Torch7's empty constructor table: `Linear : {...}`."""
from th.lua import Runtime
from th.repl.display import Printer


def test_package_listing_shows_classes_as_empty_tables(capsys):
    rt = Runtime()
    rt.require("nn")
    table = rt.execute("return {Linear = nn.Linear}")[0]
    Printer().print_new(table)
    assert capsys.readouterr().out == "{\n  Linear : {...}\n}\n"
