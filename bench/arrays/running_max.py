# running_max: running maximum (prefix scan with max) of a 1-D random walk, and the drawdown below it.
# Measures: the ufunc scan np.maximum.accumulate, np.cumsum and an elementwise subtraction.
# Needs: np.cumsum, np.maximum.accumulate (ufunc method), array - array, ndarray.max().
import numpy as np


def kernel(steps):
    walk = np.cumsum(steps)
    peak = np.maximum.accumulate(walk)
    return (peak - walk).max()


def setup():
    rng = np.random.default_rng(0)
    return (rng.standard_normal(2_000_000),)

# --- sanity ---
print(f"{kernel(*setup()):.9e}")
