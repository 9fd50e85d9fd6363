# Covers: boolean masks on int8/uint16/float32/complex128/bool arrays and 2-d arrays: select, assign scalar/values, combined masks
import numpy as np


def select(a, m):
    print(a[m], a[m].dtype, a[m].shape, a[~m])


def assign(a, m):
    b = a.copy()
    b[m] = 0
    c = a.copy()
    c[m] = a[m] * 2
    print(b, c)


x = np.arange(-3, 5, dtype=np.int8)
select(x, x > 0)
assign(x, (x < -1) | (x > 2))
u = np.arange(0, 800, 100, dtype=np.uint16)
select(u, u % 300 == 0)
assign(u, u >= 400)
f = np.linspace(-1.0, 1.0, 7).astype(np.float32)
select(f, np.abs(f) < 0.5)
assign(f, f < 0)
z = np.array((1 + 1j, -2j, 3.0, 0j))
select(z, z != 0)
assign(z, np.abs(z) > 1.5)
b = np.arange(6) % 3 == 0
select(b, b)
m = np.arange(12).reshape(3, 4)
select(m, m % 5 == 1)
assign(m, m > 6)
e = np.arange(5)
print(e[e > 10], e[e > 10].shape, e[np.zeros(5, dtype=np.bool_)].sum())
