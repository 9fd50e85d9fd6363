# Covers: np.count_nonzero on ints, floats (nan counts, -0.0 does not), bools, complex, 2-d and views
import numpy as np


def count(a):
    return np.count_nonzero(a)


print(count(np.arange(-3, 4)), count(np.array((0.0, -0.0, np.nan, 1e-300))), count(np.arange(5) > 2))
print(count(np.array((0j, 1j, 1 + 0j))), count(np.eye(4)), count(np.eye(4)[::2]), count(np.zeros(0)))
print(count(np.arange(12, dtype=np.uint8).reshape(3, 4) % 3), count(np.ones((2, 3, 4), dtype=np.float32)))
