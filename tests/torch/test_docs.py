"""Every Lua-visible name of the torch package has `?help` text: a Lua signature first,
then an example; `torch.__all__` lists exactly the Lua-visible names."""
import types

from th import torch
from th.torch.errors import signature_of
from th.torch.storage import Storage
from th.torch.tensor import Tensor

PYTHON_ONLY_METHODS = {"numpy", "tolist"}


def public_callables():
    for name in torch.__all__:
        v = getattr(torch, name)
        if callable(v):
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


def test_docstrings_start_with_the_lua_signature():
    # The signature is what `?name` shows first, and what "invalid arguments" expects.
    missing = [name for name, v in public_callables()
               if name.split(":")[-1] not in PYTHON_ONLY_METHODS
               and signature_of(v, None) is None]
    assert missing == []


def test_all_lists_lua_names_only():
    names = set(torch.__all__)
    assert {"Tensor", "DoubleTensor", "zeros", "randn", "class_", "manualSeed", "Timer",
            "CmdLine", "Tester", "TestSuite", "HalfTensor", "histc"} <= names
    assert not names & {"TensorBase", "TorchError", "from_numpy", "default_type",
                        "sigmoid_backward", "tanh_backward"}
    assert not any(isinstance(getattr(torch, n), types.ModuleType) for n in names)
    assert all(not n.startswith("_") for n in names)


def test_there_are_many_names():
    assert sum(1 for _ in public_callables()) > 250
