# Covers: a float stored into an integer array (a[i] = x, a[i:] = x, a.fill(x)) as NumPy's setitem takes a Python float: int(x) then C's cast to the width (300.0 into int8 is 44, -1.0 into uint8 255), NaN a ValueError, infinities and values beyond C's long (unsigned long for uint32 and uint64) an OverflowError, with CPython's messages; float32 values; bool arrays take the truth
import numpy as np


def store(a, v, how):
    if how == 0:
        a[1] = v
    elif how == 1:
        a[1:] = v
    else:
        a.fill(v)
    return a


def check(zeros):
    for v in [2.7, -2.7, 300.0, -1.0, 9.3e18, 1.8e19, -1e19, 1e300, float("nan"), float("inf"), -float("inf")]:
        for how in range(3):
            try:
                print(store(zeros.copy(), v, how))
            except (ValueError, OverflowError) as e:
                print(type(e).__name__ + ":", e)
    print(store(zeros.copy(), np.float32(2.5), 0))


check(np.zeros(3, np.int64))
check(np.zeros(3, np.int32))
check(np.zeros(3, np.int8))
check(np.zeros(3, np.uint8))
check(np.zeros(3, np.uint32))
check(np.zeros(3, np.uint64))
check(np.zeros(3, np.bool_))
