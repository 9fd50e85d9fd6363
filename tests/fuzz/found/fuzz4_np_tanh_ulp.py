# fuzz-4 (core: Library, Builtins.NumPy.cs maps np.tanh to libm's tanh): NumPy 1.24 computes float64 tanh with
# its own SIMD code (loops_hyperbolic, dispatched on AVX2/FMA3 or AVX512), which differs from libm by 1-2 ulp for
# about a third of arguments in [-10, 10]; README promises NumPy's floating-point behaviour for np.* on scalars.
# CPython + NumPy prints:  0.9962720762207499 0.7615941559137674
# sharpjit prints:         0.99627207622075 0.7615941559137676   (= math.tanh)
import numpy as np


def f(x):
    return np.tanh(x)


print(f(3.141592653589793), f(0.9999999999))
