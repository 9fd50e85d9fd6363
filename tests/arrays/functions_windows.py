# Covers: np.bartlett, blackman, hamming, hanning, kaiser (M below 1, 1, even and odd, float M), np.i0 (float64, float32 in single precision, integers, bools, numbers as 0-d arrays, both Chebyshev ranges, inf and NaN, complex rejected), np.sinc (floats, float32, integers, complex, zero)
import numpy as np


def windows():
    for M in (-1, 0, 1, 2, 3, 6, 13):
        print(M, np.bartlett(M), np.blackman(M))
        print(np.hamming(M), np.hanning(M))
        print(np.kaiser(M, 14.0), np.kaiser(M, 0), np.kaiser(M, 2.5))
    print(np.hamming(5.5), np.hanning(2.0), np.kaiser(5.5, 2.5), np.bartlett(4.5), np.blackman(50)[20:23])
    w = np.hanning(4)
    print(w.dtype, w.shape, np.kaiser(3, 5).dtype, np.bartlett(0).dtype)


def close32(r, x):
    # NumPy's float32 exp is its own SIMD kernel (an ulp off the correctly rounded one compiled code computes)
    e = np.i0(x.astype(np.float64))
    print(r.dtype, r.shape, (np.abs(r - e) <= 1e-6 * np.abs(e)) | (r == e) | (np.isnan(r) & np.isnan(e)))


def bessel():
    x = np.array([0.0, 0.5, -1.25, 3.0, 7.999, 8.0, 8.0001, 20.5, 700.0, 713.5, np.inf, -np.inf, np.nan, -0.0])
    r = np.i0(x)
    print(r.dtype, r)
    print(np.i0(x.reshape((2, 7))))
    print(np.i0(x[::3]))
    close32(np.i0(x.astype(np.float32)), x)
    close32(np.i0(x.astype(np.float32).reshape((7, 2))), x.reshape((7, 2)))
    print(np.i0(np.array([1, 2, 3], np.int8)), np.i0(np.array([True, False])), np.i0(np.arange(4)))
    s = np.i0(3)
    print(s, s.shape, s.dtype, np.i0(2.5).ndim, np.i0(np.float32(2.5)).dtype)
    try:
        np.i0(np.array([1j]))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.i0(1j)
    except TypeError as e:
        print("TypeError", e)


def sincs():
    x = np.linspace(-3.0, 3.0, 13)
    print(np.sinc(x))
    r = np.sinc(x.astype(np.float32))
    print(r.dtype, r)
    print(np.sinc(np.arange(-3, 4)), np.sinc(np.array([True, False])))
    print(np.sinc(0), np.sinc(0.0), np.sinc(2), np.sinc(np.array([0j, 1 + 1j, 0.5j, 1.5 + 0.5j])))
    print(np.sinc(x.reshape((13, 1)))[::4])
    print(np.sinc([0, 0.5]), np.i0([1.0, 2.0]))


windows()
bessel()
sincs()
