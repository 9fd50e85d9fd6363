# Covers: np.broadcast_to (read-only views with NumPy's strides, ints and tuples as shapes, numbers, NumPy's errors and its read-only error on writes), np.broadcast_arrays (a tuple of views; NumPy's mismatch message), np.dstack
import numpy as np


def broadcast_to():
    a = np.arange(3)
    b = np.broadcast_to(a, (2, 3))
    print(b, b.shape, b.strides)
    print(np.broadcast_to(a, 3).strides, np.broadcast_to(a, (3,)).shape)
    c = np.broadcast_to(np.arange(2.0).reshape(2, 1), (3, 2, 4))
    print(c.shape, c.strides)
    print(c)
    print(np.broadcast_to(np.ones((2, 1)), (2, 1)).strides)
    print(np.broadcast_to(np.ones((2, 1)), (2, 0)).strides, np.broadcast_to(np.ones((2, 1)), (2, 0)).shape)
    print(np.broadcast_to(np.ones((0, 3)), (2, 0, 3)).strides)
    print(np.broadcast_to(np.ones((3, 4))[:, ::2], (2, 3, 2)).strides)
    print(np.broadcast_to(a[::-1], (2, 3)))
    print(np.broadcast_to(5, (2, 3)))
    print(np.broadcast_to(np.array(2.5), (2,)).strides)
    print(np.broadcast_to([1, 2], (2, 2)))
    a[0] = 7
    print(b)
    print(b.sum(), (b * 2)[1])
    try:
        b[0, 0] = 1
    except ValueError as e:
        print("ValueError", e)
    try:
        b += 1
    except ValueError as e:
        print("ValueError", e)
    try:
        np.broadcast_to(a, (4,))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.broadcast_to(a, (2, 4))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.broadcast_to(np.ones((2, 3)), (5, 4, 3))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.broadcast_to(np.ones((2, 3)), (3,))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.broadcast_to(np.ones((2, 3)), ())
    except ValueError as e:
        print("ValueError", e)
    try:
        np.broadcast_to(np.ones((2, 1)), (2, -3))
    except ValueError as e:
        print("ValueError", e)


def broadcast_arrays():
    x, y = np.broadcast_arrays(np.arange(3), np.arange(2.0).reshape(2, 1))
    print(x, y)
    print(x.strides, y.strides, x.dtype, y.dtype)
    p, q = np.broadcast_arrays(np.ones((2, 1)), np.zeros((2, 1)))
    print(p.strides, q.strides)
    r = np.broadcast_arrays(np.arange(4), 5, np.ones((3, 1), np.float32))
    print(len(r), r[0].shape, r[1].shape, r[2].shape, r[1].strides)
    print(r[1])
    one = np.broadcast_arrays(np.arange(3))
    print(len(one), one[0])
    u = np.zeros(3)
    v, w = np.broadcast_arrays(u, np.ones((2, 3)))
    u[1] = 4.0
    print(v)
    try:
        np.broadcast_arrays(np.ones(2), np.ones(3))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.broadcast_arrays(np.ones((2, 1)), np.ones(3), np.ones((4, 1)))
    except ValueError as e:
        print("ValueError", e)


def dstacks():
    print(np.dstack((np.array([1, 2]), np.array([3, 4]))))
    d = np.dstack((np.ones((2, 2)), np.zeros((2, 2), np.int64)))
    print(d.shape, d.dtype)
    print(np.dstack((np.ones((2, 2, 2)), np.zeros((2, 2)))).shape)
    print(np.dstack([np.ones(2), np.zeros(2)]).shape)
    print(np.dstack((np.arange(3),)).shape)
    try:
        np.dstack((np.ones((2, 2)), np.zeros((2, 3))))
    except ValueError as e:
        print("ValueError", e)


def main():
    broadcast_to()
    broadcast_arrays()
    dstacks()


main()
