"""@sharpjit.cfunc: a compiled integrand for scipy.integrate.quad and a comparator for libc's qsort.

PYTHONPATH=python /usr/bin/python3 examples/python/cfunc_quad.py
"""
import ctypes
import math
import time

import scipy
from scipy import integrate

import sharpjit


@sharpjit.cfunc("float64(float64)")
def integrand(x):
    return math.exp(-x * x) * math.cos(3 * x)


@sharpjit.cfunc("int32(CPointer(float64), CPointer(float64))")
def compare(a, b):
    return -1 if a[0] < b[0] else (1 if a[0] > b[0] else 0)


print(integrand.native_name, hex(integrand.address), integrand(0.5))

def best_of_3(f):
    times = []
    for _ in range(3):
        t = time.perf_counter()
        r = f()
        times.append(time.perf_counter() - t)
    return r, min(times)


fast, t_fast = best_of_3(lambda: integrate.quad(scipy.LowLevelCallable(integrand.ctypes), 0, 10))
slow, t_slow = best_of_3(lambda: integrate.quad(integrand.py_func, 0, 10))
print(f"quad, compiled: {fast[0]!r} in {t_fast * 1e3:.3f} ms; Python: {slow[0]!r} in {t_slow * 1e3:.3f} ms")

values = (ctypes.c_double * 6)(3.0, -1.5, 2.25, 10.0, 0.0, -7.0)
ctypes.CDLL(None).qsort(values, len(values), ctypes.sizeof(ctypes.c_double), compare.ctypes)
print("qsort:", list(values))
