# Covers: matrix power by repeated squaring with @ (int64 Fibonacci matrix, float rotation), identity start, compared with repeated multiplication
import numpy as np


def mat_pow(m, k):
    result = np.eye(m.shape[0], dtype=m.dtype)
    base = m.copy()
    while k > 0:
        if k % 2 == 1:
            result = result @ base
        base = base @ base
        k //= 2
    return result


def repeated(m, k):
    r = np.eye(m.shape[0], dtype=m.dtype)
    for _ in range(k):
        r = r @ m
    return r


fib = np.array(((1, 1), (1, 0)))
print(mat_pow(fib, 10), mat_pow(fib, 90)[0, 1], (mat_pow(fib, 13) == repeated(fib, 13)).all())
rot = np.array(((0.0, -1.0), (1.0, 0.0)))
print(mat_pow(rot, 4), mat_pow(rot, 3), mat_pow(np.array(((2.0, 0.0), (0.0, 0.5))), 5))
print(mat_pow(np.arange(9, dtype=np.int32).reshape(3, 3), 3))
