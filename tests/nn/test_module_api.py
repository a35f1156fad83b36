"""nn.Module's API: parameters, getParameters (one shared storage), clone, share, type
conversion, apply/findModules/listModules/replace, clearState, __call__, modes, the
fields Torch7 lists, and the Lua side of all that."""
import numpy as np
import pytest

from th import nn, torch
from nn_check import rand_tensor, run_lua


def net3():
    torch.manualSeed(3)
    return nn.Sequential().add(nn.Linear(3, 4)).add(nn.ReLU()).add(nn.Linear(4, 2))


def test_fields_are_torch7s():
    lin = nn.Linear(3, 2)
    assert sorted(vars(lin)) == sorted(["gradBias", "weight", "_type", "output", "gradInput",
                                        "bias", "gradWeight"])
    assert lin._type == "torch.DoubleTensor" and lin.output.nElement() == 0
    assert sorted(vars(nn.Sigmoid())) == ["_type", "gradInput", "output"]
    assert lin.type() == "torch.DoubleTensor"


def test_parameters():
    lin = nn.Linear(3, 2)
    p, g = lin.parameters()
    assert p.to_list() == [lin.weight, lin.bias] and g.to_list() == [lin.gradWeight, lin.gradBias]
    assert nn.Tanh().parameters() == ()                 # no values, as Torch7's
    assert nn.Linear(2, 2, False).parameters()[0].to_list()[0].size().tolist() == [2, 2]


def test_getParameters_shares_one_storage():
    net = net3()
    x = rand_tensor(3)
    before = net.forward(x).clone()
    p, g = net.getParameters()
    assert p.nElement() == 3 * 4 + 4 + 4 * 2 + 2 and g.nElement() == p.nElement()
    for t in net.parameters()[0].to_list():
        assert t.storage() is p.storage()
    for t in net.parameters()[1].to_list():
        assert t.storage() is g.storage()
    np.testing.assert_array_equal(net.forward(x)._np(), before._np())   # values kept
    p.zero()
    assert float(net.get(1).weight.abs().sum()) == 0          # views of the flat tensor
    net.get(3).bias.fill(1)
    assert float(p.sum()) == 2
    net.zeroGradParameters()
    net.forward(x)
    net.backward(x, torch.ones(2))
    assert float(g.abs().sum()) > 0


def test_getParameters_keeps_sharing_and_squeezes_holes():
    a = nn.Linear(2, 2)
    b = nn.Linear(2, 2)
    b.share(a, "weight", "bias", "gradWeight", "gradBias")
    net = nn.Sequential().add(a).add(b)
    p, g = net.getParameters()
    assert p.nElement() == 6                              # shared tensors counted once
    assert a.weight.storage() is b.weight.storage()
    big = torch.zeros(10)
    m = nn.Linear(2, 2)
    m.bias = big.narrow(1, 4, 2)                          # a view with holes around it
    m.gradBias = torch.zeros(2)
    m.bias.fill(7)
    p, g = m.getParameters()
    assert p.nElement() == 6 and p.tolist()[-2:] == [7.0, 7.0]


def test_updateParameters_and_zeroGradParameters():
    lin = nn.Linear(2, 2)
    w = lin.weight.clone()
    lin.gradWeight.fill(1)
    lin.gradBias.fill(2)
    b = lin.bias.clone()
    lin.updateParameters(0.5)
    np.testing.assert_allclose(lin.weight._np(), w._np() - 0.5)
    np.testing.assert_allclose(lin.bias._np(), b._np() - 1.0)
    assert lin.zeroGradParameters() == ()
    assert float(lin.gradWeight.abs().sum()) == 0


def test_accUpdateGradParameters_leaves_gradients_alone():
    lin = nn.Linear(3, 2)
    lin.zeroGradParameters()
    x, go = rand_tensor(3), rand_tensor(2, seed=5)
    w = lin.weight._np().copy()
    lin.forward(x)
    lin.accUpdateGradParameters(x, go, 0.1)
    np.testing.assert_allclose(lin.weight._np(), w - 0.1 * np.outer(go._np(), x._np()))
    assert float(lin.gradWeight.abs().sum()) == 0 and "gradWeight" in vars(lin)


def test_clone_is_deep_or_shares_named_fields():
    net = net3()
    twin = net.clone()
    assert twin is not net and str(twin) == str(net)
    assert twin.get(1).weight.storage() is not net.get(1).weight.storage()
    np.testing.assert_array_equal(twin.get(1).weight._np(), net.get(1).weight._np())
    assert twin.output is twin.get(3).output                # aliases kept inside the copy
    lin = nn.Linear(2, 2)
    shared = lin.clone("weight", "bias")
    assert shared.weight.storage() is lin.weight.storage()
    assert shared.gradWeight.storage() is not lin.gradWeight.storage()
    lin.weight.fill(3)
    assert shared.weight[1][1] == 3


def test_share_then_accUpdate_updates_once():
    a = nn.Linear(2, 1)
    b = nn.Linear(2, 1).share(a, "weight", "bias")
    assert b.weight.storage() is a.weight.storage()
    w = a.weight._np().copy()
    x, go = torch.Tensor([1.0, 2.0]), torch.Tensor([1.0])
    b.forward(x)
    b.accUpdateGradParameters(x, go, 0.1)
    np.testing.assert_allclose(a.weight._np(), w - 0.1 * np.array([[1.0, 2.0]]))


def test_type_float_double_keep_sharing():
    net = net3()
    twin_w = net.get(1).weight
    net.getParameters()
    net.float()
    assert net.type() == "torch.FloatTensor" and net._type == "torch.FloatTensor"
    assert torch.type(net.get(1).weight) == "torch.FloatTensor"
    assert torch.type(net.get(3).output) == "torch.FloatTensor"
    assert net.get(1).weight.storage() is net.get(3).bias.storage()     # still one storage
    out = net.forward(torch.FloatTensor([1, 2, 3]))
    assert torch.type(out) == "torch.FloatTensor"
    net.double()
    assert torch.type(net.get(1).weight) == "torch.DoubleTensor"
    np.testing.assert_allclose(net.get(1).weight._np(), twin_w._np(), rtol=1e-6)


def test_apply_find_list_replace():
    net = nn.Sequential().add(nn.Linear(2, 2)).add(nn.Sequential().add(nn.Tanh()).add(nn.Linear(2, 1)))
    seen = []
    net.apply(lambda m: seen.append(torch.type(m)))
    assert seen == ["nn.Sequential", "nn.Linear", "nn.Sequential", "nn.Tanh", "nn.Linear"]
    nodes, holders = net.findModules("nn.Linear")
    assert len(nodes) == 2 and holders[1] is net and holders[2] is net.get(2)
    assert [torch.type(m) for m in net.listModules().to_list()] == seen
    out = net.replace(lambda m: nn.Sigmoid() if torch.type(m) == "nn.Tanh" else m)
    assert out is net and torch.type(net.get(2).get(1)) == "nn.Sigmoid"


def test_clearState_and_call():
    lin = nn.Linear(2, 3)
    y = lin(torch.ones(2))
    assert y is lin.output and y.nElement() == 3
    y2, g = lin(torch.ones(2), torch.ones(3))
    assert g is lin.gradInput and g.nElement() == 2
    assert lin.clearState() is lin and lin.output.nElement() == 0
    net = nn.Sequential().add(nn.Linear(2, 2))
    net.forward(torch.ones(2))
    assert net.clearState() is net and net.get(1).output.nElement() == 0


def test_reset_reproduces_torch7_init():
    torch.manualSeed(1)
    lin = nn.Linear(5, 3)
    w = lin.weight.clone()
    torch.manualSeed(1)
    assert lin.reset() is lin
    np.testing.assert_array_equal(lin.weight._np(), w._np())
    assert lin.weight[1][1] == pytest.approx(-0.0742, abs=5e-5)


def test_misspelt_methods_are_missing():
    lin = nn.Linear(2, 2)
    for wrong in ("upgradeOutput", "zeroAccParameters", "updateParameter", "backard"):
        assert not hasattr(lin, wrong)


# ---- from Lua ----------------------------------------------------------------------------

def test_module_api_from_lua():
    out, _ = run_lua("""
        torch.manualSeed(1)
        local net = nn.Sequential():add(nn.Linear(5, 3)):add(nn.Sigmoid())
        local params, grads = net:parameters()
        print(#params, #grads, torch.type(params[1]))
        local p, g = net:getParameters()
        print(p:nElement(), g:nElement(), p:storage() == net:get(1).weight:storage())
        print(net:zeroGradParameters())
        local y = net:forward(torch.ones(5))
        local gi = net:backward(torch.ones(5), torch.ones(3))
        print(gi:size(1), g:norm() > 0)
        local twin = net:clone()
        print(torch.type(twin), twin:get(1).weight:storage() == net:get(1).weight:storage())
        print(net:float():type(), torch.type(net:get(1).weight))
        local p2, g2 = nn.Tanh():parameters()
        print(p2, g2)
        print(net:findModules('nn.Sigmoid')[1])
        net:training()
        print(net.train, net:get(2).train)
    """)
    assert out.splitlines() == [
        "2\t2\ttorch.DoubleTensor",
        "18\t18\ttrue",
        "",
        "5\ttrue",
        "nn.Sequential\tfalse",
        "torch.FloatTensor\ttorch.FloatTensor",
        "nil\tnil",
        "nn.Sigmoid",
        "true\ttrue",
    ]
