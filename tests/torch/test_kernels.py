"""numba stays out of `import th.torch`, kernels load lazily, TH_DEBUG reports paths."""
import subprocess
import sys

from th import torch
from th.torch import kernels


def test_import_does_not_load_numba():
    code = ("import sys, th.torch as t; x = t.zeros(3, 3) + 1; print(x.sum()); "
            "print('numba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120).stdout.split()
    assert out == ["9.0", "False"]


def test_debug_reports_the_path(capsys, monkeypatch):
    monkeypatch.setattr(kernels, "DEBUG", 1)
    monkeypatch.setattr(kernels, "_reported", set())
    x = torch.ones(3)
    x.sigmoid()                                        # contiguous: the numba kernel
    torch.ones(30, 40).t().sigmoid()                   # strided: numpy
    err = capsys.readouterr().err
    assert "[th] sigmoid: numba path" in err and "[th] sigmoid: numpy path" in err
