# expect: TypingError 6:24: var(dtype=float32) of int32 elements is not supported in compiled code
import numpy as np


def spread(a):
    return a.var(dtype=np.float32)


print(spread(np.arange(10, dtype=np.int32)))
