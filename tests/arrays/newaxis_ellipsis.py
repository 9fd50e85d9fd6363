# Covers: None and ... in every position (1-d/2-d/3-d), shapes they make, broadcasting with new axes (outer products)
import numpy as np


def shapes(a):
    print(a[None].shape, a[:, None].shape, a[None, :, None].shape, a[..., None].shape, a[None, ...].shape)
    print(a[...].shape, a[None, None].shape)


def outer_by_axes(x, y):
    return x[:, None] * y[None, :], x[None, :] - y[:, None]


def grid(m):
    print(m[:, None, :].shape, m[None, :, None].shape, m[..., None, 0].shape, m[1, None].shape, m[None, 1, ...].shape)
    print(m[:, None] + m[None, :, 0:1])


shapes(np.arange(3))
shapes(np.arange(6).reshape(2, 3))
p, q = outer_by_axes(np.arange(1, 4), np.arange(1, 3))
print(p, q)
p, q = outer_by_axes(np.linspace(0.0, 1.0, 3), np.arange(2, dtype=np.float32))
print(p, p.dtype, q)
grid(np.arange(6).reshape(2, 3))
