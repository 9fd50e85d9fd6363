# BUG: a reshape with -1 that does not divide reports the -1 literally:
#   sharpjit: ValueError: cannot reshape array of size 10 into shape (3,-1)
#   NumPy:    ValueError: cannot reshape array of size 10 into shape (3,newaxis)
import numpy as np


def f(a):
    return a.reshape(3, -1)


print(f(np.arange(10)))
