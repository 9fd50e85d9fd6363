# Covers: broadcast errors of in-place operators and out= (NumPy lists the output operand's shape; an output that is not the
# broadcast shape, fewer dimensions included, is the run-time 'non-broadcastable output operand'), and of np.where /
# np.clip with a number among the operands (listed as ()).
import numpy as np


def t(f, *a):
    try:
        print(f(*a))
    except ValueError as ex:
        print(type(ex).__name__, repr(str(ex)))


def iadd(a, b):
    a += b
    return a


def imul_fused(a, b):
    a *= b * 2.0
    return a


def add_out(a, b, c):
    return np.add(a, b, out=c)


def where(a, b):
    return np.where(a > 0, b, 0.0)


def where2(a, b):
    return np.where(a > 0, 1.0, b)


def clip(a, lo):
    return np.clip(a, lo, 1)


def clip_out(a, lo, o):
    return np.clip(a, lo, 1, out=o)


t(iadd, np.zeros(3), np.ones(4))
t(iadd, np.zeros(1), np.ones(4))
t(iadd, np.zeros((1, 3)), np.ones((2, 1)))
t(iadd, np.zeros(3), np.ones((2, 4)))
t(iadd, np.zeros(3), np.ones((2, 3)))
t(iadd, np.zeros(3), np.ones((1, 3)))
t(iadd, np.zeros((2, 3)), np.ones((2, 2, 3)))
t(iadd, np.zeros((2, 3)), np.ones(3))
t(imul_fused, np.zeros(3), np.ones((2, 3)))
t(imul_fused, np.zeros(3), np.ones(4))
t(add_out, np.zeros(3), np.ones((2, 3)), np.zeros(3))
t(add_out, np.zeros(3), np.ones(4), np.zeros(3))
t(add_out, np.zeros(3), np.ones(3), np.zeros(4))
t(add_out, np.zeros(3), np.ones(3), np.zeros((2, 3)))
t(where, np.ones(3), np.ones(4))
t(where2, np.ones(3), np.ones(4))
t(clip, np.ones(3), np.ones(4))
t(clip_out, np.ones(3), np.ones(4), np.zeros(3))
t(clip_out, np.ones(3), np.ones(3), np.zeros((2, 3)))
