# running_max_loops: running maximum of a 1-D random walk by hand, and the largest drawdown below it.
# Measures: a scan loop carrying two values with compare-and-update branches.
# Needs: 1-D float64 arrays, a[i] reads.
import numpy as np


def kernel(steps):
    walk = 0.0
    peak = 0.0
    worst = 0.0
    for i in range(len(steps)):
        walk += steps[i]
        if i == 0 or walk > peak:
            peak = walk
        if peak - walk > worst:
            worst = peak - walk
    return worst


def setup():
    rng = np.random.default_rng(0)
    return (rng.standard_normal(300_000),)

# --- sanity ---
print(f"{kernel(*setup()):.9e}")
