# Covers: ValueError of np.interp when xp and fp differ in length
import numpy as np


def lookup(x, xp, fp):
    return np.interp(x, xp, fp)


print(lookup(1.5, np.arange(3.0), np.arange(3.0) * 2))
print(lookup(1.5, np.arange(3.0), np.arange(4.0)))
