"""torch.save/load/serialize/deserialize in Torch7's binary and ascii formats."""
import struct

import pytest

from th import torch
from th.lua.table import LuaTable
from th.torch.errors import TorchError


def sample():
    x = torch.range(1, 6).view(2, 3)
    return LuaTable.from_dict({
        "n": 3.5, "i": 7, "s": "h\u00e9llo\nworld", "yes": True, "no": False,
        "x": x, "alias": x, "t": x.t(), "f": torch.FloatTensor([1.25, -2]),
        "l": torch.LongTensor([2 ** 40, -3]), "b": torch.ByteTensor([0, 255]),
        "c": torch.CharTensor([-128, 127]), "st": torch.IntStorage([4, 5]),
        "e": torch.Tensor(), "nested": LuaTable.from_list([1, LuaTable.from_dict({"k": "v"})]),
    })


@pytest.mark.parametrize("fmt", ["binary", "ascii"])
def test_round_trip(fmt):
    r = torch.deserialize(torch.serialize(sample(), fmt), fmt)
    assert r["n"] == 3.5 and r["i"] == 7 and r["s"] == "h\u00e9llo\nworld"
    assert r["yes"] is True and r["no"] is False
    assert r["x"].tolist() == [[1, 2, 3], [4, 5, 6]]
    assert r["alias"] is r["x"]                                  # references kept
    assert r["t"].storage() is r["x"].storage() and r["t"].tolist() == [[1, 4], [2, 5], [3, 6]]
    assert r["f"].type() == "torch.FloatTensor" and r["f"].tolist() == [1.25, -2]
    assert r["l"].tolist() == [2 ** 40, -3] and r["b"].tolist() == [0, 255]
    assert r["c"].tolist() == [-128, 127]
    assert r["st"].tolist() == [4, 5] and r["st"].__typename__ == "torch.IntStorage"
    assert r["e"].dim() == 0
    assert r["nested"][1] == 1 and r["nested"][2]["k"] == "v"


def test_binary_layout_is_torch7s():
    # X.t7 from Torch7's tutorials (a 32x32 DoubleTensor) is 8319 bytes: same layout here.
    s = torch.serialize(torch.zeros(32, 32)).encode("latin-1")
    assert len(s) == 8319
    tag, index, vlen = struct.unpack_from("<iii", s, 0)
    assert (tag, index, vlen) == (4, 1, 3) and s[12:15] == b"V 1"
    assert struct.unpack_from("<i", s, 15)[0] == 18 and s[19:37] == b"torch.DoubleTensor"
    ndim, = struct.unpack_from("<i", s, 37)
    sizes = struct.unpack_from("<qq", s, 41)
    strides = struct.unpack_from("<qq", s, 57)
    offset, = struct.unpack_from("<q", s, 73)
    assert (ndim, sizes, strides, offset) == (2, (32, 32), (32, 1), 1)


def test_ascii_layout():
    s = torch.serialize(torch.Tensor([1.5, 2]), "ascii")
    assert s == ("4\n1\n3\nV 1\n18\ntorch.DoubleTensor\n1\n2\n1\n1\n"
                 "4\n2\n3\nV 1\n19\ntorch.DoubleStorage\n2\n1.5 2\n")
    assert torch.serialize(3, "ascii") == "1\n3\n"


def test_unreferenced_mode_copies(tmp_path):
    x = torch.ones(2)
    f = tmp_path / "u.t7"
    torch.save(str(f), LuaTable.from_list([x, x]), "binary", False)
    r = torch.load(str(f))
    assert r[1] is not r[2] and r[1].tolist() == [1, 1]


def test_save_is_atomic_and_load_errors(tmp_path):
    f = tmp_path / "x.t7"
    torch.save(str(f), torch.ones(3))
    assert torch.load(str(f)).tolist() == [1, 1, 1]
    assert [p.name for p in tmp_path.iterdir()] == ["x.t7"]         # no temp file left
    before = f.read_bytes()
    with pytest.raises(TorchError, match="Unwritable object"):
        torch.save(str(f), LuaTable.from_dict({"f": lambda: 1}))
    assert f.read_bytes() == before                                  # old file intact
    with pytest.raises(TorchError, match="cannot open"):
        torch.load(str(tmp_path / "missing.t7"))
    (tmp_path / "bad.t7").write_bytes(b"\x04\x00\x00")
    with pytest.raises(TorchError, match="read error"):
        torch.load(str(tmp_path / "bad.t7"))


def test_torch_class_objects_by_fields():
    Point, _ = torch.class_("test.SerialPoint")
    p = Point()
    p.x, p.y, p.data = 1, 2, torch.ones(2)
    q = torch.deserialize(torch.serialize(p))
    assert type(q) is Point and q.x == 1 and q.data.tolist() == [1, 1]
    with pytest.raises(TorchError, match="unknown Torch class"):
        s = torch.serialize(p).replace("test.SerialPoint", "test.SerialPoinX")
        torch.deserialize(s)


def test_functions_are_never_run():
    # A Torch7 stream holding a function (tag 8): bytecode skipped, a stub returned.
    out = struct.pack("<ii", 8, 1) + struct.pack("<i", 4) + b"\x1bLJ\x01"
    out += struct.pack("<ii", 3, 2) + struct.pack("<i", 0)        # empty upvalue table
    fn = torch.deserialize(out.decode("latin-1"))
    with pytest.raises(TorchError, match="does not run code"):
        fn()


def test_b32_longs():
    # A 1-D LongTensor written with 4-byte longs (Torch7 on a 32-bit machine).
    body = struct.pack("<ii", 4, 1) + struct.pack("<i", 3) + b"V 1" + struct.pack("<i", 16)
    body += b"torch.LongTensor" + struct.pack("<i", 1) + struct.pack("<iii", 2, 1, 1)
    body += struct.pack("<ii", 4, 2) + struct.pack("<i", 3) + b"V 1" + struct.pack("<i", 17)
    body += b"torch.LongStorage" + struct.pack("<i", 2) + struct.pack("<ii", 7, -8)
    t = torch.deserialize(body.decode("latin-1"), "b32")
    assert t.tolist() == [7, -8]


@pytest.mark.parametrize("binary", [False, True])
def test_disk_and_memory_files(tmp_path, binary):
    x = torch.range(1, 4)
    path = str(tmp_path / "f.t7")
    f = torch.DiskFile(path, "w")
    if binary:
        f.binary()
    f.writeInt(7)
    f.writeDouble(0.25)
    f.writeObject(LuaTable.from_list([x, "s"]))
    f.close()
    g = torch.DiskFile(path, "r")
    if binary:
        g.binary()
    assert g.readInt() == 7 and g.readDouble() == 0.25
    obj = g.readObject()
    assert obj[1].tolist() == [1, 2, 3, 4] and obj[2] == "s"
    g.close()
    if binary:                                   # DiskFile binary = torch.save's format
        torch.save(str(tmp_path / "s.t7"), x)
        h = torch.DiskFile(str(tmp_path / "s.t7"), "r").binary()
        assert h.readObject().tolist() == [1, 2, 3, 4]
    m = torch.MemoryFile("w")
    if binary:
        m.binary()
    m.writeObject(x)
    st = m.storage()
    r = torch.MemoryFile(st, "r")
    if binary:
        r.binary()
    assert r.readObject().tolist() == [1, 2, 3, 4]
    with pytest.raises(TorchError, match="read-only"):
        r.writeInt(1)
