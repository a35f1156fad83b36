"""Help texts: every console global and every Lua library entry is documented and real."""
import io

from th.repl import environment
from th.repl.display import Printer
from th.repl.help import documentation, help_text, render
from th.repl.lua_docs import LUA_DOCS

CONSOLE_GLOBALS = ["print", "setprintlevel", "noColors", "who", "import", "print_new"]


def test_every_lua_docs_entry_names_a_real_value_and_has_an_example(runtime):
    environment.install(runtime, Printer(out=io.StringIO()))
    for name, text in LUA_DOCS.items():
        assert runtime.eval(name) is not None, name
        assert text.split("\n", 1)[0].startswith(name), name
        assert "\nExample: " in text, name


def test_console_globals_have_help_with_examples(runtime):
    environment.install(runtime, Printer(out=io.StringIO()))
    for name in CONSOLE_GLOBALS:
        doc = documentation(runtime.globals[name], name, runtime)
        assert doc and "Example" in doc, name


def test_library_functions_are_found_by_identity(runtime):
    environment.install(runtime, Printer(out=io.StringIO()))
    runtime.execute("fmt = string.format")
    assert help_text("fmt", runtime).split("\n")[1] == "string.format(formatstring, ...)"


def test_pages_are_laid_out_between_rules():
    page = render("f(x)\n\nDoes f.\n\nExample: f(1)\n   f(2)")
    assert page.split("\n") == ["+" * 69, "f(x)", "", "Does f.", "", "Example: f(1)",
                                "   f(2)", "+" * 69, ""]


def test_help_loads_a_registered_package_for_the_occasion(runtime):
    environment.install(runtime, Printer(out=io.StringIO()))
    assert runtime.globals["optim"] is None
    assert "optim.sgd" in help_text("optim.sgd", runtime)


def test_a_standard_library_lists_its_functions(runtime):
    page = help_text("string", runtime)
    assert page.splitlines()[1] == "string: Lua's string library"
    assert "   string.format(formatstring, ...)" in page.splitlines()
    page = help_text("debug", runtime)
    assert "   debug.traceback([thread,] [message [, level]])" in page.splitlines()
    assert "Example: ?debug.debug" in page
