"""nn.gModule: forward and backward checked against finite differences and against the
same networks written with nn containers; fan-out, fan-in, several inputs and outputs,
split, nesting; the Module protocol (parameters, types, clone, modes, save/load); and the
errors for graphs that do not hold together."""
import numpy as np
import pytest

from th import nn, torch
from th.lua.runtime import first
from th.lua.table import LuaTable
from th.nn.module import param_lists
from nn_check import check_jacobian, check_io, flat, rand_tensor, table
from graph_check import lua_error, run, same_network


def T(*values):
    return LuaTable.from_list(list(values))


def mlp_graph():
    torch.manualSeed(3)
    x = nn.Linear(6, 5)()
    out = nn.Linear(4, 2)(nn.Tanh()(nn.Linear(5, 4)(nn.Tanh()(x))))
    return nn.gModule(T(x), T(out))


# ---- forward and backward ------------------------------------------------------------

def test_one_output_forward_backward_and_recomputed_gradients():
    x = nn.Identity()()
    net = nn.gModule(T(x), T(nn.Identity()(x)))
    np.testing.assert_array_equal(net.forward(torch.Tensor([1]))._np(), [1])
    np.testing.assert_array_equal(net.backward(torch.Tensor([1]), torch.Tensor([-123]))._np(), [-123])
    net.forward(torch.Tensor([2]))
    np.testing.assert_array_equal(net.backward(torch.Tensor([2]), torch.Tensor([-2]))._np(), [-2])


def test_a_node_used_twice_gets_the_sum_of_its_gradients():
    x = nn.Identity()()
    net = nn.gModule(T(x), T(nn.Identity()(x), nn.Identity()(x)))
    net.forward(torch.Tensor([1]))
    g = net.backward(torch.Tensor([1]), T(torch.Tensor([-2]), torch.Tensor([-3])))
    np.testing.assert_array_equal(g._np(), [-5])
    check_jacobian(net, rand_tensor(4))


def test_mlp_equals_the_same_Sequential_and_its_gradients_check():
    net = mlp_graph()
    lin1, tanh1, lin2, tanh2, lin3 = net.modules.to_list()
    seq = nn.Sequential()
    for m in (lin1, tanh1, lin2, tanh2, lin3):
        seq.add(m.clone())
    same_network(net, seq, rand_tensor(6))
    check_jacobian(net, rand_tensor(6))
    assert [torch.typename(m) for m in net.modules.to_list()] == [
        "nn.Linear", "nn.Tanh", "nn.Linear", "nn.Tanh", "nn.Linear"]


def test_mini_batches_go_through_like_Sequential():
    net = mlp_graph()
    seq = nn.Sequential()
    for m in net.modules.to_list():
        seq.add(m.clone())
    same_network(net, seq, rand_tensor(7, 6))


def test_fan_out_and_fan_in_equal_ConcatTable_and_CAddTable():
    # y = tanh(W1 x) + sigmoid(W2 x): a fork and a join
    torch.manualSeed(5)
    x = nn.Identity()()
    a = nn.Tanh()(nn.Linear(4, 3)(x))
    b = nn.Sigmoid()(nn.Linear(4, 3)(x))
    net = nn.gModule(T(x), T(nn.CAddTable()(T(a, b))))
    lin_a, lin_b = a.children[1].data["module"], b.children[1].data["module"]
    twin_a, twin_b = lin_a.clone(), lin_b.clone()
    branches = nn.ConcatTable()
    branches.add(nn.Sequential().add(twin_a).add(nn.Tanh()))
    branches.add(nn.Sequential().add(twin_b).add(nn.Sigmoid()))
    seq = nn.Sequential().add(branches).add(nn.CAddTable())
    same_network(net, seq, rand_tensor(4), pairs=[(lin_a, twin_a), (lin_b, twin_b)])
    same_network(net, seq, rand_tensor(3, 4), pairs=[(lin_a, twin_a), (lin_b, twin_b)])
    check_jacobian(net, rand_tensor(4))
    check_jacobian(net, rand_tensor(3, 4))


def test_residual_block_equals_its_container_version():
    torch.manualSeed(2)
    x = nn.Identity()()
    f = nn.Linear(3, 3)(nn.ReLU()(nn.Linear(3, 3)(x)))
    net = nn.gModule(T(x), T(nn.CAddTable()(T(f, x))))
    _, lin1, relu, lin2, _ = net.modules.to_list()
    body = nn.Sequential().add(lin1.clone()).add(nn.ReLU()).add(lin2.clone())
    seq = nn.Sequential().add(nn.ConcatTable().add(body).add(nn.Identity())).add(nn.CAddTable())
    same_network(net, seq, rand_tensor(3, seed=4))
    check_jacobian(net, rand_tensor(5, 3, seed=6))


def test_two_inputs_two_outputs():
    torch.manualSeed(7)
    x1, x2 = nn.Linear(5, 5)(), nn.Linear(3, 3)()
    m0 = nn.Linear(5, 1)(nn.Tanh()(x1))
    m1 = nn.Linear(3, 1)(nn.Tanh()(x2))
    madd = nn.CAddTable()(T(m0, m1))
    net = nn.gModule(T(x1, x2), T(nn.Sigmoid()(madd), nn.Tanh()(madd)))
    out = net.forward(T(rand_tensor(5), rand_tensor(3)))
    assert type(out) is LuaTable and len(out) == 2 and out is net.output
    check_jacobian(net, T(rand_tensor(5), rand_tensor(3)))


def test_inputs_can_be_outputs():
    a, b = nn.Sigmoid()(), nn.Sigmoid()()
    net = nn.gModule(T(a, b), T(a, b, nn.Sigmoid()(a)))
    check_jacobian(net, T(rand_tensor(3), rand_tensor(3, seed=1)))
    a, b = nn.Identity()(), nn.Identity()()
    net = nn.gModule(T(a, b), T(a, b, nn.Identity()(a)))
    check_jacobian(net, T(rand_tensor(3), rand_tensor(3, seed=1)))


def test_split_of_a_table_output():
    torch.manualSeed(1)
    x = nn.Identity()()
    seq = nn.Sequential().add(nn.SplitTable(1)).add(
        nn.ParallelTable().add(nn.Linear(4, 3)).add(nn.Linear(4, 2)))
    a, b = seq(x).split(2)
    net = nn.gModule(T(x), T(nn.JoinTable(1)(T(a, b))))
    assert net.forward(rand_tensor(2, 4)).size(1) == 5
    check_jacobian(net, rand_tensor(2, 4))
    s = nn.Sigmoid()()
    o1, o2 = nn.SplitTable(1)(T(s)).split(2)
    net = nn.gModule(T(s), T(o1, o2))
    assert len(net.forward(rand_tensor(2, 3))) == 2
    check_jacobian(net, rand_tensor(2, 3))


def test_split_input_state_like_an_lstm_cell():
    # an input that is itself a table {h, c}, split inside the graph
    x, state = nn.Identity()(), nn.Identity()()
    h, c = state.split(2)
    out = nn.CAddTable()(T(nn.CMulTable()(T(x, h)), nn.CMulTable()(T(h, c))))
    net = nn.gModule(T(x, state), T(out))
    inp = T(rand_tensor(3), T(rand_tensor(3, seed=1), rand_tensor(3, seed=2)))
    grad = net.backward(inp, first(net.forward(inp)).clone())
    assert len(grad) == 2 and type(grad[2]) is LuaTable and grad[2][1].size(1) == 3
    check_jacobian(net, inp)
    x = nn.Identity()()
    p, q = x.split(2)
    net = nn.gModule(T(x), T(p, nn.Identity()(x), nn.Sigmoid()(q)))    # used after a split
    check_jacobian(net, T(rand_tensor(4), rand_tensor(4, seed=3)))


def test_table_input_and_nested_gradients():
    s = nn.SplitTable(1)()
    net = nn.gModule(T(s), T(nn.CAddTable()(s)))
    check_jacobian(net, rand_tensor(2, 3))
    x = nn.Identity()()
    h1 = nn.Sequential().add(nn.JoinTable(2)).add(nn.Tanh())
    h2 = nn.Sequential().add(nn.JoinTable(2)).add(nn.Identity())
    net = nn.gModule(T(x), T(nn.CAddTable()(T(h1(x), h2(x)))))
    check_jacobian(net, T(rand_tensor(3, 3), rand_tensor(3, 3, seed=1), rand_tensor(3, 3, seed=2)))
    check_jacobian(net, T(rand_tensor(2, 3), rand_tensor(2, 3, seed=1), rand_tensor(2, 3, seed=2)))


def test_fan_out_of_table_outputs_resizes_its_buffer():
    x = nn.Identity()()
    net = nn.gModule(T(x), T(nn.Identity()(x), nn.Identity()(x)))
    for n in (2, 3, 2):
        inp = T(rand_tensor(10), T(*[rand_tensor(k + 3, seed=k) for k in range(n)]))
        net.forward(inp)
        grad = net.backward(inp, net.output)
        assert len(grad[2]) == n
        np.testing.assert_allclose(flat(grad), 2 * flat(inp))
        check_jacobian(net, inp)


def test_parameters_accumulate_through_fan_out():
    x = nn.CMul(6)()
    net = nn.gModule(T(x), T(nn.Identity()(x), nn.Identity()(x)))
    check_jacobian(net, rand_tensor(6))


def test_nested_gModule():
    torch.manualSeed(9)
    inner = mlp_graph()
    x = nn.Identity()()
    y = inner(nn.Linear(3, 6)(x))
    net = nn.gModule(T(x), T(nn.Sigmoid()(y), y))
    check_jacobian(net, rand_tensor(3))
    assert [str(m) for m in net.modules.to_list()] == [
        "nn.Identity", "nn.Linear(3 -> 6)", "nn.gModule", "nn.Sigmoid"]
    assert len(first(net.parameters())) == 2 + 6


def test_a_criterion_node_gives_the_loss_and_its_gradient():
    torch.manualSeed(4)
    x, target = nn.Identity()(), nn.Identity()()
    y = nn.Linear(3, 2)(x)
    net = nn.gModule(T(x, target), T(nn.MSECriterion()(T(y, target))))
    inp = T(rand_tensor(3), rand_tensor(2, seed=1))
    loss = net.forward(inp)
    lin = y.data["module"]
    expected = nn.MSECriterion().forward(lin.forward(inp[1]), inp[2])
    assert loss.size(1) == 1 and loss[1] == pytest.approx(expected)
    check_jacobian(net, inp, skip_inputs=(1,))
    assert flat(net.backward(inp, torch.Tensor([1]))[2]).tolist() == [0, 0]


def test_runForwardFunction_with_a_function():
    out, _ = run("""
        x = nn.Identity()()
        net = nn.gModule({x}, {nn.Tanh()(nn.Linear(2, 2)(x))})
        seen = {}
        net:runForwardFunction(function(m, input) seen[#seen + 1] = torch.typename(m) return input end, torch.ones(2))
        print(table.concat(seen, ' '))""")
    assert out == "nn.Identity nn.Linear nn.Tanh\n"


def test_forward_from_lua_prints_like_torch7():
    out, _ = run("""
        x = nn.Identity()()
        net = nn.gModule({x}, {nn.Identity()(x)})
        print(net:forward(torch.Tensor({123})))
        print(#net:forward({torch.Tensor({123})}))
        print(net)""")
    assert out == " 123\n[torch.DoubleTensor of size 1]\n\n1\nnn.gModule\n"


# ---- fields and the Module protocol -----------------------------------------------------

def test_fields_as_torch7():
    net = mlp_graph()
    assert torch.typename(net) == "nn.gModule" and torch.isTypeOf(net, "nn.Container")
    assert torch.typename(net.fg) == "graph.Graph" and torch.typename(net.bg) == "graph.Graph"
    nodes = net.forwardnodes.to_list()
    assert nodes[0] is net.innode and nodes[-1].data is net.outnode.data
    assert [n.data.get("module") for n in nodes[1:-1]] == net.modules.to_list()
    assert net.backwardnodes[1] is net.outnode and net.backwardnodes.to_list()[-1].data is net.innode.data
    assert net.nInputs == 1 and net.verbose is False
    assert [n.data["forwardNodeId"] for n in nodes] == [n.id for n in nodes]
    assert len(net.fg.nodes) == len(net.bg.nodes) == 7 and len(net.fg.edges) == 6


def test_output_is_nil_before_forward_and_a_table_with_several_outputs():
    out, _ = run("""
        x = nn.Identity()()
        print(nn.gModule({x}, {nn.Identity()(x)}).output)
        y = nn.Identity()()
        g = nn.gModule({y}, {nn.Identity()(y), nn.Identity()(y)})
        print(type(g.output), g.output == g.outnode.data.input)""")
    assert out == "nil\ntable\ttrue\n"


def test_parameters_getParameters_and_updates():
    net = mlp_graph()
    params, grads = net.parameters()
    assert len(params) == 6 and params[1] is net.modules[1].weight
    x = rand_tensor(6)
    net.zeroGradParameters()
    net.forward(x)
    net.backward(x, rand_tensor(2))
    before = [p._np().copy() for p in params.to_list()]
    net.updateParameters(0.1)
    for p, b, g in zip(params.to_list(), before, grads.to_list()):
        np.testing.assert_allclose(p._np(), b - 0.1 * g._np())
    flat_p, flat_g = net.getParameters()
    assert flat_p.nElement() == 6 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2
    net.zeroGradParameters()
    assert flat_g._np().sum() == 0


def test_accUpdateGradParameters_updates_every_module():
    from nn_check import check_acc_update
    check_acc_update(mlp_graph(), rand_tensor(6))


def test_training_and_evaluate_reach_every_module():
    x = nn.Identity()()
    net = nn.gModule(T(x), T(nn.Dropout(0.5)(nn.Linear(4, 4)(x))))
    net.evaluate()
    assert net.train is False and all(m.train is False for m in net.modules.to_list())
    inp = rand_tensor(4)
    np.testing.assert_array_equal(net.forward(inp)._np(), net.forward(inp)._np())
    net.training()
    assert all(m.train is True for m in net.modules.to_list())


def test_type_converts_modules_and_what_the_nodes_hold():
    net = mlp_graph()
    x = rand_tensor(6)
    net.backward(x, first(net.forward(x)))
    assert torch.typename(net.gradInput) == "torch.DoubleTensor"
    net.float()
    assert torch.typename(net.innode.data["input"][1]) == "torch.FloatTensor"
    assert torch.typename(net.outnode.data["input"][1]) == "torch.FloatTensor"
    out = net.forward(x.float())
    net.backward(x.float(), out)
    for t in (out, net.output, net.gradInput, net.forwardnodes[1].data["input"][1],
              net.modules[1].weight):
        assert torch.typename(t) == "torch.FloatTensor"
    assert net.type() == "torch.FloatTensor"


def test_clone_is_independent_and_shares_on_request():
    net = mlp_graph()
    twin = net.clone()
    x = rand_tensor(6)
    np.testing.assert_array_equal(net.forward(x)._np(), twin.forward(x)._np())
    twin.modules[1].weight.fill(0)
    assert net.modules[1].weight._np().any()
    assert twin.forwardnodes[2].data["module"] is twin.modules[1]
    shared = net.clone("weight", "bias")
    shared.modules[1].weight.fill(1)
    assert (net.modules[1].weight._np() == 1).all()


def test_map_and_replace():
    net, twin = mlp_graph(), mlp_graph()
    pairs = []
    net.map(twin, lambda a, b: pairs.append((a, b)))
    assert [a for a, _ in pairs] == net.modules.to_list()
    assert [b for _, b in pairs] == twin.modules.to_list()
    relu = nn.ReLU()
    net.replace(lambda m: relu if torch.typename(m) == "nn.Tanh" else m)
    assert [torch.typename(m) for m in net.modules.to_list()].count("nn.ReLU") == 2
    assert net.forwardnodes[3].data["module"] is relu
    out = net.forward(-torch.ones(6) * 100)
    assert out.nElement() == 2


def test_clearState_empties_node_buffers():
    net = mlp_graph()
    x = rand_tensor(6)
    net.backward(x, first(net.forward(x)))
    assert net.clearState() is net
    assert all(n.data.get("input") is None for n in net.forwardnodes.to_list())
    assert all(n.data.get("gradOutput") is None for n in net.backwardnodes.to_list())
    np.testing.assert_allclose(net.forward(x)._np(), mlp_graph().forward(x)._np())


def test_save_load_round_trip(tmp_path):
    net = mlp_graph()
    check_io(net, rand_tensor(6))
    path = str(tmp_path / "net.t7")
    out, _ = run(f"""
        torch.manualSeed(1)
        x = nn.Identity()()
        a, b = nn.SplitTable(1)(x):split(2)
        net = nn.gModule({{x}}, {{nn.CAddTable()({{nn.Linear(3, 3)(a), b}})}})
        net.name = 'saved'
        input = torch.randn(2, 3)
        torch.save('{path}', net)
        back = torch.load('{path}')
        print(back, torch.typename(back.fg), #back.forwardnodes, #back.modules)
        print((back:forward(input) - net:forward(input)):abs():max())
        back:backward(input, torch.ones(3))""")
    assert out == "saved\tgraph.Graph\t9\t4\n0\n"


def test_verbose_prints_each_node():
    out, _ = run("""
        x = nn.Identity()()
        net = nn.gModule({x}, {nn.Tanh()(x)})
        net.verbose = true
        net:forward(torch.ones(2))""")
    assert out.splitlines()[2] == " V : module = nn.Tanh\\lreverseMap = {}\\linput = {Tensor[2]}"


# ---- graphs that do not hold together ---------------------------------------------------

@pytest.mark.parametrize("src, message", [
    ("x = nn.Identity()(); h = nn.Identity()()\nnet = nn.gModule({x, h}, {x})",
     "1 of split(2) outputs from the node declared at [test]:3_ split at [test]:3-mnode are unused"),
    ("s = nn.Identity()(); h, c = s:split(2)\nnet = nn.gModule({s}, {h})",
     "1 of split(2) outputs from the node declared at [test]:2_ split at [test]:2-mnode are unused"),
    ("x = nn.Identity()(); y = nn.Tanh()(x)\n\nnet = nn.gModule({x}, {nn.Sigmoid()(x)})",
     "node declared on [test]:2_ does not connect to gmodule output"),
    ("x = nn.Identity()(); y = nn.Identity()()\nnet = nn.gModule({x}, {nn.CAddTable()({x, y})})",
     "Expected nnop.Parameters node, found : nn.Identity"),
    ("x = nn.Identity()()\nnet = nn.gModule({}, {x})", "no inputs are not supported"),
    ("x = nn.Identity()()\nnet = nn.gModule({x}, {nil, x})", "outputs[1] is nil (typo / bad index?)"),
    ("x = nn.Identity()()\nnet = nn.gModule({nn.Tanh()}, {x})",
     "inputs[1] is an nn.Module, specifically a nn.Tanh, but the only valid thing to pass"),
    ("x = nn.Identity()()\nnet = nn.gModule(x, {x})", "bad argument #1 to 'gModule'"),
    ("x = nn.Identity()(); y = nn.Tanh()(x)\nnet = nn.gModule({x, y}, {y})",
     "an input should have no inputs"),
])
def test_broken_graphs_are_refused(src, message):
    assert message in lua_error(src)


@pytest.mark.parametrize("src, message", [
    ("net:forward({torch.ones(2)})", "Got 1 inputs instead of 2"),
    ("net:forward(torch.ones(2))", "expecting table of 2 inputs"),
    ("net:forward({torch.ones(2), torch.ones(2)}); net:backward({torch.ones(2), torch.ones(2)}, {torch.ones(2)})",
     "Got 1 gradOutputs instead of 2"),
    ("net:forward({torch.ones(2), torch.ones(2)}); net:backward({torch.ones(2), torch.ones(2)}, torch.ones(2))",
     "expecting table of 2 gradOutputs"),
])
def test_running_with_the_wrong_inputs_fails(src, message):
    err = lua_error("a, b = nn.Identity()(), nn.Identity()()\n"
                    "s = nn.CAddTable()({a, b})\n"
                    "net = nn.gModule({a, b}, {s, nn.Tanh()(s)})\n" + src)
    assert message in err


def test_split_of_a_tensor_is_refused_while_running():
    err = lua_error("x = nn.Identity()(); a, b = x:split(2)\n"
                    "net = nn.gModule({x}, {a, b}); net:forward(torch.ones(2))")
    assert "split(2) cannot split a torch.DoubleTensor" in err
    err = lua_error("x = nn.Identity()(); a, b = x:split(2)\n"
                    "net = nn.gModule({x}, {a, b}); net:forward({torch.ones(2)})")
    assert "split(2) cannot split 1 outputs" in err


def test_modules_written_in_lua_work_as_nodes():
    out, _ = run("""
        local Double, parent = torch.class('nn.GraphDouble', 'nn.Module')
        function Double:updateOutput(input) self.output = input * 2; return self.output end
        function Double:updateGradInput(input, g) self.gradInput = g * 2; return self.gradInput end
        local Half, cparent = torch.class('nn.HalfSquare', 'nn.Criterion')
        function Half:updateOutput(input, target) return (input - target):pow(2):sum() / 2 end
        function Half:updateGradInput(input, target) return input - target end
        x, t = nn.Identity()(), nn.Identity()()
        y = nn.GraphDouble()(x)
        net = nn.gModule({x, t}, {y, nn.HalfSquare()({y, t})})
        out = net:forward({torch.Tensor{1, 2}, torch.Tensor{0, 0}})
        print(out[1][2], out[2][1])
        g = net:backward({torch.Tensor{1, 2}, torch.Tensor{0, 0}}, {torch.zeros(2), torch.ones(1)})
        print(g[1][1], g[1][2], g[2][1])""")
    assert out == "4\t10\n4\t8\t0\n"


def test_ascii_save_load(tmp_path):
    path = str(tmp_path / "net.asc")
    out, _ = run(f"""
        x = nn.Identity()()
        net = nn.gModule({{x}}, {{nn.Tanh()(nn.Linear(2, 2)(x)), x}})
        torch.save('{path}', net, 'ascii')
        back = torch.load('{path}', 'ascii')
        input = torch.randn(2)
        print((back:forward(input)[1] - net:forward(input)[1]):abs():max(), #back.modules)""")
    assert out == "0\t3\n"
