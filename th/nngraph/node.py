"""nngraph.Node: a module (or a data step) in a graph, and how calling a module makes one.

After `require 'nngraph'`, `nn.Linear(10, 20)(h)` returns a new Node whose data is
`{module = <the Linear>}` and whose children are its inputs (here h): graphs are built
backwards, from the outputs down to the inputs, and nn.gModule turns them around.
A node's `data` table holds what gModule reads and writes:
  module          the module the node runs (absent in pure data nodes)
  mapindex        its inputs' data tables, in call order, and data -> position
  reverseMap      the nodes that take this one as an input (to find dangling ones)
  annotations     name, description, graphAttributes and _debugLabel ("[chunk]:line_")
  input, gradOutput, gradOutputBuffer, forwardNodeId   (set by gModule)
  selectindex, nSplitOutputs                           (set by node:split)
The label (node:label()) is Torch7's text of these fields for the dot export.
"""
import os
import sys

import numpy as np

from th.lua import errors as lua_errors
from th.lua.runtime import tostring
from th.lua.table import LuaTable
from th.nngraph import graph
from th.torch.errors import TorchError
from th.torch.tensor import Tensor


def data_table(data):
    """A node's data as a Lua table (Python callers may pass a dict)."""
    if data is None:
        return LuaTable()
    if isinstance(data, dict):
        return LuaTable.from_dict(data)
    return data


class Node(graph.Node):
    """nngraph.Node(data): a node of a module graph; calling a module on nodes makes one.

    `nn.Identity()()` is an input placeholder, `nn.Linear(10, 20)(h)` a node fed by h,
    `nn.CAddTable()({h1, h2})` one with two inputs; nn.gModule({inputs}, {outputs})
    makes a module of the graph. node:split(n) and node:annotate{...} return nodes too.
    Example: x = nn.Identity()(); h = nn.Tanh()(nn.Linear(3, 2)(x)); print(torch.typename(h))
    """

    __typename__ = "nngraph.Node"

    def __init__(self, data=None, *args):
        data = data_table(data)
        graph.Node.__init__(self, data)
        for key in ("annotations", "mapindex", "reverseMap"):
            if data.get(key) is None:
                data[key] = LuaTable()
        annotations = data["annotations"]
        if annotations.get("_debugLabel") is None:
            place, line, func = caller()
            annotations["_debugLabel"] = f"[{place}]:{line}_{func}"

    def add(self, child, domap=None):
        """node:add(input [, domap]): make input an input of node; with domap, also record
        its position (mapindex) and that node uses it (reverseMap).

        Example: n = nngraph.Node({module = nn.Tanh()}); n:add(x, true)
        """
        graph.Node.add(self, child)
        if domap:
            mapindex, source = self.data["mapindex"], child.data
            if mapindex.get(source) is not None:
                raise TorchError("Don't pass the same input twice.")
            mapindex.set(len(mapindex.arr) + 1, source)
            mapindex.set(source, len(mapindex.arr))
            users = source["reverseMap"]
            if users.get(self) is not None:
                raise TorchError("this connection has already been made!")
            users.set(self, True)
        return ()

    def split(self, noutput=None):
        """node:split(n): n nodes, the i-th giving element i of node's output (a table).

        Example: x = nn.Identity()(); a, b = nn.SplitTable(1)(x):split(2)
        """
        if type(noutput) not in (int, float) or noutput != int(noutput) or noutput < 1:
            raise TorchError("bad argument #1 to 'split' (number of outputs (1 or more) "
                             f"expected, got {tostring(noutput)})")
        noutput = int(noutput)
        if noutput == 1:
            from th.nngraph.modules import JustElement
            return connect(JustElement(), self)
        label = self.data["annotations"].get("_debugLabel")
        place, line, _ = caller()
        mnode = Node(LuaTable.from_dict({
            "nSplitOutputs": noutput,
            "annotations": LuaTable.from_dict(
                {"_debugLabel": f"{label} split at [{place}]:{line}-mnode"})}))
        mnode.add(self, True)
        selected = []
        for i in range(1, noutput + 1):
            node = Node(LuaTable.from_dict({
                "selectindex": i, "input": LuaTable(),
                "annotations": LuaTable.from_dict({"_debugLabel": f"{label}-{i}"})}))
            node.add(mnode, True)
            selected.append(node)
        return tuple(selected)

    def annotate(self, annotations):
        """node:annotate{name=, description=, graphAttributes={...}}: set annotations
        (shown by graph.dot); returns node.

        Example: h = nn.Linear(3, 2)(x):annotate{name = 'hidden', graphAttributes = {color = 'red'}}
        """
        if not isinstance(annotations, (LuaTable, dict)):
            from th.lua.runtime import lua_type
            raise TorchError("bad argument #1 to 'annotate' (table expected, got "
                             f"{lua_type(annotations)})")
        mine = self.data["annotations"]
        for k, v in annotations.items():
            mine[k] = v
        return self

    def graphNodeName(self):
        """node:graphNodeName(): 'Node<id>', or '<name> (<id>)' for an annotated name.

        Example: print(h:graphNodeName())
        """
        name = self.data["annotations"].get("name")
        if name is not None:
            return f"{tostring(name)} ({tostring(self.id)})"
        return f"Node{tostring(self.id)}"

    def graphNodeAttributes(self):
        """node:graphNodeAttributes(): the graphviz attributes of the node (its
        annotations' graphAttributes, with the debug label as tooltip).

        Example: print(h:graphNodeAttributes().tooltip)
        """
        annotations = self.data["annotations"]
        attributes = annotations.get("graphAttributes")
        if attributes is None:
            attributes = LuaTable()
            annotations["graphAttributes"] = attributes
        if attributes.get("tooltip") is None:
            attributes["tooltip"] = annotations.get("_debugLabel")
        return attributes

    def label(self):
        """node:label(): the node's fields as the dot export shows them, one `key = value`
        per line (module, input sizes, ...), after its description.

        Example: print(h:label())
        """
        lines = []
        for key, value in self.data.items():
            if key == "mapindex":
                if len(value.arr) > 1:
                    ids = ",".join("Node" + tostring(d.get("forwardNodeId") or "")
                                   for d in value.arr)
                    lines.append(f"mapindex = {{{ids}}}")
            elif key not in ("forwardNodeId", "annotations"):
                lines.append(f"{tostring(key)} = {describe(value)}")
        description = self.data["annotations"].get("description")
        head = f"desc = {tostring(description)}\\n" if description is not None else ""
        return head + "\\l".join(lines)

    def __sub__(self, nxt):
        # node - module: module(node) (nngraph's operator sugar).
        return call_with(nxt, self)


# ---- labels -------------------------------------------------------------------------------

def describe(value):
    """How a label shows a value: tensors by type and size, tables element by element."""
    if value is None or value is False:
        return ""
    if isinstance(value, Tensor):
        return _tensor_text(value)
    if graph.is_plain_table(value):
        parts = []
        for v in graph.table_items(value):
            if v is None:
                break
            parts.append(describe(v))
        return "{" + ",".join(parts) + "}"
    return tostring(value).replace("\n", "\\l")


def _tensor_text(t):
    from th import torch
    kind = t.type()
    if kind == torch.getdefaulttensortype():
        kind = "Tensor"
    return kind + "[" + "x".join(str(s) for s in t._size) + "]" + _nan_flag(t)


def _nan_flag(t):
    if t.nElement() == 0 or not t._type.is_float:
        return ""
    a = t._np()
    if np.isnan(a).any():
        return "NaN"
    if a.max() == np.inf:
        return "inf"
    if a.min() == -np.inf:
        return "-inf"
    return ""


# ---- calling a module with nodes --------------------------------------------------------

def connect(module, *args):
    """module(input) once nngraph is loaded: a new Node running module on its inputs.

    input is a node, a table of nodes, or nothing at all (an input placeholder).
    Example: h = nn.Linear(10, 20)(x)
    """
    if len(args) > 1:
        raise TorchError("Use {input1, input2} to pass multiple inputs.")
    inputs = args[0] if args else None
    if args and inputs is None:
        raise TorchError(expecting_node_message(None, "inputs", 1))
    if graph.is_plain_table(inputs) and _is_empty(inputs):
        raise TorchError("cannot pass an empty table of inputs. To indicate no incoming "
                         "connections, leave the second set of parens blank.")
    if graph.is_plain_table(inputs):
        items = lua_list(inputs)
    else:
        items = [inputs] if args else []       # m() has no inputs: a placeholder
    node = Node(LuaTable.from_dict({"module": module}))
    for i, source in enumerate(items, 1):
        if not isinstance(source, Node):
            raise TorchError(expecting_node_message(source, "inputs", i))
        node.add(source, True)
    return node


def call_with(fn, arg):
    """fn(arg) for the operator sugar: a module gets a node, anything callable is called."""
    from th.nn.module import Module
    if isinstance(fn, Module):
        return connect(fn, arg)
    if not callable(fn) or type(fn) is LuaTable:
        from th.lua.runtime import lua_type
        raise TorchError(f"attempt to call a {lua_type(fn)} value")
    return fn(arg)


def expecting_node_message(bad, array, idx):
    """nngraph's message for something that is not a node where a node was expected."""
    if bad is None:
        return f"{array}[{idx}] is nil (typo / bad index?)"
    from th.nn.module import Module
    if isinstance(bad, Module):
        return (f"{array}[{idx}] is an nn.Module, specifically a {type(bad).__typename__}, "
                "but the only valid thing to pass is an instance of nngraph.Node. Did you "
                "forget a second set of parens, which convert a nn.Module to a nngraph.Node?")
    from th.torch.classes import type_
    return f"{array}[{idx}] should be an nngraph.Node but is of type {type_(bad)}"


def lua_list(tbl):
    """t[1..table.maxn(t)] (holes as None): how nngraph reads a table of nodes."""
    if type(tbl) is not LuaTable:
        return list(tbl)
    top = max([len(tbl.arr)] + [k for k in tbl.hash if type(k) is int and k > 0])
    return [tbl.get(i) for i in range(1, top + 1)]


def _is_empty(tbl):
    if type(tbl) is LuaTable:
        return tbl.next(None) is None
    return len(tbl) == 0


# ---- where the user's Lua code is ---------------------------------------------------------

def caller():
    """(chunk, line, function) of the innermost Lua code running, as Lua's short_src,
    currentline and name; for Python callers, the first frame outside th."""
    for frame in lua_errors.lua_frames(1):
        chunk = lua_errors.chunk_of(frame.f_code)
        line, _ = lua_errors.frame_position(frame)
        name = frame.f_code.co_name
        return chunk.name, line, "" if name.startswith("λ") else name
    frame = sys._getframe(1)
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame = frame.f_back
    if frame is None:
        return "?", 0, ""
    return frame.f_code.co_filename, frame.f_lineno, ""
