# sharpjit fuzzer reproducer (tests/fuzz): engine=cli kind=stdout seed=11
# signature: stdout
# expected (CPython, int64 oracle): status 0 
#   | 944.9661430651162
# got (cli): status 0 
#   | 944.9661430651161
import math
import cmath
import numpy as np


def main55():
    print(np.cosh(max((-50.0), min(0.0, ((0 ** 0) and (-7.544296))))))


main55()
