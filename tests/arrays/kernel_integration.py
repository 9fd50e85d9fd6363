# Covers: numerical integration over linspace grids: trapezoid and Simpson rules with slices, cumulative trapezoid; results rounded or checked within tolerances (float sums reassociate)
import numpy as np


def trapezoid(y, x):
    return ((y[1:] + y[:-1]) * (x[1:] - x[:-1])).sum() / 2


def simpson(y, h):
    return h / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum())


def cumulative(y, h):
    out = np.zeros(y.shape[0])
    out[1:] = np.cumsum((y[1:] + y[:-1]) * h / 2)
    return out


x = np.linspace(0.0, 1.0, 11)
print(round(float(trapezoid(x * x, x)), 12), abs(trapezoid(x * x, x) - 0.335) < 1e-12)
print(abs(simpson(x * x, 0.1) - 1.0 / 3) < 1e-12, abs(simpson(x ** 4, 0.1) - 0.2) < 1e-5)
s = np.linspace(0.0, np.pi, 101)
print(abs(trapezoid(np.sin(s), s) - 2.0) < 2e-4, abs(simpson(np.sin(s), np.pi / 100) - 2.0) < 1e-7)
print(cumulative(np.ones(5), 0.5), cumulative(np.arange(5.0), 1.0))
