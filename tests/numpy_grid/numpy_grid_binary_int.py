# Covers: numpy's two-argument functions over int pairs, int/float and bool/int/float mixes (type promotion, int64 wrap-around, division by zero).
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

for x in INTS:
    for y in INTS:
        print('add', x, y, np.add(x, y))
        print('subtract', x, y, np.subtract(x, y))
        print('multiply', x, y, np.multiply(x, y))
        print('divide', x, y, np.divide(x, y))
        print('floor_divide', x, y, np.floor_divide(x, y))
        print('mod', x, y, np.mod(x, y))
        print('fmod', x, y, np.fmod(x, y))
        print('maximum', x, y, np.maximum(x, y))
        print('minimum', x, y, np.minimum(x, y))
        print('fmax', x, y, np.fmax(x, y))
        print('fmin', x, y, np.fmin(x, y))
        print('gcd', x, y, np.gcd(x, y))
        print('lcm', x, y, np.lcm(x, y))
        print('arctan2', x, y, np.arctan2(x, y))
        print('hypot', x, y, np.hypot(x, y))
        print('copysign', x, y, np.copysign(x, y))
        print('heaviside', x, y, np.heaviside(x, y))
        print('logaddexp', x, y, np.logaddexp(x, y))
        print('float_power', x, y, np.float_power(x, y))
        if y >= 0:
            print('power', x, y, np.power(x, y))

for x in INTS:
    for y in FLOATS:
        print('add', x, y, np.add(x, y), np.add(y, x))
        print('power', x, y, np.power(x, y), np.power(y, x))
        print('maximum', x, y, np.maximum(x, y), np.maximum(y, x))
        print('fmin', x, y, np.fmin(x, y), np.fmin(y, x))
        print('floor_divide', x, y, np.floor_divide(x, y), np.floor_divide(y, x))
        print('mod', x, y, np.mod(x, y), np.mod(y, x))
        print('divide', x, y, np.divide(x, y), np.divide(y, x))
        print('copysign', x, y, np.copysign(x, y), np.copysign(y, x))
        print('arctan2', x, y, np.arctan2(x, y), np.arctan2(y, x))

for x in BOOLS:
    for y in BOOLS:
        print('add', x, y, np.add(x, y))
        print('multiply', x, y, np.multiply(x, y))
        print('maximum', x, y, np.maximum(x, y))
        print('minimum', x, y, np.minimum(x, y))
        print('fmax', x, y, np.fmax(x, y))
        print('fmin', x, y, np.fmin(x, y))
        print('divide', x, y, np.divide(x, y))
        print('float_power', x, y, np.float_power(x, y))
    for y in INTS:
        print('add', x, y, np.add(x, y), np.add(y, x))
        print('subtract', x, y, np.subtract(x, y), np.subtract(y, x))
        print('multiply', x, y, np.multiply(x, y), np.multiply(y, x))
        print('floor_divide', x, y, np.floor_divide(x, y), np.floor_divide(y, x))
        print('mod', x, y, np.mod(x, y), np.mod(y, x))
        print('fmod', x, y, np.fmod(x, y), np.fmod(y, x))
        print('maximum', x, y, np.maximum(x, y), np.maximum(y, x))
        print('minimum', x, y, np.minimum(x, y), np.minimum(y, x))
        print('gcd', x, y, np.gcd(x, y), np.gcd(y, x))
        print('lcm', x, y, np.lcm(x, y), np.lcm(y, x))
        print('divide', x, y, np.divide(x, y), np.divide(y, x))
        print('power', x, y, np.power(y, x))
        if y >= 0:
            print('power', x, y, np.power(x, y))
    for y in FLOATS:
        print('add', x, y, np.add(x, y), np.add(y, x))
        print('subtract', x, y, np.subtract(x, y), np.subtract(y, x))
        print('multiply', x, y, np.multiply(x, y), np.multiply(y, x))
        print('power', x, y, np.power(x, y), np.power(y, x))
        print('floor_divide', x, y, np.floor_divide(x, y), np.floor_divide(y, x))
        print('mod', x, y, np.mod(x, y), np.mod(y, x))
        print('fmod', x, y, np.fmod(x, y), np.fmod(y, x))
        print('maximum', x, y, np.maximum(x, y), np.maximum(y, x))
        print('minimum', x, y, np.minimum(x, y), np.minimum(y, x))
        print('arctan2', x, y, np.arctan2(x, y), np.arctan2(y, x))
        print('hypot', x, y, np.hypot(x, y), np.hypot(y, x))
        print('copysign', x, y, np.copysign(x, y), np.copysign(y, x))
        print('heaviside', x, y, np.heaviside(x, y), np.heaviside(y, x))
        print('nextafter', x, y, np.nextafter(x, y), np.nextafter(y, x))
        print('logaddexp', x, y, np.logaddexp(x, y), np.logaddexp(y, x))
