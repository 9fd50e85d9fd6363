# Covers: np.repeat and a.repeat with a count per item (an int array, a list, one count broadcast), along axis 0, 1 and -1 of 2-d arrays, zero counts
import numpy as np


def reps(a, m, counts):
    print(np.repeat(a, counts), np.repeat(a, np.array((2,))), np.repeat(a, [1, 0, 2, 1]), a.repeat(counts))
    print(np.repeat(m, np.array((1, 0, 2)), axis=1), np.repeat(m, np.array((2, 1)), axis=0), np.repeat(m, [3], axis=-1))
    print(np.repeat(m, np.array((1, 2, 0, 1, 1, 1))), np.repeat(a.astype(np.float32), counts).dtype, np.repeat(a, counts * 0))


reps(np.arange(4), np.arange(6).reshape(2, 3), np.array((1, 0, 2, 1)))
