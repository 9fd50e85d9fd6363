# Benchmark kernel: the functions ported to the library written in Python (min, max, sum, divmod, np.sign,
# np.logaddexp) in a hot loop, to compare their compiled speed with the C# lowerings they replaced.
# kernel(n: int) -> float
import numpy as np

BENCH_ARGS = (5000000,)


def kernel(n):
    acc = 0.0
    for i in range(n):
        x = i * 0.001 - 2000.0
        q, r = divmod(i, 7)
        acc += min(x, 1.5, r) + max(q, r) + sum((x, 1.0, 2.0)) * 1e-9
        acc += np.sign(x) + np.logaddexp(x * 1e-3, 0.5) * 1e-6
    return acc
