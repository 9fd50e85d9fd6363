# Covers: numpy.linalg.LinAlgError: Singular matrix from np.linalg.inv (det of the singular matrix is 0.0)
import numpy as np


def f(a):
    print(np.linalg.det(a))
    return np.linalg.inv(a)


print(f(np.array(((1.0, 2.0), (3.0, 4.0)))))
print(f(np.array(((1.0, 2.0), (2.0, 4.0)))))
