"""Fixtures for the console tests."""
import pytest


@pytest.fixture
def runtime():
    """A real Lua runtime (skips while the engine's Runtime is not there)."""
    try:
        from th.lua import Runtime
    except (ImportError, AttributeError):
        pytest.skip("th.lua.Runtime not available yet")
    return Runtime()
