"""The differential suite: every snippet of tests/lua/cases/*.lua prints the same in th
as in reference Lua 5.1 (see differential.py for the case format)."""
import pytest

from differential import all_cases, run_reference, run_th

pytest.importorskip("lupa.lua51")

CASES = all_cases()


@pytest.mark.parametrize("src, engine", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_snippet(src, engine):
    expected = run_reference(src, engine)
    assert run_th(src) == expected
