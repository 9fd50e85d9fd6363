# Covers: numpy's two-argument functions over a grid of float pairs.
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

for x in FLOATS:
    for y in FLOATS:
        print('arctan2', x, y, np.arctan2(x, y))
        print('hypot', x, y, np.hypot(x, y))
        print('copysign', x, y, np.copysign(x, y))
        print('nextafter', x, y, np.nextafter(x, y))
        print('logaddexp', x, y, np.logaddexp(x, y))
        print('logaddexp2', x, y, np.logaddexp2(x, y))
        print('heaviside', x, y, np.heaviside(x, y))
        print('add', x, y, np.add(x, y))
        print('subtract', x, y, np.subtract(x, y))
        print('multiply', x, y, np.multiply(x, y))
        print('divide', x, y, np.divide(x, y))
        print('true_divide', x, y, np.true_divide(x, y))
        print('floor_divide', x, y, np.floor_divide(x, y))
        print('mod', x, y, np.mod(x, y))
        print('remainder', x, y, np.remainder(x, y))
        print('fmod', x, y, np.fmod(x, y))
        print('power', x, y, np.power(x, y))
        print('float_power', x, y, np.float_power(x, y))
        print('maximum', x, y, np.maximum(x, y))
        print('minimum', x, y, np.minimum(x, y))
        print('fmax', x, y, np.fmax(x, y))
        print('fmin', x, y, np.fmin(x, y))
