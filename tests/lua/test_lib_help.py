"""Every function of the standard library tables has its ?help text: signature and example."""
import pytest

from th.lua.lib import bit, debug, io, math, os, string, table

LIBS = {"string": string, "table": table, "math": math, "os": os, "io": io, "bit": bit,
        "debug": debug}


def functions():
    for name, module in LIBS.items():
        lib = module.open_lib(None)
        for key, value in lib.items():
            if callable(value):
                yield pytest.param(name, key, value, id=f"{name}.{key}")
    for method in ("read", "write", "lines", "seek", "setvbuf", "flush", "close"):
        yield pytest.param("file", method, getattr(io.LuaFile, method), id=f"file:{method}")


@pytest.mark.parametrize("lib,key,fn", list(functions()))
def test_docstring_gives_signature_and_example(lib, key, fn):
    doc = fn.__doc__ or ""
    first = doc.strip().splitlines()[0] if doc.strip() else ""
    prefix = "file:" if lib == "file" else f"{lib}."
    assert first.startswith(prefix + key + "(") or (key == "unpack" and first.startswith("table.unpack("))
    assert "Example:" in doc
