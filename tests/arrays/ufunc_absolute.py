# Covers: abs()/np.abs/np.absolute/np.fabs on every dtype: int8 -128 wraps, unsigned unchanged, complex magnitude, -0.0, inf, nan
import numpy as np


def absolutes(x):
    print(abs(x), np.abs(x), np.absolute(x), abs(x).dtype)


absolutes(np.array((-128, -1, 0, 127), dtype=np.int8))
absolutes(np.array((-32768, 5), dtype=np.int16))
absolutes(np.arange(-3, 3, dtype=np.int32))
absolutes(np.arange(-3, 3))
absolutes(np.arange(3, dtype=np.uint16))
absolutes(np.array((-0.0, -1.5, np.inf, -np.inf, np.nan)))
absolutes(np.array((-0.0, -1.5, 2.25), dtype=np.float32))
absolutes(np.array((3 + 4j, -1j, complex(-np.inf, 1.0))))
absolutes(np.array((3 + 4j, -1j), dtype=np.complex64))
absolutes(np.arange(3) > 0)
print(np.fabs(np.arange(-2, 2)), np.fabs(np.array((-1.5, 2.0), dtype=np.float32)))
