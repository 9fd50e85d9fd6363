# Covers: ufunc.at (np.add.at, subtract, multiply, maximum, negative ...), NumPy's unbuffered in-place update: an index
# that occurs twice is applied twice, in order; integer arrays and lists on the leading axes (1 to 3 of them, 2-d
# index arrays, negative indices, broadcast against each other), rows of a 2-d array, ints, slices, boolean masks and
# mixtures of slices with index arrays; b broadcast to the selection; results cast to the array's dtype each time
# (int arrays plus 1.5, float32 with value-based promotion, uint8 wrapping); IndexError and NumPy's "array is not
# broadcastable to correct shape"; the call returns None.
import numpy as np


def main():
    a = np.arange(12.0).reshape(3, 4)[:, ::2]
    print(a.flat[3])
    a.flat[3] = 7.5
    print(a)
    print(np.add.at(np.zeros(3), np.array([0, 1, 1]), 1.0))
    z = np.zeros(4, np.int64)
    np.add.at(z, [0, 0, 2], 1.5)
    print(z)
    f = np.zeros(3, np.float32)
    np.add.at(f, [0, 0], 0.1)
    print(f, f.dtype)
    f2 = np.zeros(3, np.float32)
    np.add.at(f2, [0, 0], np.array([0.1, 0.2]))
    print(f2)
    u = np.zeros(3, np.uint8)
    np.subtract.at(u, [0, 0], 1)
    print(u)
    m = np.arange(12).reshape(3, 4)
    np.add.at(m, (np.array([0, 0, 2]), np.array([1, 1, 3])), 10)
    print(m)
    np.add.at(m, np.array([1, 1]), np.array([1, 2, 3, 4]))
    print(m)
    np.multiply.at(m, (slice(None), [0, 0]), 2)
    print(m)
    np.negative.at(m, [0, 0, 0])
    print(m)
    np.add.at(m, m > 20, 100)
    print(m)
    np.add.at(m, (1, 2), 5)
    print(m)
    np.maximum.at(m, [[0, 1], [1, 2]], 50)
    print(m)
    c = np.zeros(4, np.complex128)
    np.add.at(c, [1, 1, -1], np.array([1j, 2.0, 3 - 1j]))
    print(c)
    t = np.zeros((2, 3, 4))
    np.add.at(t, (np.array([0, 0, 1]), np.array([[1], [2]]), np.array([3, 3, -1])), np.arange(6.0).reshape(2, 3))
    print(t)
    np.add.at(t, ([1, 1], [0, 0]), np.arange(4.0))
    print(t[1])
    np.subtract.at(t, (Ellipsis, 1), 0.5)
    print(t[:, :, 1])
    v = np.arange(10.0)
    np.divide.at(v, np.array([9, 9, -1]), 2.0)
    np.add.at(v[::2], [0, 0, 4], 100.0)
    np.logical_not.at(np.zeros(3, np.bool_), [0])
    print(v)
    try:
        np.add.at(m, [5], 1)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.add.at(m, [0, 1], np.ones(3))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.add.at(m, (np.array([0, 1]), np.array([4, 0])), 1)
    except IndexError as e:
        print("IndexError", e)


main()
