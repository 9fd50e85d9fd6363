# expect: TypingError 6:24: sum(dtype=bool) is not supported in compiled code
import numpy as np


def total(a):
    return a.sum(dtype=np.bool_)


print(total(np.arange(10, dtype=np.int8)))
