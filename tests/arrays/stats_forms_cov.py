# Covers: np.cov (1-d and 2-d, y=, rowvar=, bias=, ddof= incl. n - ddof <= 0, int/bool/float32/complex inputs, no variables) and np.corrcoef (1-d, 2-d, y=, rowvar=, a constant variable), NumPy's result shapes and errors
import numpy as np


def covariances():
    x = np.array([1.0, 2.0, 4.0, 7.5])
    c = np.cov(x)
    print(c, c.ndim, c.shape, c.dtype)
    print(np.cov(x, bias=True), np.cov(x, ddof=0), np.cov(x, ddof=2), np.cov(x, rowvar=False))
    print(np.cov(x, ddof=4), np.cov(x, ddof=6), np.cov(np.array([5.0])))
    m = np.array([[1, 2, 4, 7], [3, 1, 0, 2], [5, 5, 6, 1]])
    print(np.cov(m))
    print(np.cov(m, rowvar=False))
    print(np.cov(m, bias=True))
    print(np.cov(m, ddof=3))
    print(np.cov(m, bias=True, ddof=1))
    y = np.array([2, 0, 1, 3])
    print(np.cov(x, y))
    print(np.cov(x, y, bias=True).shape, np.cov(m, y))
    print(np.cov(m, m[:2] * 2.5))
    print(np.cov(m.T, y, rowvar=False))
    print(np.cov(np.array([[1.0, 2.0], [2.0, 5.0]]).T))
    b = np.array([[True, False, True], [False, False, True]])
    print(np.cov(b), np.cov(b).dtype)
    f = np.array([[1.5, 2.5, 0.5], [3.0, 1.0, 2.0]], np.float32)
    print(np.cov(f), np.cov(f).dtype)
    z = np.array([1 + 2j, 3 - 1j, 0.5j])
    print(np.cov(z), np.cov(z, np.array([1.0, 0.0, 2.0])))
    e = np.cov(np.ones((0, 3)))
    print(e.shape, e.dtype)


def correlations():
    x = np.array([1.0, 2.0, 4.0, 7.5])
    print(np.corrcoef(x), np.corrcoef(np.array([3.0, 3.0, 3.0])))
    m = np.array([[1, 2, 4, 7], [3, 1, 0, 2], [5, 5, 6, 1]])
    print(np.corrcoef(m))
    print(np.corrcoef(m, rowvar=False))
    print(np.corrcoef(x, np.array([2, 0, 1, 3])))
    print(np.corrcoef(x, x * 3.0 + 1.0))
    print(np.corrcoef(np.array([[1.0, 2.0, 3.0], [2.0, 2.0, 2.0]])))
    print(np.corrcoef(m, m[:1]))


def errors():
    try:
        np.cov(np.ones((2, 2, 2)))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.cov(np.ones(3), np.ones((2, 2, 2)))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.cov(np.ones((2, 3)), np.ones((2, 4)))
    except ValueError as e:
        print("ValueError", e)


covariances()
correlations()
errors()
