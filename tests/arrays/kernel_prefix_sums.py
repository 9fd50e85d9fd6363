# Covers: prefix sums by hand (inclusive, exclusive, in place, Hillis-Steele with slices), compared with cumsum; 2-d row prefix sums; integer dtypes
import numpy as np


def inclusive(a):
    out = np.empty_like(a)
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s
    return out


def exclusive(a):
    out = np.zeros_like(a)
    out[1:] = np.cumsum(a)[:-1]
    return out


def hillis_steele(a):
    x = a.copy()
    k = 1
    while k < x.shape[0]:
        x[k:] = x[k:] + x[:-k]
        k *= 2
    return x


def rows(m):
    out = m.copy()
    for j in range(1, m.shape[1]):
        out[:, j] += out[:, j - 1]
    return out


a = np.array((3, 1, 4, 1, 5, 9, 2, 6))
print(inclusive(a), exclusive(a), hillis_steele(a), np.cumsum(a), (hillis_steele(a) == np.cumsum(a)).all())
print(inclusive(np.arange(5, dtype=np.int16)), hillis_steele(np.arange(1, 9, dtype=np.uint8) * 30))
print(rows(np.arange(12).reshape(3, 4)), rows(np.ones((2, 3))))
