# Covers: IndexError of a.flat[i] read past the end
import numpy as np


def f(m, i):
    return m.flat[i]


print(f(np.arange(6).reshape(2, 3), 5))
print(f(np.arange(6).reshape(2, 3), 6))
