# Covers: np.percentile/quantile/nanpercentile/nanquantile: scalar and array q (integer quantiles keep the dtype), axis=None or an axis of n-d arrays, method= linear/lower/higher/nearest/midpoint, int/float32/bool inputs, NaN lines, inf neighbours, empty arrays, NumPy's errors
import numpy as np


def quantiles():
    a = np.array([7, 1, 5, 3, 9, 2])
    print(np.percentile(a, 30), np.percentile(a, 50), np.percentile(a, 0), np.percentile(a, 100), np.percentile(a, 62.5))
    print(np.quantile(a, 0.3), np.quantile(a, 1), np.quantile(a, 0), np.quantile(a, 0.75))
    print(np.percentile(a, np.array([10, 50, 90])), np.quantile(a, np.array([0.25, 0.5])), np.quantile(a, np.array([0, 1])))
    qs = np.array([0.0, 20.0, 25.0, 50.0, 70.0, 100.0])
    r = np.percentile(a, qs, method="linear")
    print(r.dtype, r, np.quantile(a, 0.5, method="linear"), np.quantile(a, 0.3, method="linear"))
    r = np.percentile(a, qs, method="lower")
    print(r.dtype, r, np.quantile(a, 0.5, method="lower"), np.quantile(a, 0.3, method="lower"))
    r = np.percentile(a, qs, method="higher")
    print(r.dtype, r, np.quantile(a, 0.5, method="higher"), np.quantile(a, 0.3, method="higher"))
    r = np.percentile(a, qs, method="nearest")
    print(r.dtype, r, np.quantile(a, 0.5, method="nearest"), np.quantile(np.arange(6), 0.5, method="nearest"))
    r = np.percentile(a, qs, method="midpoint")
    print(r.dtype, r, np.quantile(a, 0.5, method="midpoint"), np.quantile(np.arange(4), 0.3, method="midpoint"))
    m2 = np.array([[1.0, 5.0, 2.0, 8.0], [3.0, 3.0, 9.0, 0.5], [4.0, 2.0, 6.0, 7.0]])
    print(np.percentile(m2, 40), np.quantile(m2, 0.5, axis=0), np.quantile(m2, 0.25, axis=1))
    print(np.percentile(m2, np.array([25, 75]), axis=0))
    print(np.quantile(m2, np.array([0.1, 0.9]), axis=-1))
    print(np.percentile(m2, 50, axis=1, method="lower"), np.percentile(m2, 50, axis=0, method="midpoint"))
    t = np.arange(24).reshape(2, 3, 4)
    print(np.quantile(t, 0.4, axis=1))
    print(np.percentile(t, np.array([20, 80]), axis=2))
    print(np.percentile(t, 33), np.quantile(t, 0.5, axis=0, method="nearest"))
    f = np.array([1.5, 0.25, 4.0, 2.0], np.float32)
    print(np.percentile(f, 30), np.quantile(f, 0.5, method="lower"), np.quantile(f, 0.5, method="midpoint"))
    print(np.percentile(f, np.array([30, 60])).dtype, np.percentile(f, np.array([30, 60]), method="higher").dtype)
    b = np.array([True, False, True, True])
    print(np.quantile(b, 0.5, method="lower"), np.quantile(b, 0.5, method="higher"), np.percentile(b, np.array([10, 90]), method="nearest"))
    print(np.percentile(np.array([1, 3]), 50), np.quantile(np.array([4.0]), 0.3), np.quantile(np.array([1.0, np.inf]), 0.5))
    print(np.percentile(a, [25, 75]), np.quantile(m2, (0.5,), axis=1), np.percentile(a, np.array(40)))
    print(np.quantile(np.array([1.0, np.inf]), 1.0), np.quantile(np.array([1.0, np.inf]), 0.25), np.percentile(np.array([-np.inf, 1.0]), 10))


def nan_quantiles():
    x = np.array([4.0, np.nan, 1.0, 3.0, np.nan, 2.0])
    print(np.percentile(x, 50), np.quantile(x, 0.5, method="lower"), np.nanpercentile(x, 50), np.nanquantile(x, 0.3))
    print(np.nanpercentile(x, np.array([0, 25, 100])), np.nanquantile(x, 0.5, method="higher"), np.nanquantile(x, 1))
    m = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, np.nan], [2.0, 8.0, 4.0]])
    print(np.nanpercentile(m, 50), np.nanpercentile(m, 50, axis=1), np.nanquantile(m, 0.5, axis=0))
    print(np.percentile(m, 50, axis=1), np.nanquantile(m, np.array([0.0, 1.0]), axis=1))
    print(np.nanpercentile(np.array([np.nan, np.nan]), 50), np.nanquantile(np.array([], np.float64), 0.5))
    f = np.array([[1.0, np.nan], [np.nan, np.nan]], np.float32)
    print(np.nanpercentile(f, 50, axis=1), np.nanquantile(f, 0.5, axis=1, method="lower"), np.nanquantile(f, 0.5, axis=0, method="nearest").dtype)
    i = np.arange(10).reshape(2, 5)
    print(np.percentile(i, 50, axis=1, method="higher"), np.nanpercentile(i, [10, 90], axis=0))
    print(np.sort(np.ones((2, 0))).shape, np.argsort(np.ones((3, 0))).shape, np.sort(np.ones((0, 2)), axis=0).shape)
    print(np.nanpercentile(np.array([3, 1, 2]), 50), np.nanquantile(np.array([3, 1, 2]), 0.5, method="nearest"))


def quantile_errors():
    a = np.array([1.0, 2.0, 3.0])
    for q in (101.0, -1.0, 100.5):
        try:
            np.percentile(a, q)
        except ValueError as e:
            print("ValueError", e)
    for q in (1.5, -0.1):
        try:
            np.quantile(a, q)
        except ValueError as e:
            print("ValueError", e)
    try:
        np.percentile(a, np.array([10, 200]))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.nanpercentile(a, 120)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.nanquantile(a, np.array([0.5, 2.0]))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.percentile(a, 50, method="foo")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.percentile(a, 101)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.percentile(np.array([], np.float64), 50)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.quantile(np.array([True, False]), 0.5)
    except TypeError as e:
        print("TypeError", e)
    try:
        np.quantile(np.ones((2, 2)), 0.5, axis=2)
    except ValueError as e:
        print("ValueError", e)


quantiles()
nan_quantiles()
quantile_errors()
