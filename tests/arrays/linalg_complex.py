# Covers: np.linalg det, inv, solve of complex128, float32 and int8 matrices: values and result dtypes
import numpy as np


def clinalg(c, cb):
    d = np.linalg.det(c)
    print(d, np.linalg.inv(c), np.linalg.solve(c, cb), np.linalg.solve(c.real, cb))
    f = c.real.astype(np.float32)
    print(np.linalg.det(f), np.linalg.inv(f).dtype, np.linalg.solve(f, f[0]).dtype, np.linalg.det(np.array(((1, 2), (3, 4)), np.int8)))


clinalg(np.array(((1 + 2j, 2 - 1j, 0.5j), (3j, -1 + 0j, 2 + 2j), (1 + 1j, 1 - 1j, 4 + 0j))), np.array((1 + 0j, 2j, -1 + 1j)))
