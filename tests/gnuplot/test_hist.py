"""gnuplot.hist / histc: Torch7's bin counts (torch.histc's rule), table and text drawing."""
import numpy as np
import pytest
from matplotlib.patches import Rectangle

import th.gnuplot as gnuplot
from th.gnuplot.hist import counts


def reference_counts(values, bins, lo, hi):
    """torch.histc, element by element: value in [lo, hi] -> bin floor((v-lo)/(hi-lo)*bins)."""
    hist = [0] * bins
    for v in values:
        if lo <= v <= hi:
            hist[min(int((v - lo) / (hi - lo) * bins), bins - 1)] += 1
    return hist


def test_hist_counts_match_the_reference_and_are_drawn(T, current_axes):
    values = np.random.RandomState(7).randn(1000)
    h = gnuplot.hist(T(values))
    expected = reference_counts(values, 72, values.min(), values.max())
    assert h["bins"] == 72 and h.length() == 72
    assert [h[i + 1]["nb"] for i in range(72)] == expected
    np.testing.assert_array_equal(h["raw"].numpy(), expected)
    bars = [p for p in current_axes().patches if isinstance(p, Rectangle)]
    assert [b.get_height() for b in bars] == expected
    width = (values.max() - values.min()) / 72
    assert h["binwidth"] == pytest.approx(width)
    assert h[1]["val"] == pytest.approx(values.min() + width / 2)
    np.testing.assert_allclose([b.get_x() + b.get_width() / 2 for b in bars],
                               [h[i + 1]["val"] for i in range(72)])


def test_hist_with_bins_and_range_leaves_out_values_outside(T):
    values = np.array([-5.0, 0, 0.25, 0.5, 0.99, 1.0, 3])
    h = gnuplot.hist(T(values), 4, 0, 1)
    assert [h[i + 1]["nb"] for i in range(4)] == [1, 1, 1, 2]    # 1.0 counts in the last bin
    assert h["max"] == 4 and h["min"] == 1                       # first fullest / emptiest


def test_counts_agree_with_numpy_histogram_on_random_data():
    values = np.random.RandomState(3).rand(5000) * 10 - 2
    mine = counts(values, 17, -1.5, 7.25)
    ref, _ = np.histogram(values, bins=17, range=(-1.5, 7.25))
    np.testing.assert_array_equal(mine, ref)


def test_equal_min_and_max_use_the_data_range():
    # torch.histc: min == max means "the data's range"; an empty range is widened by 1.
    assert list(counts([1.0, 2.0, 3.0], 2, 0, 0)) == reference_counts([1, 2, 3], 2, 1, 3)
    assert list(counts([4.0, 4.0], 3, 0, 0)) == [0, 2, 0]


def test_histc_raw_returns_only_the_counts(T):
    raw = gnuplot.histc(T([1.0, 1, 2, 3]), 3, 1, 3, True)
    np.testing.assert_array_equal(raw.numpy(), [2, 1, 1])


def test_histogram_prints_as_torch7s_ascii_drawing(T):
    h = gnuplot.histc(T([1.0, 2, 2, 3, 3, 3]), 3)
    text = h.metatable["__tostring"](h)
    lines = text.split("\n")
    assert lines[0] == "nsamples:  min:(bin:1/#1/cntr:1.33)  max:(bin:3/#3/cntr:2.67)"
    assert lines[1] == "--------:---"
    assert len(lines) == 2 + 10 + 2
    assert lines[2] == "2.73e+00:  ."
    assert lines[-2] == "--------:-^-"
    assert lines[-1] == "centers +2.00 "
    # Once a bar is reached it continues down to the axis.
    assert all(row.endswith("|") for row in lines[3:12])


def test_histc_errors(T):
    with pytest.raises(gnuplot.GnuplotError,
                       match=r"usage: gnuplot.histc \(tensor \[, nBins\] \[, min\] \[, max\]"):
        gnuplot.histc()
    with pytest.raises(gnuplot.GnuplotError, match="bad argument #2 to 'histc'"):
        gnuplot.histc(T([1.0]), "many")
