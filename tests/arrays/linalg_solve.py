# Covers: np.linalg det, inv, solve (1-d and 2-d b) for float64, int, complex and float32 matrices, bit for bit as reference LAPACK (LU with partial pivoting); import numpy.linalg as la, from numpy.linalg import solve, LinAlgError caught as np.linalg.LinAlgError and by its imported name; 0x0 matrices
import numpy as np
from numpy.linalg import solve, LinAlgError
import numpy.linalg as la


def lcg_matrix(n, seed):
    out = np.empty((n, n))
    x = seed
    for i in range(n):
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out[i, j] = (x % 2001 - 1000) / 97.0
    return out


def linalg(a, b, m):
    print(np.linalg.det(a), la.det(m), np.linalg.det(np.array(((1.0, 2.0), (3.0, 4.0)))), np.linalg.det(np.eye(3, dtype=np.int64)))
    print(np.linalg.inv(a), np.linalg.inv(m))
    print(solve(a, b), solve(a, b[:, 0]), np.linalg.solve(m, np.arange(4)))
    print(np.linalg.det(np.ones((3, 3))), np.linalg.det(np.zeros((0, 0))), np.linalg.inv(np.zeros((0, 0))).shape)
    for n in range(1, 9):
        big = lcg_matrix(n, n + 3)
        rhs = np.arange(n * 2.0).reshape(n, 2)
        print(n, np.linalg.det(big), solve(big, rhs)[n - 1], np.linalg.inv(big)[0])
    try:
        np.linalg.inv(np.ones((3, 3)))
    except LinAlgError as e:
        print("caught", e)
    try:
        solve(np.zeros((2, 2)), b[:2])
    except np.linalg.LinAlgError as e:
        print("caught", e)


a = np.array(((4.0, -2.0, 1.0), (3.0, 6.0, -4.0), (2.0, 1.0, 8.0)))
b = np.array(((12.0, 1.0), (-25.0, 2.0), (32.0, 3.0)))
m = np.array(((2, 1, 0, 0), (1, 3, 1, 0), (0, 1, 4, 1), (0, 0, 1, 5)))
linalg(a, b, m)
