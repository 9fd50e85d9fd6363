# Covers: np.linalg.cholesky of a symmetric matrix that is not positive definite raises NumPy's LinAlgError, uncaught
import numpy as np


def factor(a):
    return np.linalg.cholesky(a)


print(factor(np.array(((4.0, 2.0), (2.0, 3.0)))))
print(factor(np.array(((1.0, 2.0), (2.0, 1.0)))))
