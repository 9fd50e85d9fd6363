# expect: TypingError 6:12: np.percentile() and np.quantile() take method= as a constant string
import numpy as np


def f(a):
    return np.percentile(a, 50, method="hazen")


print(f(np.arange(4)))
