# Covers: np.tensordot with axes as an int (default 2, 0 for the outer product, a full contraction giving a 0-d
# array), a pair of ints, or a pair of tuples (negative axes too), on 1-d to 3-d float and int arrays, transposed
# operands; NumPy's values (one np.dot of the operands seen as matrices, as NumPy computes it) and its
# "shape-mismatch for sum".
import numpy as np


def main():
    a = np.arange(60.0).reshape(3, 4, 5) / 7
    b = np.arange(24.0).reshape(4, 3, 2) / 3
    print(np.tensordot(a, b, axes=((1, 0), (0, 1))))
    x = np.arange(6.0).reshape(2, 3)
    y = np.arange(12.0).reshape(3, 4)
    print(np.tensordot(x, y, 1))
    print(np.tensordot(x, x))
    print(np.tensordot(x, y, axes=0).shape, np.tensordot(x, y, axes=0)[1, 2])
    print(np.tensordot(np.arange(3), np.arange(3), axes=1))
    print(np.tensordot(a, a, axes=3))
    print(np.tensordot(a, b[:, :, 0], axes=(1, 0)))
    print(np.tensordot(a.T, b, axes=((-1, -2), (1, 0))))
    print(np.tensordot(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2), axes=(1, 0)))
    r = np.tensordot(np.arange(4.0), np.arange(4.0), axes=1)
    print(r.ndim, r.shape, repr(r))
    print(np.tensordot(np.arange(24).reshape(2, 3, 4), np.arange(12).reshape(4, 3), axes=((2, 1), (0, 1))))
    print(np.tensordot(a, b, axes=((), ())).shape)
    try:
        np.tensordot(x, x, axes=1)
    except ValueError as e:
        print("ValueError", e)


main()
