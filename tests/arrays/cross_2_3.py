# Covers: np.cross of a 2-vector with a 3-vector (either order, rows of them, int and float): NumPy's products with z = 0
import numpy as np


def crosses(a2, b3, r2, r3):
    print(np.cross(a2, b3), np.cross(b3, a2), np.cross(r2, r3), np.cross(r3, r2), np.cross(r2, b3), np.cross(a2, r3))
    print(np.cross(a2.astype(np.int32), b3), np.cross(np.array((1, 0)), np.array((0.0, 1.0, 0.0))))


crosses(np.array((1.0, 2.0)), np.array((3.0, -1.0, 0.5)), np.arange(6.0).reshape(3, 2), np.arange(9.0).reshape(3, 3) - 4)
