# Covers: var and std with where= (functions and methods): NumPy's _var over the selected elements, whole arrays and
# along an axis, keepdims, ddof (int and float), float32 (its dtype kept), ints (as float64), complex (a real result),
# a broadcast mask and a scalar where.
import numpy as np


def masked_spread(a, m, b, mb, z, k):
    print(np.var(a, where=m), np.std(a, where=m, ddof=1), a.var(where=m, ddof=0.5), a.std(where=True))
    print(np.var(b, axis=0, where=mb), np.std(b, axis=1, where=mb, keepdims=True), b.var(where=mb, keepdims=True))
    print(np.var(b, axis=1, where=mb[0:1, :], ddof=k), np.std(b, where=mb))
    f = b.astype(np.float32)
    r = np.var(f, axis=0, where=mb)
    print(r, r.dtype, np.std(f, where=mb), np.std(f, axis=1, where=mb).dtype)
    i = (b * 10).astype(np.int64)
    print(np.var(i, where=mb), i.std(axis=1, where=mb))
    print(np.var(z, where=m), np.std(z, where=m, ddof=1), np.var(z.reshape(2, 3), axis=1, where=m.reshape(2, 3)).dtype)


a = np.linspace(-2.0, 3.0, 6)
m = np.array([True, False, True, True, False, True])
b = np.arange(12.0).reshape(3, 4) ** 1.5
mb = np.array([[True, False, True, True], [False, True, True, True], [True, True, False, True]])
z = a + 1j * a[::-1]
masked_spread(a, m, b, mb, z, 1)
masked_spread(a[::-1], ~m, b[::-1], mb[:, ::-1], z * 2, 0)
