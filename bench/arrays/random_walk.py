# random_walk: a seeded Gaussian random walk drawn at once, then its running maximum drawdown.
# Measures: np.random.randn (NumPy's legacy generator: MT19937 and the polar method), cumsum, maximum.accumulate.
# Needs: np.random.seed and np.random.randn in compiled code drawing NumPy's numbers after the same seed.
import numpy as np


def kernel(n, seed):
    np.random.seed(seed)
    steps = np.random.randn(n)
    path = np.cumsum(steps)
    return (np.maximum.accumulate(path) - path).max()


def setup():
    return 1_000_000, 7

# --- sanity ---
print(f"{kernel(*setup()):.9f}")
