# Covers: ValueError of np.searchsorted for a side other than 'left' and 'right'
import numpy as np


def where(a, x):
    print(np.searchsorted(a, x, side="left"), np.searchsorted(a, x, side="right"))
    return np.searchsorted(a, x, side="middle")


print(where(np.arange(5), 2))
