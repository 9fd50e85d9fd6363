# NumPy orders complex arrays: by real part, then by imaginary part; a NaN imaginary part orders nothing by the real
# part. The comparison operators and ufuncs on complex arrays (and NumPy's complex ufunc on numbers) follow it.
import numpy as np


def order(a, b):
    return a < b, a <= b, a > b, a >= b, a == b, a != b


def with_numbers(a):
    return a < 2, a >= 1 + 1j, 1j < a, np.less(a, 1), np.greater_equal(2.5, a), np.less_equal(a, np.float32(1))


def as_functions(a, b):
    out = np.zeros(a.shape, dtype=np.bool_)
    np.greater(a, b, out=out)
    return np.less(a, b), out, np.less(1 + 2j, 1 + 3j), np.greater(2j, 1 + 0j)


def masked(a):
    a[a > 1 + 1j] = 0
    return a


nan = float("nan")
a = np.array([1 + 2j, 1 + 1j, complex(1, nan), complex(nan, 1), 2 + 0j, 3 - 1j])
b = np.array([1 + 1j, 1 + 2j, 1 + 0j, 1 + 0j, 1 + 5j, 3 - 1j])
print(order(a, b))
print(order(a.astype(np.complex64), b))
print(order(a.reshape(2, 3), b[:3]))
print(with_numbers(a))
print(as_functions(a, b))
print(masked(a.copy()))
