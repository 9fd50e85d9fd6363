# Covers: np.linalg.cond: p None, 2, -2 (singular values), 1, -1, inf, -inf, 'fro', 'f', 'nuc' (norms of the matrix and its inverse), non-square matrices for the singular-value orders, float32 kept, int and bool as float64, complex matrices (a complex result for the norm orders), singular matrices (inf; 'nuc' NumPy's LinAlgError), NaN kept where the matrix has one; LinAlgError for empty, 1-d and non-square input, ValueError for another order
import numpy as np
from numpy.linalg import cond, LinAlgError


def lcg_matrix(m, n, seed):
    out = np.empty((m, n))
    x = seed
    for i in range(m):
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out[i, j] = (x % 2001 - 1000) / 97.0
    return out


def all_orders(a):
    print(cond(a), cond(a, 2), cond(a, -2), cond(a, 1), cond(a, -1), cond(a, np.inf), cond(a, -np.inf), cond(a, "fro"), cond(a, "nuc"))


def complex_orders(a):
    print(cond(a), cond(a, 1), cond(a, -1), cond(a, np.inf), cond(a, -np.inf), cond(a, "fro"), cond(a, "nuc"))


def conditions():
    for n in range(1, 11):
        a = lcg_matrix(n, n, n + 5)
        all_orders(a)
    a = lcg_matrix(6, 6, 3)
    all_orders(a.T)
    all_orders(a.astype(np.float32))
    b = lcg_matrix(20, 20, 4)
    all_orders(b)
    all_orders(b.T)
    all_orders(b.astype(np.float32).T)
    big = lcg_matrix(140, 140, 6)
    print(cond(big, 1), cond(big, np.inf), cond(big, "fro"), cond(big.T, -1), cond(big.T, -np.inf), cond(big.T, "fro"))
    all_orders(np.array([[1, 2], [3, 4]]))
    all_orders(np.array([[True, False], [True, True]]))
    singular = np.array([[1.0, 2.0], [2.0, 4.0]])
    print(cond(singular), cond(singular, -2), cond(singular, 1), cond(singular, -np.inf), cond(singular, "fro"))
    print(cond(np.zeros((3, 3))), cond(np.zeros((3, 3)), -1), cond(np.zeros((3, 3)), np.inf))
    cond_error(singular, "nuc")
    print(cond(lcg_matrix(3, 5, 1)), cond(lcg_matrix(5, 3, 1), 2), cond(lcg_matrix(5, 3, 1), -2))
    c = lcg_matrix(5, 5, 8) + 1j * lcg_matrix(5, 5, 9)
    complex_orders(c)
    complex_orders(c.astype(np.complex64))
    print(cond(np.array([[1.0, np.nan], [2.0, 4.0]]), 1), cond(np.array([[1.0, np.inf], [2.0, 4.0]]), np.inf))
    print(cond(np.array([[0.0, 0.0], [0.0, 0.0]]), "fro"), cond(np.eye(2), 1.0), cond(np.eye(3, dtype=np.float32), -2))
    cond_error(np.zeros((0, 3)), None)
    cond_error(np.zeros(0), 1)
    cond_error(np.ones(3), None)
    cond_error(np.ones(3), 1)
    cond_error(np.ones((2, 3)), 1)
    cond_error(np.eye(2), 3)
    cond_error(np.eye(2), 0)
    cond_error(np.eye(2), "f")
    cond_error(np.eye(2), "nu")


def cond_error(a, p):
    try:
        print(cond(a, p))
    except LinAlgError as e:
        print("LinAlgError", e)
    except ValueError as e:
        print("ValueError", e)


conditions()
