# Covers: IndexError from an augmented element update m[i, j] += 1 inside a counting loop (index 2 is out of bounds for axis 0 with size 2)
import numpy as np


def count_pairs(pairs, n):
    m = np.zeros((n, n), dtype=np.int32)
    for k in range(pairs.shape[0]):
        m[pairs[k, 0], pairs[k, 1]] += 1
    return m


print(count_pairs(np.array(((0, 1), (1, 1), (0, 1))), 2))
print(count_pairs(np.array(((0, 1), (2, 1))), 2))
