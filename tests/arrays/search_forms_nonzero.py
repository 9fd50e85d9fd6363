# Covers: np.nonzero / a.nonzero() / np.where(cond) (1-d to 4-d, bool/int/float/complex, NaN, views, empty), np.argwhere, np.flatnonzero
import numpy as np


def show(t):
    print(len(t), [x.dtype for x in t], t)


def nonzeros(a):
    show(np.nonzero(a))
    show(a.nonzero())
    show(np.where(a > 1))
    print(np.argwhere(a).dtype, np.argwhere(a).shape, np.argwhere(a))
    print(np.flatnonzero(a))


def main():
    a = np.array([0, 3, 0, 1, 2, 0, 5])
    nonzeros(a)
    m = np.array([[0, 1, 2], [3, 0, 0], [0, 0, 7]])
    nonzeros(m)
    nonzeros(m.T)
    nonzeros(m[::2, 1:])
    f = np.array([[0.0, np.nan, -0.0], [1.5, 0.0, -2.0]])
    nonzeros(f)
    b = np.array([True, False, True])
    show(np.nonzero(b))
    print(np.argwhere(b))
    c = np.array([0j, 1j, 2 + 0j, 0j])
    show(np.nonzero(c))
    print(np.flatnonzero(c))
    t = np.arange(24).reshape(2, 3, 4) % 5
    show(np.nonzero(t))
    print(np.argwhere(t == 0))
    show(np.where(t == 3))
    q = np.arange(16).reshape(2, 2, 2, 2) % 3
    show(np.nonzero(q))
    e = np.zeros((0, 3))
    show(np.nonzero(e))
    print(np.argwhere(e).shape)
    z = np.zeros(4, np.int32)
    show(np.nonzero(z))
    print(np.flatnonzero(z))
    # the classic use: the values where a condition holds
    r, s = np.nonzero(m > 1)
    print(m[r, s])
    print(a[np.where(a > 0)[0]])


main()
