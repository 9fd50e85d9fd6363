# Covers: np.linalg det/inv/solve and sort/argsort/a.sort on transposed and reversed views, uint8 and bool matrices, np.array of a list of rows
import numpy as np


def odd(m, v):
    print(np.linalg.det(m.T), np.linalg.inv(m[::-1]), np.linalg.solve(m.T, v[::-1]), np.linalg.solve(m[:, ::-1], np.eye(3)[:, :2]))
    print(np.sort(m.T), np.argsort(m[::-1], axis=0), m.T[:, np.array((2, 0))], np.array([m[0], m[1]]))
    r = np.arange(12.0).reshape(3, 4).T
    r.sort(axis=0)
    print(r, np.linalg.det(np.array([[1, 2], [3, 4]], np.uint8)), np.linalg.det(np.array([[True, False], [False, True]])))


odd(np.array(((4.0, -2.0, 1.0), (3.0, 6.0, -4.0), (2.0, 1.0, 8.0))), np.array((1.0, 2.0, 3.0)))
