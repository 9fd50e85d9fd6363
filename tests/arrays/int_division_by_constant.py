# Covers: int64 arrays floor-divided and taken modulo by constants (the multiply-and-shift path: 3, 7, 10, 641, 1000003, 2**31 - 1, 2**33 + 1, 10**18, 2**63 - 1) at the int64 limits, negative and zero elements, operators, np.floor_divide / np.remainder, in-place, fused with other operations; constants left to the other path (1, 2, 8, -7), int32 arrays
import numpy as np


def show(a):
    print(a // 3, a % 3, a // 7, a % 7, a // 10, a % 10)
    print(a // 641, a % 1000003, np.floor_divide(a, 2147483647), np.remainder(a, 8589934593))
    print(a // 1000000000000000000, a % 9223372036854775807, (a + 1) // 7 * 2, -a % 7)
    b = a.copy()
    b //= 13
    c = a.copy()
    c %= 13
    print(b, c, a // 1, a // 2, a % 8, a // -7, a % -7)


big = np.array([0, 1, -1, 2, -2, 6, 7, -7, -8, 13, -13, 999, -1000, 123456789012345, -987654321098765,
                9223372036854775807, -9223372036854775808, -9223372036854775807, 4611686018427387904])
show(big)
show(np.arange(-40, 41))
show(big.reshape(19, 1)[::2, 0])
print(np.arange(-20, 20, dtype=np.int32) // 7, np.arange(-20, 20, dtype=np.int32) % 7)
