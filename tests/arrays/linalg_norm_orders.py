# Covers: np.linalg.norm with every ord NumPy 1.24 takes: vectors (None, 2, inf, -inf, 0, 1, -1 and other p, NumPy's power fast paths, float32/complex64 in single precision), along axis= (an int or a 1-tuple) of 1-d to 3-d and F-ordered arrays, matrices ('fro', 'f', 'nuc', 1, -1, 2, -2, inf, -inf; axis=(0, 1), (1, 0), negative; strided and transposed), keepdims=, NumPy's errors
import numpy as np


def data(shape, seed):
    n = 1
    for d in shape:
        n *= d
    return ((np.arange(n) * (37.0 + seed) % 101.0 - 50.0) / 7.3).reshape(shape)


def vectors(v):
    print(np.linalg.norm(v), np.linalg.norm(v, None, 0), np.linalg.norm(v, keepdims=True))
    for ord in (2.0, np.inf, -np.inf, 0.0, 1.0, -1.0, 0.5):
        print(ord, np.linalg.norm(v, ord), np.linalg.norm(v, ord, keepdims=True), np.linalg.norm(v, ord, 0), np.linalg.norm(v, ord=ord, axis=(0,)))
    # (other powers are NumPy's SIMD pow on CPUs with AVX-512, an ulp off libm's: printed to 8 digits)
    for ord in (3.0, -2.0, 2.5, -0.5):
        print(ord, np.array([np.linalg.norm(v, ord), np.linalg.norm(v.astype(np.float32), ord)]), np.linalg.norm(v, ord, keepdims=True))
    w = v.astype(np.float32)
    print(np.linalg.norm(w), np.linalg.norm(w, 1), np.linalg.norm(w, -1), np.linalg.norm(w, np.inf), np.linalg.norm(w, 0), np.linalg.norm(w, 0.5))
    z = v + 1j * v[::-1]
    print(np.linalg.norm(z), np.linalg.norm(z.astype(np.complex64)), np.linalg.norm(z, axis=0))
    for ord in (2.0, 0.0, 1.0, -1.0, np.inf):
        print(ord, np.linalg.norm(z, ord), np.linalg.norm(z.astype(np.complex64), ord))
    print(np.linalg.norm(np.array([3, 4])), np.linalg.norm(np.array([3, 4]), 1), np.linalg.norm(np.array([True, False, True]), 0))
    print(np.linalg.norm([3.0, 4.0]), np.linalg.norm([[1.0, 2.0], [3.0, 4.0]], 1), np.linalg.norm((1, 2), np.inf))
    try:
        np.linalg.norm(v, "fro")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.linalg.norm(v, "nuc", 0)
    except ValueError as e:
        print("ValueError", e)


def along(m):
    for ord in (2.0, np.inf, -np.inf, 0.0, 1.0, -1.0, 0.5):
        print(ord, np.linalg.norm(m, ord, axis=0).tolist(), np.linalg.norm(m, ord, axis=1).tolist())
        print(np.linalg.norm(m, ord, axis=-1, keepdims=True).tolist(), np.linalg.norm(m.T, ord, axis=0).tolist())
        print(np.linalg.norm(m.T, ord, axis=1, keepdims=True).tolist())
    print(np.linalg.norm(m, axis=0).tolist(), np.linalg.norm(m.T, 3, axis=1))
    c = data((2, 3, 4), 5)
    for ax in (0, 1, 2, -1):
        print(np.linalg.norm(c, axis=ax).tolist(), np.linalg.norm(c, 1, axis=ax).tolist(), np.linalg.norm(c, np.inf, ax, True).shape, np.linalg.norm(c, 3, ax))
    print(np.linalg.norm(c), np.linalg.norm(c, keepdims=True), np.linalg.norm(c.T))
    try:
        np.linalg.norm(c, 1)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.linalg.norm(m, 2, axis=2)
    except ValueError as e:
        print("ValueError", e)


def matrices(m):
    print(np.linalg.norm(m), np.linalg.norm(m.T), np.linalg.norm(m, None, (1, 0)), np.linalg.norm(m, None, (-2, -1), True))
    for ord in ("fro", "f", "nuc"):
        print(ord, np.linalg.norm(m, ord), np.linalg.norm(m.T, ord), np.linalg.norm(m, ord, (1, 0)), np.linalg.norm(m, ord, (-2, -1), True))
        print(np.linalg.norm(m.astype(np.float32), ord), np.linalg.norm(m[::2, ::3], ord, (0, 1)))
    for ord in (1.0, -1.0, 2.0, -2.0, np.inf, -np.inf):
        print(ord, np.linalg.norm(m, ord), np.linalg.norm(m.T, ord), np.linalg.norm(m, ord, (1, 0)), np.linalg.norm(m, ord, (-2, -1), True))
        print(np.linalg.norm(m.astype(np.float32), ord), np.linalg.norm(m[::2, ::3], ord, (0, 1)), np.linalg.norm(m.T, ord, (1, 0)))
    z = m + 0.5j
    print(np.linalg.norm(z, "fro"), np.linalg.norm(z, "nuc", (1, 0)), np.linalg.norm(z, None, (1, 0)))
    for ord in (1.0, -1.0, 2.0, -2.0, np.inf, -np.inf):
        print(ord, np.linalg.norm(z, ord), np.linalg.norm(z, ord, (1, 0)))
    print(np.linalg.norm(np.arange(6).reshape((2, 3)), 1), np.linalg.norm(np.ones((3, 1)), 1), np.linalg.norm(np.ones((1, 3)).T, np.inf))
    for bad in (3, 0):
        try:
            np.linalg.norm(m, bad)
        except ValueError as e:
            print("ValueError", e)
    try:
        np.linalg.norm(m, "nucc")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.linalg.norm(m, 1, (0, 0))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.linalg.norm(m, 1, (0, -2))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.linalg.norm(m, 1, (0, 2))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.linalg.norm(m, 1, (0, 1, 1))
    except ValueError as e:
        print("ValueError", e)


vectors(data((11,), 1))
vectors(data((300,), 2) * 10.0)
along(data((5, 20), 3))
matrices(data((6, 9), 4))
matrices(data((30, 20), 5))
