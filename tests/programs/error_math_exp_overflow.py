# Covers: uncaught OverflowError from math.exp(1000) ("math range error").
import math
x = 1.0
for k in range(4):
    print(k, math.exp(x))
    x *= 10.0
print("unreachable")
