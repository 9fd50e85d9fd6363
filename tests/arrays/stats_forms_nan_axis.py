# Covers: np.nansum/nanmean/nanmax/nanmin along an axis (negative too) of 2-d and 3-d arrays: float64/float32/int/bool/complex inputs, all-NaN lines (NaN), empty axes (NumPy's fmax/maximum errors)
import numpy as np


def along_axes():
    m = np.array([[1.0, np.nan, 4.0], [np.nan, np.nan, np.nan], [3.0, -5.0, np.nan], [0.5, 1.0, 2.5]])
    print(np.nansum(m, axis=0), np.nansum(m, axis=1), np.nanmean(m, axis=0), np.nanmean(m, axis=1))
    print(np.nanmax(m, axis=0), np.nanmax(m, axis=-1), np.nanmin(m, axis=0), np.nanmin(m, axis=1))
    print(np.nansum(m), np.nanmean(m), np.nanmax(m), np.nanmin(m))
    t = np.arange(24.0).reshape(2, 3, 4)
    t[0, 1, :] = np.nan
    t[1, 2, 1] = np.nan
    print(np.nansum(t, axis=2))
    print(np.nanmean(t, axis=1))
    print(np.nanmax(t, axis=0))
    print(np.nanmin(t, axis=-1))
    f = np.array([[1.5, np.nan], [np.nan, np.nan], [2.0, 0.25]], np.float32)
    print(np.nansum(f, axis=1), np.nanmean(f, axis=1), np.nanmax(f, axis=1), np.nanmin(f, axis=0))
    print(np.nansum(f, axis=1).dtype, np.nanmean(f, axis=1).dtype, np.nanmax(f, axis=1).dtype, np.nanmin(f, axis=0).dtype)
    i = np.array([[3, 1, 2], [4, 6, 5]], np.int32)
    print(np.nansum(i, axis=0), np.nanmean(i, axis=1), np.nanmax(i, axis=1), np.nanmin(i, axis=0))
    print(np.nansum(i, axis=0).dtype, np.nanmax(i, axis=1).dtype)
    b = np.array([[True, False], [True, True]])
    print(np.nansum(b, axis=0), np.nanmean(b, axis=1), np.nanmax(b, axis=1))
    z = np.array([[1 + 1j, complex(np.nan, 1.0)], [2 - 1j, 3j]])
    print(np.nansum(z, axis=0), np.nanmean(z, axis=1), np.nanmean(z.astype(np.complex64), axis=0).dtype)
    v = np.array([2.0, np.nan, -1.0])
    print(np.nansum(v, axis=0), np.nanmean(v, axis=-1), np.nanmax(v, axis=0), np.nanmin(v, 0))


def empty_axes():
    try:
        np.nanmax(np.ones((2, 0)), axis=1)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.nanmin(np.ones((0, 2), np.int64), axis=0)
    except ValueError as e:
        print("ValueError", e)
    print(np.nansum(np.ones((2, 0)), axis=1), np.nanmean(np.ones((2, 0)), axis=1), np.nanmax(np.ones((0, 2)), axis=1).shape)
    try:
        np.nansum(np.ones((2, 2)), axis=2)
    except ValueError as e:
        print("ValueError", e)


along_axes()
empty_axes()
