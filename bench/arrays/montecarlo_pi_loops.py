# montecarlo_pi_loops: pi estimated from precomputed uniform random points, counting hits in a loop.
# Measures: a compare-and-count loop over two arrays (branchy or branch-free, depending on the compiler).
# Needs: 1-D float64 arrays, len(), x[i] reads.
import numpy as np


def kernel(x, y):
    hits = 0
    for i in range(len(x)):
        if x[i] * x[i] + y[i] * y[i] <= 1.0:
            hits += 1
    return 4.0 * hits / len(x)


def setup():
    rng = np.random.default_rng(0)
    return rng.random(300_000), rng.random(300_000)

# --- sanity ---
print(f"{kernel(*setup()):.9f}")
