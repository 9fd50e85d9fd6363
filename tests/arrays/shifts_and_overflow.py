# Covers: shifts by the type's width and beyond (NumPy gives 0, or -1 for negative >>), INT_MIN // -1 and % -1 on int8/int32/int64 arrays, division by zero giving 0
import numpy as np


def shifts(a, k):
    print(a << k, a >> k, (-a) >> k)


def divs(a, b):
    print(a // b, a % b, np.fmod(a, b))


shifts(np.arange(1, 4), np.array((63, 64, 100)))
shifts(np.arange(1, 4, dtype=np.int8), np.array((7, 8, 9), dtype=np.int8))
shifts(np.arange(1, 4, dtype=np.uint8), np.array((7, 8, 9), dtype=np.uint8))
shifts(np.arange(1, 4, dtype=np.uint64), np.array((63, 64, 65), dtype=np.uint64))
divs(np.array((-9223372036854775807 - 1, 7)), np.array((-1, -1)))
divs(np.array((-128, 5), dtype=np.int8), np.array((-1, -1), dtype=np.int8))
divs(np.array((-2147483648, 5), dtype=np.int32), np.array((-1, 0), dtype=np.int32))
