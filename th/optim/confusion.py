"""optim.ConfusionMatrix: counts of (target, prediction) pairs and the accuracies they give.

    conf = optim.ConfusionMatrix({'cat', 'dog', 'person'})
    conf:add(net:forward(sample), label)     -- scores (arg max taken) or a class index
    print(conf)                              -- Torch7's layout, character for character

`mat` is a LongTensor with one row per target class and one column per predicted class.
The per-class accuracies live in FloatTensors as in Torch7, so the printed percentages
carry float precision exactly as Torch7's did (66.666668653488%, not 66.666666666667%).
"""
import math

from th import torch
from th.lua.lib.args import number_to_string, type_error
from th.lua.lib.string import str_format
from th.lua.table import LuaTable
from th.optim.luamath import div
from th.optim.protocol import OptimError, truthy
from th.torch.classes import TorchObject
from th.torch.tensor import Tensor

_NUMBER = (int, float)


class ConfusionMatrix(TorchObject):
    """optim.ConfusionMatrix(nclasses | classes [, classes]): a confusion matrix.

    classes is a table of class names, printed beside each row. Fields: mat (n x n
    LongTensor, rows = targets, columns = predictions), valids and unionvalids (per-class
    accuracy and VOC accuracy, FloatTensors), totalValid, averageValid and
    averageUnionValid (set by updateValids, which printing calls).

    Example: conf = optim.ConfusionMatrix({'cat', 'dog'}); conf:add(2, 2); conf:add(1, 2); print(conf)
    """

    __typename__ = "optim.ConfusionMatrix"

    def __init__(self, nclasses=None, classes=None):
        if isinstance(nclasses, (LuaTable, list, tuple)):
            classes = nclasses
            nclasses = len(classes)
        if type(nclasses) not in _NUMBER:
            raise type_error(nclasses, 1, "ConfusionMatrix", "number or table")
        if isinstance(classes, (list, tuple)):
            classes = LuaTable.from_list(list(classes))
        n = int(nclasses)
        self.mat = torch.LongTensor(n, n).zero()
        self.valids = torch.FloatTensor(n).zero()
        self.unionvalids = torch.FloatTensor(n).zero()
        self.nclasses = n
        self.totalValid = 0
        self.averageValid = 0
        self.classes = classes if classes is not None else LuaTable()
        # work buffers, as Torch7 keeps them
        self._target = torch.FloatTensor()
        self._prediction = torch.FloatTensor()
        self._max = torch.FloatTensor()
        self._pred_idx = torch.LongTensor()
        self._targ_idx = torch.LongTensor()

    def _add(self, p, t):
        """Count one (prediction p, target t) pair of class indices; t <= 0 is ignored."""
        if type(p) not in _NUMBER:
            raise type_error(p, 1, "add", "number")
        if type(t) not in _NUMBER:
            raise type_error(t, 2, "add", "number")
        if t > 0:
            row = self.mat[int(t)]
            row[int(p)] = row[int(p)] + 1

    def add(self, prediction, target):
        """conf:add(prediction, target): count one sample.

        prediction is a class index or a vector of scores (its arg max is the class);
        target is a class index (0 or less: not counted) or a vector (its arg max).
        Example: conf:add(torch.Tensor({0.1, 0.7, 0.2}), 2)
        """
        if type(prediction) in _NUMBER:
            self._add(prediction, target)
            return
        if not isinstance(prediction, Tensor) or prediction.dim() != 1:
            raise type_error(prediction, 1, "add", "number or 1D tensor")
        self._prediction.resize(prediction.size()).copy(prediction)
        if type(target) in _NUMBER:
            torch.max(self._max, self._pred_idx, self._prediction, 1)
            self._add(self._pred_idx[1], target)
            return
        if not isinstance(target, Tensor) or target.dim() != 1:
            raise type_error(target, 2, "add", "number or 1D tensor")
        self._target.resize(target.size()).copy(target)
        torch.max(self._max, self._targ_idx, self._target, 1)
        torch.max(self._max, self._pred_idx, self._prediction, 1)
        self._add(self._pred_idx[1], self._targ_idx[1])

    def batchAdd(self, predictions, targets):
        """conf:batchAdd(predictions, targets): count a batch of samples.

        predictions: a vector of class indices or a matrix of scores (one row per
        sample); targets: a vector of class indices or a matrix of one-hot rows.
        Example: conf:batchAdd(torch.Tensor({{0.9, 0.1}, {0.2, 0.8}}), torch.Tensor({1, 1}))
        """
        preds = self._classes_of(predictions, self._prediction, self._pred_idx, "predictions")
        targs = self._classes_of(targets, self._target, self._targ_idx, "targets")
        for p, t in zip(preds.tolist(), targs.tolist()):
            self._add(p, t)

    def _classes_of(self, values, buf, idx, what):
        # a vector of classes, an n x 1 matrix of classes, or a matrix of scores (arg max)
        if not isinstance(values, Tensor):
            raise type_error(values, 1 if what == "predictions" else 2, "batchAdd", "tensor")
        buf.resize(values.size()).copy(values)
        if values.dim() == 1:
            return buf
        if values.dim() == 2:
            if values.size(2) == 1:
                return buf.select(2, 1)
            torch.max(self._max, idx, buf, 2)
            return idx.select(2, 1)
        raise OptimError(f"{what} has invalid number of dimensions")

    def zero(self):
        """conf:zero(): reset the counts and accuracies. Example: conf:zero()"""
        self.mat.zero()
        self.valids.zero()
        self.unionvalids.zero()
        self.totalValid = 0
        self.averageValid = 0

    def updateValids(self):
        """conf:updateValids(): compute the accuracies from mat.

        Sets valids, unionvalids, totalValid, averageValid and averageUnionValid (a
        class never seen as a target gives nan and is left out of the averages).

        Example: conf:updateValids(); print(conf.totalValid)
        """
        mat = self.mat.tolist()
        n = self.nclasses
        total = 0
        for t in range(n):
            hit = mat[t][t]
            row = sum(mat[t])
            col = sum(r[t] for r in mat)
            self.valids[t + 1] = div(hit, row)
            self.unionvalids[t + 1] = div(hit, row + col - hit)
            total = total + hit
        self.totalValid = div(total, sum(map(sum, mat)))
        valids, unionvalids = self.valids.tolist(), self.unionvalids.tolist()
        average, average_union, nvalids, nunion = 0, 0, 0, 0
        for v, u in zip(valids, unionvalids):
            if v == v:
                average = average + v
                nvalids += 1
                if u == u:
                    average_union = average_union + u
                    nunion += 1
        self.averageValid = div(average, nvalids)
        self.averageUnionValid = div(average_union, nunion)

    def farFrr(self):
        """conf:farFrr(): false acceptance and false rejection rates.

        Returns classFrrs and classFars (one per class, -1 for a class never seen as a
        target) and frrs and fars (the classes that were seen only).
        Example: conf:add(1, 1); classFrrs, classFars, frrs, fars = conf:farFrr()
        """
        cmat = self.mat.tolist()
        n = len(cmat)
        counts = [sum(row) for row in cmat]
        for key in ("_frrs", "_classFrrs", "_fars", "_classFars"):
            if getattr(self, key, None) is None:
                setattr(self, key, torch.zeros(n))
        self._frrs.zero()
        self._classFrrs.zero().add(-1)
        self._fars.zero()
        self._classFars.zero().add(-1)
        indx = 1
        for i in range(n):
            if counts[i] == 0:
                continue
            self._frrs[indx] = 1 - div(cmat[i][i], counts[i])
            self._classFrrs[i + 1] = self._frrs[indx]
            far_num, far_den = 0, 0
            for j in range(n):
                if i != j and counts[j] != 0:
                    far_num = far_num + div(cmat[j][i], counts[j])
                    far_den += 1
            self._fars[indx] = div(far_num, far_den)
            self._classFars[i + 1] = self._fars[indx]
            indx += 1
        seen = indx - 1
        if seen == 0:
            # Torch7 failed here (an empty range); empty tensors say "no class seen"
            return self._classFrrs, self._classFars, torch.Tensor(), torch.Tensor()
        return (self._classFrrs, self._classFars,
                self._frrs.narrow(1, 1, seen), self._fars.narrow(1, 1, seen))

    def render(self, *_):
        """conf:render(...): Torch7 drew the matrix with qtwidget, which th does not have.

        Example: print(conf)   -- the printed matrix instead
        """
        raise OptimError("ConfusionMatrix:render needs qtwidget, which th does not provide; "
                         "print the matrix instead")

    def __tostring__(self):
        """tostring(conf): the matrix, one row per target, with the accuracies."""
        self.updateValids()
        mat = self.mat.tolist()
        n = self.nclasses
        max_cnt = self.mat.max() if n else 0
        digits = 8 if max_cnt <= 0 else max(8, 1 + math.ceil(math.log10(max_cnt)))
        named = truthy(self.classes.get(1)) if type(self.classes) is LuaTable else False
        valids = self.valids.tolist()
        out = ["ConfusionMatrix:\n", "["]
        for t in range(n):
            pclass = str_format("%2.3f", valids[t] * 100)
            out.append("[" if t == 0 else " [")
            out.extend(str_format(f"%{digits}d", c) for c in mat[t])
            end = "]]  " if t == n - 1 else "]   "
            if named:
                out.append(f"{end}{pclass}% \t[class: {_name(self.classes.get(t + 1))}]\n")
            else:
                out.append(f"{end}{pclass}% \n")
        out.append(f" + average row correct: {_num(self.averageValid * 100)}% \n")
        out.append(" + average rowUcol correct (VOC measure): "
                   f"{_num(self.averageUnionValid * 100)}% \n")
        out.append(f" + global correct: {_num(self.totalValid * 100)}%")
        return "".join(out)


def _num(x):
    return number_to_string(x)


def _name(v):
    # `(classes[t] or '')` concatenated: numbers print as Lua prints them
    if v is None or v is False:
        return ""
    if type(v) in _NUMBER:
        return number_to_string(v)
    return str(v)
