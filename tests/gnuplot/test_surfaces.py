"""splot, scatter3 and imagesc: 3-D axes and images hold the matrices given."""
import numpy as np
from matplotlib.image import AxesImage
from mpl_toolkits.mplot3d.art3d import Path3DCollection, Poly3DCollection

import th.gnuplot as gnuplot
from th.lua.table import LuaTable


def test_splot_of_a_matrix_is_a_surface_over_its_indices(T, current_axes):
    z = np.arange(12.0).reshape(3, 4)
    gnuplot.splot(T(z))
    ax = current_axes()
    assert ax.name == "3d"
    surfaces = [c for c in ax.collections if isinstance(c, Poly3DCollection)]
    assert len(surfaces) == 1 and len(surfaces[0].get_paths()) == 2 * 3   # (3-1)x(4-1) faces
    # Limits cover rows 1..3, columns 1..4 and z's range.
    assert ax.get_xlim3d()[0] <= 1 and ax.get_xlim3d()[1] >= 3
    assert ax.get_ylim3d()[0] <= 1 and ax.get_ylim3d()[1] >= 4
    assert ax.get_zlim3d()[0] <= 0 and ax.get_zlim3d()[1] >= 11


def test_splot_with_x_y_z_and_legend(T, current_axes):
    x, y = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-2, 2, 6), indexing="ij")
    gnuplot.splot("bowl", T(x), T(y), T(x ** 2 + y ** 2))
    ax = current_axes()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["bowl"]
    assert ax.get_ylim3d()[0] <= -2 and ax.get_ylim3d()[1] >= 2


def test_scatter3_points(T, current_axes):
    x, y, z = np.array([1.0, 2, 3]), np.array([4.0, 5, 6]), np.array([7.0, 8, 9])
    gnuplot.scatter3(T(x), T(y), T(z))
    ax = current_axes()
    (points,) = [c for c in ax.collections if isinstance(c, Path3DCollection)]
    xs, ys, zs = points._offsets3d
    np.testing.assert_array_equal(xs, x)
    np.testing.assert_array_equal(ys, y)
    np.testing.assert_array_equal(zs, z)


def test_imagesc_shows_the_matrix_row_one_on_top(T, current_axes):
    m = np.arange(6.0).reshape(2, 3)
    gnuplot.imagesc(T(m))
    ax = current_axes()
    (image,) = [c for c in ax.get_images() if isinstance(c, AxesImage)]
    np.testing.assert_array_equal(image.get_array(), m)
    assert image.get_cmap().name == "gray"
    assert image.get_extent() == [-0.5, 2.5, 1.5, -0.5]      # y reversed, as gnuplot
    assert image.origin == "upper"


def test_imagesc_color_palette_is_gnuplots_default(T, current_axes):
    gnuplot.imagesc(T(np.eye(3)), "color")
    (image,) = current_axes().get_images()
    assert image.get_cmap().name == "gnuplot"


def test_imagesc_rgbformulae_palette(T, current_axes):
    gnuplot.imagesc(T(np.eye(3)), "rgbformulae 7,5,15")
    (image,) = current_axes().get_images()
    from matplotlib import colormaps
    t = np.linspace(0, 1, 7)
    np.testing.assert_allclose(image.get_cmap()(t), colormaps["gnuplot"](t), atol=1e-2)


def test_series_tables_for_splot(T, current_axes):
    a, b = np.ones((2, 2)), np.zeros((3, 3))
    gnuplot.splot(LuaTable.from_list(["a", T(a)]), LuaTable.from_list(["b", T(b)]))
    assert [t.get_text() for t in current_axes().get_legend().get_texts()] == ["a", "b"]
