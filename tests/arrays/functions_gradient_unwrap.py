# Covers: np.trim_zeros (trim= 'f', 'b', 'fb' in any case, lists, complex, all zeros), np.gradient (1-d to 3-d, numbers as spacing for all axes or one per axis, axis= an int or a tuple, edge_order 1 and 2, integers as float64, float32, complex, NumPy's errors), np.unwrap (discont=, period=, integer periods, axis=, float32)
import numpy as np


def trims():
    a = np.array([0, 0, 3, 0, 2, 0, 0])
    print(np.trim_zeros(a), np.trim_zeros(a, "f"), np.trim_zeros(a, "b"), np.trim_zeros(a, "Fb"), np.trim_zeros(a, ""))
    print(np.trim_zeros(np.zeros(4)), np.trim_zeros(np.array([0.0, -0.0, 1.5])), np.trim_zeros(np.array([0, 1j, 0]), "fB"))
    print(np.trim_zeros([0, 0, 1, 2, 0]), np.trim_zeros(np.array([False, True, False])))


def gradients():
    f = np.array([1.0, 2.0, 4.0, 7.0, 11.0, 16.0])
    print(np.gradient(f), np.gradient(f, 2.0), np.gradient(f, 0.5, edge_order=2), np.gradient(np.array([1, 4, 9, 16])))
    print(np.gradient(f.astype(np.float32), 3.0), np.gradient(f.astype(np.float32), 3.0, edge_order=2), np.gradient(f, 3))
    m = np.arange(24).reshape((2, 3, 4)) ** 2.0
    g = np.gradient(m)
    print(len(g), g[0], g[1], g[2])
    print(np.gradient(m, axis=1), np.gradient(m, 0.5, axis=-1, edge_order=2))
    g = np.gradient(m, 1.0, 2.0, axis=(0, 2))
    print(len(g), g[0], g[1])
    print(np.gradient(m, axis=(1,)))
    g = np.gradient(np.array([[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]]), 2.0, 3.0)
    print(g[0], g[1])
    print(np.gradient(m.astype(np.float32), axis=2, edge_order=2).dtype, np.gradient(np.array([1 + 1j, 3 - 1j, 2j])))
    try:
        np.gradient(np.array([1.0, 2.0]), edge_order=2)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.gradient(f, edge_order=3)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.gradient(f, 1.0, 2.0)
    except TypeError as e:
        print("TypeError", e)
    try:
        np.gradient(m, axis=(1, 1))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.gradient(m, axis=3)
    except ValueError as e:
        print("ValueError", e)


def unwraps():
    p = np.array([0.0, 0.78, 5.49, 6.28, 12.5, -3.0, 3.1416, -3.1416])
    print(np.unwrap(p), np.unwrap(p, np.pi / 2), np.unwrap(p, period=4.0), np.unwrap(p, discont=4.0))
    print(np.unwrap(np.array([0, 7, 14, 2], np.int64), period=10), np.unwrap(np.array([0, 7, 14, 2, 5]), period=9), np.unwrap(np.array([0, 3, 6, 1])))
    m = np.array([[0.0, 3.0, 6.5, 0.1], [1.0, -2.0, 5.0, 12.0]])
    print(np.unwrap(m), np.unwrap(m, axis=0), np.unwrap(m.astype(np.float32)))
    print(np.unwrap([0.0, 4.0, 8.0]), np.unwrap(np.array([np.pi, -np.pi, np.pi])), np.unwrap(np.array([0.0, np.pi, 0.0, -np.pi])))


trims()
gradients()
unwraps()
