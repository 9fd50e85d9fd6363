# Covers: tuple() of a generator expression over zip() or enumerate() of tuples (its length known from theirs, its
# items typed after the calls they make), as numpy-benchmarks' local_maxima builds an index; tuples repeated by a constant
import numpy as np


def wrap(i, n):
    return i % n


def local_maxima(data):
    wsize = data.ndim * (3,)
    result = np.ones(data.shape, dtype=np.bool_)
    for pos in np.ndindex(data.shape):
        myval = data[pos]
        for offset in np.ndindex(wsize):
            neighbor_idx = tuple(wrap(p + o - w // 2, n) for (p, o, w, n) in zip(pos, offset, wsize, data.shape))
            result[pos] &= data[neighbor_idx] <= myval
    return result


def shapes():
    a = (1, 2, 3)
    b = (10.0, 20.0)
    print(tuple(x * y for x, y in zip(a, b)), tuple(k + v for k, v in enumerate(a)))


print(local_maxima(np.array([[1.0, 5.0, 2.0], [0.0, 3.0, 9.0], [4.0, 1.0, 2.0]])))
shapes()


def repeats(n):
    print((3,) * 2, 2 * (1.5, "a"), (7,) * 0, (1, 2) * -1)


repeats(3)
