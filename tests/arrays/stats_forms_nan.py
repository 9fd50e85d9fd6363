# Covers: np.nanprod, nanvar/nanstd (ddof=), nanargmax/nanargmin (All-NaN slice), nancumsum/nancumprod, nanmedian: 1-d and n-d, axis= (negative too), float64/float32/int/bool inputs, all-NaN and empty lines
import numpy as np


def nan_reductions():
    x = np.array([1.5, np.nan, 3.0, -2.0, np.nan])
    print(np.nanprod(x), np.nanvar(x), np.nanstd(x), np.nanargmax(x), np.nanargmin(x))
    print(np.nancumsum(x), np.nancumprod(x))
    print(np.nanmedian(x), np.nanvar(x, ddof=1), np.nanstd(x, ddof=1.5), np.nanvar(x, ddof=3), np.nanstd(x, ddof=4))
    m = np.array([[1.0, np.nan, 4.0], [np.nan, np.nan, 2.0], [3.0, 5.0, np.nan], [0.5, 1.0, 2.5]])
    print(np.nanprod(m), np.nanprod(m, axis=0), np.nanprod(m, axis=1))
    print(np.nanvar(m, axis=0), np.nanvar(m, axis=1, ddof=1))
    print(np.nanstd(m, axis=-1), np.nanstd(m, ddof=1))
    print(np.nanargmax(m, axis=0), np.nanargmin(m, axis=1), np.nanargmax(m), np.nanargmin(m))
    print(np.nancumsum(m, axis=0))
    print(np.nancumprod(m, axis=1))
    print(np.nancumsum(m))
    print(np.nanmedian(m), np.nanmedian(m, axis=0), np.nanmedian(m, axis=1))
    t = np.arange(24.0).reshape(2, 3, 4)
    t[0, 1, 2] = np.nan
    t[1, :, 3] = np.nan
    print(np.nanprod(t, axis=1))
    print(np.nanvar(t, axis=2))
    print(np.nanargmin(t, axis=0))
    print(np.nanmedian(t, axis=1))
    print(np.nanmedian(t, axis=2))
    print(np.nanstd(t, axis=0, ddof=1))


def nan_inputs():
    i = np.array([[3, 1, 2], [4, 6, 5]])
    print(np.nanprod(i), np.nanprod(i, axis=1), np.nanvar(i), np.nanstd(i, axis=0), np.nanvar(i, axis=1, ddof=1))
    print(np.nanargmax(i), np.nanargmin(i, axis=0), np.nancumsum(i), np.nancumprod(i, axis=0))
    print(np.nanmedian(i), np.nanmedian(i, axis=0), np.nanstd(np.array([1, 2, 3]), ddof=3))
    b = np.array([True, False, True])
    print(np.nanprod(b), np.nancumsum(b), np.nancumprod(b), np.nanargmax(b), np.nanvar(b))
    f = np.array([1.5, np.nan, 2.25, 4.0], np.float32)
    print(np.nanprod(f), np.nanvar(f), np.nanstd(f, ddof=1), np.nanmedian(f))
    print(np.nancumsum(f), np.nancumprod(f), np.nanargmin(f))
    g = np.array([[1.0, 2.0], [np.nan, np.nan]], np.float32)
    print(np.nanmedian(g, axis=1), np.nanvar(g, axis=1), np.nanstd(g, axis=0))
    print(np.nanmedian(g, axis=1).dtype, np.nanvar(g, axis=1).dtype, np.nanstd(g, axis=0).dtype, np.nanprod(g, axis=0).dtype)
    print(np.nancumsum(g).dtype, np.nancumprod(g, axis=1).dtype, np.nanargmax(g, axis=0).dtype, np.nanmedian(i, axis=1).dtype)
    print(np.nanprod(np.ones((2, 2), np.int32), axis=0).dtype, np.nancumsum(np.ones(2, np.int32)).dtype, np.nanvar(i, axis=0).dtype)
    print(np.nanmedian(np.array([np.nan, np.nan])), np.nanvar(np.array([np.nan])), np.nanstd(np.array([], np.float64)))
    z = np.array([1 + 1j, complex(np.nan, 0.0), 3 - 1j, complex(0.0, np.nan)])
    print(np.nanprod(z), np.nancumsum(z), np.nancumprod(z), np.nanargmax(z), np.nanargmin(z))
    print(np.nanprod(z.reshape(2, 2), axis=0), np.nanargmax(z.reshape(2, 2), axis=1))
    print(np.nanmedian(np.array([], np.float64)), np.nanprod(np.array([], np.float64)), np.nancumsum(np.array([], np.float64)))


def nan_errors():
    for v in (np.array([np.nan, np.nan]), np.array([], np.float64)):
        try:
            np.nanargmax(v)
        except ValueError as e:
            print("ValueError", e)
        try:
            np.nanargmin(v)
        except ValueError as e:
            print("ValueError", e)
    try:
        np.nanargmax(np.array([[1.0, np.nan], [np.nan, np.nan]]), axis=1)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.nanargmin(np.array([], np.int64))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.nanvar(np.ones((2, 2)), axis=2)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.nanmedian(np.ones(3), axis=1)
    except ValueError as e:
        print("ValueError", e)


nan_reductions()
nan_inputs()
nan_errors()
