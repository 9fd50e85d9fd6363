# Regression (fuzz-4, fixed; was in Library, Builtins.NumPy.cs: np.tanh was libm's tanh): NumPy 1.24 computes float64
# and float32 tanh with its own SIMD kernel (loops_hyperbolic, dispatched on AVX2+FMA3 or AVX512_SKX), which differs
# from libm by 1-2 ulp for about a third of arguments in [-10, 10]; sharpjit now ports it (Library/NumPyTanh.cs).
# CPython + NumPy prints:  0.9962720762207499 0.7615941559137674 (on such a CPU)
# sharpjit printed:        0.99627207622075 0.7615941559137676   (= math.tanh)
import numpy as np


def f(x):
    return np.tanh(x)


print(f(3.141592653589793), f(0.9999999999))
x = -10.0
while x < 10.0:
    print(f(x), f(np.float32(x)))
    x += 0.37
print(f(0.0), f(-0.0), f(1e-310), f(19.06), f(40.0), f(float("inf")), f(float("-inf")), f(float("nan")), f(1e308))
