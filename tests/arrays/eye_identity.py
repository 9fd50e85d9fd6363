# Covers: np.eye (square, rectangular, dtype=), np.identity with several dtypes, arithmetic with identity matrices
import numpy as np


def eyes(n, m):
    print(np.eye(n), np.eye(n, m), np.eye(m, n, dtype=np.int32))


def ids(n):
    i = np.identity(n)
    print(i, i.dtype, np.identity(n, dtype=np.bool_), np.identity(n, dtype=np.complex128))
    print(np.identity(n, dtype=np.uint8) * 200, 3 * np.identity(n) - np.ones((n, n)))


eyes(3, 4)
eyes(1, 2)
eyes(2, 2)
ids(3)
ids(1)
print(np.eye(4, dtype=np.float32).sum(), np.eye(0).shape, np.eye(2, 0).shape)
