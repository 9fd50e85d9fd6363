# Covers: & | ^ ~ << >> on signed/unsigned/bool arrays, with scalars and arrays, negative values, shifts by array amounts
import numpy as np


def bits(a, b):
    print(a & b, a | b, a ^ b, ~a)


def shifts(a, k):
    print(a << k, a >> k, (a << 3) >> 1)


bits(np.arange(8), np.arange(8)[::-1])
bits(np.arange(-4, 4, dtype=np.int8), 5)
bits(np.arange(6, dtype=np.uint8), np.uint8(12))
bits(np.arange(0, 60000, 12345, dtype=np.uint16), 255)
bits(np.arange(4) > 1, np.arange(4) % 2 == 0)
shifts(np.arange(6), 2)
shifts(np.arange(-3, 3, dtype=np.int16), 1)
shifts(np.arange(1, 5, dtype=np.uint32), np.arange(4, dtype=np.uint32))
shifts(np.arange(1, 6, dtype=np.int8), 4)
x = np.arange(1, 9, dtype=np.uint64)
print(x << np.uint64(60), x >> np.uint64(1), x ^ np.uint64(3))
print(12 & np.arange(16), 1 << np.arange(10), 1024 >> np.arange(5), ~np.arange(3, dtype=np.uint8), (np.arange(4) > 0) ^ True)
