# cumsum: running total of a large 1-D array, normalised by its last element.
# Measures: np.cumsum (a sequential scan) and an elementwise division by a scalar read from the result.
# Needs: np.cumsum, c[-1] (negative index), array / scalar.
import numpy as np


def kernel(a):
    c = np.cumsum(a)
    return c / c[-1]


def setup():
    rng = np.random.default_rng(0)
    return (rng.random(2_000_000),)

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
