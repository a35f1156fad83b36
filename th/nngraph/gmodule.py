"""nn.gModule: a module made of a directed acyclic graph of modules (nngraph's container).

    x = nn.Identity()()
    h = nn.Tanh()(nn.Linear(10, 20)(x))
    net = nn.gModule({x}, {nn.Linear(20, 1)(h)})

The nodes are built backwards (each node lists its inputs as children), so the
constructor adds a dummy output node over the outputs (`outnode`) and a dummy input node
under the inputs (`innode`, split into one node per input when there are several), and
keeps two graphs sharing the nodes' data tables: `bg` as built (outputs to inputs, the
order of backward) and `fg` reversed (inputs to outputs, the order of forward).
`forwardnodes` and `backwardnodes` are their topological orders, and `modules` lists
the nodes' modules in forward order (so parameters() and getParameters() follow it).

Forward stores each node's inputs in node.data.input (by the positions in mapindex) and
runs its module; backward gathers in node.data.gradOutput one gradient per consumer and
sums them (node.data.gradOutputBuffer), which is how a node used twice gets the sum of
its gradients. All of it is Torch7's layout, so Lua code that walks `g.forwardnodes`
reads what it read in Torch7.
"""
from th.lua.runtime import first, tostring
from th.lua.table import LuaTable
from th.nn import arrays
from th.nn.containers import Container
from th.nn.module import recursive_type
from th.nngraph import debugging, nesting
from th.nngraph.graph import is_plain_table
from th.nngraph.node import Node, expecting_node_message, lua_list
from th.torch.errors import TorchError


class gModule(Container):
    """nn.gModule({inputs}, {outputs}): a module running a graph of nngraph nodes.

    inputs and outputs are tables of nodes; forward takes a tensor (one input) or a
    table of them, and returns a tensor (one output) or a table. Fields: fg and bg
    (forward and backward graphs), forwardnodes, backwardnodes, innode, outnode, modules.
    Example: x = nn.Identity()(); net = nn.gModule({x}, {nn.Tanh()(nn.Linear(3, 2)(x))}); print(net:forward(torch.ones(3)))
    """

    __typename__ = "nn.gModule"

    def __init__(self, inputs=None, outputs=None):
        Container.__init__(self)
        inputs = _nodes(inputs, "inputs", 1)
        outputs = _nodes(outputs, "outputs", 2)
        outnode = Node(LuaTable.from_dict({"input": LuaTable()}))
        for node in outputs:
            outnode.add(node, True)
        innode = Node(LuaTable.from_dict({"input": LuaTable()}))
        _attach_inputs(innode, inputs)
        self.bg = outnode.graph()
        self.fg = first(self.bg.reverse())
        self.innode = _forward_innode(self.fg, innode)
        self.outnode = outnode
        self.verbose = False
        self.nInputs = len(inputs)
        self.forwardnodes = first(self.fg.topsort())
        self.backwardnodes = first(self.bg.topsort())
        self._check_and_collect()
        self.output = outnode.data["input"] if len(outputs) > 1 else None
        self.gradInput = None

    def _check_and_collect(self):
        # Every split output and every node built on a graph node must be used, then the
        # modules are collected in forward order.
        nodes = self.forwardnodes.arr
        position = {id(node.data): i for i, node in enumerate(nodes)}
        for i, node in enumerate(nodes):
            data = node.data
            nsplit = data.get("nSplitOutputs")
            if nsplit is not None and nsplit != len(node.children.arr):
                unused = nsplit - len(node.children.arr)
                raise TorchError(f"{unused} of split({nsplit}) outputs from the node declared "
                                 f"at {_debug_label(node)} are unused")
            for user, _ in data["reverseMap"].items():
                if position.get(id(user.data), -1) <= i:
                    raise TorchError(f"node declared on {_debug_label(user)} does not "
                                     "connect to gmodule output")
            data["forwardNodeId"] = node.id
            if data.get("module") is not None:
                self.add(data["module"])

    # ---- forward --------------------------------------------------------------------

    def updateOutput(self, input):
        return self.runForwardFunction("updateOutput", input)

    def runForwardFunction(self, func, input):
        """g:runForwardFunction(f, input): run f(module, input) (or the method named f)
        through the graph in forward order; returns the output.

        Example: out = net:runForwardFunction('updateOutput', torch.ones(3))
        """
        run = _method_runner(func)
        inputs = self._input_list(input)
        for node in self.forwardnodes.arr:
            _clear(node.data.get("input"))
        start = _field_table(self.innode, "input")
        for i, item in enumerate(inputs, 1):
            start[i] = item
        self._run(self.forwardnodes, _forward_node, run)
        self.output = self.outnode.data["input"]
        if len(self.outnode.children.arr) == 1:
            self.output = self.output[1]
        return self.output

    def _input_list(self, input):
        n = self.__dict__.get("nInputs") or len(self.innode.children.arr)
        if n <= 1:
            inputs = [input] if input is not None else []
        elif not is_plain_table(input):
            raise TorchError(f"expecting table of {n} inputs")
        else:
            inputs = arrays.items(input)
        if len(inputs) != n:
            raise TorchError(f"Got {len(inputs)} inputs instead of {n}")
        return inputs

    # ---- backward -------------------------------------------------------------------

    def updateGradInput(self, input, gradOutput):
        self._check_grad_outputs(gradOutput)
        for node in self.backwardnodes.arr:
            _clear(node.data.get("gradOutput"))
        _field_table(self.outnode, "gradOutput")[1] = gradOutput
        self._run(self.backwardnodes, _backward_node, None)
        grads = self.innode.data["gradOutput"]
        if len(grads.arr) != 1:
            raise TorchError("expecting the innode to be used only once")
        self.gradInput = grads[1]
        return self.gradInput

    def _check_grad_outputs(self, gradOutput):
        n = len(self.outnode.children.arr)
        if n > 1:
            if not is_plain_table(gradOutput):
                raise TorchError(f"expecting table of {n} gradOutputs")
            got = len(arrays.items(gradOutput))
            if got != n:
                raise TorchError(f"Got {got} gradOutputs instead of {n}")

    def accGradParameters(self, input, gradOutput, scale=1):
        self._check_grad_outputs(gradOutput)
        scale = 1 if scale is None else scale
        self._run(self.backwardnodes, _module_step, ("accGradParameters", scale))
        return ()

    def accUpdateGradParameters(self, input, gradOutput, lr):
        # Each module updates its own parameters (Torch7's inherited version swapped the
        # gModule's own, absent, weight and so only accumulated gradients).
        self._check_grad_outputs(gradOutput)
        self._run(self.backwardnodes, _module_step, ("accUpdateGradParameters", lr))
        return ()

    # ---- running, with verbose traces and setDebug's pictures ---------------------------

    def _run(self, nodes, step, extra):
        verbose = self.__dict__.get("verbose")
        node = None
        try:
            for node in list(nodes.arr):
                step(node, extra)
                if verbose:
                    print(" V : " + node.label())
        except Exception:
            if debugging.debugging():
                debugging.report_failure(self, node)
            raise

    # ---- the Module protocol over the graph ------------------------------------------

    def type(self, typename=None, tensorCache=None):
        """g:type([typename]): the type, or convert every module and every tensor kept in
        the nodes (inputs, gradients) to typename; returns g.

        Example: net:float()
        """
        if typename is None:
            return self._type
        cache = {} if tensorCache is None else tensorCache
        Container.type(self, typename, cache)
        for node in self.forwardnodes.arr:
            for key in ("input", "gradOutput", "gradOutputBuffer"):
                if node.data.get(key) is not None:
                    node.data[key] = recursive_type(node.data[key], typename, cache)
        return self

    def clearState(self):
        """g:clearState(): empty every buffer of g, its modules and its nodes; returns g.

        Example: net:clearState(); torch.save('net.t7', net)
        """
        Container.clearState(self)
        for node in self.backwardnodes.arr:
            node.data["gradOutput"] = None
            node.data["gradOutputBuffer"] = None
        for node in self.forwardnodes.arr:
            node.data["input"] = None
        return self

    def map(self, gm, func):
        """g:map(other, f): call f(module, otherModule) for the modules at the same places
        of two gModules of the same structure.

        Example: net:map(twin, function(a, b) if a.weight then b.weight:copy(a.weight) end end)
        """
        theirs = gm.forwardnodes.arr
        for i, node in enumerate(self.forwardnodes.arr):
            other = theirs[i] if i < len(theirs) else None
            if other is None:
                raise TorchError("trying to map another gModule with a different structure")
            if node.data.get("module") is not None:
                if other.data.get("module") is None:
                    raise TorchError("trying to map another gModule with a different structure")
                func(node.data["module"], other.data["module"])
        return ()

    def replace(self, callback):
        """g:replace(f): replace every module m inside g (nodes included) by f(m); returns f(g).

        Example: net = net:replace(function(m) return m end)
        """
        out = first(callback(self))
        modules = []
        for node in self.forwardnodes.arr:
            module = node.data.get("module")
            if module is not None:
                module = first(module.replace(callback))
                node.data["module"] = module
                modules.append(module)
        self.modules = LuaTable.from_list(modules)
        return out

    def __tostring__(self):
        name = self.__dict__.get("name")
        return tostring(name) if name is not None else "nn.gModule"


# ---- construction helpers --------------------------------------------------------------

def _nodes(tbl, what, argn):
    if not is_plain_table(tbl):
        raise TorchError(f"bad argument #{argn} to 'gModule' (table of nngraph.Node "
                         f"expected: nn.gModule({{inputs}}, {{outputs}}))")
    nodes = lua_list(tbl)
    for i, node in enumerate(nodes, 1):
        if not isinstance(node, Node):
            raise TorchError(expecting_node_message(node, what, i))
    return nodes


def _attach_inputs(innode, inputs):
    # The dummy input node feeds the inputs: directly, or through a split of its table.
    if not inputs:
        raise TorchError("no inputs are not supported")
    if len(inputs) == 1:
        inputs[0].add(innode, True)
        return
    splits = innode.split(len(inputs))
    for node in inputs:
        if node.children.arr:
            raise TorchError("an input should have no inputs")
    for node, part in zip(inputs, splits):
        node.add(part, True)


def _forward_innode(fg, innode):
    roots = fg.roots().arr
    if len(roots) > 1:
        found = None
        for root in roots:
            if root.data is innode.data:
                if found is not None:
                    raise TorchError("more than one matching input node found in leaves")
                found = root
            elif root.data.get("module") is None:
                raise TorchError("Expected nnop.Parameters node, module not found in node")
            else:
                raise TorchError("Expected nnop.Parameters node, found : "
                                 + type(root.data["module"]).__typename__)
        if found is None:
            raise TorchError("input node not found among roots")
        return found
    if len(roots) != 1:
        raise TorchError("expecting only one start")
    if roots[0].data is not innode.data:
        raise TorchError("expecting the forward innode")
    return roots[0]


def _debug_label(node):
    return tostring(node.data["annotations"].get("_debugLabel"))


# ---- one node's step ----------------------------------------------------------------------
# The hot loop of every forward and backward. fast path: a Lua table keeps its string keys
# (and table keys, as in mapindex) in its hash part (th/lua/table.py), read directly here.

def _forward_node(node, run):
    data = node.data
    fields = data.hash
    index = fields.get("selectindex")
    if index is not None:
        output = _selected(fields.get("input"), index)
    else:
        module = fields.get("module")
        x = _unwrapped(fields.get("input"))
        output = x if module is None else first(run(module, x))
        nsplit = fields.get("nSplitOutputs")
        if nsplit is not None:
            _check_split(nsplit, output)
    for child in node.children.arr:
        inputs = child.data.hash.get("input")
        if inputs is None:
            inputs = _field_table(child, "input")
        slot = child.data.hash["mapindex"].hash.get(data)
        if inputs.get(slot) is not None:
            raise TorchError("each input should have one source")
        inputs.set(slot, output)


def _selected(inputs, index):
    if inputs is None or len(inputs.arr) != 1:
        raise TorchError("only the splitted node should be the input")
    if not is_plain_table(inputs.arr[0]):
        raise TorchError("the input for a split should be a table")
    return _at(inputs.arr[0], index)


def _check_split(nsplit, output):
    if not is_plain_table(output):
        raise TorchError(f"split({nsplit}) cannot split a {_kind(output)}: "
                         "it needs a table output")
    if len(arrays.items(output)) != nsplit:
        raise TorchError(f"split({nsplit}) cannot split {len(arrays.items(output))} outputs")


def _backward_node(node, _):
    fields = node.data.hash
    grad = _total_grad_output(node.data)
    index = fields.get("selectindex")
    children = node.children.arr
    if index is not None:
        if len(children) != 1:
            raise TorchError("only the splitted node should be the input")
        pending = _field_table(children[0], "gradOutput")
        if len(pending.arr) > 1:
            raise TorchError("the splitted node should be used only once")
        parts = pending.get(1)
        if parts is None:
            parts = pending[1] = LuaTable()
        if parts.get(index) is not None:
            raise TorchError("no gradOutput should be assigned yet")
        parts[index] = grad
        return
    module = fields.get("module")
    if module is None:
        grad_input = grad
    else:
        grad_input = first(module.updateGradInput(_unwrapped(fields.get("input")), grad))
    if len(children) == 1:
        _push(_field_table(children[0], "gradOutput"), grad_input)
        return
    mapindex = fields["mapindex"].hash
    for child in children:
        _push(_field_table(child, "gradOutput"), _at(grad_input, mapindex.get(child.data)))


def _module_step(node, call):
    # accGradParameters / accUpdateGradParameters of the node's module, if it has one.
    fields = node.data.hash
    module = fields.get("module")
    if module is not None:
        method, number = call
        grads = fields["gradOutput"]
        grad = fields["gradOutputBuffer"] if len(grads.arr) > 1 else grads.get(1)
        getattr(module, method)(_unwrapped(fields.get("input")), grad, number)


# ---- node data ---------------------------------------------------------------------------

def _method_runner(func):
    if isinstance(func, str):
        return lambda module, x: getattr(module, func)(x)
    return func


def _clear(tbl):
    # Empty a list table in place (the same table stays: g.output may be outnode's).
    if tbl is not None:
        tbl.arr.clear()
        if tbl.hash:
            for key in [k for k in tbl.hash if type(k) is int]:
                del tbl.hash[key]


def _unwrapped(inputs):
    # A node with one input gets that input itself, else the table of its inputs.
    if inputs is None:
        return LuaTable()
    return inputs.arr[0] if len(inputs.arr) == 1 else inputs


def _at(value, index):
    if type(value) is LuaTable:
        return value.get(index)
    if isinstance(value, (list, tuple)):
        return value[index - 1] if 0 < index <= len(value) else None
    return value[index]


def _field_table(node, key):
    """node.data[key], made an empty table first if it is nil."""
    tbl = node.data.hash.get(key)
    if tbl is None:
        tbl = LuaTable()
        node.data[key] = tbl
    return tbl


def _push(tbl, value):
    # table.insert(t, v): nothing happens for a nil v
    if value is not None:
        tbl.set(len(tbl.arr) + 1, value)


def _total_grad_output(data):
    grads = data.hash.get("gradOutput")
    if type(grads) is not LuaTable:
        raise TorchError("expecting gradients to sum")
    if len(grads.arr) <= 1:
        return grads.arr[0] if grads.arr else None
    buffer = data.get("gradOutputBuffer")
    if buffer is None:
        buffer = data["gradOutputBuffer"] = nesting.clone_nested(grads[1])
    nesting.resize_nested_as(buffer, grads[1])
    nesting.copy_nested(buffer, grads[1])
    for g in grads.arr[1:]:
        nesting.add_nested_to(buffer, g)
    return buffer


def _kind(value):
    from th.torch.classes import type_
    return type_(value)


__all__ = ["gModule"]
