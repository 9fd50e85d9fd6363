# Covers: np.abs of complex arrays bit for bit (on a machine with AVX-512F NumPy's loop computes
# larger * sqrt(1 + (smaller/larger)**2), not hypot), with infinite, NaN and zero parts; complex array ** 2, ** 1
# and ** 0.5 (NumPy's np.square, np.positive, np.sqrt: the signs of zero parts differ from np.power's), with a literal
# and a run-time exponent, and np.power(z, 2); complex64 ** 2 in single precision
import numpy as np


def reals(a):
    return [float(v) for v in a]   # repr of each: every bit shows


def complexes(a):
    return [complex(v) for v in a]


def absolutes(z):
    return reals(np.abs(z))


def squares(z, p):
    return complexes(z ** 2), complexes(z ** 1), complexes(z ** p)


def powers(z, p):
    return complexes(z ** 2), complexes(z ** 1), complexes(z ** 0.5), complexes(z ** p), complexes(np.power(z, 2))


# Parts of many magnitudes made with exact operations only (./sharpjit run computes them too).
k = np.arange(300)
scales = np.array([2.0 ** e for e in range(-8, 9)])
re = ((k * 7919) % 1009 - 504) * 0.173 * scales[k % 17]
im = ((k * 104729) % 997 - 498) * 0.291 * scales[(k * 5) % 17]
z = re + 1j * im
print(absolutes(z))
print(absolutes(z.astype(np.complex64)))
inf = float("inf")
nan = float("nan")
special = np.array([complex(inf, nan), complex(nan, inf), complex(-inf, 1.0), complex(nan, 1.0), complex(2.0, nan),
                    complex(0.0, 0.0), complex(-0.0, -0.0), complex(0.0, -3.0), complex(1e308, 1e308),
                    complex(1e-310, 3e-320), complex(5e-324, 0.0), complex(3.0, 4.0), complex(-1e200, 1e-200)])
print(absolutes(special))
zeros = np.array([complex(0.0, -0.0), complex(-0.0, -0.0), complex(-0.0, 0.0), complex(0.0, 0.0), complex(-2.0, 0.0),
                  complex(1.5, -2.5), complex(inf, 1.0), complex(nan, 0.0)])
print(powers(zeros, 2))
print(powers(zeros, 1))
print(powers(zeros, 0.5))
print(powers(zeros, 2.0))
print(powers(zeros, 3))
print(powers(z[:20], 2))
z64 = z[:40].astype(np.complex64)
print(squares(z64, 2))
print(squares(zeros.astype(np.complex64), 2.0))
