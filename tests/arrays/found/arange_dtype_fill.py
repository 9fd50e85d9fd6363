# BUG: np.arange with dtype= computes the values in float64 and casts each; NumPy casts the first two values to the
# dtype and fills the rest in that dtype (start + i * (second - first)):
#   np.arange(0.0, 1.0, 0.1, dtype=np.float32)  NumPy: [... 0.8 0.90000004]  sharpjit: [... 0.8 0.9]
#   np.arange(0, 5, 0.5, dtype=np.int64)        NumPy: [0 0 0 0 0 0 0 0 0 0] (delta int(0.5) - 0 = 0)
#                                               sharpjit: [0 0 1 1 2 2 3 3 4 4]
import numpy as np


def ramps():
    return np.arange(0.0, 1.0, 0.1, dtype=np.float32), np.arange(0, 5, 0.5, dtype=np.int64)


print(ramps())
