"""Every Lua-visible name of the torch package has `?help` text with an example."""
import inspect

from th import torch
from th.torch.storage import Storage
from th.torch.tensor import Tensor


def public_callables():
    for name in dir(torch):
        v = getattr(torch, name)
        if not name.startswith("_") and callable(v) and not inspect.ismodule(v):
            yield f"torch.{name}", v
    for cls, prefix in ((Tensor, "t:"), (Storage, "s:")):
        for name in dir(cls):
            v = getattr(cls, name)
            if not name.startswith("_") and callable(v):
                yield prefix + name, v


def test_every_public_name_has_a_docstring_with_an_example():
    missing = [name for name, v in public_callables()
               if "Example" not in (getattr(v, "__doc__", None) or "")]
    assert missing == []


def test_there_are_many_names():
    assert sum(1 for _ in public_callables()) > 250
