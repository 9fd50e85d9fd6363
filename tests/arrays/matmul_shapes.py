# Covers: matrix products of many shapes: 1xN @ Nx1, Nx1 @ 1xN, empty inner dimension, transposed and sliced operands, chained products, identity
import numpy as np


def chain(a, b, c):
    return a @ b @ c, (a @ b) @ c, a @ (b @ c)


r = np.arange(1, 4).reshape(1, 3)
print(r @ r.T, r.T @ r, np.ones((2, 0)) @ np.ones((0, 3)), np.ones((0, 2)) @ np.ones((2, 2)))
m = np.arange(16.0).reshape(4, 4)
print(m[::2, 1:] @ m[1:, ::-2], m.T @ m, m[:, 0] @ m, m @ m[1])
print(chain(np.eye(3), np.arange(9).reshape(3, 3), np.ones((3, 2))))
print(m @ np.eye(4) - m, np.identity(3, dtype=np.int64) @ np.arange(3))
