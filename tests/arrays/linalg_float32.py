# Covers: np.linalg det, inv, solve of float32 matrices (computed in double precision, rounded to float32)
import numpy as np


def f32(f):
    print(np.linalg.det(f), np.linalg.inv(f), np.linalg.solve(f, f[0]))


f32(np.array(((4.0, -2.0, 1.0), (3.0, 6.0, -4.0), (2.0, 1.1, 8.0)), np.float32))
f32(np.array(((0.1, 0.7), (0.3, 0.9)), np.float32))
