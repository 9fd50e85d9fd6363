# Covers: one integer array with ... and None in the index (a[..., idx], a[idx, ...], a[0, ..., idx], a[..., idx, 0], a[:, None, idx], a[None, 0, idx], a[idx, None]): NumPy's axis placement, assignment when the advanced indices are side by side, IndexError naming the array's axis, too many indices
import numpy as np


def take(b, i, r, s):
    # i indexes the last axis (4), r the first (2), s the middle one (3)
    print(b[..., i], b[r, ...].shape, b[0, ..., i], b[..., s, 0])
    print(b[:, None, s].shape, b[None, 0, s], b[r, None].shape, b[..., None, i].shape)
    print(b[1, ..., i].sum(), b[..., i].shape, b[:, ..., i].shape, b[r, ...])


def put(b, i, s):
    b[..., i] = -1.0
    b[0][..., i] = 5.0
    b[..., s, 1] += 100.0
    print(b)


def bad(b, i):
    try:
        print(b[..., i])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(b[None, 1, i, 0])
    except IndexError as e:
        print("IndexError:", e)


b = np.arange(24.0).reshape(2, 3, 4)
take(b, np.array([0, 3, -1]), np.array([1, 0, 1]), np.array([2, -3]))
take(b.astype(np.int32), np.array([1, 2]), np.array([0]), np.array([1, 1, 0]))
put(b.copy(), np.array([0, 2]), np.array([2, 0]))
bad(b, np.array([1, 9]))
m = np.arange(12).reshape(3, 4)
print(m[..., np.array([2, 0])], m[np.array([2, 0]), ...], m[None, :, np.array([1])])
