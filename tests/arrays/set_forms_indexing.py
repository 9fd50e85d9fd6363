# Covers: np.extract, np.compress / a.compress (axis=, NumPy's errors), np.take_along_axis (any axis, None, broadcasting, errors), np.fill_diagonal (wrap=, values repeated, n-d), np.tril_indices_from, np.triu_indices_from, np.diagflat, np.indices (dtype=, sparse=)
import numpy as np


def extracts():
    a = np.arange(12.0).reshape(3, 4)
    print(np.extract(a % 3 == 0, a))
    print(np.extract(np.array([1, 0, 2]), a))
    print(np.extract(np.array([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), a))
    print(np.extract(a.T > 5, a))
    print(np.extract(np.array([[True, False], [False, True]]), np.array([7, 8, 9, 10])))
    try:
        np.extract(np.array([1, 0, 0, 1]), np.array([5, 6, 7]))
    except IndexError as e:
        print("IndexError", e)


def compresses():
    a = np.arange(6.0).reshape(2, 3)
    print(np.compress([True, False, True], a))
    print(np.compress([True, False, True], a, axis=1))
    print(np.compress(np.array([0, 1]), a, axis=0))
    print(np.compress(np.array([0.0, 2.0, 0.0]), a, axis=-1))
    print(np.compress(np.array([False, True, False, False]), a, axis=1))
    print(np.compress(np.array([], np.bool_), a, axis=1).shape)
    print(a.compress([False, True]))
    print(a.compress(np.array([True, True, False]), axis=1))
    print(a.compress(np.array([True, True, False]), 1))
    try:
        np.compress(np.array([False, True, True, True]), a, axis=1)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.compress(np.array([True]), a, axis=2)
    except np.AxisError as e:
        print("AxisError", e)
    try:
        np.compress(np.array([True, False, True, False, False, False, True]), a)
    except IndexError as e:
        print("IndexError", e)


def along():
    a = np.array([[10, 30, 20], [60, 40, 50]])
    print(np.take_along_axis(a, np.argsort(a, axis=1), axis=1))
    print(np.take_along_axis(a, np.argsort(a, axis=0), axis=0))
    print(np.take_along_axis(a, np.array([[0], [2]]), axis=1))
    print(np.take_along_axis(a, np.array([[0, 1, 1]]), axis=0))
    print(np.take_along_axis(a, np.array([[0, 1, 1]]), axis=1))
    print(np.take_along_axis(a, np.array([[0, -3]]), axis=-1))
    print(np.take_along_axis(a, np.array([[0, 1]], np.uint8), axis=1))
    print(np.take_along_axis(a, np.array([5, 0, -1]), axis=None))
    print(np.take_along_axis(a.T, np.array([[1, 0], [0, 0], [1, 1]]), axis=1))
    b = np.arange(24.0).reshape(2, 3, 4)
    print(np.take_along_axis(b, np.zeros((2, 1, 4), np.int64), axis=1))
    print(np.take_along_axis(b, np.array([[[3, 0]]]), axis=2))
    print(np.take_along_axis(b, np.argmax(b, axis=0).reshape(1, 3, 4), axis=0))
    try:
        np.take_along_axis(a, np.array([[0, 3]]), axis=1)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.take_along_axis(a, np.array([6]), axis=None)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.take_along_axis(a, np.array([[0, 1, 1], [0, 0, 0], [1, 1, 1]]), axis=1)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.take_along_axis(b, np.zeros((3, 3, 1), np.int64), axis=2)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.take_along_axis(a, np.array([[0, 1]]), axis=2)
    except np.AxisError as e:
        print("AxisError", e)
    try:
        print(np.take_along_axis(a, np.array([0, 1]), axis=1))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(np.take_along_axis(a, np.array([[0.0, 1.0]]), axis=1))
    except IndexError as e:
        print("IndexError", e)
    try:
        print(np.take_along_axis(a, np.array([[True, False]]), axis=1))
    except IndexError as e:
        print("IndexError", e)


def diagonals():
    a = np.zeros((3, 3))
    np.fill_diagonal(a, 5)
    print(a)
    b = np.zeros((5, 3), np.int64)
    np.fill_diagonal(b, 7)
    print(b)
    c = np.zeros((7, 3), np.int64)
    np.fill_diagonal(c, 4, wrap=True)
    print(c)
    d = np.zeros((3, 5), np.int64)
    np.fill_diagonal(d, [1, 2])
    print(d)
    np.fill_diagonal(d, np.array([1.5, 2.5, 3.5]))
    print(d)
    np.fill_diagonal(d, 9.75)
    print(d)
    np.fill_diagonal(d, np.array([], np.int64))
    print(d)
    e = np.zeros((2, 2, 2), np.int64)
    np.fill_diagonal(e, 4)
    print(e)
    f = np.zeros((3, 3), np.int64)
    np.fill_diagonal(f[:, ::-1], np.array([[1, 2], [3, 4]]))
    print(f)
    try:
        np.fill_diagonal(np.zeros((2, 2, 3)), 1)
    except ValueError as e:
        print("ValueError", e)
    m = np.arange(12).reshape(3, 4)
    print(np.tril_indices_from(m))
    print(np.tril_indices_from(m, k=1))
    print(np.triu_indices_from(m))
    print(np.triu_indices_from(m, -1))
    print(m[np.triu_indices_from(m, 1)])
    print(np.diagflat([1, 2]))
    print(np.diagflat(np.array([[1, 2], [3, 4]]), 1))
    print(np.diagflat(np.array([1.5, 2.0]), k=-2))
    print(np.diagflat(3, 1))
    print(np.diagflat(np.array([], np.float64)))


def grids():
    g = np.indices((2, 3))
    print(g.shape, g.dtype)
    print(g)
    print(np.indices((3,)))
    print(np.indices((2, 3), dtype=np.float32))
    print(np.indices((2, 0)).shape)
    print(np.indices((2, 1, 3))[2])
    r, c = np.indices((2, 3), sparse=True)
    print(r, c)
    print(np.indices((2, 2, 2), np.int32, True))
    try:
        np.indices((2, -3))
    except ValueError as e:
        print("ValueError", e)


def main():
    extracts()
    compresses()
    along()
    diagonals()
    grids()


main()
