# Covers: item() of size-1 arrays and elements, scalars read from arrays in arithmetic with Python numbers, int()/float() of elements
# (no overflow of narrow elements: compiled code does scalar integer arithmetic in int64, as Numba)
import numpy as np


def scalars(a):
    x = a[0]
    y = a[-1]
    print(x, y, x + y, x * 2, y / 2, int(a[1]), float(a[1]), a[1:2].item() == a[1])


def from_2d(m):
    return m[1, 1], m[0:1, 2:3].item(), m[1].sum()


scalars(np.arange(3))
scalars(np.array((0.5, 1.5, 2.5)))
scalars(np.arange(3, dtype=np.int16) + 300)
scalars(np.array((0.1, 0.2, 0.3), dtype=np.float32))
scalars(np.array((1, 2, 3), dtype=np.uint8))
print(from_2d(np.arange(6).reshape(2, 3)))
print(np.ones(1).item(), np.arange(1, 2).item(), np.array((True,)).item(), np.array((2j,)).item())
