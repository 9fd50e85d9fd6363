# Covers: np.repeat along axis 0 of 2-d arrays whose rows are copied whole (8 or more items, 7 by strided copies: int repeats and a count per row), of C-contiguous, transposed, sliced and empty arrays, int and float dtypes
import numpy as np


def rows(m):
    r = np.repeat(m, 2, axis=0)
    print(r.shape, r.strides, r[:, 0], r[-1, -3:], r.sum())
    c = np.repeat(m, np.arange(m.shape[0]) % 3, axis=0)
    print(c.shape, c[:, 1], c.sum())
    print(np.repeat(m, 0, axis=0).shape, np.repeat(m[:0], 3, axis=0).shape, np.repeat(m, 1, axis=-2).sum() == m.sum())


a = np.arange(5 * 20).reshape(5, 20)
rows(a)
rows(a.T)
rows(a[::2, 1::1])
rows(np.linspace(0.0, 1.0, 6 * 17).reshape(6, 17).astype(np.float32))
rows(np.arange(4 * 8).reshape(4, 8) * 3)
rows((np.arange(5 * 7) % 4 == 0).reshape(5, 7))
rows(np.arange(3 * 12, dtype=np.int16).reshape(3, 12)[:, ::-1])
