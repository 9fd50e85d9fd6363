# expect: TypingError 6:12: var(where=...) is not supported in compiled code
import numpy as np


def spread(a, mask):
    return a.var(where=mask)


print(spread(np.arange(4.0), np.arange(4) > 1))
