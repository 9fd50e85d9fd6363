# Covers: np.int64 of a float beyond int64 raises OverflowError (NumPy's message), where int() would not.
import numpy as np

x = 1.0
while x < 1e30:
    print(x, np.int64(x), np.int64(-x))
    x = x * 1000.0
