# Covers: element-wise operations whose operands are 0-d arrays and numbers give numbers (NumPy's scalars), while
# in-place operators, out= and np.where keep arrays; 0-d arrays in value-based promotion count as small numbers
# (float32_array * np.array(2.0) stays float32) and compare exactly with integer arrays; np.clip of complex numbers
# in NumPy's clip order (a NaN part of an array bound ignored), a NaN number or 0-d bound as no bound
import numpy as np


def scalars_from_0d():
    z = np.array(2.0)
    i = np.array(7)
    print(repr(z * 3), repr(z + z), repr(-z), repr(np.sqrt(z)), repr(np.maximum(z, 5)), repr(z > 1.0))
    print(repr(i // 2), repr(i % 4), repr(i << 2), repr(np.negative(i)), repr(np.add(i, z)), repr(i == 7))
    print(repr(np.clip(z, 0.0, 1.0)), repr(np.clip(i, 0, 3)), repr(np.logical_not(i)), repr(np.bitwise_and(i, 3)))
    b = np.array(True)
    print(repr(b & False), repr(~b), repr(np.array(3, np.int8) * np.array(2, np.int8)))
    total = 0.0
    for k in range(4):
        total += z * k          # a number: the sum stays a float
    print(total)


def arrays_kept():
    z = np.array(1.5)
    z += 2
    print(repr(z))
    out = np.empty(())
    r = np.multiply(np.array(3.0), 2.0, out=out)
    print(repr(r), repr(out))
    print(repr(np.where(np.array(True), np.array(1), 2.5)), repr(np.where(z > 0, z, -z)))


def promotion():
    f32 = np.array([1.5, 2.5], np.float32)
    r = f32 * np.array(2.0)
    print(r.dtype, r)
    r = f32 + np.array(3)
    print(r.dtype, r)
    i8 = np.array([1, -2, 100], np.int8)
    r = i8 + np.array(3)
    print(r.dtype, r)
    print(i8 > np.array(200), i8 == np.array(-1000), i8 < np.array(300, np.int16), i8 != np.array(100, np.uint64))
    u8 = np.array([0, 200, 255], np.uint8)
    print((u8 >= np.array(-1)), (u8 + np.array(1, np.uint8)).dtype)
    r = np.where(i8 > 0, np.array(0.5, np.float32), f32[0])
    print(r.dtype, r)


def complex_clip():
    x = np.array([-3.0, 1.0, 2.0 + 1j, complex(np.nan, 0.0)])
    lo = np.array([complex(-8e14, np.nan), complex(0.0, np.nan), 0j, 0j])
    print(np.clip(x, lo, 1.5), np.clip(x, -1.0, complex(1.0, np.nan)))
    print(np.clip(np.array([1 + 2j, 1 - 2j, 3j]), 1 + 0j, 1 + 1j))
    # A NaN bound given as a number or a 0-d array is no bound (NumPy 1.24, after its DeprecationWarning)
    print(repr(np.clip(np.array(0.0, np.float32), np.array(np.nan), np.array(0.0))), np.clip(x, np.array(complex(0, np.nan)), 1.0))
    print(np.clip(np.array([1.0, -2.0]) * 2, np.array(np.nan), np.array(1.5)) + 1)


scalars_from_0d()
arrays_kept()
promotion()
complex_clip()


def reductions_of_0d(z, i):
    # a 0-d array's reductions are numbers, keepdims=True too (NumPy)
    return np.sum(z, keepdims=True), z.max(keepdims=True), np.mean(z, keepdims=True), i.prod(keepdims=True), z.sum()


print(reductions_of_0d(np.array(2.5), np.array(3)))
