# Covers: np.linalg.multi_dot of tuples and lists: two arrays (np.dot), three (the cheaper of (AB)C and A(BC)), four to six (the matrix-chain order), a 1-d first and/or last array (a 1-d or scalar result), int and complex matrices; ValueError for fewer than two arrays, LinAlgError for a 1-d or 3-d array inside the chain, ValueError for mismatched shapes
import numpy as np
from numpy.linalg import multi_dot, LinAlgError


def lcg_matrix(m, n, seed):
    out = np.empty((m, n))
    x = seed
    for i in range(m):
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out[i, j] = (x % 2001 - 1000) / 97.0
    return out


def chains():
    a = lcg_matrix(10, 30, 1)
    b = lcg_matrix(30, 5, 2)
    c = lcg_matrix(5, 60, 3)
    d = lcg_matrix(60, 4, 4)
    e = lcg_matrix(4, 9, 5)
    print(multi_dot((a, b)), multi_dot([a, b]))
    print(multi_dot((a, b, c)))
    print(multi_dot((b, c, d)))
    print(multi_dot([a, b, c, d]))
    print(multi_dot((a, b, c, d, e)))
    print(multi_dot([e.T, d.T, c.T, b.T, a.T, a]))
    v = lcg_matrix(1, 10, 6)[0]
    w = lcg_matrix(1, 9, 7)[0]
    print(multi_dot((v, a, b)), multi_dot((b.T, a.T, v)))
    print(multi_dot((v, a, b, c, d, e, w)))
    print(multi_dot((v, a, b, c, d, e)))
    print(multi_dot((np.arange(4.0), np.arange(4.0))), multi_dot((v, a, a.T, v)))
    m = np.arange(6).reshape(2, 3)
    print(multi_dot((m, m.T, m, m.T)))
    z = a[:3, :3] + 1j * b[:3, :3]
    print(multi_dot((z, z, z.T)))
    chain_error([a])
    chain_error((a, v, b))
    chain_error((a, np.ones((30, 5, 1)), b))
    chain_error((a, a, b))


def chain_error(arrays):
    try:
        print(multi_dot(arrays))
    except LinAlgError as e:
        print("LinAlgError", e)
    except ValueError as e:
        print("ValueError", e)


chains()
