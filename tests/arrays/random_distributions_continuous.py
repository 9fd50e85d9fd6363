# Covers: NumPy 1.24's legacy RandomState continuous distributions in compiled code, draw for draw after the same
# np.random.seed(n): standard_gamma/gamma (shape below 1, 1, 0, above 1, huge, inf, NaN), beta (Johnk's algorithm
# and the gamma ratio), chisquare, f, standard_t, standard_cauchy, lognormal, laplace, gumbel, logistic, pareto,
# power, rayleigh, weibull, wald, vonmises (kappa 0, tiny, small, large, huge; mu wrapped), triangular,
# noncentral_chisquare/noncentral_f (nonc 0, df below and above 1, NaN), with size= None, an int, a tuple and ();
# the kept gaussian shared with randn; NumPy's parameter errors (-0.0 refused where the sign bit is tested).
import numpy as np


def gammas(seed):
    np.random.seed(seed)
    print(np.random.standard_gamma(0.3), np.random.standard_gamma(1.0), np.random.standard_gamma(0.0),
          np.random.standard_gamma(5), np.random.standard_gamma(1e-3), np.random.standard_gamma(1e6),
          np.random.standard_gamma(np.inf), np.random.standard_gamma(np.nan))
    print(np.random.gamma(0.5, 2.0, 6))
    print(np.random.gamma(3, 0.5, (2, 3)))
    print(np.random.gamma(2.0, 0.0), np.random.gamma(0.7), np.random.standard_gamma(2.5, ()))
    print(np.random.standard_gamma(0.9999, 5), np.random.standard_gamma(1.0001, 5))
    # a gaussian kept by randn is the first one the gamma draws
    print(np.random.randn(), np.random.standard_gamma(3.0), np.random.random())


def betas(seed):
    np.random.seed(seed)
    print(np.random.beta(0.3, 0.4, 5), np.random.beta(1, 1), np.random.beta(0.5, 2.0), np.random.beta(2.0, 3.0))
    print(np.random.beta(1e-3, 1e-3, 6))
    print(np.random.beta(1e-300, 0.5, 2), np.random.beta(np.nan, 0.5), np.random.random())


def chis(seed):
    np.random.seed(seed)
    print(np.random.chisquare(0.5), np.random.chisquare(10, 3), np.random.f(1, 1), np.random.f(5, 20, (2, 2)))
    print(np.random.standard_t(1), np.random.standard_t(0.5, 3), np.random.standard_t(30), np.random.standard_cauchy(),
          np.random.standard_cauchy(4))
    print(np.random.noncentral_chisquare(3, 0), np.random.noncentral_chisquare(3, 2, 3), np.random.noncentral_chisquare(0.5, 2, 3),
          np.random.noncentral_chisquare(1, 5), np.random.noncentral_chisquare(0.5, np.nan), np.random.noncentral_chisquare(3, np.nan))
    print(np.random.noncentral_f(3, 4, 0), np.random.noncentral_f(3, 4, 2, 3), np.random.noncentral_f(0.5, 2, 3), np.random.random())


def shapes(seed):
    np.random.seed(seed)
    print(np.random.lognormal(), np.random.lognormal(0.5, 0.3, 3), np.random.lognormal(1, 0))
    print(np.random.laplace(), np.random.laplace(1, 2, 4), np.random.laplace(1, 0))
    print(np.random.gumbel(), np.random.gumbel(1, 2, 4), np.random.logistic(), np.random.logistic(1, 2, 4))
    print(np.random.pareto(0.5), np.random.pareto(3, 3), np.random.power(0.5), np.random.power(5, 3))
    print(np.random.rayleigh(), np.random.rayleigh(2, 3), np.random.rayleigh(0))
    print(np.random.weibull(0), np.random.weibull(0.5), np.random.weibull(1.5, 3))
    print(np.random.wald(1, 1), np.random.wald(3, 0.1, 3), np.random.wald(0.5, 20, 3))
    print(np.random.triangular(0, 0, 1), np.random.triangular(0, 1, 1), np.random.triangular(-1, 0.2, 3, 4), np.random.random())


def vonmises(seed):
    np.random.seed(seed)
    print(np.random.vonmises(0, 0), np.random.vonmises(1, 1e-9), np.random.vonmises(2, 1e-6), np.random.vonmises(0.5, 1e-3))
    print(np.random.vonmises(-3, 4, 4), np.random.vonmises(3, 50, 3), np.random.vonmises(1, 1e8), np.random.vonmises(10, 2, 3))
    print(np.random.vonmises(1, np.nan), np.random.vonmises(-10, 0.5, (2, 2)), np.random.random())


def big(seed):
    # long runs through the rejection loops
    np.random.seed(seed)
    g = np.random.gamma(0.4, 1.0, 2000)
    h = np.random.standard_gamma(7.5, 2000)
    b = np.random.beta(0.6, 0.8, 2000)
    v = np.random.vonmises(0.3, 3.0, 2000)
    t = np.random.standard_t(2.5, 2000)
    print(g[::250], h[::250], b[::250], v[::250], t[::250], np.random.random())


def error(which):
    try:
        if which == 0:
            np.random.standard_gamma(-1.0)
        elif which == 1:
            np.random.gamma(1.0, -0.0)
        elif which == 2:
            np.random.beta(0, 1)
        elif which == 3:
            np.random.beta(1, -2.0)
        elif which == 4:
            np.random.chisquare(0)
        elif which == 5:
            np.random.f(1, 0)
        elif which == 6:
            np.random.standard_t(-1)
        elif which == 7:
            np.random.lognormal(0, -1)
        elif which == 8:
            np.random.laplace(0, -1)
        elif which == 9:
            np.random.gumbel(0, -0.0)
        elif which == 10:
            np.random.logistic(0, -2)
        elif which == 11:
            np.random.pareto(0)
        elif which == 12:
            np.random.power(-1)
        elif which == 13:
            np.random.rayleigh(-1)
        elif which == 14:
            np.random.weibull(-0.0)
        elif which == 15:
            np.random.wald(0, 1)
        elif which == 16:
            np.random.wald(1, 0)
        elif which == 17:
            np.random.vonmises(0, -1)
        elif which == 18:
            np.random.triangular(2, 1, 3)
        elif which == 19:
            np.random.triangular(0, 4, 3)
        elif which == 20:
            np.random.triangular(1, 1, 1)
        elif which == 21:
            np.random.noncentral_chisquare(0, 1)
        elif which == 22:
            np.random.noncentral_chisquare(1, -1)
        elif which == 23:
            np.random.noncentral_f(1, 1, -1)
        elif which == 24:
            np.random.normal(0.0, -0.0)
        elif which == 25:
            np.random.exponential(-0.0)
        elif which == 26:
            np.random.gamma(1.0, 1.0, -1)
        else:
            np.random.f(0, 1)
    except ValueError as e:
        return "ValueError: " + str(e)
    return "no error"


def main():
    for s in (0, 1, 42, 4294967295):
        gammas(s)
        betas(s)
        chis(s)
        shapes(s)
        vonmises(s)
    big(7)
    for k in range(28):
        print(error(k))


main()
