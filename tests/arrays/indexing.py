# Covers: integer indexing (negative too), slices with steps, mixed int/slice, None, Ellipsis, views sharing memory
import numpy as np


def views(a):
    print(a[0], a[-1], a[2:5], a[::2], a[::-1], a[-3:], a[:-7], a[7:2:-2], a[100:], a[-100:2])
    v = a[1:4]
    v[0] = 99
    print(a)


def grid(m):
    print(m[1, 2], m[-1, -1], m[1], m[:, 1], m[1:, ::2], m[::-1, ::-1], m[..., 0], m[0, ...])
    print(m[None, 1], m[:, None, 0].shape, m[1:2, None].shape, m[2, 1:3])
    col = m[:, 2]
    col[1] = -5
    print(m, col.shape)
    t = m.T
    print(t[0], t.shape, t[3, 2])


def cube():
    c = np.arange(24).reshape(2, 3, 4)
    print(c[1, 2, 3], c[1], c[:, 1], c[..., 1], c[0, :, 1:3], c[:, ::2, ::3])
    print(c[1][2][3], c[-1, -1], len(c), len(c[0]))


views(np.arange(10))
grid(np.arange(12).reshape(3, 4))
cube()
