# Covers: np.tile with more repetitions than the array has axes (NumPy puts axes of length 1 in front), for 0-d, 1-d, 2-d, 3-d and non-contiguous arrays, with zero repetitions
import numpy as np


def more(a, b, c):
    print(np.tile(a, (2, 1, 2)))
    print(np.tile(b, (2, 2, 1)))
    print(np.tile(b, (1, 2, 1, 2)).shape, np.tile(a, (1, 1, 2, 1)).shape)
    print(np.tile(c, (2, 1, 1, 3)))
    print(np.tile(b[:, ::2], (2, 1, 1)))
    print(np.tile(b.T, (2, 0, 1)).shape, np.tile(c, (1, 2, 1, 1, 1)).shape)
    z = np.tile(np.float64(2.5) * np.ones(()), (2, 3, 1))
    print(z, z.shape)


more(np.arange(3), np.arange(6).reshape(2, 3), np.arange(8.0).reshape(2, 2, 2))
