# Covers: print/str/repr of every integer dtype (column widths, minus signs, dtype= suffix in repr for non-default types), 1-d/2-d
import numpy as np


def show(a):
    print(a)
    print(repr(a))


show(np.array((-128, 0, 127), dtype=np.int8))
show(np.array((0, 255, 7), dtype=np.uint8))
show(np.arange(-3, 3, dtype=np.int16).reshape(2, 3) * 1000)
show(np.arange(4, dtype=np.uint16) * 21845)
show(np.array((-2147483648, 2147483647), dtype=np.int32))
show(np.arange(3, dtype=np.uint32) * 2000000000)
show(np.array((-9223372036854775807, 0, 9223372036854775807)))
show(np.arange(3, dtype=np.uint64) * np.uint64(9000000000000000000))
show(np.arange(6).reshape(3, 2) - 3)
show(np.arange(3, dtype=np.int64))
