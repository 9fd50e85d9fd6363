# Covers: np.kron (1-d and 2-d, mixed ranks and dtypes), np.vdot (conjugating the first, flattening, errors), np.inner (1-d, 2-d, mixed, numbers, errors)
import numpy as np


def krons():
    a = np.array([1, 2, 3])
    b = np.array([1, 10])
    print(np.kron(a, b))
    m = np.array([[1, 2], [3, 4]])
    e = np.eye(2)
    print(np.kron(m, e))
    print(np.kron(e, m))
    print(np.kron(m, np.array([[1, -1, 0]])))
    r = np.kron(a, m)
    print(r.dtype, r.shape, r)
    r = np.kron(m, b * 0.5)
    print(r.dtype, r.shape, r)
    print(np.kron(np.array([1j, 2]), np.array([1, 1j])))


def vdots():
    a = np.array([1 + 2j, 3 - 1j])
    b = np.array([2 - 1j, 1j])
    print(np.vdot(a, b), np.vdot(b, a))
    x = np.arange(6).reshape(2, 3)
    y = np.arange(6.0).reshape(3, 2)
    print(np.vdot(x, y), np.vdot(x, x))
    print(np.vdot(np.array([1.5, 2.0]), np.array([2, 4])))
    try:
        np.vdot(np.arange(3), np.arange(4))
    except ValueError as e:
        print("ValueError", e)


def inners():
    a = np.array([1, 2, 3])
    b = np.array([0.5, -1.0, 2.0])
    print(np.inner(a, b), np.inner(a, a))
    m = np.arange(6).reshape(2, 3)
    n = np.arange(12.0).reshape(4, 3)
    print(np.inner(m, n))
    print(np.inner(m, a))
    print(np.inner(b, n))
    print(np.inner(m, m))
    print(np.inner(a, 2.5), np.inner(3, m))
    c = np.array([1j, 2])
    print(np.inner(c, c))
    try:
        np.inner(m, np.ones((4, 2)))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.inner(m, np.ones(2))
    except ValueError as e:
        print("ValueError", e)


krons()
vdots()
inners()
