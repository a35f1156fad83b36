"""Containers: values, gradients through children, Torch7's tree printing, the modules
table seen from Lua, and errors re-thrown with "In <i> module of ..."."""
import numpy as np
import pytest

from th import nn, torch
from th.lua.table import LuaTable
from nn_check import check_jacobian, check_batch, rand_tensor, table, run_lua


def same(t, expected, tol=1e-12):
    np.testing.assert_allclose(t._np(), np.asarray(expected, dtype=float), rtol=tol, atol=tol)


def mlp():
    torch.manualSeed(4)
    return nn.Sequential().add(nn.Linear(4, 5)).add(nn.Tanh()).add(nn.Linear(5, 3))


def test_Sequential():
    net = mlp()
    x = rand_tensor(4)
    h = np.tanh(net.get(1).weight._np() @ x._np() + net.get(1).bias._np())
    same(net.forward(x), net.get(3).weight._np() @ h + net.get(3).bias._np())
    check_jacobian(net, x)
    check_batch(net, rand_tensor(6, 4))
    assert net.size() == 3 and isinstance(net.modules, LuaTable)
    assert str(net) == ("nn.Sequential {\n  [input -> (1) -> (2) -> (3) -> output]\n"
                        "  (1): nn.Linear(4 -> 5)\n  (2): nn.Tanh\n  (3): nn.Linear(5 -> 3)\n}")


def test_Sequential_insert_remove():
    net = nn.Sequential().add(nn.Linear(2, 2)).add(nn.Tanh())
    net.insert(nn.ReLU(), 2)
    assert [str(m) for m in net.modules.to_list()] == ["nn.Linear(2 -> 2)", "nn.ReLU", "nn.Tanh"]
    net.remove(1)
    assert net.size() == 2 and net.gradInput is net.get(1).gradInput
    net.remove()
    assert net.size() == 1 and net.output is net.get(1).output
    with pytest.raises(Exception, match="index out of range"):
        net.remove(5)
    with pytest.raises(Exception, match="index should be contiguous to existing modules"):
        net.insert(nn.Tanh(), 4)


def test_Sequential_nested_printing():
    inner = nn.Sequential().add(nn.Linear(3, 2))
    outer = nn.Sequential().add(inner).add(nn.Sigmoid())
    assert str(outer) == ("nn.Sequential {\n  [input -> (1) -> (2) -> output]\n"
                          "  (1): nn.Sequential {\n    [input -> (1) -> output]\n"
                          "    (1): nn.Linear(3 -> 2)\n  }\n  (2): nn.Sigmoid\n}")


def test_Concat():
    c = nn.Concat(1).add(nn.Linear(3, 2)).add(nn.Linear(3, 4))
    x = rand_tensor(3)
    out = c.forward(x)
    same(out, np.concatenate([c.get(1).forward(x)._np(), c.get(2).forward(x)._np()]))
    check_jacobian(c, x)
    batch = nn.Concat(2).add(nn.Linear(3, 2)).add(nn.Tanh())
    check_jacobian(batch, rand_tensor(4, 3))
    assert str(c).startswith("nn.Concat {\n  input\n    |`-> (1): nn.Linear(3 -> 2)\n")


def test_DepthConcat():
    c = nn.DepthConcat(1).add(nn.Identity()).add(nn.Padding(2, 2))
    x = rand_tensor(2, 3)
    out = c.forward(x)
    assert out.size().tolist() == [4, 5]
    expected = np.zeros((4, 5))
    expected[0:2, 1:4] = x._np()                  # centred: one column of zeros each side
    expected[2:4, 0:3] = x._np()
    same(out, expected)
    check_jacobian(c, x)
    assert str(c).startswith("nn.DepthConcat {")


def test_Parallel():
    p = nn.Parallel(1, 1).add(nn.Linear(3, 2)).add(nn.Linear(3, 4))
    x = rand_tensor(2, 3)
    out = p.forward(x)
    expected = np.concatenate([p.get(1).forward(x.select(1, 1))._np(),
                               p.get(2).forward(x.select(1, 2))._np()])
    same(out, expected)
    check_jacobian(p, x)
    p2 = nn.Parallel(2, 1).add(nn.Tanh()).add(nn.Sigmoid()).add(nn.Identity())
    check_jacobian(p2, rand_tensor(4, 3))
    assert str(p).startswith("nn.Parallel {\n  input\n")


def test_ParallelTable():
    pt = nn.ParallelTable().add(nn.Linear(2, 3)).add(nn.Tanh())
    x = table(rand_tensor(2, seed=1), rand_tensor(4, seed=2))
    out = pt.forward(x)
    assert isinstance(out, LuaTable) and len(out) == 2
    same(out[2], np.tanh(x[2]._np()))
    check_jacobian(pt, x)
    check_batch(pt, table(rand_tensor(3, 2), rand_tensor(3, 4)))
    assert str(nn.ParallelTable().add(nn.Identity()).add(nn.Sigmoid())) == (
        "nn.ParallelTable {\n  input\n    |`-> (1): nn.Identity\n     `-> (2): nn.Sigmoid\n"
        "     ... -> output\n}")


def test_ConcatTable():
    ct = nn.ConcatTable().add(nn.Linear(3, 2)).add(nn.Sequential().add(nn.Tanh()).add(nn.Linear(3, 4)))
    x = rand_tensor(3)
    out = ct.forward(x)
    assert len(out) == 2 and out[2].size().tolist() == [4]
    check_jacobian(ct, x)
    check_batch(ct, rand_tensor(3, 3))
    tables = nn.ConcatTable().add(nn.SelectTable(1)).add(nn.CAddTable())   # table input
    check_jacobian(tables, table(rand_tensor(3, seed=1), rand_tensor(3, seed=2)))


def test_MapTable():
    torch.manualSeed(2)
    mt = nn.MapTable(nn.Linear(3, 2))
    x = table(rand_tensor(3, seed=1), rand_tensor(3, seed=2), rand_tensor(3, seed=3))
    out = mt.forward(x)
    assert len(out) == 3 and len(mt.modules) == 3
    w = mt.get(1).weight
    assert mt.get(3).weight.storage() is w.storage()      # clones share the parameters
    same(out[3], w._np() @ x[3]._np() + mt.get(1).bias._np())
    check_jacobian(mt, x)
    assert str(mt) == "nn.MapTable {\n  nn.Linear(3 -> 2)\n}"


def test_container_parameters_and_training_flags():
    net = nn.Sequential().add(nn.Linear(2, 3)).add(nn.Dropout()).add(nn.Linear(3, 1))
    params, grads = net.parameters()
    assert len(params) == 4 and params[1] is net.get(1).weight and grads[4] is net.get(3).gradBias
    net.evaluate()
    assert net.get(2).train is False and net.train is False
    net.training()
    assert net.get(2).train is True


# ---- errors ---------------------------------------------------------------------------

def test_errors_name_the_module():
    net = nn.Sequential().add(nn.Linear(3, 4)).add(nn.Linear(5, 2))
    with pytest.raises(Exception) as info:
        net.forward(torch.zeros(3))
    assert str(info.value) == "\nIn 2 module of nn.Sequential:\nsize mismatch, [2 x 5], [4]"


def test_nested_errors_from_lua():
    out, _ = run_lua("""
        local inner = nn.Sequential():add(nn.Linear(3, 4)):add(nn.Linear(5, 2))
        local net = nn.Sequential():add(nn.Tanh()):add(inner)
        local ok, err = pcall(function() return net:forward(torch.zeros(3)) end)
        print(err)
        local ct = nn.ConcatTable():add(nn.Identity()):add(nn.Linear(2, 2))
        ok, err = pcall(function() return ct:forward(torch.zeros(3)) end)
        print(err)
    """)
    assert out == ("test:5: \nIn 2 module of nn.Sequential:\nIn 2 module of nn.Sequential:\n"
                   "size mismatch, [2 x 5], [4]\n"
                   "test:8: \nIn 2 module of nn.ConcatTable:\nsize mismatch, [2 x 2], [3]\n")


def test_error_inside_a_lua_module_keeps_its_position():
    out, _ = run_lua("""
        local Bad = torch.class('nn.TestBadLayer', 'nn.Module')
        function Bad:updateOutput(input)
          error('boom')
        end
        local net = nn.Sequential():add(nn.Identity()):add(nn.TestBadLayer())
        local ok, err = pcall(net.forward, net, torch.zeros(1))
        print(err)
    """)
    assert out == "\nIn 2 module of nn.Sequential:\ntest:5: boom\n"


def test_modules_table_from_lua():
    out, rt = run_lua("""
        net = nn.Sequential():add(nn.Linear(2, 3)):add(nn.ReLU())
        print(#net.modules, #net, net.modules[1] == net:get(1), torch.type(net.modules[2]))
        net.modules[2] = nn.Tanh()
        print(net)
        for i, m in ipairs(net.modules) do print(i, m) end
    """)
    assert out.splitlines()[0] == "2\t2\ttrue\tnn.ReLU"
    assert "(2): nn.Tanh" in out and out.splitlines()[-1] == "2\tnn.Tanh"
