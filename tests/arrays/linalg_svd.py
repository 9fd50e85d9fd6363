# Covers: np.linalg.svd through LAPACK's ?gesdd (bit for bit as NumPy's): full_matrices True/False, compute_uv=False, tall, wide and square matrices, float64, float32, int, bool, complex128 and complex64 input, strided and transposed views, empty matrices (identity u / vt), a rank-deficient matrix, LinAlgError for a 1-d array
import numpy as np


def lcg_matrix(m, n, seed):
    out = np.empty((m, n))
    x = seed
    for i in range(m):
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out[i, j] = (x % 2001 - 1000) / 97.0
    return out


def show(a):
    u, s, vt = np.linalg.svd(a)
    print(u.shape, u.dtype, s.dtype, vt.shape, vt.dtype)
    print(u, s, vt)
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    print(u.shape, vt.shape)
    print(u, s, vt)
    print(np.linalg.svd(a, compute_uv=False))


def svds():
    a = lcg_matrix(4, 3, 7)
    show(a)
    show(a.T)
    show(a[::2, :])
    show(a.astype(np.float32))
    show(np.arange(12).reshape(3, 4))
    show(np.array(((True, False), (True, True))))
    show(a + 1j * a[::-1])
    show((a.T - 2j * a.T[::-1]).astype(np.complex64))
    show(np.ones((3, 5)))
    for n in range(1, 9):
        b = lcg_matrix(n + 2, n, n)
        u, s, vt = np.linalg.svd(b, full_matrices=n % 2 == 0)
        print(n, s, u[0], vt[-1], np.linalg.svd(b.T, compute_uv=False))
    big = lcg_matrix(40, 30, 3)
    u, s, vt = np.linalg.svd(big)
    print(s, u[17], vt[29], u[39], vt[0])
    for shape in ((0, 3), (3, 0), (0, 0)):
        u, s, vt = np.linalg.svd(np.zeros(shape))
        print(u, s, vt)
        u, s, vt = np.linalg.svd(np.zeros(shape), full_matrices=False)
        print(u.shape, s.shape, vt.shape, np.linalg.svd(np.zeros(shape), compute_uv=False))
    try:
        np.linalg.svd(np.arange(3.0))
    except np.linalg.LinAlgError as e:
        print("caught", e)


svds()
