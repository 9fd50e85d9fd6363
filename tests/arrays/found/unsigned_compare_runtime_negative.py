# BUG: an unsigned array compared with a negative int known only at run time (a function argument) compares as
# unsigned: u < k with k = -1 prints [ True  True  True] for uint8 and uint64 arrays; NumPy (and sharpjit with a
# literal -1) prints [False False False]. The result dtype is bool either way, so "a number known only at run
# time counts as small" should not change the answer. (Arithmetic u + k giving uint8 instead of int16 is the
# documented dtype rule; the comparison's wrong truth values are not.)
import numpy as np


def f(u, k):
    return u < k, u == k, u >= k


print(f(np.arange(3, dtype=np.uint8), -1))
print(f(np.arange(3, dtype=np.uint64), -1))
