# Covers: ValueError: cannot reshape array of size 6 into shape (4,), on a 2-d array
import numpy as np


def flat(m, n):
    return m.reshape(n)


print(flat(np.zeros((2, 3)), 6))
print(flat(np.zeros((2, 3)), 4))
