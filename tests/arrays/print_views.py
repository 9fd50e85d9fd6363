# Covers: printing non-contiguous views (negative strides, transposes, column slices, broadcast-free steps) matches printing their copies
import numpy as np


def both(v):
    print(v, v.copy())
    print(repr(v))


m = np.arange(20).reshape(4, 5)
both(m[:, 1])
both(m[::-1, ::2])
both(m.T)
both(m.T[1:, ::-2])
both(m[1:3, 1:4])
f = np.linspace(-1.0, 1.0, 12).reshape(3, 4)
both(f[:, ::3])
both(f.T[::-1])
c = np.arange(24.0).reshape(2, 3, 4)
both(c[:, ::-1, 1])
both(c[..., ::2].T)
