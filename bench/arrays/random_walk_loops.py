# random_walk_loops: the seeded random walk one step at a time, with uniform draws deciding jumps.
# Measures: scalar np.random.randn / np.random.random calls inside a loop (the generator inline in compiled code).
# Needs: np.random.seed, np.random.randn(), np.random.random() in compiled code drawing NumPy's numbers.
import numpy as np


def kernel(n, seed):
    np.random.seed(seed)
    x = 0.0
    peak = 0.0
    drawdown = 0.0
    for i in range(n):
        x += np.random.randn()
        if np.random.random() < 0.01:
            x += 5.0
        if x > peak:
            peak = x
        if peak - x > drawdown:
            drawdown = peak - x
    return drawdown


def setup():
    return 300_000, 7

# --- sanity ---
print(f"{kernel(*setup()):.9f}")
