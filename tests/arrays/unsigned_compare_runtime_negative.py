# Covers: unsigned arrays compared with a (negative) int known only at run time: the values are compared exactly, as
# NumPy's signed or float64 loop for a negative number does (the number on either side).
import numpy as np


def f(u, k):
    return u < k, u == k, u >= k, k < u, k != u, k >= u, u > k


for k in (-1, -300, 1, 2**40, -2**62):
    print(k, f(np.arange(3, dtype=np.uint8), k))
    print(k, f(np.arange(3, dtype=np.uint16), k))
    print(k, f(np.arange(3, dtype=np.uint64) * np.uint64(2**40), k))
big = np.arange(3, dtype=np.uint64) - np.uint64(1)
print(f(big, -1), f(big, 2**62))
