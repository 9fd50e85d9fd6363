# Covers: np.linalg.eigh and eigvalsh through LAPACK's dsyevd / zheevd (bit for bit as NumPy's): UPLO 'L', 'U' and lower-case 'u' (only that triangle is read), float64, float32, int and complex128 / complex64 Hermitian input, a transposed view, repeated eigenvalues, 1x1 and 0x0 matrices; LinAlgError for a non-square and a 1-d array, ValueError for a bad UPLO
import numpy as np
from numpy.linalg import eigh, eigvalsh, LinAlgError


def lcg_matrix(m, n, seed):
    out = np.empty((m, n))
    x = seed
    for i in range(m):
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out[i, j] = (x % 2001 - 1000) / 97.0
    return out


def eigs():
    a = lcg_matrix(5, 5, 11)
    s = a + a.T
    w, v = eigh(s)
    print(w, v, w.dtype, v.dtype)
    w, v = np.linalg.eigh(a, UPLO="U")
    print(w, v)
    print(eigh(a, "u")[0], eigvalsh(a), eigvalsh(a, UPLO="U"))
    print(eigh(a.T))
    w, v = eigh(s.astype(np.float32))
    print(w, v, w.dtype, v.dtype)
    print(eigh(np.arange(9).reshape(3, 3)))
    h = s + 1j * (a - a.T)
    w, v = eigh(h)
    print(w, v, w.dtype, v.dtype)
    print(eigvalsh(h, "U"))
    w, v = eigh(h.astype(np.complex64))
    print(w, v, w.dtype, v.dtype)
    print(eigh(np.eye(4) * 2.0), eigh(np.ones((4, 4))))
    print(eigh(np.array(((3.0,),))), eigh(np.zeros((0, 0))))
    for n in range(1, 9):
        b = lcg_matrix(n, n, n + 1)
        w, v = eigh(b @ b.T)
        print(n, w, v[0], eigvalsh(b))
    big = lcg_matrix(60, 60, 5)
    w, v = eigh(big + big.T)
    print(w, v[7], v[59])
    try:
        eigh(np.ones((2, 3)))
    except LinAlgError as e:
        print("caught", e)
    try:
        eigvalsh(np.ones(3))
    except LinAlgError as e:
        print("caught", e)
    try:
        eigh(a, UPLO="X")
    except ValueError as e:
        print("caught", e)


eigs()
