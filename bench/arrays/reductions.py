# reductions: sum, mean, standard deviation, min and max of a large 1-D array.
# Measures: full-array reductions (NumPy's pairwise summation; std makes two passes and a temporary).
# Needs: ndarray.sum(), .mean(), .std(), .min(), .max(), returning a tuple of floats.
import numpy as np


def kernel(a):
    return a.sum(), a.mean(), a.std(), a.min(), a.max()


def setup():
    rng = np.random.default_rng(0)
    return (rng.random(2_000_000),)

# --- sanity ---
print(" ".join(f"{x:.9e}" for x in kernel(*setup())))
