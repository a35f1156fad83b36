"""Fixtures for the gnuplot tests: tensors, a fresh gnuplot state, figures to inspect.

Tensors come from th.torch (torch.from_numpy) when it offers that; until then from a
small stand-in offering what gnuplot uses (`__typename__`, numpy(), dim(), size()).
Every test runs headless (MPLBACKEND=Agg, no DISPLAY) with PNGs going to a tmp folder.
"""
import numpy as np
import pytest

import th.gnuplot as gnuplot
from th.gnuplot import figures, screen


class StandInTensor:
    """What gnuplot needs of a torch.DoubleTensor, over a numpy array."""
    __typename__ = "torch.DoubleTensor"

    def __init__(self, array):
        self.array = np.asarray(array, dtype=np.float64)

    def numpy(self):
        return self.array

    def dim(self):
        return self.array.ndim

    def size(self, d):
        return self.array.shape[d - 1]

    def nElement(self):
        return self.array.size


def _real_from_numpy():
    try:
        from th import torch
        return torch.from_numpy
    except (ImportError, AttributeError):
        return None


def make_tensor(values):
    """A tensor holding `values` (a real th.torch tensor when torch.from_numpy exists)."""
    array = np.array(values, dtype=np.float64)
    from_numpy = _real_from_numpy()
    return from_numpy(array) if from_numpy is not None else StandInTensor(array)


@pytest.fixture
def T():
    return make_tensor


@pytest.fixture(autouse=True)
def fresh_gnuplot(monkeypatch, tmp_path):
    """A new figure registry and a headless screen writing into tmp_path/plots."""
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TH_GNUPLOT_TERM", raising=False)
    monkeypatch.setenv("TH_PLOT_DIR", str(tmp_path / "plots"))
    monkeypatch.setattr(gnuplot, "_registry", figures.Registry())
    monkeypatch.setattr(screen, "_screen", [None])
    if _real_from_numpy() is None:
        monkeypatch.setattr(gnuplot, "_tensor_like", lambda array, like: StandInTensor(array))
    yield


def drawn(number=None):
    """The matplotlib Figure of gnuplot figure `number` (the current one), drawn offscreen."""
    registry = gnuplot._registry
    fig = registry.figures[number if number is not None else registry.current]
    drawing = figures.draw_offscreen(fig.plot, fig.settings, (6.4, 4.8))
    drawing.canvas.draw()        # draw for real: errors at draw time show, 3-D projects
    return drawing


@pytest.fixture
def current_axes():
    """A function returning the axes of the current figure as drawn."""
    return lambda number=None: drawn(number).axes[0]
