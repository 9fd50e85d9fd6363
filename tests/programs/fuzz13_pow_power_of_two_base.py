# fuzz-13: a power-of-two base must give libm's pow, as CPython does (LLVM rewrote pow(2**k, y) as exp2(k * y)).
import math
import numpy as np


def power(base, y):
    return base ** y


def r(n):
    return 0.25 if n <= 0 else 9007199254740992.0 ** ((n - r(n - 1)) % 3.0) / r(n - 1)


def main():
    for i in range(1, 40):
        y = i * 0.0137 + 0.3
        print(9007199254740992.0 ** y, 2.0 ** y, 4.0 ** -y, 0.5 ** y, 1024.0 ** (y * 7.1))
        # np.power: NumPy's AVX-512 kernel (SVML) may be an ulp off libm's pow, so it is rounded.
        print(power(9007199254740992.0, y), math.pow(65536.0, y), round(np.power(8.0, y), 12))
        print(np.float32(2.0) ** np.float32(y), np.float32(4.0) ** np.float32(y * 3.3))
    print(r(4), r(5))
    x = 3.7
    print(x ** 2.0, x ** 0.5, x ** -1.0, x ** 3.0)


main()
