# montecarlo_pi: pi estimated from precomputed uniform random points: the share inside the quarter circle.
# Measures: elementwise squares and a comparison into a boolean array, then counting it.
# Needs: array * array, <= into bool arrays, np.count_nonzero, ndarray.size.
import numpy as np


def kernel(x, y):
    return 4.0 * np.count_nonzero(x * x + y * y <= 1.0) / x.size


def setup():
    rng = np.random.default_rng(0)
    return rng.random(2_000_000), rng.random(2_000_000)

# --- sanity ---
print(f"{kernel(*setup()):.9f}")
