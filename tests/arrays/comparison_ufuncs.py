# Covers: the comparison ufuncs as functions (np.greater, np.less_equal, np.equal, np.not_equal, np.less,
# np.greater_equal) on arrays, broadcast, on numbers, and with out=.
import numpy as np


def main():
    a = np.array([1.0, 2.0, 3.0])
    b = np.array([3.0, 2.0, 1.0])
    print(np.greater(a, b), np.less_equal(a, 2.0), np.equal(a, b), np.not_equal(1, 2), np.less(2.5, 3))
    m = np.arange(6).reshape(2, 3)
    print(np.greater_equal(m, np.array([1, 4, 2])), np.greater(m, 2).sum())
    out = np.zeros(3, dtype=np.bool_)
    np.less(a, b, out=out)
    print(out, np.equal(np.int32(3), 3))


main()
