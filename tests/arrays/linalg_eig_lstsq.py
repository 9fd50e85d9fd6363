# Covers: np.linalg.eig and eigvals through LAPACK's dgeev / zgeev (bit for bit as NumPy's: real results for real matrices with real eigenvalues, complex for complex input; float32 / complex64 kept, int as float64, 1x1 and 0x0), A @ v == v * w checked; LinAlgError for non-square, 1-d and non-finite input; np.linalg.lstsq through dgelsd / zgelsd (rcond default, None, -1 and a number; 1-d and 2-d b; residuals only when m > n and full rank; rank-deficient, wide, empty and zero-column systems; float32 and complex results; rank's int32), its errors; NaN and inf in b give NaN
import numpy as np
from numpy.linalg import eig, eigvals, lstsq, LinAlgError


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
    w, v = eig(s)
    print(w, v, w.dtype, v.dtype)
    print(eigvals(s))
    print(np.linalg.norm(s @ v - v * w) < 1e-10)
    t = np.triu(a)
    w, v = eig(t)
    print(w, v)
    w, v = eig(s.astype(np.float32))
    print(w, v, w.dtype, v.dtype)
    print(eigvals(s.astype(np.float32)))
    print(eig(np.array([[2, 1], [1, 2]])), eigvals(np.array([[True, False], [False, True]])))
    c = a + 1j * a.T
    w, v = eig(c)
    print(w, v, w.dtype, v.dtype)
    print(eigvals(c), np.linalg.norm(c @ v - v * w) < 1e-10)
    w, v = eig(c.astype(np.complex64))
    print(w, v, w.dtype, v.dtype)
    rotation = np.array([[0.0, -1.0], [1.0, 0.0]])
    print(eig(rotation.astype(np.complex128)), eigvals(rotation + 0j))
    print(eig(np.array(((3.0,),))), eig(np.zeros((0, 0))), eigvals(np.zeros((0, 0))))
    print(eig(np.zeros((0, 0), np.float32)), eig(np.zeros((0, 0), np.complex64)))
    print(eig(s.T), eig(np.eye(4) * 2.0), eig(np.ones((3, 3))))
    for n in range(1, 8):
        b = lcg_matrix(n, n, n + 3)
        b = b @ b.T
        w, v = eig(b)
        print(n, np.sort(w), np.abs(v[0]), eigvals(b))
    eig_error(np.ones((2, 3)))
    eig_error(np.ones(3))
    eig_error(np.array([[1.0, np.nan], [0.0, 1.0]]))
    eig_error(np.array([[np.inf, 0.0], [0.0, 1.0]]) + 0j)


def eig_error(bad):
    try:
        print(eig(bad))
    except LinAlgError as e:
        print("LinAlgError", e)
    try:
        print(eigvals(bad))
    except LinAlgError as e:
        print("LinAlgError", e)


def least_squares():
    x = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]])
    y = np.array([1.0, 2.0, 3.0])
    print(lstsq(x, y, rcond=None))
    print(lstsq(x, y))
    print(lstsq(x, y, -1))
    print(lstsq(x, y, rcond=0.1))
    print(lstsq(x, y, 1))
    print(lstsq(x, np.array([[1.0, 2.0], [2.0, 1], [3.0, 0]]), rcond=None))
    sol, res, rank, sv = lstsq(x.astype(np.float32), y.astype(np.float32), rcond=None)
    print(sol, res, rank, sv, sol.dtype, res.dtype, sv.dtype)
    print(lstsq(x.astype(np.float32), y, rcond=None)[0].dtype, lstsq(x, y.astype(np.float32), rcond=None)[0].dtype)
    print(lstsq(x, y * 1j, rcond=None))
    sol, res, rank, sv = lstsq(x.astype(np.complex64), (y + 1j).astype(np.complex64), rcond=None)
    print(sol, res, rank, sv, sol.dtype, res.dtype, sv.dtype)
    print(lstsq(x.astype(np.complex64), y.astype(np.float32), rcond=None)[0].dtype)
    print(lstsq(np.array([[1, 2], [2, 4], [3, 6]]), np.array([1, 2, 4]), rcond=None))
    print(lstsq(x.T, np.array([1.0, 2.0]), rcond=None))
    print(lstsq(np.eye(3), y, rcond=None))
    big = lcg_matrix(12, 5, 7)
    rhs = lcg_matrix(12, 3, 9)
    print(lstsq(big, rhs, rcond=None))
    print(lstsq(big.T, rhs[:5], rcond=None))
    print(lstsq(big[::2], rhs[::2, 0], rcond=None))
    print(lstsq(np.zeros((0, 3)), np.zeros((0, 2)), rcond=None))
    print(lstsq(np.zeros((3, 0)), np.ones((3, 2)), rcond=None))
    print(lstsq(np.ones((3, 2)), np.ones((3, 0)), rcond=None))
    print(lstsq(np.zeros((3, 2)), y, rcond=None))
    print(type(lstsq(x, y, rcond=None)[2]).__name__)
    lstsq_error(np.ones(3), y)
    lstsq_error(x, np.ones((3, 1, 1)))
    lstsq_error(x, np.ones(2))
    lstsq_error(np.ones((2, 2, 2)), y)
    print(lstsq(x, np.array([1.0, np.nan, 3.0]), rcond=None), lstsq(x, np.array([np.inf, 2.0, 3.0]), rcond=None))


def lstsq_error(a, b):
    try:
        print(lstsq(a, b, rcond=None))
    except LinAlgError as e:
        print("LinAlgError", e)


eigs()
least_squares()
