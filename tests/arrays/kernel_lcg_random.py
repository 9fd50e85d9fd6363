# Covers: a linear congruential generator filling uint64 arrays (wrapping multiply-add), scaling to floats in [0, 1), a Monte Carlo estimate; deterministic
import numpy as np


def lcg(n, seed):
    out = np.empty(n, dtype=np.uint64)
    x = np.uint64(seed)
    a = np.uint64(6364136223846793005)
    c = np.uint64(1442695040888963407)
    for i in range(n):
        x = x * a + c
        out[i] = x
    return out


def uniform(bits):
    return (bits >> np.uint64(11)).astype(np.float64) / 9007199254740992.0


def pi_estimate(n):
    u = uniform(lcg(2 * n, 42))
    x = u[:n]
    y = u[n:]
    inside = (x * x + y * y) < 1.0
    return 4.0 * inside.sum() / n


print(lcg(4, 1))
print(uniform(lcg(5, 7)))
print(pi_estimate(1000), pi_estimate(5000))
