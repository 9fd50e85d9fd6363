# Covers: astype between dtypes: float->int truncation toward zero, int->narrow int wrapping, int->float32 rounding, bool<->number, complex->complex64, copies
import numpy as np


def conv(a):
    print(a.astype(np.int8), a.astype(np.int32), a.astype(np.float32), a.astype(np.bool_), a.astype(np.complex128))


conv(np.array((-2.7, -0.5, 0.0, 0.5, 1.9, 100.0)))
conv(np.array((-129, -1, 0, 255, 256, 1000)))
conv(np.array((True, False)))
conv(np.arange(3, dtype=np.uint16) * 30000)
print(np.array((16777217, 16777219)).astype(np.float32), np.arange(4, dtype=np.int8).astype(np.uint64))
print(np.array((1.5 + 2j, -1j)).astype(np.complex64), np.array((0.1, 0.7)).astype(np.float32).astype(np.float64))
print(np.arange(5).astype(float), np.arange(5).astype(int), np.arange(3.0).astype(bool), np.arange(3).astype('u1'))
a = np.arange(3)
b = a.astype(np.int64)
b[0] = 9
print(a, b, a.astype(np.float32).dtype, np.arange(4, dtype=np.uint8).astype(np.int8) - 3)
