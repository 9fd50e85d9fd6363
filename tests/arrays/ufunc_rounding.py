# Covers: floor/ceil/trunc/rint/fix/round-half-even on float64/float32/int arrays, negative zero, .5 cases, inf, nan
import numpy as np


def rounding(x):
    print(np.floor(x), np.ceil(x), np.trunc(x))
    print(np.rint(x), np.fix(x))


halves = np.array((-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, -0.2, 0.7, 1e16 + 1, np.inf, np.nan))
rounding(halves)
rounding(halves.astype(np.float32))
rounding(np.arange(-3, 3))
print(np.floor(np.arange(4, dtype=np.int32)).dtype, np.rint(np.arange(3, dtype=np.uint32)).dtype, np.ceil(np.float32(1.5)))
print(np.floor(np.linspace(-1.0, 1.0, 9) * 3), np.ceil(-np.arange(3) / 4))
