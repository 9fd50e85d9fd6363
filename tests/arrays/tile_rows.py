# Covers: np.tile of 2-d and 1-d arrays whose rows (16 or more items) are written in output order, rows of 4096 or more items by memmove, of C-contiguous, transposed and sliced arrays, int and float dtypes, zero repetitions
import numpy as np


def tiles(m):
    t = np.tile(m, (2, 3))
    print(t.shape, t.strides, t[:, 0], t[-1, -3:], t.sum(), np.tile(m, (1, 1)).sum() == m.sum())
    print(np.tile(m, (0, 2)).shape, np.tile(m, (3, 0)).shape, np.tile(m, 2)[1, -2:], np.tile(m[0], (2, 2))[1, :4])


tiles(np.arange(4 * 20).reshape(4, 20))
tiles(np.arange(4 * 20).reshape(4, 20).T.copy().T)
tiles(np.arange(6 * 40.0).reshape(6, 40)[::2, 3:])
tiles(np.linspace(0.0, 1.0, 3 * 17).reshape(3, 17).astype(np.float32))
big = np.arange(5000)
t = np.tile(big, 3)
print(t.shape, t[4998:5002], t[-3:], np.tile(big.reshape(1, 5000), (2, 2)).sum())
