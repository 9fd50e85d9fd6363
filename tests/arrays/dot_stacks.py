# Covers: np.dot of a 3-d array with a matrix or a vector, and of a vector with a 3-d array (matmul's products), int dtypes
import numpy as np


def dots(s, m, v):
    print(np.dot(s, m), np.dot(s, v), np.dot(v[:3], s[:, :3, :]), np.dot(s.astype(np.int64), m.astype(np.int8)).dtype)


dots(np.arange(24.0).reshape(2, 3, 4) - 5, np.arange(8.0).reshape(4, 2), np.array((1.0, -1.0, 0.5, 2.0)))
