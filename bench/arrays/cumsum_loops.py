# cumsum_loops: running total of a 1-D array by hand, normalised by its last element.
# Measures: a loop-carried dependency (one add per element), then an elementwise division.
# Needs: 1-D float64 arrays, np.empty_like, a[i] reads and writes, out[-1], array / scalar.
import numpy as np


def kernel(a):
    out = np.empty_like(a)
    total = 0.0
    for i in range(len(a)):
        total += a[i]
        out[i] = total
    return out / out[-1]


def setup():
    rng = np.random.default_rng(0)
    return (rng.random(300_000),)

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
