# NumPy's float32 and complex64 in compiled code: arithmetic in single precision, printed as NumPy prints them.
import numpy as np


def oscillate(x, v, dt, steps):
    # Every operand is float32, so every product and sum is rounded to float32 as NumPy does.
    for _ in range(steps):
        a = -x * np.float32(0.5)
        v = v + a * dt
        x = x + v * dt
    return x, v


def arithmetic(a, b):
    print(a + b, a - b, a * b, a / b)
    print(a // b, a % b, -a, abs(-b), a ** np.float32(2))
    print(min(a, b), max(a, b), a < b, a == b, a != b)


def mixed(a):
    # float32 with a Python float or int is float64 (NumPy 1.x and Numba agree).
    print(a * 2.0, a + 1, a / 3)


def conversions():
    print(np.float32(0.1), np.float32(16777217.0), np.float32(1e20), np.float32(-1e-5))
    print(np.float32(3.4028235e38), np.float32(1e-45), np.float32(-0.0), np.float32(123456789.0))
    print(np.float32(7), np.float32(True), np.float64(np.float32(0.1)))
    print(np.sqrt(np.float32(2.0)), np.float32(1.0) / np.float32(3.0))
    print(f"{np.float32(0.1)} {np.float32(2.5):.3f} {np.float32(1.0) / np.float32(3.0)!r} {np.float32(0.2):>8}")
    print(str(np.float32(0.3)), repr(np.float32(2.0)))
    print(np.float32(0.1) == 0.1, np.float32(0.5) == 0.5, np.float32(2) < 3)


def complex64_math(z, w):
    print(z + w, z - w, z * w, -z)
    print(abs(np.complex64(3 + 4j)), z == np.complex64(1 + 2j), z.real, z.imag)
    print(np.complex64(2.5), np.complex64(1 - 0.5j) * 2)


x, v = oscillate(np.float32(1.0), np.float32(0.0), np.float32(0.01), 100)
print(x, v)
arithmetic(np.float32(7.5), np.float32(2.0))
arithmetic(np.float32(-0.1), np.float32(0.3))
mixed(np.float32(0.1))
conversions()
complex64_math(np.complex64(1 + 2j), np.complex64(0.5 - 1.5j))
