# Covers: transposed (F-layout) and mixed-layout operands: reductions along each axis, cumsum/ravel/flatten in C order, fused ops of C and F views, matmul with transposes, 3-d .T
import numpy as np


def f(m):
    t = m.T
    print(t.sum(axis=0), t.sum(axis=1), t.argmax(axis=0), t.cumsum(), t.ravel(), t.flatten())
    print(t + m.T * 2, t @ m, m @ t, t[::-1] - 1, (t > 3).any(axis=1), t.mean(axis=1, keepdims=True))
    f = np.ones((2, 3)).T
    f[:, 1] = 5
    print(f, f + t, f.T @ f, f.sum(axis=1), f.strides, f.T.strides)
    c = np.zeros((2, 3, 4))
    c[:] = np.arange(4)
    ct = c.T
    print(ct.shape, ct.sum(axis=2), ct[1], (ct * 2)[3, 2, 1], ct.max(axis=0))


f(np.arange(6.0).reshape(2, 3))
