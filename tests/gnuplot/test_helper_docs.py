"""Every Lua-visible name of gnuplot, paths, sys and xlua has its ?help text."""
import inspect

import pytest

import th.gnuplot
import th.paths
import th.sys
import th.xlua

PACKAGES = {"gnuplot": th.gnuplot, "paths": th.paths, "sys": th.sys, "xlua": th.xlua}
XLUA_ADDITIONS = {"string.split": th.xlua._string_split, "string.tosymbol": th.xlua._string_tosymbol,
                  "table.splice": th.xlua._table_splice, "table.prune": th.xlua._table_prune}


def public_functions():
    for package, module in PACKAGES.items():
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value):
                yield f"{package}.{name}", value
    yield from XLUA_ADDITIONS.items()


@pytest.mark.parametrize("name, fn", list(public_functions()))
def test_docstring_has_signature_and_example(name, fn):
    doc = inspect.getdoc(fn)
    assert doc, f"{name} has no docstring"
    first = doc.splitlines()[0]
    # An alias (sys.dirname is paths.dirname, as in Torch7) shows its original's name.
    original = f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"
    assert first.startswith((name, original)), \
        f"{name}: first line should be its Lua signature: {first!r}"
    assert "Example:" in doc, f"{name}: no example"


def test_all_lists_only_existing_names():
    for module in PACKAGES.values():
        for name in module.__all__:
            assert hasattr(module, name)
