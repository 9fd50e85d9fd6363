# Covers: one integer array with integers and slices in one index (a[0, :, idx], a[:, 0, idx], a[:, idx, 0], a[0, idx], a[0, idx, 1], a[-1, 1:, idx]; negative entries, int32): NumPy's placement of the selected axis, assignment side by side with broadcasting, IndexError naming the original axis
import numpy as np


def take(b, i):
    print(b[0, :, i], b[:, 0, i], b[:, i, 0], b[0, i], b[1, i, :], b[0, i, 1], b[-1, 1:, i])
    print(b[0, :, i].shape, b[:, 1, i].shape)


def put(b, i):
    b[:, 0, i] = -1.0
    b[1, i] = 7.0
    b[:, i, 2] = np.array([[10.0, 20.0]])
    print(b)


def bad(b, i):
    try:
        print(b[0, :, i])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(b[5, :, np.array([0])])
    except IndexError as e:
        print("IndexError:", e)


b = np.arange(24.0).reshape(2, 3, 4)
take(b, np.array([0, 2]))
take(b.astype(np.int32), np.array([2, -1, 0]))
put(b.copy(), np.array([0, 2]))
bad(b, np.array([1, 9]))
