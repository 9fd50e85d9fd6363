# Covers: boolean arrays: & | ^ ~ between masks and with bool scalars, + and * of bools (logical), sums/means of masks, masks from chained comparisons
import numpy as np


def logic(a, b):
    print(a & b, a | b, a ^ b, ~a, a + b, a * b, a == b, a != b)


def counts(x):
    inside = (x > -1) & (x < 3)
    outside = ~inside
    print(inside, inside.sum(), outside.sum(), inside.mean(), inside.any(), outside.all(), x[inside])


a = np.array((True, True, False, False))
b = np.array((True, False, True, False))
logic(a, b)
logic(a, True)
logic(np.arange(6).reshape(2, 3) > 2, np.arange(3) % 2 == 0)
counts(np.arange(-3, 6))
counts(np.linspace(-2.0, 4.0, 7))
print((a & b).dtype, (a + b).dtype, (a * 1).dtype, (a * 1.0).dtype, (a ^ b).sum())
