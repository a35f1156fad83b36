"""Calling modules builds nngraph.Node objects: inputs, errors worded as Torch7's nngraph,
the operator sugar, split, annotate and the labels of the dot export."""
import pytest

from th import nn, torch
from th.lua.table import LuaTable
from th.nngraph import Node, calls
from graph_check import lua_error, run


def test_calling_a_module_makes_a_node_holding_it():
    lin = nn.Linear(3, 2)
    x = nn.Identity()()
    h = lin(x)
    assert isinstance(h, Node) and torch.typename(h) == "nngraph.Node"
    assert h.data["module"] is lin
    assert h.children.to_list() == [x] and x.children.to_list() == []
    assert h.data["mapindex"][1] is x.data and h.data["mapindex"][x.data] == 1
    assert x.data["reverseMap"][h] is True


def test_a_table_of_nodes_gives_inputs_in_order():
    a, b, c = nn.Identity()(), nn.Identity()(), nn.Identity()()
    s = nn.CAddTable()(LuaTable.from_list([c, a, b]))
    assert [s.data["mapindex"][i] for i in (1, 2, 3)] == [c.data, a.data, b.data]
    out, _ = run("""
        a = nn.Identity()(); b = nn.Identity()()
        s = nn.CAddTable()({a, b})
        print(#s.children, s.children[1] == a, s.data.mapindex[b.data])""")
    assert out == "2\ttrue\t2\n"


@pytest.mark.parametrize("call, message", [
    ("nn.Linear(3, 2)(torch.rand(3))",
     "inputs[1] should be an nngraph.Node but is of type torch.DoubleTensor"),
    ("nn.Linear(3, 2)(nn.Tanh())",
     "inputs[1] is an nn.Module, specifically a nn.Tanh, but the only valid thing to pass "
     "is an instance of nngraph.Node. Did you forget a second set of parens, which convert "
     "a nn.Module to a nngraph.Node?"),
    ("nn.Linear(3, 2)(nil)", "inputs[1] is nil (typo / bad index?)"),
    ("nn.CAddTable()({x, nil, x})", "inputs[2] is nil (typo / bad index?)"),
    ("nn.CAddTable()({x, 3})", "inputs[2] should be an nngraph.Node but is of type number"),
    ("nn.Linear(3, 2)({})", "cannot pass an empty table of inputs. To indicate no incoming "
                            "connections, leave the second set of parens blank."),
    ("nn.Linear(3, 2)(x, x)", "Use {input1, input2} to pass multiple inputs."),
    ("nn.CAddTable()({x, x})", "Don't pass the same input twice."),
    ("nn.MSECriterion()(torch.rand(3), torch.rand(3))",
     "Use {input1, input2} to pass multiple inputs."),
])
def test_calling_with_anything_but_nodes_fails_as_torch7(call, message):
    err = lua_error("x = nn.Identity()()\ny = " + call)
    assert err == "test:3: " + message


def test_after_loading_a_module_call_no_longer_runs_forward():
    lin = nn.Linear(3, 2)
    with pytest.raises(Exception, match="inputs\\[1\\] should be an nngraph.Node"):
        lin(torch.rand(3))
    assert lin.forward(torch.rand(3)).size(1) == 2      # forward itself is unchanged


def test_uninstall_gives_nn_its_own_call_back():
    lin = nn.Linear(3, 2)
    calls.uninstall()
    assert not calls.installed()
    assert lin(torch.ones(3)).size(1) == 2                # nn's forward-by-call again
    loss, grad = nn.MSECriterion()(torch.ones(2), torch.zeros(2))
    assert loss == 1.0
    with pytest.raises(TypeError):
        -lin
    run("")                                               # require 'nngraph' re-installs
    assert calls.installed() and isinstance(lin(), Node)


def test_a_criterion_called_on_nodes_is_wrapped_in_ModuleFromCriterion():
    p, t = nn.Identity()(), nn.Identity()()
    crit = nn.MSECriterion()
    node = crit(LuaTable.from_list([p, t]))
    module = node.data["module"]
    assert torch.typename(module) == "nn.ModuleFromCriterion" and module.criterion is crit
    assert node.children.to_list() == [p, t]


def test_operator_sugar():
    out, _ = run("""
        x = -nn.Identity()
        h = x - nn.Linear(3, 3)
        s = {x, h} - nn.CAddTable()
        y = s - nn.Tanh()
        print(torch.typename(x), #x.children, h.children[1] == x, #s.children, y.children[1] == s)
        print(torch.typename(y.data.module), torch.typename(s.data.module))""")
    assert out == "nngraph.Node\t0\ttrue\t2\ttrue\nnn.Tanh\tnn.CAddTable\n"


def test_module_minus_module_says_a_module_is_no_node():
    err = lua_error("y = nn.Linear(2, 2) - nn.Tanh()")
    assert "inputs[1] is an nn.Module, specifically a nn.Linear" in err


def test_split_gives_select_nodes_over_a_split_node():
    out, _ = run("""
        x = nn.Identity()()
        a, b, c = nn.SplitTable(1)(x):split(3)
        print(a.data.selectindex, b.data.selectindex, c.data.selectindex)
        print(a.children[1] == b.children[1], a.children[1].data.nSplitOutputs)
        one = x:split(1)
        print(torch.typename(one.data.module))""")
    assert out == "1\t2\t3\ntrue\t3\nnngraph.JustElement\n"


def test_split_debug_labels_follow_the_split_node():
    x = nn.Identity()()
    x.data["annotations"]["_debugLabel"] = "node"
    a, b = x.split(2)
    assert a.data["annotations"]["_debugLabel"] == "node-1"
    assert b.data["annotations"]["_debugLabel"] == "node-2"
    mnode = a.children[1]
    assert mnode.data["annotations"]["_debugLabel"].startswith("node split at [")


def test_split_needs_a_count():
    assert "bad argument #1 to 'split'" in lua_error("a, b = nn.Identity()():split()")
    assert "bad argument #1 to 'split'" in lua_error("a, b = nn.Identity()():split(0)")


def test_debug_label_is_where_the_node_was_made():
    out, _ = run("\n\nx = nn.Identity()()\nprint(x.data.annotations._debugLabel)")
    assert out == "[test]:4_\n"        # line 1 is the require the helper puts first


def test_annotate_returns_the_node_and_keeps_the_annotations():
    out, _ = run("""
        x = nn.Identity()():annotate{name = 'input', description = 'the data',
                                     graphAttributes = {color = 'red'}}
        print(torch.typename(x), x.data.annotations.name, x.data.annotations.graphAttributes.color)
        print(x:label())""")
    assert out == "nngraph.Node\tinput\tred\ndesc = the data\\nmodule = nn.Identity\\lreverseMap = {}\n"


def test_annotate_wants_a_table():
    assert "bad argument #1 to 'annotate' (table expected, got string)" in lua_error(
        "x = nn.Identity()():annotate('name')")


def test_label_shows_sizes_types_and_bad_numbers():
    out, _ = run("""
        x = nn.Identity()()
        h = nn.CAddTable()({x, nn.Identity()(x)})
        net = nn.gModule({x}, {h})
        net:forward(torch.Tensor(2, 3):fill(0/0))
        print(h:label())
        net:forward(torch.FloatTensor(4):fill(1/0))
        print(h:label())""")
    lines = out.splitlines()
    assert lines[0] == ("module = nn.CAddTable\\lmapindex = {Node3,Node4}\\lreverseMap = {}"
                        "\\linput = {Tensor[2x3]NaN,Tensor[2x3]NaN}")
    assert lines[1].endswith("input = {torch.FloatTensor[4]inf,torch.FloatTensor[4]inf}")


def test_graph_node_name_and_attributes():
    x = nn.Identity()()
    x.id = 4
    assert x.graphNodeName() == "Node4"
    x.annotate({"name": "input"})
    assert x.graphNodeName() == "input (4)"
    attrs = x.graphNodeAttributes()
    assert attrs["tooltip"] == x.data["annotations"]["_debugLabel"]
