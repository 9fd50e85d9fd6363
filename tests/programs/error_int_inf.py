# Covers: uncaught OverflowError from int(math.inf) ("cannot convert float infinity to integer").
import math
x = 1e308
print(int(1e18))
x = x * 10
print(x)
print(int(x))
