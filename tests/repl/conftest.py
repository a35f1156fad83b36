"""Fixtures for the console tests."""
import pytest

from th.lua import Runtime


@pytest.fixture
def runtime():
    """A real Lua runtime."""
    return Runtime()
