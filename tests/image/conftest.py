"""Fixtures for the image tests: headless display, a fresh screen, the default type.

Every test runs without a display (MPLBACKEND=Agg, no DISPLAY), image.display writes
its PNGs into tmp_path/plots, and the default tensor type is back to Double afterwards.
"""
import numpy as np
import pytest

from th import torch
from th.gnuplot import screen


@pytest.fixture(autouse=True)
def headless(monkeypatch, tmp_path):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TH_GNUPLOT_TERM", raising=False)
    monkeypatch.setenv("TH_PLOT_DIR", str(tmp_path / "plots"))
    monkeypatch.setattr(screen, "_screen", [None])
    yield
    torch.setdefaulttensortype("torch.DoubleTensor")


@pytest.fixture
def T():
    """A tensor from nested lists or an array; dtype picks the type (float64: Double)."""
    def make(values, dtype=np.float64):
        return torch.from_numpy(np.array(values, dtype=dtype))
    return make


@pytest.fixture
def rng():
    return np.random.default_rng(1234)
