# Covers: np.histogram of data with nan or inf (autodetected range) and with a range= that is not finite: NumPy's
# ValueErrors.
import numpy as np


def counts(a, lo, hi):
    h, e = np.histogram(a, bins=2, range=(lo, hi))
    return h, e


def auto(a):
    h, e = np.histogram(a, bins=2)
    return h, e


print(counts(np.array((1.0, 2.0, 5.0)), 0.0, 4.0), auto(np.array((1.0, 2.0))))
for lo, hi in ((1.0, np.inf), (np.nan, 2.0), (-np.inf, 0.0)):
    try:
        counts(np.array((1.0, 2.0)), lo, hi)
    except ValueError as e:
        print(e)
try:
    auto(np.array((1.0, np.inf, 2.0)))
except ValueError as e:
    print(e)
print(auto(np.array((1.0, np.nan, 2.0))))
