# Covers: NumPy 1.24 value-based promotion of array op Python literal: int8+1, +1000, +100000, uint8-1, uint8+(-1), float32*0.1, 1e40, bool+1
import numpy as np


def show(x):
    print(x.dtype, x)


def signed():
    a = np.arange(-2, 3, dtype=np.int8)
    show(a + 1)
    show(a + 1000)
    show(a * 100000)
    show(a - 3000000000)
    show(a * 2.5)
    show(a + 1j)
    show(1 - a)
    show(a // 2)
    show(a % 3)
    show(a ** 2)


def unsigned():
    u = np.arange(4, dtype=np.uint8)
    show(u - 1)
    show(u + (-1))
    show(u + 255)
    show(u + 256)
    show(u * 70000)
    show(2 * u)
    v = np.arange(3, dtype=np.uint64)
    show(v + 1)
    show(v - 1)
    show(v * 0.5)


def floats():
    f = np.arange(4, dtype=np.float32)
    show(f * 0.1)
    show(f + 1e40)
    show(f * 3)
    show(f + 2j)
    show(f / 7)
    show(-1.5 * f)


def bools():
    b = np.arange(4) > 1
    show(b + 1)
    show(b * 2.5)
    show(b + b)
    show(b * b)
    show(~b)
    show(b & True)


signed()
unsigned()
floats()
bools()
