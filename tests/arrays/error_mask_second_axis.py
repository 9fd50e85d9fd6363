# Covers: IndexError for a 2-d mask that matches axis 0 but not axis 1 (dimension is 4 but corresponding boolean dimension is 3)
import numpy as np


def big(m, k):
    return m[m[:, :k] > 1]


m = np.arange(8).reshape(2, 4)
print(big(m, 4))
print(big(m, 3))
