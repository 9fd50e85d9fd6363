# Covers: reshape's unknown dimension as NumPy 1.24 reads it: any negative number (-2, -3 as -1), at most one
# ('can only specify one unknown dimension'), and a size mismatch or a 0 among the known dimensions (also of an
# empty array) as 'cannot reshape array of size 10 into shape (0,newaxis)'.
import numpy as np


def t(a, f):
    try:
        print(f(a))
    except ValueError as ex:
        print("ValueError", ex)


def r1(a):
    return a.reshape(-2, 5)


def r2(a):
    return a.reshape(-1, -1)


def r3(a):
    return a.reshape(3, 4)


def r4(a):
    return a.reshape((-1, 3))


def r5(a):
    return a.reshape(0, -1)


def r6(a):
    return a.reshape((-3, 2))


def r7(a):
    return a.reshape(-1, 0)


a = np.arange(10)
t(a, r1)
t(a, r2)
t(a, r3)
t(a, r4)
t(a, r5)
t(a, r6)
t(a, r7)
t(np.zeros(0), r5)
t(np.zeros(0), r7)
