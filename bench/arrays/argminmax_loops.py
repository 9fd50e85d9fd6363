# argminmax_loops: positions of the largest and smallest element of a 1-D array found by a loop.
# Measures: a compare-and-remember loop with two running values and two running indices.
# Needs: 1-D float64 arrays, len(a), a[i] reads, returning a tuple of ints.
import numpy as np


def kernel(a):
    best_max = 0
    best_min = 0
    for i in range(1, len(a)):
        if a[i] > a[best_max]:
            best_max = i
        if a[i] < a[best_min]:
            best_min = i
    return best_max, best_min


def setup():
    rng = np.random.default_rng(0)
    return (rng.random(300_000),)

# --- sanity ---
print(*kernel(*setup()))
