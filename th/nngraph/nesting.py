"""Tensors and (nested) tables of tensors handled alike: how gModule sums gradients.

A node whose output feeds several others receives one gradOutput per consumer; gModule
adds them into the node's gradOutputBuffer, which has the same nesting as the output
(a tensor, or a table of tensors and tables). Imports th.torch and th.lua only.
"""
from th.lua.table import LuaTable
from th.torch.errors import TorchError
from th.torch.tensor import Tensor


def _pairs(value):
    if type(value) is LuaTable:
        return list(value.items())
    return list(enumerate(value, 1))


def _get(value, key):
    if type(value) is LuaTable:
        return value.get(key)
    return value[key - 1] if type(key) is int and 0 < key <= len(value) else None


def clone_nested(value):
    """A copy of a tensor, or of a table of tensors (nesting kept)."""
    if isinstance(value, Tensor):
        return value.clone()
    return LuaTable.from_dict({k: clone_nested(v) for k, v in _pairs(value)})


def resize_nested_as(output, input):
    """Resize output's tensors to input's; add missing entries, drop extra ones."""
    if isinstance(output, Tensor):
        output.resizeAs(input)
        return
    for k, v in _pairs(input):
        if output.get(k) is None:
            output[k] = clone_nested(v)
        else:
            resize_nested_as(output[k], v)
    for k, _ in _pairs(output):
        if _get(input, k) is None:
            output[k] = None


def copy_nested(output, input):
    """Copy input's tensors into output's (same nesting)."""
    if isinstance(output, Tensor):
        output.copy(input)
        return
    for k, v in _pairs(input):
        copy_nested(output[k], v)
    for k, _ in _pairs(output):
        if _get(input, k) is None:
            raise TorchError(f"key {k} present in output but not in input")


def add_nested_to(output, input):
    """output += input, tensor by tensor (same nesting)."""
    if isinstance(output, Tensor):
        output.add(input)
        return
    for k, v in _pairs(input):
        if output.get(k) is None:
            raise TorchError("missing key")
        add_nested_to(output[k], v)
