# Covers: max/min (np.max, np.min, np.amax, a.max(), a.min(), along an axis) of complex arrays in NumPy's order (by
# real part, then imaginary part; the first NaN part propagates), complex64 kept
import numpy as np


def extremes(z):
    return np.max(z), np.min(z), z.max(), z.min(), np.amax(z), np.amin(z)


z = np.array([1 + 2j, 3 - 1j, 3 + 0j, -4 + 9j, 3 - 5j])
print(extremes(z))
print(extremes(z.astype(np.complex64)))
print(extremes(np.array([1 + 1j, complex(np.nan, 0), 5j, complex(2, np.nan)])))
print(extremes(np.array([2j])))
m = np.array([[1 + 1j, 1 - 1j, 0j], [1 + 0j, -1j, 2 + 0j]])
print(m.max(axis=0), m.min(axis=1), np.max(m, axis=-1, keepdims=True), m[:, ::-1].T.max(axis=0))
try:
    np.max(np.zeros(0, np.complex128))
except ValueError as e:
    print("ValueError", e)
