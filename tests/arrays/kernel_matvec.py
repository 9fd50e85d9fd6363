# Covers: matrix-vector products by loops (row-major and column-major order), by row dot products, with @; int, float, float32; power iteration step
import numpy as np


def matvec_rows(m, v):
    out = np.zeros(m.shape[0], dtype=np.result_type(m, v))
    for i in range(m.shape[0]):
        s = out[i]
        for j in range(m.shape[1]):
            s += m[i, j] * v[j]
        out[i] = s
    return out


def matvec_cols(m, v):
    out = np.zeros(m.shape[0], dtype=np.result_type(m, v))
    for j in range(m.shape[1]):
        out += m[:, j] * v[j]
    return out


def power_iteration(m, v, steps):
    for _ in range(steps):
        w = m @ v
        v = w / np.abs(w).max()
    return v


m = np.arange(12).reshape(3, 4)
v = np.array((1, -1, 2, 0))
print(matvec_rows(m, v), matvec_cols(m, v), m @ v)
mf = np.arange(6.0).reshape(2, 3) / 4
vf = np.array((0.5, 1.0, -2.0))
print(matvec_rows(mf, vf), matvec_cols(mf, vf), mf @ vf)
print(matvec_rows(m.astype(np.float32), v.astype(np.float32)), matvec_cols(m.T, np.ones(3)))
print(power_iteration(np.array(((2.0, 0.0), (0.0, 1.0))), np.array((1.0, 1.0)), 6))
