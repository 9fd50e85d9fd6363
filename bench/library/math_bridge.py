# Benchmark kernel: the math, cmath and NumPy functions implemented in C# (Runtime/MathBridge.cs) in a hot loop:
# each call crosses into the runtime, so this measures the cost of reaching the function (issue 8).
# kernel(n: int) -> float
import cmath
import math

import numpy as np

BENCH_ARGS = (2000000,)


def kernel(n):
    acc = 0.0
    for i in range(n):
        x = 1.0 + (i % 1000) * 0.01
        acc += math.lgamma(x) + math.gamma(x * 0.1 + 0.5) * 1e-3
        acc += math.factorial(i % 20) * 1e-18 + math.gcd(i, 360) + math.comb(i % 30, 5) * 1e-6
        z = complex(x, 0.5)
        acc += cmath.sqrt(z).real + cmath.atanh(z * 0.01).imag + np.arcsinh(z).real
    return acc


# --- sanity ---
print(kernel(1000))
