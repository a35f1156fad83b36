"""optim.ConfusionMatrix: counting, accuracies (float precision as Torch7's), printing."""
import numpy as np
import pytest

from th import optim, torch
from th.lua.table import LuaTable

# Torch7's format: '%8d' counts (wider for big counts), '%2.3f' row accuracy, the
# averages concatenated as Lua prints numbers (%.14g) from float32 per-class values.
THREE_CLASSES = (
    "ConfusionMatrix:\n"
    "[[       1       1       0]   50.000% \t[class: cat]\n"
    " [       0       2       1]   66.667% \t[class: dog]\n"
    " [       1       1       2]]  50.000% \t[class: bird]\n"
    " + average row correct: 55.555556217829% \n"
    " + average rowUcol correct (VOC measure): 37.777778506279% \n"
    " + global correct: 55.555555555556%")


def three_class_matrix():
    cm = optim.ConfusionMatrix(LuaTable.from_list(["cat", "dog", "bird"]))
    for p, t in [(1, 1), (2, 1), (2, 2), (3, 2), (3, 3), (1, 3), (3, 3)]:
        cm.add(p, t)
    cm.add(torch.Tensor([0.1, 0.8, 0.1]), 2)                     # scores: arg max 2
    cm.add(torch.Tensor([0.1, 0.8, 0.1]), torch.Tensor([0, 0, 1]))  # one-hot target 3
    return cm


def test_counts_rows_are_targets():
    cm = three_class_matrix()
    assert cm.mat.tolist() == [[1, 1, 0], [0, 2, 1], [1, 1, 2]]
    assert isinstance(cm.mat, torch.LongTensor)


def test_tostring_is_torch7s_layout():
    assert str(three_class_matrix()) == THREE_CLASSES


def test_accuracies_are_float32_per_class_values():
    cm = three_class_matrix()
    cm.updateValids()
    assert isinstance(cm.valids, torch.FloatTensor)
    assert cm.valids.tolist() == [0.5, float(np.float32(2 / 3)), 0.5]
    assert cm.totalValid == 5 / 9
    assert cm.averageValid == (0.5 + float(np.float32(2 / 3)) + 0.5) / 3
    # VOC: diagonal / (row + column - diagonal)
    expected_union = [float(np.float32(v)) for v in (1 / 3, 2 / 5, 2 / 5)]
    assert cm.unionvalids.tolist() == expected_union
    assert cm.averageUnionValid == sum(expected_union) / 3


def test_numbered_classes_and_no_names():
    cm = optim.ConfusionMatrix(2)
    cm.batchAdd(torch.Tensor([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]), torch.Tensor([1, 1, 2]))
    assert str(cm) == ("ConfusionMatrix:\n"
                       "[[       1       1]   50.000% \n"
                       " [       1       0]]  0.000% \n"
                       " + average row correct: 25% \n"
                       " + average rowUcol correct (VOC measure): 16.666667163372% \n"
                       " + global correct: 33.333333333333%")
    named = optim.ConfusionMatrix(LuaTable.from_list([0, 1]))   # optim's test uses numbers
    named.add(1, 2)
    assert "\t[class: 0]\n" in str(named) and "\t[class: 1]\n" in str(named)


def test_empty_matrix_prints_nan_as_x86_lua():
    assert str(optim.ConfusionMatrix(2)) == ("ConfusionMatrix:\n"
                                             "[[       0       0]   -nan% \n"
                                             " [       0       0]]  -nan% \n"
                                             " + average row correct: -nan% \n"
                                             " + average rowUcol correct (VOC measure): -nan% \n"
                                             " + global correct: -nan%")


def test_wide_counts_widen_the_columns():
    cm = optim.ConfusionMatrix(2)
    cm.mat[1][1] = 123456789
    cm.mat[2][1] = 5
    assert str(cm).splitlines()[1] == "[[ 123456789         0]   100.000% "


def test_targets_zero_or_less_are_not_counted_and_zero_resets():
    cm = optim.ConfusionMatrix(3)
    cm.add(2, 0)
    cm.add(torch.Tensor([0.3, 0.2, 0.5]), -1)
    assert cm.mat.sum() == 0
    cm.add(1, 1)
    cm.updateValids()
    cm.zero()
    assert cm.mat.sum() == 0 and cm.totalValid == 0 and cm.averageValid == 0
    assert cm.valids.sum() == 0


def test_batch_add_forms():
    cm = optim.ConfusionMatrix(3)
    cm.batchAdd(torch.Tensor([1, 2, 3, 3]), torch.Tensor([1, 3, 3, 0]))       # class vectors
    cm.batchAdd(torch.Tensor([[2], [2]]), torch.Tensor([[1], [2]]))              # n x 1
    cm.batchAdd(torch.Tensor([[0.1, 0.2, 0.7]]), torch.Tensor([[0, 1, 0]]))      # scores, one-hot
    assert cm.mat.tolist() == [[1, 1, 0], [0, 1, 1], [0, 1, 1]]
    with pytest.raises(Exception, match="predictions has invalid number of dimensions"):
        cm.batchAdd(torch.zeros(2, 2, 2), torch.Tensor([1, 2]))


def test_far_frr_of_identity_is_zero_as_optims_test():
    cm = optim.ConfusionMatrix(10)
    cm.mat = torch.eye(10, 10)
    class_frrs, class_fars, frrs, fars = cm.farFrr()
    assert class_frrs.sum() + class_fars.sum() == 0
    assert frrs.nElement() == fars.nElement() == 10


def test_far_frr_with_no_sample_gives_empty_rates():
    class_frrs, class_fars, frrs, fars = optim.ConfusionMatrix(2).farFrr()
    assert class_frrs.tolist() == [-1, -1] and frrs.nElement() == fars.nElement() == 0


def test_far_frr_values():
    cm = optim.ConfusionMatrix(3)
    cm.mat = torch.LongTensor([[3, 1, 0], [2, 2, 0], [0, 0, 0]])
    class_frrs, class_fars, frrs, fars = cm.farFrr()
    assert class_frrs.tolist() == [0.25, 0.5, -1]
    assert class_fars.tolist() == [0.5, 0.25, -1]
    assert frrs.tolist() == [0.25, 0.5] and fars.tolist() == [0.5, 0.25]


def test_from_lua(capsys):
    from th.lua import Runtime
    rt = Runtime()
    rt.execute("""
        require 'optim'
        cm = optim.ConfusionMatrix({'cat', 'dog', 'bird'})
        for _, pair in ipairs{{1,1}, {2,1}, {2,2}, {3,2}, {3,3}, {1,3}, {3,3}} do
           cm:add(pair[1], pair[2])
        end
        cm:add(torch.Tensor{0.1, 0.8, 0.1}, 2)
        cm:add(torch.Tensor{0.1, 0.8, 0.1}, torch.Tensor{0, 0, 1})
        print(cm)
        print(torch.type(cm), cm.nclasses, cm.mat:sum(), #cm.classes)
        print(pcall(cm.render, cm))
    """)
    out = capsys.readouterr().out
    assert out.startswith(THREE_CLASSES + "\n")
    lines = out.splitlines()
    assert lines[7] == "optim.ConfusionMatrix\t3\t9\t3"
    assert lines[8].startswith("false\t") and "qtwidget" in lines[8]
