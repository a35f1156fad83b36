"""nngraph changes what calling any nn module does, process-wide (as Torch7's did). Each
test here starts with nngraph loaded and ends by putting nn's own call back, so the
other suites of the same pytest run see nn as they expect."""
import pytest

import th.nngraph
from th.nngraph import calls


@pytest.fixture(autouse=True)
def nngraph_loaded():
    th.nngraph._install()
    yield
    calls.uninstall()
