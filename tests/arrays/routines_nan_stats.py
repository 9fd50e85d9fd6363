# Covers: np.nansum/nanmean/nanmax/nanmin (float64 with nan, all-nan, no nan, ints), np.average with and without weights (ints give float64)
import numpy as np


def nanstats(a):
    print(np.nansum(a), np.nanmean(a), np.nanmax(a), np.nanmin(a))


def averages(a, w):
    print(np.average(a), np.average(a, weights=w))


x = np.array((1.0, np.nan, 3.0, np.nan, -2.0))
nanstats(x)
nanstats(np.array((0.5, 1.5)))
nanstats(np.arange(5))
nanstats(np.arange(6).reshape(2, 3) * 0.5)
nanstats(np.array((np.nan, np.inf, -np.inf)))
averages(np.arange(4), np.array((1, 1, 1, 5)))
averages(np.array((1.0, 2.0, 4.0)), np.array((0.25, 0.25, 0.5)))
averages(np.arange(6).reshape(2, 3), np.ones((2, 3)))
averages(np.array((2.0, 3.0), dtype=np.float32), np.array((1.0, 3.0), dtype=np.float32))
