# Covers: Mandelbrot escape counts on a small grid: complex arrays from linspace, masked updates (z[m] = z[m]**2 + c[m]), abs of complex arrays
import numpy as np


def mandel(w, h, iters):
    re = np.linspace(-2.0, 0.5, w)
    im = np.linspace(-1.0, 1.0, h)
    c = re[None, :] + 1j * im[:, None]
    z = np.zeros(c.shape, dtype=np.complex128)
    counts = np.zeros(c.shape, dtype=np.int32)
    for _ in range(iters):
        m = np.abs(z) <= 2.0
        z[m] = z[m] * z[m] + c[m]
        counts[m] += 1
    return counts


def scalar_mandel(cr, ci, iters):
    z = 0j
    c = complex(cr, ci)
    n = 0
    while n < iters and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    return n


k = mandel(9, 5, 20)
print(k)
print(k.sum(), k.max(), scalar_mandel(-2.0, -1.0, 20), scalar_mandel(0.0, 0.0, 20))
