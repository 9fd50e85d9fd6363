# Covers: bool arrays: comparisons, &, |, ^, ~, sums and counts, any/all, conversions with astype
import numpy as np


def masks(a):
    m = (a > 2) & (a < 8)
    n = ~m
    print(m, n, m | (a == 0), m ^ n, m.sum(), n.sum(), m.any(), m.all(), m.astype(np.int64))
    print(np.sum(m), (m * 1.5), m + m, m.mean())


masks(np.arange(10))
print(np.zeros(3, dtype=np.bool_), np.ones(2, dtype=np.bool_))
