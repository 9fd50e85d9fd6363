# Covers: ufunc.reduce and ufunc.accumulate of n-d arrays along an axis (positional or axis=, negative, keepdims=,
# axis=None), of 1-d arrays with an axis; NumPy's int64 (uint64) working dtype of add/multiply reductions of bools
# and narrow integers; identities of empty reductions and the error of ufuncs that have none; AxisError
import numpy as np


def along_axes():
    m = np.arange(12).reshape(3, 4)
    print(np.add.reduce(m), np.add.reduce(m, 1), np.add.reduce(m, axis=-1), np.multiply.reduce(m + 1, axis=0))
    print(np.maximum.reduce(m, axis=1), np.minimum.reduce(m.T, axis=0), np.subtract.reduce(m, axis=1))
    print(np.add.reduce(m, axis=0, keepdims=True), np.maximum.reduce(m, 1, keepdims=True).shape)
    print(np.add.reduce(m, axis=None), np.maximum.reduce(m, axis=None))
    t = np.arange(24.0).reshape(2, 3, 4)
    print(np.add.reduce(t, axis=1), np.true_divide.reduce(t + 1, axis=2))
    print(np.add.accumulate(m), np.add.accumulate(m, axis=1), np.multiply.accumulate(m + 1, -1))
    print(np.maximum.accumulate(t[:, ::-1, :], axis=1))
    print(np.logical_or.reduce(m > 8, axis=0), np.logical_and.reduce(m > 0, axis=1), np.bitwise_or.reduce(m, axis=1))
    v = np.array([3, 1, 4, 1, 5])
    print(np.add.reduce(v, axis=0), np.maximum.reduce(v, -1), np.add.reduce(v, keepdims=True), np.add.accumulate(v, axis=0))


def working_dtypes():
    b = np.array([True, True, True])
    i8 = np.array([100, 100, 3], np.int8)
    u8 = np.array([200, 200], np.uint8)
    r = np.add.reduce(b), np.multiply.reduce(i8), np.add.reduce(u8), np.add.accumulate(b), np.add.accumulate(i8)
    print(r, r[3].dtype, r[4].dtype)
    print(np.maximum.reduce(i8), np.add.reduce(i8.reshape(3, 1), axis=0).dtype, np.logical_and.reduce(i8))
    print(np.add.reduce(np.array([[True, False], [True, True]]), axis=0), np.add.reduce(np.array([1.5, 2.5], np.float32)))


def empty():
    e = np.zeros((0, 3))
    print(np.add.reduce(e, axis=0), np.multiply.reduce(e, axis=0), np.maximum.reduce(e, axis=1), np.add.accumulate(e))
    try:
        np.maximum.reduce(e, axis=0)
    except ValueError as x:
        print("ValueError", x)
    try:
        np.add.reduce(np.zeros((2, 2)), axis=2)
    except np.AxisError as x:
        print("AxisError", x)


along_axes()
working_dtypes()
empty()
