"""th.nn.gemm: products cut between threads equal numpy's, and BLAS gets its thread
count back."""
import numpy as np
import pytest

from th.nn import gemm
from th.torch import workers


@pytest.fixture
def two_threads_small_work(monkeypatch):
    """Two threads, and every product big enough to be cut."""
    saved = workers.threads()
    workers.set_threads(2)
    monkeypatch.setattr(gemm, "MIN_WORK", 1)
    yield
    workers.set_threads(saved)


@pytest.mark.parametrize("shape", [(64, 30, 7), (5, 30, 200), (1, 1, 1), (33, 17, 33)])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_matmul_cut_by_rows_or_columns_equals_numpy(two_threads_small_work, shape, dtype):
    m, k, n = shape
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((m, k)).astype(dtype), rng.standard_normal((k, n)).astype(dtype)
    out = np.full((m, n), np.nan, dtype)
    assert gemm.matmul(a, b, out) is out
    np.testing.assert_allclose(out, a @ b, rtol=1e-5 if dtype == np.float32 else 1e-12)
    # transposed views, as the layers pass them
    out2 = np.empty((m, n), dtype)
    gemm.matmul(np.ascontiguousarray(a.T).T, np.ascontiguousarray(b.T).T, out2)
    np.testing.assert_allclose(out2, out, rtol=1e-5 if dtype == np.float32 else 1e-12)


@pytest.mark.parametrize("batch", [1, 8, 32, 37])
def test_matmul_sum_over_samples(two_threads_small_work, batch):
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((batch, 6, 50)), rng.standard_normal((batch, 50, 9))
    out = np.empty((6, 9))
    expected = sum(a[i] @ b[i] for i in range(batch))
    np.testing.assert_allclose(gemm.matmul_sum(a, b, out), expected, rtol=1e-12)
    again = gemm.matmul_sum(a, b, np.empty((6, 9)))
    np.testing.assert_array_equal(again, out)          # the same order of additions


def test_blas_gets_its_thread_count_back():
    if gemm._OPENBLAS is None:
        pytest.skip("numpy without its bundled OpenBLAS")
    setter, getter = gemm._OPENBLAS
    before = getter()
    setter(2)
    try:
        with gemm.one_blas_thread():
            assert getter() == 1
        assert getter() == 2
    finally:
        setter(before)


@pytest.mark.parametrize("mode", ["spin", "sleep", "adaptive"])
def test_products_agree_on_every_thread_policy(mode, monkeypatch):
    from th.torch import adaptive, workers
    monkeypatch.setattr(workers, "_threads", 2)
    for name, fresh in (("_robust_best", {}), ("_robust_calls", {}), ("_tried", set()),
                        ("_sleep_until", 0.0)):
        monkeypatch.setattr(adaptive, name, fresh)
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((128, 300)), rng.standard_normal((300, 200))
    used = []
    if gemm._OPENBLAS is not None:
        setter, getter = gemm._OPENBLAS
        real = np.matmul

        def spy(*args, **kw):
            used.append(getter())
            return real(*args, **kw)
        monkeypatch.setattr(gemm.np, "matmul", spy)
    saved = adaptive.mode()
    adaptive.set_mode(mode)
    try:
        outs = [gemm.matmul(a, b, np.empty((128, 200))) for _ in range(5)]
    finally:
        adaptive.set_mode(saved)
    for out in outs:
        np.testing.assert_allclose(out, a @ b, rtol=1e-12, atol=1e-12)
    if used:
        # spin: OpenBLAS's own threads; sleep: one BLAS thread per call;
        # adaptive: one thread while it learns the robust time, then OpenBLAS's threads.
        assert {"spin": {2}, "sleep": {1}}.get(mode, {1, 2}) == set(used)
