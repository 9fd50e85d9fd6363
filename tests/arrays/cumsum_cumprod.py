# Covers: cumsum/cumprod (methods and np.*) on int8 (result int64), uint8, float, float32, bool, 2-d flattened, empty, wrapping int64 products
import numpy as np


def cum(a):
    s = a.cumsum()
    p = a.cumprod()
    print(s, s.dtype, p, p.dtype, np.cumsum(a), np.cumprod(a))


cum(np.arange(1, 8))
cum(np.arange(1, 8, dtype=np.int8) * 10)
cum(np.arange(250, 256, dtype=np.uint8))
cum(np.array((0.5, 1.5, -2.0, 4.0)))
cum(np.array((0.5, 2.0, 4.0), dtype=np.float32))
cum(np.arange(4) % 2 == 0)
cum(np.arange(6).reshape(2, 3))
cum(np.zeros(0))
cum(np.arange(1, 4, dtype=np.uint32))
cum(np.array((1 + 1j, 2j)))
print(np.cumprod(np.full(70, 2))[60:], np.cumsum(np.arange(10)[::-2]))
