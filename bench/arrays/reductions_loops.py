# reductions_loops: sum, mean, standard deviation, min and max of a 1-D array by hand (two passes).
# Measures: sequential accumulation loops over a 1-D array (the compiled-loop form of reductions.py).
# Needs: 1-D float64 arrays, len(a), a[i] reads, math.sqrt, returning a tuple of floats.
import math
import numpy as np


def kernel(a):
    n = len(a)
    total = 0.0
    low = a[0]
    high = a[0]
    for i in range(n):
        x = a[i]
        total += x
        if x < low:
            low = x
        if x > high:
            high = x
    mean = total / n
    squares = 0.0
    for i in range(n):
        d = a[i] - mean
        squares += d * d
    return total, mean, math.sqrt(squares / n), low, high


def setup():
    rng = np.random.default_rng(0)
    return (rng.random(200_000),)

# --- sanity ---
print(" ".join(f"{x:.9e}" for x in kernel(*setup())))
