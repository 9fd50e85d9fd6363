# Covers: routines written in Python in sharpjit's library: nansum/nanmean/nanmax/nanmin, average, diff, flip, roll,
# outer, trace, concatenate
import numpy as np


def nans():
    x = np.arange(6.0)
    x[2] = np.nan
    print(np.nansum(x), np.nanmean(x), np.nanmax(x), np.nanmin(x), np.nansum(np.arange(4)))


def shapes(a, m):
    print(np.average(a), np.average(a, weights=np.arange(1.0, 7.0)), np.diff(a), np.diff(a * a), np.diff(m))
    print(np.flip(a), np.flip(m), np.roll(a, 2), np.roll(a, -1), np.roll(m, 1))
    print(np.outer(a[:3], a[:2]), np.trace(m), np.trace(np.eye(3)))
    print(np.concatenate((a, a * 2)), np.concatenate((m, m[:1])))


nans()
shapes(np.arange(6), np.arange(6).reshape(2, 3))
