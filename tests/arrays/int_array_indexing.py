# Covers: 1-d integer-array indexing on the first axis: gather, negative and repeated indices, int32/uint8 index arrays, scatter, rows of 2-d
import numpy as np


def gather(a, idx):
    return a[idx]


def scatter_add(a, idx):
    a[idx] += 1
    return a


def permute_rows(m, p):
    return m[p]


x = np.arange(10) * 10
print(gather(x, np.array((0, 9, -1, -10, 3, 3))))
print(gather(x, np.arange(5, dtype=np.int32)[::-1]))
print(gather(x, np.array((1, 2), dtype=np.uint8)))
print(gather(np.linspace(0.0, 1.0, 5), np.array((4, 0))), gather(x, np.zeros(0, dtype=np.int64)).shape)
print(scatter_add(np.zeros(5), np.array((0, 2, 2, 4))))
m = np.arange(12).reshape(4, 3)
print(permute_rows(m, np.array((3, 1, 0, 2))), permute_rows(m, np.array((-1, -1))))
p = permute_rows(m, np.array((0, 1)))
p[0, 0] = 100
print(m[0, 0], p)
y = np.arange(6)
y[np.array((5, 0))] = np.array((-1, -2))
print(y)
