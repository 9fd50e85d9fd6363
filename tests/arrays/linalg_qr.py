# Covers: np.linalg.qr (mode 'reduced') through LAPACK's ?geqrf and ?orgqr / ?ungqr (bit for bit as NumPy's): tall, wide and square matrices, float64, float32, int and complex input, a strided view, empty matrices; LinAlgError for a 1-d array
import numpy as np


def lcg_matrix(m, n, seed):
    out = np.empty((m, n))
    x = seed
    for i in range(m):
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out[i, j] = (x % 2001 - 1000) / 97.0
    return out


def show(m):
    q, r = np.linalg.qr(m)
    print(q, r, q.dtype, r.dtype)


def qrs():
    a = lcg_matrix(5, 3, 2)
    show(a)
    show(a.T)
    show(a[::2])
    show(a.astype(np.float32))
    show(np.arange(12).reshape(4, 3))
    show(a + 1j * a[::-1])
    show((a.T * 1j + 1).astype(np.complex64))
    q, r = np.linalg.qr(a, mode="reduced")
    print(q.shape, r.shape)
    for shape in ((0, 3), (3, 0), (0, 0)):
        q, r = np.linalg.qr(np.zeros(shape))
        print(q.shape, r.shape)
    big = lcg_matrix(70, 40, 8)
    q, r = np.linalg.qr(big)
    print(q[69], r[39], q[3], r[0])
    try:
        np.linalg.qr(np.ones(3))
    except np.linalg.LinAlgError as e:
        print("caught", e)


qrs()
