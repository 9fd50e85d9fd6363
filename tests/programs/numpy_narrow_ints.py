# NumPy's narrow integers in compiled code. Arithmetic runs in int64 (uint64 when both operands are unsigned), as
# Numba does; the values here stay in range, where that agrees with NumPy's own wrap-around arithmetic.
import numpy as np


def signed(a, b):
    print(a + b, a - b, a * b, a // b, a % b, -a, abs(b), ~a)
    print(a > b, a == 7, a != b, a >> 1, a << 2, a / b)


def unsigned(u, w):
    print(u + w, u - w if u > w else w - u, u * w, u // w, u % w, u >> 3, u << 1)
    print(u > w, u == w, u / w)


def casts(x):
    # NumPy's C casts: floats truncate toward zero; the widths keep their value range.
    print(np.int8(x), np.int16(x * 100), np.int32(-x * 1000), np.uint8(x), np.uint16(x * 10), np.uint32(x * 1e6))
    print(np.int32(np.int8(-5)), np.uint32(np.uint8(250)), np.float32(np.int16(300)))


def big_unsigned():
    top = np.uint64(9223372036854775807) * np.uint64(2) + np.uint64(1)
    print(top, top // np.uint64(3), top % np.uint64(10), top > np.uint64(1), top >> np.uint64(60))


def mixed_signs(a, u):
    # int32 with uint32 is int64; with a float it is float64.
    print(a + u, a * u, u - a, a + 0.5, u * 1.5)


signed(np.int32(7), np.int32(-3))
signed(np.int16(-100), np.int16(9))
signed(np.int8(5), np.int8(2))
unsigned(np.uint8(20), np.uint8(7))
unsigned(np.uint32(4000000000), np.uint32(1))
unsigned(np.uint16(5), np.uint16(6000))
casts(3.75)
casts(-2.5)
big_unsigned()
mixed_signs(np.int32(-5), np.uint32(7))


# Unary operators on narrow integers work in the type's own width, then widen (NumPy's values, Numba's types).
def unary_narrow():
    print(~np.uint32(0), ~np.uint8(0), ~np.uint8(1), -np.uint8(1), -np.uint32(5), ~np.int8(5), -np.int16(-32768), +np.uint16(7))


unary_narrow()
