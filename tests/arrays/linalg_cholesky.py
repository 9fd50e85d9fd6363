# Covers: np.linalg.cholesky through LAPACK's ?potrf (bit for bit as NumPy's; the upper triangle zeroed, only the lower one read): float64, float32, int, complex128 and complex64 input, a transposed view, 1x1 and 0x0; LinAlgError for a matrix that is not positive definite, a non-square and a 1-d array
import numpy as np
from numpy.linalg import cholesky, LinAlgError


def lcg_matrix(m, n, seed):
    out = np.empty((m, n))
    x = seed
    for i in range(m):
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out[i, j] = (x % 2001 - 1000) / 97.0
    return out


def bad(m):
    try:
        cholesky(m)
    except LinAlgError as e:
        print("caught", e)


def chol():
    a = lcg_matrix(5, 5, 3)
    s = a @ a.T + np.eye(5)
    print(cholesky(s))
    print(cholesky(s.T), cholesky(s + np.triu(a, 1)))
    l = cholesky(s.astype(np.float32))
    print(l, l.dtype)
    print(cholesky(np.array(((4, 2), (2, 3)))))
    h = s + 1j * (a - a.T)
    print(cholesky(h))
    l = cholesky(h.astype(np.complex64))
    print(l, l.dtype)
    print(cholesky(np.array(((9.0,),))), cholesky(np.zeros((0, 0))))
    for n in range(1, 9):
        b = lcg_matrix(n, n, n + 5)
        print(n, cholesky(b @ b.T + n * np.eye(n))[n - 1])
    big = lcg_matrix(50, 50, 1)
    l = cholesky(big @ big.T)
    print(l[49], l[25])
    bad(np.array(((1.0, 2.0), (2.0, 1.0))))
    bad(-np.eye(3))
    bad(np.zeros((2, 2)))
    bad(np.ones((2, 3)))
    bad(np.ones(4))


chol()
