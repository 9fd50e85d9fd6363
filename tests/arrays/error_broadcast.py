# Covers: ValueError when operand shapes do not broadcast (NumPy's message, trailing space included)
import numpy as np


def add(a, b):
    return a + b


print(add(np.ones(3), np.ones((2, 3))))
print(add(np.ones(3), np.ones(4)))
