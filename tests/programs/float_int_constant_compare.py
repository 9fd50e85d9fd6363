# Covers: a float compared with an integer constant. A constant of at most 2**53 in magnitude is compared as a float
# (exact there); larger constants keep the exact comparison of an int with a float (2**53 + 1 is no float).
import math


def compare(v):
    return (v > 0, v >= 0, v < 0, v <= 0, v == 0, v != 0, 0 < v, 0 == v,
            v > -3, v == 9007199254740992, v < -9007199254740992,
            v == 9007199254740993, v < 9007199254740993, v > 9007199254740993, v >= -9007199254740993,
            v < 9223372036854775807, v == -9223372036854775808)


for v in (0.0, -0.0, 1.5, -1.5, -3.0, 9007199254740992.0, 9007199254740994.0, -9007199254740992.0,
          -9007199254740994.0, 9223372036854775808.0, -9223372036854775808.0, math.inf, -math.inf, math.nan):
    print(v, compare(v))
