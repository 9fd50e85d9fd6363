# Covers: small library functions written in Python (min, max, sum, divmod, np.sign, np.logaddexp) emitted inside their callers: in loops, in generators, in try/except (a ZeroDivisionError raised inside divmod lands in the caller's handler), nested in each other, with every return path taken.
import math
import numpy as np


def mixed(n):
    acc = 0.0
    for i in range(n):
        x = i * 0.5 - 3.0
        q, r = divmod(i, 3)
        acc += min(x, 1.5, r) + max(q, r) + sum((x, 1.0, 2.0))
        acc += np.sign(x) + np.logaddexp(x, 0.5)
    return acc


def guarded(a, b):
    total = 0
    for i in range(4):
        try:
            q, r = divmod(a, b - i)
            total += q * 10 + r
        except ZeroDivisionError as e:
            total += 1000
            print("caught:", e)
    return total


def float_guarded(a, b):
    try:
        return divmod(a, b)
    except ZeroDivisionError as e:
        print("caught:", e)
        return (-1.0, -1.0)


def clamps(values):
    for v in values:
        yield max(min(v, 2.5), -2.5)


def signs():
    out = []
    for v in (3.0, -0.0, 0.0, -7.5, math.inf, -math.inf):
        out.append(float(np.sign(v)))
    return out


def nested(a, b, c):
    return max(min(a, b), min(b, c), divmod(a + b + c, 4)[1])


print(round(mixed(40), 9))
print(guarded(17, 2))
print(float_guarded(7.5, 2.0), float_guarded(7.5, 0.0))
print(list(clamps((1.0, 3.0, -4.0, 0.5))))
print(signs(), np.isnan(np.sign(math.nan)))
print(nested(3, 9, 5), nested(-4, -2, -8), nested(10, 10, 10))
print(divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2.0), divmod(7, 2.5))
print(np.logaddexp(1.0, 1.0), np.logaddexp(-math.inf, 0.0), np.logaddexp(1000.0, 1000.0))
