# Covers: np.asfarray (dtype=; the array itself where its dtype fits), np.ascontiguousarray and np.asfortranarray (dtype=; the array itself where contiguous, at least 1-d), np.isscalar, np.shape, np.size (axis=), np.ndim of arrays, numbers, tuples and lists
import numpy as np


def conversions():
    print(np.asfarray([1, 2]))
    i = np.arange(3)
    f = np.asfarray(i)
    print(f.dtype, f)
    print(np.asfarray(i, np.float32).dtype, np.asfarray(i, np.int32).dtype, np.asfarray(i, np.complex64))
    print(np.asfarray(np.ones(2, np.float32)).dtype)
    v = np.arange(6.0)[::2]
    w = np.asfarray(v)
    w[0] = 9.0
    print(v, w.strides)
    print(np.asfarray(3), np.asfarray(2.5).shape)
    m = np.arange(6).reshape(2, 3)
    c = np.ascontiguousarray(m.T)
    print(c, c.strides)
    same = np.ascontiguousarray(m)
    same[0, 0] = 42
    print(m[0, 0])
    row = np.ascontiguousarray(m[1])
    row[0] = -1
    print(m[1])
    print(np.ascontiguousarray(3), np.ascontiguousarray(np.array(3.0)).shape)
    print(np.ascontiguousarray([1, 2], dtype=np.float32))
    print(np.ascontiguousarray(m[:, ::2]).strides)
    fo = np.asfortranarray(m)
    print(fo, fo.strides)
    tt = np.asfortranarray(m.T)
    tt[0, 1] = 7
    print(m[1, 0], tt.strides)
    print(np.asfortranarray(3), np.asfortranarray(np.arange(3)).strides)
    print(np.asfortranarray(m, dtype=np.float64).strides)


def facts():
    print(np.isscalar(3), np.isscalar(3.0), np.isscalar(1j), np.isscalar(True), np.isscalar("a"))
    print(np.isscalar(None), np.isscalar(np.array(1)), np.isscalar(np.arange(2)), np.isscalar([1]), np.isscalar((1,)))
    a = np.ones((2, 3))
    print(np.shape(a), np.shape(3), np.shape(2.5), np.shape((1, 2, 3)), np.shape(((1, 2), (3, 4), (5, 6))))
    print(np.shape([1, 2]), np.shape([[1], [2]]), np.shape(np.array(1)), np.shape(a[0]))
    print(np.ndim(a), np.ndim(3), np.ndim((1, 2, 3)), np.ndim(((1, 2), (3, 4))), np.ndim([[1, 2]]), np.ndim(np.array(1)))
    print(np.size(a), np.size(a, 1), np.size(a, -1), np.size(a, 0), np.size(3), np.size((1, 2, 3)))
    print(np.size(((1, 2), (3, 4), (5, 6)), 1), np.size([[1, 2, 3]], 0), np.size(np.array(1)))
    try:
        np.size(a, 2)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.size(3, 0)
    except IndexError as e:
        print("IndexError", e)


def main():
    conversions()
    facts()


main()
