# Covers: NumPy 1.24's legacy RandomState discrete distributions in compiled code, draw for draw after the same
# np.random.seed(n): binomial (inversion and BTPE, min(p, 1-p) * n at most 30 or above, p above 1/2, n 0, p 0 and
# 1, huge n, float n), poisson (0, multiplication below 10, PTRS from 10, huge lam), negative_binomial (p 0 gives
# C's INT64_MIN), geometric (search from p = 1/3, inversion below, tiny p), hypergeometric (HYP up to 10 items,
# HRUA* above, more good than bad, float counts), logseries, zipf, random_integers; int64 results with size=
# None, an int, a tuple and (); NumPy's parameter errors. Long runs are printed as exact integer sums.
import numpy as np


def binomials(seed):
    np.random.seed(seed)
    print(np.random.binomial(10, 0.3), np.random.binomial(1000, 0.3), np.random.binomial(1000, 0.9), np.random.binomial(10, 0.9))
    print(np.random.binomial(0, 0.5), np.random.binomial(10, 0.0), np.random.binomial(10, 1.0), np.random.binomial(60, 0.5),
          np.random.binomial(61, 0.5), np.random.binomial(2**40, 0.5), np.random.binomial(5.7, 0.5), np.random.binomial(True, 0.5))
    print(np.random.binomial(100, 0.3, 8), np.random.binomial(20, 0.75, (2, 3)), np.random.binomial(7, 0.5, ()))
    print(np.random.binomial(1000, 0.3, 5000).sum(), np.random.binomial(200, 0.01, 5000).sum(), np.random.binomial(100000, 0.999, 5000).sum(),
          np.random.binomial(61, 0.5, 5000).sum(), np.random.random())


def poissons(seed):
    np.random.seed(seed)
    print(np.random.poisson(), np.random.poisson(0), np.random.poisson(0.5), np.random.poisson(9.99), np.random.poisson(10),
          np.random.poisson(50.0), np.random.poisson(1e6), np.random.poisson(1e12), np.random.poisson(9.2e18))
    print(np.random.poisson(3.0, 8), np.random.poisson(25, (2, 3)), np.random.poisson(4, ()))
    print(np.random.poisson(3.0, 5000).sum(), np.random.poisson(12.5, 5000).sum(), np.random.poisson(1e5, 5000).sum(), np.random.random())


def negative_binomials(seed):
    np.random.seed(seed)
    print(np.random.negative_binomial(3, 0.4), np.random.negative_binomial(0.5, 0.9), np.random.negative_binomial(1, 0),
          np.random.negative_binomial(1, 1), np.random.negative_binomial(np.nan, 0.5), np.random.negative_binomial(10, 0.2, 6))
    print(np.random.negative_binomial(2.5, 0.05, 5000).sum(), np.random.random())


def geometrics(seed):
    np.random.seed(seed)
    print(np.random.geometric(1), np.random.geometric(0.5), np.random.geometric(1 / 3), np.random.geometric(0.3),
          np.random.geometric(1e-5), np.random.geometric(1e-20), np.random.geometric(0.1, 6))
    print(np.random.geometric(0.05, 5000).sum(), np.random.geometric(0.7, 5000).sum(), np.random.random())


def hypergeometrics(seed):
    np.random.seed(seed)
    print(np.random.hypergeometric(10, 20, 5), np.random.hypergeometric(5, 0, 3), np.random.hypergeometric(0, 5, 3),
          np.random.hypergeometric(100, 200, 50), np.random.hypergeometric(200, 100, 250), np.random.hypergeometric(1000, 1000, 11),
          np.random.hypergeometric(2.5, 3, 1), np.random.hypergeometric(10**6, 10**6, 1000))
    print(np.random.hypergeometric(7, 9, 10, 6), np.random.hypergeometric(30, 20, 25, (2, 3)))
    print(np.random.hypergeometric(100, 200, 50, 5000).sum(), np.random.hypergeometric(10**6, 10**5, 5000, 2000).sum(),
          np.random.hypergeometric(3, 10**6, 12, 2000).sum(), np.random.random())


def series(seed):
    np.random.seed(seed)
    print(np.random.logseries(0), np.random.logseries(0.3), np.random.logseries(0.9), np.random.logseries(0.999999),
          np.random.logseries(1 - 1e-12), np.random.logseries(0.6, 6))
    print(np.random.zipf(1.01), np.random.zipf(1.5), np.random.zipf(2), np.random.zipf(3.0), np.random.zipf(50), np.random.zipf(2.5, 6))
    print(np.random.logseries(0.95, 5000).sum(), np.random.zipf(3.5, 5000).sum(), np.random.random())


def integers(seed):
    np.random.seed(seed)
    print(np.random.random_integers(5), np.random.random_integers(3, 9), np.random.random_integers(-5, -5),
          np.random.random_integers(0, 2**40, 3), np.random.random_integers(1, 6, (2, 4)))


def error(which):
    try:
        if which == 0:
            np.random.binomial(-1, 0.5)
        elif which == 1:
            np.random.binomial(5, -0.1)
        elif which == 2:
            np.random.binomial(5, np.nan)
        elif which == 3:
            np.random.binomial(-1, 2.0)
        elif which == 4:
            np.random.poisson(-1)
        elif which == 5:
            np.random.poisson(np.nan)
        elif which == 6:
            np.random.poisson(1e20)
        elif which == 7:
            np.random.negative_binomial(0, 0.5)
        elif which == 8:
            np.random.negative_binomial(1, 1.5)
        elif which == 9:
            np.random.geometric(0)
        elif which == 10:
            np.random.geometric(np.nan)
        elif which == 11:
            np.random.hypergeometric(-1, 5, 1)
        elif which == 12:
            np.random.hypergeometric(5, -1, 1)
        elif which == 13:
            np.random.hypergeometric(5, 5, 0)
        elif which == 14:
            np.random.hypergeometric(1, 1, 3)
        elif which == 15:
            np.random.hypergeometric(-1, 1, 1)
        elif which == 16:
            np.random.logseries(1)
        elif which == 17:
            np.random.logseries(-0.1)
        elif which == 18:
            np.random.zipf(1)
        elif which == 19:
            np.random.zipf(np.nan)
        elif which == 20:
            np.random.random_integers(5, 1)
        elif which == 21:
            np.random.random_integers(0)
        else:
            np.random.poisson(2.0, -3)
    except ValueError as e:
        return "ValueError: " + str(e)
    return "no error"


def main():
    for s in (0, 1, 42, 4294967295):
        binomials(s)
        poissons(s)
        negative_binomials(s)
        geometrics(s)
        hypergeometrics(s)
        series(s)
        integers(s)
    for k in range(23):
        print(error(k))


main()
