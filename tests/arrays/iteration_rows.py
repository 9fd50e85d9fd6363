# Covers: for loops over arrays: 1-d yields scalars, 2-d yields row views (writes go through), 3-d yields 2-d blocks, len(), loops over views
import numpy as np


def total(a):
    s = 0
    for x in a:
        s += x
    return s


def scale_rows(m):
    k = 1
    for row in m:
        row *= k
        k += 1
    return m


def block_sums(c):
    for block in c:
        print(block.shape, block.sum(), block[0])


def reversed_rows(m):
    for row in m[::-1]:
        print(row, row.max())


print(total(np.arange(5)), total(np.linspace(0.0, 1.0, 5)), total(np.arange(4, dtype=np.uint8)), total(np.zeros(0, dtype=np.int64)))
print(scale_rows(np.ones((3, 2))), scale_rows(np.arange(6).reshape(3, 2).T.copy()))
block_sums(np.arange(24).reshape(2, 3, 4))
reversed_rows(np.arange(6).reshape(3, 2))
reversed_rows(np.arange(6).reshape(3, 2).T)
