# Covers: NumPy 1.24's legacy np.random.multinomial (a binomial per category, without a draw for p 0 or nothing
# left), dirichlet (normalised legacy gammas) and choice(p=) (a search of the normalised cumulative sum; without
# replacement NumPy's rounds of draws) in compiled code, draw for draw after the same np.random.seed(n); pvals,
# alpha and p as lists, tuples and float64/float32/int arrays; size= None, an int, a tuple and (); NumPy's errors
# (kahan-summed pvals, float32's own message and tolerance); multivariate_normal (standard normals times the SVD of
# cov, as NumPy's, which gives the same bits: a full-rank and a singular covariance, check_valid=).
import numpy as np


def multinomials(seed):
    np.random.seed(seed)
    print(np.random.multinomial(10, [0.2, 0.3, 0.5]), np.random.multinomial(10, (0.2, 0.3, 0.5), 2))
    print(np.random.multinomial(10, np.array([0.2, 0.3, 0.5]), (2, 1)), np.random.multinomial(0, [0.2, 0.8]),
          np.random.multinomial(100, [0.0, 1.0]), np.random.multinomial(100, [0.5, 0.5, 0.5]), np.random.multinomial(10, [0.2, 0.3, 0.5], ()))
    print(np.random.multinomial(5.5, [0.2, 0.8]), np.random.multinomial(7, [1.0]), np.random.multinomial(5, []),
          np.random.multinomial(5, [0.3, 0.2], 2), np.random.multinomial(1000, np.full(10, 0.1)),
          np.random.multinomial(50, np.array([0.25, 0.25, 0.5], np.float32)), np.random.multinomial(9, np.array([0, 1])))
    print(np.random.multinomial(1000, [0.1, 0.2, 0.3, 0.4], 2000).sum(axis=0), np.random.multinomial(20, [0.5, 0.25, 0.25], (40, 50)).sum(axis=0).sum(axis=0),
          np.random.random())


def dirichlets(seed):
    np.random.seed(seed)
    print(np.random.dirichlet([0.5, 2.0, 1.0]), np.random.dirichlet((0.5, 2.0, 1.0), 2))
    print(np.random.dirichlet(np.array([0.5, 2.0]), ()), np.random.dirichlet(np.array([1, 3]), (2, 1)), np.random.dirichlet([1e-3, 1e-3]))
    print(np.random.dirichlet([]), np.random.dirichlet([np.nan, 1.0]), np.random.dirichlet(np.array([0.5, 0.25], np.float32), 2))
    print(np.random.dirichlet([0.3, 1.0, 5.0], 500)[::100], np.random.random())


def choices(seed):
    np.random.seed(seed)
    w = np.array([0.1, 0.2, 0.3, 0.2, 0.2])
    print(np.random.choice(5, None, True, w), np.random.choice(5, 3, p=w), np.random.choice(5, (2, 2), False, w),
          np.random.choice(5, (), True, w), np.random.choice(np.arange(5.0) * 2, (), True, w), np.random.choice(5, 0, True, w))
    print(np.random.choice(5, 3, True, w.astype(np.float32)), np.random.choice(5, 5, False, [0.1, 0.2, 0.3, 0.2, 0.2]),
          np.random.choice(np.arange(5) * 3, (2, 3), True, p=w), np.random.choice(5, None, False, w),
          np.random.choice(np.arange(5) * 3, None, False, w), np.random.choice(4, 3, False, (0.5, 0, 0.25, 0.25)),
          np.random.choice(3, 4, p=np.array([0, 1, 0])), np.random.choice(5, 3, p=np.array([0.1, 0.2, 0.3, 0.2, 0.2001], np.float32)))
    print(np.random.choice(7, 5000, True, [0.1, 0.2, 0.1, 0.1, 0.2, 0.2, 0.1]).sum(), np.random.choice(50, 30, False, np.arange(50.0) / 1225),
          np.random.random())


def multivariate_normals(seed):
    np.random.seed(seed)
    print(np.random.multivariate_normal([1.0, 2.0], [[2.0, 0.5], [0.5, 1.0]]))
    print(np.random.multivariate_normal(np.array([0.0, 1.0, -1.0]), ((1.0, 0.2, 0.1), (0.2, 2.0, 0.3), (0.1, 0.3, 0.5)), 4).tolist())
    print(np.random.multivariate_normal([0, 0], np.eye(2, dtype=np.int64), (2, 3)), np.random.multivariate_normal([5.0], [[4.0]], ()))
    a = np.random.random((5, 5))
    x = np.random.multivariate_normal(np.arange(5) * 0.5, np.dot(a, a.T) + np.eye(5), 300)
    y = np.random.multivariate_normal(np.zeros(5), np.dot(a[:2].T, a[:2]), 200, check_valid="ignore")
    print(x[::60].tolist(), y[::50].tolist(), np.random.random())


def error(which):
    try:
        if which == 0:
            np.random.multinomial(5, [0.5, 0.7, 0.1])
        elif which == 1:
            np.random.multinomial(-1, [0.5, 0.5])
        elif which == 2:
            np.random.multinomial(5, [-0.1, 1.1])
        elif which == 3:
            np.random.multinomial(5, [[0.2, 0.8]])
        elif which == 4:
            np.random.multinomial(5, [np.nan, 0.5])
        elif which == 5:
            np.random.multinomial(5, np.array([0.6, 0.5, 0.0], np.float32))
        elif which == 6:
            np.random.multinomial(5, np.array([0.6000001, 0.4, 0.0], np.float32))
        elif which == 7:
            np.random.multinomial(5, [0.5, 0.5], -2)
        elif which == 8:
            np.random.dirichlet([1.0, 0.0])
        elif which == 9:
            np.random.dirichlet([[1.0]])
        elif which == 10:
            np.random.dirichlet([1.0, -2.0], 3)
        elif which == 11:
            np.random.choice(3, p=[0.5, 0.5])
        elif which == 12:
            np.random.choice(2, p=[0.5, 0.6])
        elif which == 13:
            np.random.choice(2, p=[-0.5, 1.5])
        elif which == 14:
            np.random.choice(2, p=[np.nan, 1.0])
        elif which == 15:
            np.random.choice(3, 3, False, [0.5, 0.5, 0.0])
        elif which == 16:
            np.random.choice(3, 4, False, [0.5, 0.25, 0.25])
        elif which == 17:
            np.random.choice(3, -1, False, [0.5, 0.25, 0.25])
        elif which == 18:
            np.random.choice(3, -1, True, [0.5, 0.25, 0.25])
        elif which == 19:
            np.random.choice(2, p=[[0.5, 0.5]])
        elif which == 20:
            np.random.choice(2, p=np.array([0.5, 0.5004], np.float32))
        elif which == 21:
            np.random.choice(0, 3, p=[])
        elif which == 22:
            np.random.choice(0, 0, p=[])
        elif which == 23:
            np.random.choice(3, -1, False)
        elif which == 24:
            np.random.multivariate_normal([[1.0]], [[1.0]])
        elif which == 25:
            np.random.multivariate_normal([1.0], [1.0])
        elif which == 26:
            np.random.multivariate_normal([1.0, 2.0], [[1.0, 0.0]])
        elif which == 27:
            np.random.multivariate_normal([1.0, 2.0], [[1.0]])
        elif which == 28:
            np.random.multivariate_normal([1.0, 2.0], [[1.0, 2.0], [2.0, 1.0]], check_valid="raise")
        else:
            np.random.multivariate_normal([1.0, 2.0], np.eye(2), check_valid="nope")
    except ValueError as e:
        return "ValueError: " + str(e)
    return "no error"


def main():
    for s in (0, 1, 42, 4294967295):
        multinomials(s)
        dirichlets(s)
        choices(s)
        multivariate_normals(s)
    for k in range(30):
        print(error(k))


main()
