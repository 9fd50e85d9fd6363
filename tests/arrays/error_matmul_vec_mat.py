# Covers: ValueError of @ between a 1-d vector and a 2-d matrix whose rows do not match
import numpy as np


def project(v, m):
    return v @ m


print(project(np.ones(2), np.ones((2, 3))))
print(project(np.ones(3), np.ones((2, 3))))
