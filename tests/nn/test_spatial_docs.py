"""?help for the convolution, pooling and normalisation modules: every class and method
has its signature and an example, and every class example runs as Lua."""
import inspect

import pytest

from th import nn
from nn_check import run_lua
from test_nn_docs import example

MINE = ("th.nn.conv", "th.nn.pooling", "th.nn.normalization")
CLASSES = sorted(n for n in nn.__all__ if getattr(nn, n).__module__ in MINE)


def test_every_module_of_the_task_is_registered():
    assert set(CLASSES) == {
        "SpatialConvolution", "SpatialConvolutionMM", "SpatialFullConvolution",
        "TemporalConvolution", "SpatialMaxPooling", "SpatialAveragePooling",
        "TemporalMaxPooling", "SpatialUpSamplingNearest", "SpatialZeroPadding",
        "BatchNormalization", "SpatialBatchNormalization", "SpatialSubtractiveNormalization",
        "SpatialDivisiveNormalization", "SpatialContrastiveNormalization"}


@pytest.mark.parametrize("name", CLASSES)
def test_class_doc_has_signature_and_runnable_example(name):
    doc = inspect.getdoc(getattr(nn, name))
    assert doc.splitlines()[0].startswith(f"nn.{name}("), doc.splitlines()[0]
    code = example(doc)
    assert code, f"nn.{name}: no example"
    run_lua(code)


@pytest.mark.parametrize("name", CLASSES)
def test_methods_have_docs(name):
    cls = getattr(nn, name)
    for klass in cls.__mro__:
        if klass.__module__ not in MINE:
            continue
        for attr, value in vars(klass).items():
            if attr.startswith("_") or not inspect.isfunction(value):
                continue
            doc = inspect.getdoc(value)
            assert doc and "Example" in doc, f"nn.{name}:{attr} has no help with an example"
