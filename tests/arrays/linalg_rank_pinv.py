# Covers: np.linalg.matrix_rank and pinv, NumPy 1.24's Python on top of svd (LAPACK's ?gesdd): default and given tol / rcond, rank-deficient, tall and wide matrices, float64, float32, int and complex input, 1-d arrays for matrix_rank, empty matrices for pinv; LinAlgError for pinv of a 1-d array
import numpy as np
from numpy.linalg import matrix_rank, pinv


def lcg_matrix(m, n, seed):
    out = np.empty((m, n))
    x = seed
    for i in range(m):
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out[i, j] = (x % 2001 - 1000) / 97.0
    return out


def rank_pinv():
    a = lcg_matrix(5, 3, 9)
    low = a @ lcg_matrix(3, 6, 4)
    print(matrix_rank(a), matrix_rank(low), matrix_rank(low.T), matrix_rank(np.eye(4)), matrix_rank(np.zeros((3, 3))))
    print(matrix_rank(a, tol=5.0), matrix_rank(a, 1e-3), matrix_rank(a.astype(np.float32)), matrix_rank(np.arange(12).reshape(3, 4)))
    print(matrix_rank(np.array(((1.0, 2.0), (2.0, 4.0000001)))), matrix_rank(np.array(((1.0, 2.0), (2.0, 4.0000001))).astype(np.float32)))
    print(matrix_rank(np.ones(3)), matrix_rank(np.zeros(4)), matrix_rank(a + 1j * a))
    print(pinv(a))
    print(pinv(low))
    print(pinv(low, rcond=1e-3), pinv(low.T, 0.5))
    p = pinv(a.astype(np.float32))
    print(p, p.dtype)
    print(pinv(np.arange(6).reshape(2, 3)))
    print(pinv(a + 1j * a[::-1]))
    p = pinv((a - 1j).astype(np.complex64))
    print(p, p.dtype)
    print(pinv(np.zeros((3, 3))), pinv(np.zeros((0, 3))), pinv(np.zeros((2, 0), np.float32)).dtype)
    for n in range(1, 8):
        b = lcg_matrix(n, n + 1, n)
        print(n, pinv(b)[0], matrix_rank(b @ b.T))
    try:
        pinv(np.ones(3))
    except np.linalg.LinAlgError as e:
        print("caught", e)


rank_pinv()
