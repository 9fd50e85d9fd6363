# Covers: numpy's two-argument functions over complex pairs, complex powers with integer exponents, and complex/float mixes.
import numpy as np

INF = float("inf")
NAN = float("nan")
FLOATS = (0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 2.5, -2.5, 3.0, 0.1, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
      1e300, -1e300, 1.7976931348623157e308, 710.0, -745.5, 1e16, 100.0, -100.0, 7.0, -7.0, 0.75, 1e-10,
      3.141592653589793, 9007199254740993.0, -9.5, 0.999999, -1.000001, 1e308, INF, -INF, NAN)
INTS = (0, 1, -1, 2, -2, 3, 7, -7, 10, 63, 64, -64, 100, 2147483648, 4294967296, 4611686018427387904,
      9223372036854775807, -9223372036854775807 - 1, -4611686018427387904, 1000000007, 12, -18, 9007199254740993)
PARTS = (0.0, -0.0, 1.0, -1.0, 2.5, 0.5, -3.0, 1e300, INF, -INF, NAN)
BOOLS = (True, False)

for a in PARTS:
    for b in PARTS:
        x = complex(a, b)
        for c in PARTS:
            for d in PARTS:
                y = complex(c, d)
                print('add', x, y, np.add(x, y))
                print('subtract', x, y, np.subtract(x, y))
                print('multiply', x, y, np.multiply(x, y))
                print('divide', x, y, np.divide(x, y))
                print('power', x, y, np.power(x, y))
                print('float_power', x, y, np.float_power(x, y))
                print('maximum', x, y, np.maximum(x, y))
                print('minimum', x, y, np.minimum(x, y))
                print('fmax', x, y, np.fmax(x, y))
                print('fmin', x, y, np.fmin(x, y))

for a in PARTS:
    for b in PARTS:
        x = complex(a, b)
        for n in (-3, -2, -1, 0, 1, 2, 3, 4, 5, 7, 99, 100, -100):
            print('power', x, n, np.power(x, n), np.power(x, float(n)), np.float_power(x, n))
        for y in FLOATS:
            print('add', x, y, np.add(x, y), np.add(y, x))
            print('multiply', x, y, np.multiply(x, y), np.multiply(y, x))
            print('divide', x, y, np.divide(x, y), np.divide(y, x))
            print('power', x, y, np.power(x, y), np.power(y, x))
            print('maximum', x, y, np.maximum(x, y), np.maximum(y, x))
            print('subtract', x, y, np.subtract(x, y), np.subtract(y, x))
