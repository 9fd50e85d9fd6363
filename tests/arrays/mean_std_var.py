# Covers: mean/std/var of int/float/float32 arrays, whole and per axis; values chosen so results are exact (pairwise vs linear sums agree)
import numpy as np


def stats(a):
    print(a.mean(), a.std(), a.var(), np.mean(a), np.std(a), np.var(a))


def stats_axis(m):
    print(m.mean(axis=0), m.std(axis=0), m.var(axis=0), m.var(axis=1), m.std(axis=1, keepdims=True))


stats(np.array((2, 4, 4, 4, 5, 5, 7, 9)))
stats(np.array((2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0)))
stats(np.array((1.0, 3.0), dtype=np.float32))
stats(np.arange(4, dtype=np.uint8))
stats(np.array((5.0,)))
stats_axis(np.array(((1.0, 2.0), (3.0, 6.0), (5.0, 10.0))))
stats_axis(np.arange(12).reshape(3, 4))
b = np.array((True, False, True, True))
print(b.mean(), b.std(), b.var())
print(np.array((1 + 1j, 3 + 3j)).mean(), np.array((1 + 1j, 3 - 3j), dtype=np.complex64).mean())
