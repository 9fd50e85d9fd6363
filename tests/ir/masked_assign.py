# a[m] = f(x[m], ..., numbers) and a[m] op= v become one maskedassign (one loop over the mask, no copies of x[m], no
# result array); an integer power that may raise stays a gather, a power and an assignment (NumPy writes nothing then),
# as does x[m] read again after the assignment. A module's attribute (np.sqrt) between the reads does not stop it.
import numpy as np


def mandel_step(z, c, counts):
    mask = np.abs(z) <= 2.0
    z[mask] = z[mask] ** 2 + c[mask]
    counts[mask] += 1


def with_ufunc(a, x, m):
    a[m] = x[m] + np.sqrt(x[m])   # np.sqrt, a module's attribute, is read between the two reads of x[m]


def int_power(a, m, k):
    a[m] = a[m] ** k


def read_again(a, m):
    t = a[m]
    a[m] = t * 3.0
    return t


z = np.zeros(3, dtype=np.complex128)
counts = np.zeros(3, dtype=np.int64)
mandel_step(z, z + 1.0, counts)
int_power(counts, counts > 0, 2)
with_ufunc(z.real.copy(), z.imag.copy(), counts > 0)
print(z, counts, read_again(z.real, counts > 0))
