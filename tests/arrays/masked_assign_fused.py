# Covers: a[m] = f(x[m], y[m], numbers) and a[m] op= v fused into one loop over the mask (Passes.ArrayFusion's masked
# assignment): mandelbrot's update, in-place operators through a mask (with a tree on the right), a value that is
# x[m] itself, dtype conversions on store (float into int, int into float, bool), the target among the leaves, leaves
# that overlap the target other than element for element (read from copies, as NumPy's x[m] is one), a mask that is
# the target, a mask that overlaps the target otherwise (m = b[::-1]: NumPy reads it as it writes, so that case takes
# NumPy's own passes; the draw here loses a selected element under the writes, where NumPy's result is defined),
# Fortran-ordered and strided (non-contiguous) arrays, 3-d, a mask with a zero-length axis, NumPy's IndexError for a
# leaf's mask shape before the target's, and trees left alone: an integer power that may raise (target unchanged),
# x[m] read again later and a target view made after the value (a[1:][m] = ...).
import numpy as np


def mandel_step(z, c, counts):
    mask = np.abs(z) <= 2.0
    z[mask] = z[mask] ** 2 + c[mask]
    counts[mask] += 1
    return z, counts


def in_place(a, m):
    a[m] += 1.5
    a[m] *= 2
    a[m] -= a[m] / 4
    return a


def in_place_tree(a, b, m):
    r = a[::-1]
    a[m] += b[m] * 2.0 - 1.0      # the right-hand side's tree joins the loop
    a[m] -= r[m] / 4              # a reversed view of the target: read from a copy, as NumPy's gather is one
    return a


def copy_where(a, b, m):
    a[m] = b[m]
    return a


def store_conversions(i, f, b, m):
    i[m] = f[m] * 1.5          # float into int: truncated, as NumPy's assignment casts
    f[m] = i[m] + 1            # int into float
    b[m] = f[m] > 3.0          # bool
    return i, f, b


def shifted(a, m):
    # not fused (Python makes the target a[1:] after the value); a[1:] and a[:-1] overlap: a[:-1][m] is read first
    a[1:][m] = a[:-1][m] + 10.0
    return a


def reversed_leaf(a, m):
    a[m] = a[::-1][m] * 2.0
    return a


def mask_is_target(b):
    b[b] = b[b] & False
    return b


def flip_where_mirror(b):
    m = b[::-1]
    b[m] = ~b[m]
    return b


def fortran_and_strided(f, s, m):
    f[m] = f[m] + s[m]
    return f


def three_d(a, m):
    a[m] = np.sqrt(a[m]) + 1.0
    a[m] = a[m] - np.floor(a[m])   # np.floor is read between the two reads of a[m]
    return a


def empty_axis(a, m):
    a[m] = a[m] + 1.0
    return a


def leaf_mask_shape(a, b, m):
    a[m] = b[m] + 1.0


def target_mask_shape(a, b, m):
    a[m] = b[m] + 1.0


def int_power(a, m, k):
    a[m] = a[m] ** k
    return a


def read_again(a, m):
    t = a[m]
    a[m] = t * 3.0
    return a, t


c = np.linspace(-2.0, 0.5, 6)[None, :] + 1j * np.linspace(-1.25, 1.25, 5)[:, None]
z = np.zeros_like(c)
counts = np.zeros(c.shape, dtype=np.int64)
for _ in range(8):
    mandel_step(z, c, counts)
print(counts)
print(np.round(z, 6))

a = np.arange(10.0)
print(in_place(a, a > 3.0))
print(in_place_tree(np.arange(8.0), np.linspace(0.0, 1.0, 8), np.arange(8) % 3 != 0))
print(copy_where(np.zeros(6), np.arange(6.0) * 7, np.array([True, False, True, True, False, True])))
print(store_conversions(np.arange(6), np.linspace(0.0, 5.0, 6), np.zeros(6, dtype=np.bool_), np.arange(6) % 2 == 0))
print(shifted(np.arange(8.0), np.arange(7) % 3 != 1))
print(reversed_leaf(np.arange(8.0), np.arange(8) < 5))
print(mask_is_target(np.array([True, False, True, True])))
print(flip_where_mirror(np.array([True, True, False, False, False, False, True])))
f = np.asfortranarray(np.arange(12.0).reshape(3, 4))
s = np.arange(24.0).reshape(3, 8)[:, ::2]
print(fortran_and_strided(f, s, (np.arange(12).reshape(3, 4) % 5) < 3))
cube = np.arange(24.0).reshape(2, 3, 4)
print(three_d(cube, cube % 3 == 0))
print(empty_axis(np.arange(3.0), np.zeros(0, dtype=np.bool_)))
try:
    leaf_mask_shape(np.zeros(5), np.zeros(6), np.ones(4, dtype=np.bool_))
except IndexError as e:
    print("IndexError:", e)
try:
    target_mask_shape(np.zeros(5), np.zeros(4), np.ones(4, dtype=np.bool_))
except IndexError as e:
    print("IndexError:", e)
print(int_power(np.arange(5), np.arange(5) > 1, 2))
target = np.arange(5)
try:
    int_power(target, np.arange(5) > 1, -1)
except ValueError as e:
    print("ValueError:", e, target)
print(read_again(np.arange(5.0), np.arange(5) % 2 == 0))
