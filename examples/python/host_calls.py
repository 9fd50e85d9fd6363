"""Compiled code calling its host: a C function by symbol, ctypes and cffi functions, a C function pointer passed as
an argument, a Python callback with a C signature, and an objmode block.
Run: PYTHONPATH=python /usr/bin/python3 examples/python/host_calls.py"""
import ctypes
import math

import numpy as np

import sharpjit

cbrt = sharpjit.extern("libm.so.6", "cbrt", "float64(float64)")
libc = ctypes.CDLL(None)
labs = libc.labs
labs.argtypes, labs.restype = [ctypes.c_long], ctypes.c_long
cos = ctypes.CDLL("libm.so.6").cos
cos.argtypes, cos.restype = [ctypes.c_double], ctypes.c_double

try:
    import cffi
    ffi = cffi.FFI()
    ffi.cdef("double exp(double);")
    exp = ffi.dlopen("libm.so.6").exp
except ImportError:   # python3-cffi not installed: the same function through ctypes
    exp = ctypes.CDLL("libm.so.6").exp
    exp.argtypes, exp.restype = [ctypes.c_double], ctypes.c_double


@sharpjit.callback("float64(float64, int64)")
def damp(x, k):
    return x / (k + 1)


@sharpjit.jit
def mixed(n):
    s = 0.0
    for i in range(n):
        s += cbrt(i * 1.5) + labs(-i) + exp(-i) + damp(s, i)
    return s


@sharpjit.jit
def integrate(g, a, b, n):
    h = (b - a) / n
    return sum(g(a + (i + 0.5) * h) for i in range(n)) * h


@sharpjit.jit
def summary(a):
    total = a.sum()
    with sharpjit.objmode(median="float64", text="str"):
        median = float(np.median(a))
        text = f"{len(a)} values, median {median:.3f}"
    return total, median, text


print(f"mixed(50) = {mixed(50):.6f}")
print(f"integral of cos over [0, 1] = {integrate(cos, 0.0, 1.0, 1000):.9f} (sin 1 = {math.sin(1.0):.9f})")
print(f"integral of exp over [0, 1] = {integrate(exp, 0.0, 1.0, 1000):.9f} (e - 1 = {math.e - 1:.9f})")
print(summary(np.linspace(0.0, 1.0, 11)))
# The same functions run by CPython (objmode does nothing there) give the same results.
same = (mixed(50) == mixed.py_func(50) and integrate(cos, 0.0, 1.0, 1000) == integrate.py_func(cos, 0.0, 1.0, 1000)
        and summary(np.arange(5.0)) == summary.py_func(np.arange(5.0)))
print("same as CPython:", same)
