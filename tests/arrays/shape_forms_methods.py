# Covers: a.dot(b), a.conj() / a.conjugate() (a complex array's conjugate; any other array is returned itself, as
# NumPy does), np.diagonal / a.diagonal (offset=, axis1=, axis2=, n-d: NumPy 1.24's read-only view, writes raise its
# ValueError), np.trace / a.trace (offset=, axes, dtype=, n-d), a.tolist() (0-d to 2-d, Python numbers of each
# dtype), a.view(dtype) (same itemsize, or a different one over a contiguous last axis; NumPy's errors).
import numpy as np


def products(a, v):
    print(a.dot(a.T), a.dot(v), v.dot(v), a.T.dot(np.ones(3)), a.astype(np.float32).dot(a.T.astype(np.float32)).dtype)


def conjugates(a, z):
    c = a.conj()
    c[0, 0] = 77
    print(a[0, 0], a.conjugate() is a, z.conj(), z.conjugate(), z.astype(np.complex64).conj().dtype, (1 + 2j).conjugate())
    w = z.conj()
    w[0] = 5
    print(z[0], w)


def diagonals(a, b):
    d = a.diagonal()
    print(d, np.diagonal(a, 1), a.diagonal(-1), a.diagonal(offset=3), a.diagonal(5).shape, np.diagonal(a, -4).shape)
    print(d.strides, np.diagonal(a.T, 1), a[:, ::-1].diagonal(), a.diagonal(axis1=1, axis2=0), a.diagonal(1, 1, 0))
    print(b.diagonal(), b.diagonal(1, 1, 2), np.diagonal(b, 0, -1, 0), b.diagonal(axis1=2, axis2=1).strides)
    try:
        d[0] = 1
    except ValueError as e:
        print("ValueError:", e)
    try:
        a.diagonal(0, 1, 1)
    except ValueError as e:
        print("ValueError:", e)
    try:
        a.diagonal(0, 0, 2)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.diagonal(b, 0, -4, 0)
    except ValueError as e:
        print("ValueError:", e)
    a[0, 0] = -1
    print(d)


def traces(a, b):
    print(a.trace(), np.trace(a), a.trace(1), np.trace(a, -1), a.trace(offset=2), a.trace(7), np.trace(a.T, 1))
    print(b.trace(), np.trace(b, 0, 1, 2), b.trace(axis1=2, axis2=0), b.trace(dtype=np.float64), np.trace(a, dtype=np.int8))
    print(np.trace(a > 3), np.trace(a.astype(np.int8)), np.trace(a.astype(np.uint16)), np.trace(a * 1.5))


def lists(a):
    print(a.tolist(), a[0].tolist(), a.astype(np.float32).tolist(), (a > 2).tolist(), (a * 1j).tolist())
    print(a.astype(np.uint8).tolist(), np.array(2.5).tolist(), np.zeros((2, 0)).tolist())
    x = a.tolist()
    x[0][0] = 100
    print(x, a[0, 0])


def views(a):
    v = a.view(np.float64)
    print(v.dtype, v.shape, a.view(np.uint64)[0], a.view(), a.view(np.int32), a.view(np.int32).strides)
    w = a.view(np.int32)
    w[0, 0] = 7
    print(a[0, 0], a.view(np.int8).shape, a[:, 1:].view(np.int32), a[:, :2].view(np.complex128), a.astype(np.int8).view(np.bool_))
    f = np.array([1.0, -2.0], np.float32)
    print(f.view(np.int32), f.view(np.uint8), np.array([1.5, 2.5]).view(np.complex128), np.zeros((2, 0)).view(np.int8).shape)
    try:
        a[:, ::2].view(np.int32)
    except ValueError as e:
        print("ValueError:", e)
    try:
        a.T.view(np.int32)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.arange(3, dtype=np.int8).view(np.int16)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.array(3).view(np.int32)
    except ValueError as e:
        print("ValueError:", e)
    try:
        a.view(np.complex128).view(np.float32).view(np.complex128).view(np.float64)[:, ::3].view(np.complex128)
    except ValueError as e:
        print("ValueError:", e)


a = np.arange(12).reshape(3, 4)
products(a, np.arange(4))
conjugates(a, np.array([1 + 2j, -3j, 4.0]))
diagonals(a, np.arange(24).reshape(2, 3, 4))
traces(a, np.arange(24).reshape(2, 3, 4))
lists(np.arange(6).reshape(2, 3))
views(np.arange(6).reshape(2, 3))
