# Covers: mixed integer-array indexing of 2-d arrays: a[idx, 2], a[2, idx], a[rows, cols] (broadcast, negative
# indices) read and assigned (a number, an array, one value broadcast, +=), with NumPy's IndexError and ValueError.
import numpy as np


def get(a, idx, rows, cols):
    print(a[idx, 2], a[2, idx], a[rows, cols], a[rows, cols[:1]], a[-1, idx], a[idx, -4])
    print(a.astype(np.float32)[rows, cols].dtype, a[idx, 0].shape)


def put(a, idx, rows, cols):
    a[idx, 2] = -1
    a[1, idx] = np.array((10, 20))
    a[rows, cols] += 100
    a[rows, cols[:1]] = np.array((7,))
    print(a)


a = np.arange(12).reshape(3, 4)
idx = np.array((0, 2))
rows = np.array((0, 1, -1))
cols = np.array((3, 0, 1))
get(a, idx, rows, cols)
put(a.copy(), idx, rows, cols)
try:
    get(a, idx, rows, cols[:2])
except IndexError as e:
    print(e)
try:
    get(a, np.array((0, 5)), rows, cols)
except IndexError as e:
    print(e)
try:
    put(a.copy(), idx, rows, np.array((0, 1, 4)))
except IndexError as e:
    print(e)


def bad(a, idx):
    a[idx, 1] = np.arange(3)


bad(a, idx)
