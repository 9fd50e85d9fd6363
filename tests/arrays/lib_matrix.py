# Covers: np.diag (1-d to 2-d and back, k offsets beyond the size), np.diagonal, tri/tril/triu (k, dtype, 1-d input),
# meshgrid (one, two, three arrays, 'xy' and 'ij'), swapaxes, cross (3-vectors, rows of them), np.linalg.norm (whole
# array, 'fro', along an axis, keepdims; integer, bool, float32 and complex arrays)
import numpy as np


def diagonals(v, m):
    print(np.diag(v), np.diag(v, 1), np.diag(v, -2), np.diag(v[:0]), np.diag(v > 1, 1))
    print(np.diag(m), np.diag(m, 1), np.diag(m, -1), np.diag(m, 3), np.diag(m, -5), np.diag(m.T, 2))
    print(np.diagonal(m), np.diagonal(m, 2), np.diagonal(m, -1), np.diag(np.diag(v)))


def triangles(m):
    print(np.tri(3), np.tri(2, 4), np.tri(3, 2, -1), np.tri(2, 3, 1, np.int8), np.tri(0).shape, np.tri(3, dtype=bool))
    print(np.tril(m), np.tril(m, 1), np.tril(m, -1), np.triu(m), np.triu(m, 2), np.triu(m, -1))
    print(np.tril(m.T), np.triu(m > 4), np.tril(np.arange(3)), np.triu(np.arange(1.0, 4.0), 1))
    print(np.tril(m.astype(np.float32), 10), np.triu(m, -10).dtype)


def grids(x, y, z):
    X, Y = np.meshgrid(x, y)
    print(X, Y)
    X, Y = np.meshgrid(x, y, indexing="ij")
    print(X, Y)
    X, Y, Z = np.meshgrid(x, y[:2], z)
    print(X.shape, Y.shape, Z.shape, X[1], Y[:, :, 1], Z[0])
    X, Y, Z = np.meshgrid(x, y[:2], z, indexing="ij")
    print(X.shape, X[:, 1], Y[1], Z[2])
    (X,) = np.meshgrid(z)
    print(X)
    X, Y = np.meshgrid(x.reshape(2, 2), y[:0])
    print(X.shape, Y.shape, X.dtype, Y.dtype)


def axes(m, v):
    print(np.swapaxes(m, 0, 1), np.swapaxes(m, 1, 0), np.swapaxes(m, -1, 0), np.swapaxes(m, 1, 1), np.swapaxes(v, 0, -1))
    s = np.swapaxes(m, 0, 1)
    s[0, 0] = 100
    print(m[0, 0])


def vectors(a, b, p):
    print(np.cross(a, b), np.cross(b, a), np.cross(a, a), np.cross(p, a), np.cross(a, p), np.cross(p, p[::-1]))
    print(np.cross(a.astype(np.int8), b.astype(np.int8)), np.cross(a.astype(np.float32), b).dtype)
    print(np.linalg.norm(a), np.linalg.norm(b), np.linalg.norm(p), np.linalg.norm(p, "fro"), np.linalg.norm(a[:0]))
    print(np.linalg.norm(np.array((3, 4), np.int8)), np.linalg.norm(np.array((3.0, 4.0), np.float32)),
          np.linalg.norm(np.array((3 + 4j, 1 - 2j))), np.linalg.norm(np.array((3 + 4j, 0j), np.complex64)),
          np.linalg.norm(np.array((True, True, False, True))), np.linalg.norm(p.T), np.linalg.norm(np.array((0.5, -0.25, 0.125))))
    z = np.array(((3 + 4j, 1j), (2.0, -2j)))
    print(np.linalg.norm(p, axis=0), np.linalg.norm(p, axis=1), np.linalg.norm(p, axis=-1, keepdims=True),
          np.linalg.norm(p, keepdims=True), np.linalg.norm(a, axis=0), np.linalg.norm(a, keepdims=True))
    print(np.linalg.norm(z, axis=0), np.linalg.norm(z.astype(np.complex64), axis=1), np.linalg.norm(p.astype(np.float32), axis=0),
          np.linalg.norm(p > 2, axis=1), np.linalg.norm(p.astype(np.int16), axis=-2, keepdims=False))
    rows = p / p.sum(axis=1, keepdims=True)
    print((rows / np.linalg.norm(rows, axis=0)).shape)


v = np.arange(1, 5)
m = np.arange(12).reshape(3, 4)
diagonals(v, m)
triangles(m)
grids(np.arange(4), np.arange(10.0, 13.0), np.arange(5).astype(np.int8))
axes(m, v)
a = np.array((1.0, 2.0, 3.0))
b = np.array((4.0, -5.0, 6.0))
p = np.arange(12.0).reshape(4, 3)
vectors(a, b, p)
