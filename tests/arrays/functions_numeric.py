# Covers: np.vander (N=, increasing=, integer, unsigned, float32, bool and complex inputs, lists, errors), np.trapz (dx=, x= 1-d and n-d, axis= of 1-d to 3-d arrays, float32, NumPy's IndexError), np.ediff1d (to_begin=, to_end= numbers, lists and arrays, the same_kind check), np.geomspace (endpoint=, negative, num 0 and 1, zero rejected), np.nan_to_num (arrays of every inexact dtype, nan=/posinf=/neginf=, copy=False in place, numbers, 0-d arrays, integers), np.asarray_chkfinite, np.isposinf, np.isneginf (out=, complex rejected)
import numpy as np


def vanders():
    x = np.array([1.5, -2.0, 3.0, 0.5])
    print(np.vander(x))
    print(np.vander(x, 3))
    print(np.vander(x, 5, True))
    print(np.vander(x, increasing=True))
    v = np.vander(np.array([1, 2, 3], np.uint8), 4)
    print(v.dtype, v)
    v = np.vander(np.array([1.5, 2.5], np.float32))
    print(v.dtype, v)
    v = np.vander(np.array([True, False]), 3)
    print(v.dtype, v)
    print(np.vander(np.array([1 + 1j, 2j]), 3))
    print(np.vander(np.array([3, 7]), 0).shape, np.vander(np.array([3, 7]), 1))
    print(np.vander(np.array([10**6, 2]), 5))
    print(np.vander(np.array([np.inf, np.nan, -0.0]), 3))
    print(np.vander([1, 2, 3]), np.vander(x[::2], 2))
    try:
        np.vander(np.array([1, 2]), -1)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.vander(np.ones((2, 2)))
    except ValueError as e:
        print("ValueError", e)


def trapzs():
    y = np.array([1.0, 2.5, 4.0, 3.5, -1.25, 0.125])
    print(np.trapz(y), np.trapz(y, dx=0.5), np.trapz(y, np.array([0.0, 0.5, 1.5, 1.75, 3.0, 4.0])))
    print(np.trapz(np.arange(10)), np.trapz(np.arange(10), dx=2), np.trapz([1, 2, 3]))
    m = (np.arange(24.0).reshape((2, 3, 4)) * 37.0 % 101.0 - 50.0) / 7.0
    print(np.trapz(m).tolist())
    print(np.trapz(m, axis=0).tolist())
    print(np.trapz(m, axis=1).tolist())
    print(np.trapz(m, axis=-2, dx=0.1).tolist())
    print(np.trapz(m, np.array([0.0, 1.0, 3.0]), axis=1).tolist())
    print(np.trapz(m, m * 0.5, axis=2).tolist())
    print(np.trapz(m.T).tolist())
    print(np.trapz(np.ones(1)), np.trapz(np.ones(0)))
    r = np.trapz(m.astype(np.float32))
    print(r.dtype, r)
    try:
        np.trapz(y, axis=1)
    except IndexError as e:
        print("IndexError", e)


def ediffs():
    a = np.array([1.0, 2.5, 4.0, 3.5, -1.25])
    print(np.ediff1d(a), np.ediff1d(a, to_begin=-99))
    print(np.ediff1d(a, to_end=np.array([88.0, 77.0]), to_begin=0))
    print(np.ediff1d(np.arange(12).reshape((3, 4)) ** 2, to_end=5))
    r = np.ediff1d(np.array([1.0, 2.5], np.float32), to_begin=1e300, to_end=[1, 2])
    print(r.dtype, r)
    r = np.ediff1d(np.array([5, 2, 9], np.uint8), to_begin=3)
    print(r.dtype, r)
    print(np.ediff1d(np.array([7.0])), np.ediff1d(np.array([7.0]), to_begin=1.0), np.ediff1d(np.zeros(0), to_end=2.0))
    try:
        np.ediff1d(np.array([1, 2]), to_begin=2.5)
    except TypeError as e:
        print("TypeError", e)
    try:
        np.ediff1d(np.array([5, 2, 9], np.uint8), to_end=-3)
    except TypeError as e:
        print("TypeError", e)


def geomspaces():
    print(np.geomspace(1, 1000, 4), np.geomspace(1, 1000, 4, endpoint=False))
    print(np.geomspace(-1, -1000, 4), np.geomspace(1, 1000, 0), np.geomspace(2, 3, 1, endpoint=False))
    print(np.geomspace(0.5, 1e10, 7), np.geomspace(1e10, 2, 5), np.geomspace(3.0, 3.0, 3))
    g = np.geomspace(1, 256, 9)
    print(g[0], g[8], g.dtype, g.shape, np.geomspace(7, 11)[49], np.geomspace(7, 11).shape)
    try:
        np.geomspace(0, 10)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.geomspace(1, 2, -1)
    except ValueError as e:
        print("ValueError", e)


def nan_to_nums():
    x = np.array([np.nan, np.inf, -np.inf, 1.5, -0.0, -2.0])
    print(np.nan_to_num(x))
    print(np.nan_to_num(x, nan=-1.0, posinf=1e10, neginf=-7))
    print(np.nan_to_num(x.astype(np.float32)), np.nan_to_num(x.astype(np.float32), posinf=1e300))
    print(np.nan_to_num(x.reshape((2, 3)).T, nan=5))
    z = np.array([complex(np.nan, np.inf), complex(-np.inf, 1.0), 2 - 3j])
    print(np.nan_to_num(z))
    print(np.nan_to_num(z.astype(np.complex64), nan=1.0))
    print(np.nan_to_num(np.nan), np.nan_to_num(-np.inf), np.nan_to_num(complex(np.inf, np.nan)), np.nan_to_num(3), np.nan_to_num(2.5, posinf=1.0))
    print(np.nan_to_num(np.array([1, 2, 3])), np.nan_to_num(np.array([True])))
    y = x.copy()
    r = np.nan_to_num(y, copy=False)
    print(y, r)
    y = x.copy()
    r = np.nan_to_num(y, copy=True)
    print(y, r)
    m = np.array([[np.nan, 1.0], [np.inf, 2.0]])
    np.nan_to_num(m.T, copy=False, nan=9.0)
    print(m)
    print(np.nan_to_num(np.asarray(np.nan)), np.nan_to_num(np.asarray(np.inf, np.float32)))


def checks():
    print(np.asarray_chkfinite(np.array([1.0, 2.0])), np.asarray_chkfinite([1, 2]), np.asarray_chkfinite(np.arange(3)))
    for bad in (np.array([1.0, np.nan]), np.array([np.inf]), np.array([-np.inf, 0.0])):
        try:
            np.asarray_chkfinite(bad)
        except ValueError as e:
            print("ValueError", e)
    try:
        np.asarray_chkfinite(np.array([complex(0.0, np.inf)]))
    except ValueError as e:
        print("ValueError", e)
    print(np.asarray_chkfinite(np.array([7, 8])), np.asarray_chkfinite([1.5, 2], np.float32))
    x = np.array([np.inf, -np.inf, np.nan, 0.0, -0.0, 2.0])
    print(np.isposinf(x), np.isneginf(x))
    print(np.isposinf(x.astype(np.float32).reshape((2, 3))), np.isneginf(np.array([1, -2])))
    print(np.isposinf(np.inf), np.isposinf(-np.inf), np.isneginf(-np.inf), np.isneginf(3))
    print(np.isposinf([np.inf, 1.0]), np.isneginf([-np.inf]), np.nan_to_num([np.nan, 1.0]))
    out = np.zeros(6, np.bool_)
    r = np.isneginf(x, out=out)
    print(out, r)
    try:
        np.isposinf(np.array([1j]))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.isneginf(np.array([1j], np.complex64))
    except TypeError as e:
        print("TypeError", e)


vanders()
trapzs()
ediffs()
geomspaces()
nan_to_nums()
checks()
