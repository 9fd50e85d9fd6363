# Covers: an integer or boolean array (or a list of integers or bools) indexing the first axis among slices, ...
# and integers (a[idx, :], a[idx, 1:3], a[idx, ::-1], a[mask, :], a[mask, 2], b[idx, ...], b[idx, :, 0] = v), a 1-d
# mask of a 2-d array's rows (a[m], a[m] = v, a[m] += v), lists in an index (a[[0, 2]], a[:, [3, 1]],
# a[[True, False, True]], a[[0, 2], [1, 3]]), get and set, with NumPy's values and its IndexError and ValueError.
import numpy as np


def forms(a, idx, b3):
    print(a[idx, :])
    print(a[:, idx])
    print(a[idx, 1:3])
    print(a[idx, ::-1])
    print(a[np.array([-1, 0]), :])
    print(b3[idx[:1], :, 1])
    print(b3[idx, ...])
    print(b3[idx, :, ::2].shape)
    m = a[:, 0] > 3
    print(a[m, :])
    print(a[m, 2])
    print(a[m])
    c = a.copy()
    c[idx, :] = np.array([10.0, 20.0, 30.0, 40.0])
    print(c)
    c[idx, 1:3] = np.array([[1.0, 2.0], [3.0, 4.0]])
    print(c)
    c[m, :] = 0.5
    print(c)
    c[idx, :] += 1.0
    print(c)
    c[m] += 100.0
    print(c)
    c[~m] = -1.0
    print(c)
    k = b3.copy()
    k[idx, :, 0] = -7
    print(k)
    try:
        print(a[np.array([0, 5]), :])
    except IndexError as e:
        print("IndexError", e)
    try:
        print(a[np.array([True, False]), :])
    except IndexError as e:
        print("IndexError", e)
    try:
        c[idx, :] = np.ones(3)
    except ValueError as e:
        print("ValueError", e)


def lists(a):
    print(a[[0, 2]])
    print(a[[0, 2], :])
    print(a[:, [3, 1]])
    print(a[[2, 0], 1])
    print(a[[True, False, True]])
    print(a[[-1], 1:3])
    rows = [2, 1]
    print(a[rows])
    c = a.copy()
    c[[0, 1]] = 0.0
    c[:, [2]] = 9.0
    print(c)
    v = np.arange(5)
    print(v[[4, 0, 4]])
    v[[1, 3]] = 7
    print(v)
    print(v[[True, False, True, False, True]])
    print(a[[0, 2], [1, 3]])
    try:
        print(a[[5]])
    except IndexError as e:
        print("IndexError", e)


def main():
    forms(np.arange(12.0).reshape(3, 4), np.array([2, 0]), np.arange(24).reshape(3, 2, 4))
    lists(np.arange(12.0).reshape(3, 4))


main()
