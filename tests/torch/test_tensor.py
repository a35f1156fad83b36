"""Tensor core semantics: constructors, sizes, views sharing storage, indexing, copy,
type conversion, and errors in Torch7's wording."""
import numpy as np
import pytest

from th import torch
from th.lua.table import LuaTable
from th.torch.errors import TorchError


def T(x):
    return torch.Tensor(x)


def tbl(*items):
    return LuaTable.from_list([tbl(*i) if isinstance(i, list) else i for i in items])


# ---- constructors ------------------------------------------------------------------

def test_constructor_forms():
    assert torch.Tensor().dim() == 0 and torch.Tensor().nElement() == 0
    assert torch.Tensor(2, 3).size().tolist() == [2, 3]
    assert torch.Tensor(torch.LongStorage([4, 5])).size().tolist() == [4, 5]
    # Torch7: the size list ends at the first size <= 0
    assert torch.Tensor(3, 0, 2).size().tolist() == [3]
    assert torch.Tensor(0).dim() == 0
    t = torch.Tensor(tbl([1, 2], [3, 4]))
    assert t.tolist() == [[1, 2], [3, 4]]
    assert torch.DoubleTensor([[1, 2, 3]]).size().tolist() == [1, 3]


def test_constructor_view_and_storage_forms():
    x = torch.zeros(2, 3)
    v = torch.Tensor(x)
    v[1][2] = 7
    assert x[1][2] == 7 and v.storage() is x.storage()
    s = torch.DoubleStorage([1, 2, 3, 4, 5, 6])
    a = torch.Tensor(s, 2, torch.LongStorage([2, 2]))
    assert a.tolist() == [[2, 3], [4, 5]]
    b = torch.Tensor(s, 1, 3, 1, 2, 3)     # sizes/strides interleaved
    assert b.tolist() == [[1, 4], [2, 5], [3, 6]]
    # a LongStorage passed to LongTensor is data, not sizes
    assert torch.LongTensor(torch.LongStorage([7, 8])).tolist() == [7, 8]
    assert torch.DoubleTensor(torch.DoubleTensor([1, 2])).tolist() == [1, 2]


def test_constructor_errors():
    with pytest.raises(TorchError, match="invalid tensor sizes"):
        torch.Tensor(tbl([1, 2], [3]))
    with pytest.raises(TorchError, match="invalid element"):
        torch.Tensor(tbl(1, "a"))


def test_resize_keeps_sizes_and_grows_storage():
    x = torch.Tensor(2, 3)
    st = x.storage()
    x.resize(3, 4)
    assert x.size().tolist() == [3, 4] and x.storage() is st and st.size() == 12
    y = torch.DoubleTensor(torch.DoubleStorage(4)).resize(2, 2)
    assert y.size().tolist() == [2, 2]


# ---- views share storage -------------------------------------------------------------

def test_views_share_storage():
    x = torch.range(1, 12).view(3, 4)
    for view in (x.narrow(1, 2, 1), x.select(2, 3), x.sub(2, 3, 1, 2), x.t(),
                 x.transpose(1, 2), x.unfold(2, 2, 2), x.view(12), x[2], x[[[1, 2]]],
                 x.view(4, 3)):
        assert view.storage() is x.storage()
    x.narrow(1, 2, 1).fill(0)
    assert x[2].tolist() == [0, 0, 0, 0]
    x.t()[1][3] = 42
    assert x[3][1] == 42


def test_view_shapes_and_offsets():
    x = torch.range(1, 24).view(2, 3, 4)
    assert x.narrow(3, 2, 2).storageOffset() == 2
    assert x.select(1, 2).storageOffset() == 13
    assert x.transpose(1, 3).size().tolist() == [4, 3, 2]
    assert x.permute(3, 1, 2).size().tolist() == [4, 2, 3]
    assert x.permute(3, 1, 2).stride().tolist() == [1, 12, 4]
    u = torch.range(1, 5).unfold(1, 2, 1)
    assert u.tolist() == [[1, 2], [2, 3], [3, 4], [4, 5]]
    e = torch.Tensor([[1], [2]]).expand(2, 3)
    assert e.stride().tolist() == [1, 0] and e.tolist() == [[1, 1, 1], [2, 2, 2]]
    assert torch.zeros(2, 1, 3).squeeze().size().tolist() == [2, 3]
    assert torch.zeros(2, 1, 3).squeeze(2).size().tolist() == [2, 3]
    assert torch.Tensor([5]).squeeze() == 5
    assert torch.range(1, 6).view(-1, 2).size().tolist() == [3, 2]
    assert x.t if False else x.isContiguous() and not x.transpose(1, 2).isContiguous()


def test_view_errors():
    with pytest.raises(TorchError, match="Wrong size for view. Input size: 6. Output size: 4"):
        torch.range(1, 6).view(4)
    with pytest.raises(TorchError, match="contiguous"):
        torch.zeros(2, 3).t().view(6)
    with pytest.raises(TorchError, match="only supporting singleton expansion"):
        torch.zeros(2, 3).expand(4, 3)
    with pytest.raises(TorchError, match=r"bad argument #4 to 'narrow' \(out of range\)"):
        torch.zeros(3).narrow(1, 2, 5)
    with pytest.raises(TorchError, match="Tensor must have 2 dimensions"):
        torch.zeros(3).t()


def test_views_allocate_no_element_data():
    import tracemalloc
    x = torch.zeros(1000, 1000)
    tracemalloc.start()
    views = [x.narrow(1, 10, 100), x.t(), x[5], x.view(100, 10000), x.select(2, 3),
             x.unfold(1, 10, 10), x[[[2, 500], [3, 7]]]]
    for v in views:
        v.numpy()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 64 * 1024      # 8 MB of elements would show up here


# ---- indexing ----------------------------------------------------------------------------

def test_index_forms():
    x = torch.range(1, 12).view(3, 4)
    assert x[2].tolist() == [5, 6, 7, 8]
    assert x[-1].tolist() == [9, 10, 11, 12]
    assert x[2][3] == 7 and isinstance(x[2][3], float)
    assert x[tbl(2, 3)] == 7
    assert x[tbl(tbl(2, 3))].tolist() == [[5, 6, 7, 8], [9, 10, 11, 12]]
    assert x[tbl(tbl(2, 3), tbl(1))].tolist() == [[5], [9]]
    assert x[tbl(tbl(), 2)].tolist() == [2, 6, 10]
    assert x[tbl(-1, -1)] == 12
    assert x[torch.LongStorage([3, 2])] == 10
    assert x[x.gt(10)].tolist() == [11, 12]
    assert torch.LongTensor([4, 5])[1] == 4 and isinstance(torch.LongTensor([4])[1], int)


def test_index_assignment_forms():
    x = torch.zeros(3, 4)
    x[2] = 1
    assert x.sum() == 4
    x[tbl(1, 1)] = 5
    assert x[1][1] == 5
    x[tbl(tbl(), 4)] = torch.Tensor([7, 8, 9])
    assert x.select(2, 4).tolist() == [7, 8, 9]
    x[tbl(3, tbl(1, 2))] = torch.IntTensor([3, 3])
    assert x[3].tolist() == [3, 3, 0, 9]
    x[x.eq(3)] = -1
    assert x[3].tolist() == [-1, -1, 0, 9]
    v = torch.zeros(3)
    v[-1] = 4
    assert v.tolist() == [0, 0, 4]


def test_index_errors():
    x = torch.zeros(2, 2)
    with pytest.raises(TorchError, match=r"bad argument #2 to '\?' \(out of range\)"):
        x[3]
    with pytest.raises(TorchError, match="too many indices provided"):
        x[tbl(1, 1, 1)]
    with pytest.raises(TorchError, match="index out of bound"):
        x[tbl(1, 5)]
    with pytest.raises(TorchError, match="end index must be greater or equal"):
        x[tbl(tbl(2, 1))]


def test_index_functions():
    x = torch.Tensor([[1, 2], [3, 4], [5, 6]])
    idx = torch.LongTensor([3, 1])
    assert x.index(1, idx).tolist() == [[5, 6], [1, 2]]
    assert torch.index(x, 2, torch.LongTensor([2])).tolist() == [[2], [4], [6]]
    y = torch.zeros(3, 2)
    y.indexCopy(1, idx, torch.ones(2, 2))
    assert y.tolist() == [[1, 1], [0, 0], [1, 1]]
    y.indexAdd(1, torch.LongTensor([1, 1]), torch.ones(2, 2))
    assert y[1].tolist() == [3, 3]
    y.indexFill(2, torch.LongTensor([2]), -1)
    assert y.select(2, 2).tolist() == [-1, -1, -1]
    g = torch.Tensor([[1, 2], [3, 4]]).gather(2, torch.LongTensor([[2], [1]]))
    assert g.tolist() == [[2], [3]]
    s = torch.zeros(2, 2).scatter(1, torch.LongTensor([[2, 1]]), torch.Tensor([[7, 8]]))
    assert s.tolist() == [[0, 8], [7, 0]]
    m = torch.ByteTensor([0, 1, 0, 1])
    z = torch.zeros(4)
    z.maskedCopy(m, torch.Tensor([7, 8]))
    assert z.tolist() == [0, 7, 0, 8]
    assert z.maskedSelect(m).tolist() == [7, 8]
    assert torch.Tensor([0, 3, 0, 4]).nonzero().tolist() == [[2], [4]]
    assert torch.eye(2).nonzero().tolist() == [[1, 1], [2, 2]]


# ---- copy / type -------------------------------------------------------------------------

def test_copy_across_types_and_shapes():
    x = torch.zeros(2, 2)
    x.copy(torch.IntTensor([1, 2, 3, 4]))
    assert x.tolist() == [[1, 2], [3, 4]]
    f = torch.FloatTensor(2, 2).copy(x.t())
    assert f.tolist() == [[1, 3], [2, 4]]
    with pytest.raises(TorchError, match="inconsistent tensor size"):
        x.copy(torch.zeros(3))


def test_type_conversion():
    x = torch.Tensor([1.7, -2.7])
    assert x.long().tolist() == [1, -2]
    assert x.type() == "torch.DoubleTensor"
    assert x.type("torch.IntTensor").__typename__ == "torch.IntTensor"
    assert x.double() is x
    assert x.typeAs(torch.FloatTensor()).type() == "torch.FloatTensor"
    assert torch.ByteTensor([-1])[1] == 255       # C cast wraps


def test_clone_and_contiguous():
    x = torch.range(1, 6).view(2, 3)
    c = x.clone()
    c[1][1] = 100
    assert x[1][1] == 1
    assert x.contiguous() is x
    tc = x.t().contiguous()
    assert tc.isContiguous() and tc.tolist() == [[1, 4], [2, 5], [3, 6]]


def test_set_and_is_set_to():
    x = torch.zeros(3)
    y = torch.Tensor().set(x)
    assert y.isSetTo(x)
    s = torch.DoubleStorage(6)
    z = torch.Tensor().set(s, 2, torch.LongStorage([2, 2]))
    assert z.storageOffset() == 2 and z.size().tolist() == [2, 2]


def test_numpy_shares_memory():
    x = torch.zeros(2, 3)
    a = x.numpy()
    a[0, 1] = 5
    assert x[1][2] == 5
    b = np.arange(6.0).reshape(2, 3)
    t = torch.from_numpy(b)
    t[1][1] = 42
    assert b[0, 0] == 42


def test_too_large_is_an_error():
    from th.torch.storage import PHYSICAL_MEMORY
    with pytest.raises(TorchError, match="not enough memory"):
        torch.Tensor(1 << 30, 1 << 30)
    n = PHYSICAL_MEMORY // 8 + 1                 # lazily-zeroed pages would pass malloc
    with pytest.raises(TorchError, match="not enough memory"):
        torch.Tensor(n)
    with pytest.raises(TorchError, match="not enough memory"):
        torch.zeros(2).resize(n)
    with pytest.raises(TorchError, match="not enough memory"):
        torch.DoubleStorage(n)


@pytest.mark.parametrize("src_type", ["torch.DoubleTensor", "torch.FloatTensor",
                                      "torch.IntTensor"])
def test_big_strided_copies(src_type):
    # the tiled numba kernel (2-D, strided source) against numpy, same and cross type
    from th.torch.ops import copy as copy_ops
    side = int(copy_ops.NUMBA_MIN ** 0.5) + 7
    src = torch.getmetatable(src_type)(side, side + 3).random(1, 1000)
    dst = torch.DoubleTensor(side + 3, side)
    dst.copy(src.t())
    np.testing.assert_array_equal(dst.numpy(), src.numpy().T.astype(np.float64))
    back = torch.getmetatable(src_type)(side + 3, side)
    back.copy(dst)
    np.testing.assert_array_equal(back.numpy(), src.numpy().T)
