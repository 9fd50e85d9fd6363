# Regression (fuzz-1, fixed; was in Library, method.is_integer): float.is_integer() is True for inf and -inf.
# CPython prints: False False False True
# sharpjit (run and @jit) prints: True True False True
import math


def f(x):
    return x.is_integer()


print(f(math.inf), f(-math.inf), f(math.nan), f(2.0))
