# Covers: uncaught ValueError from math.sqrt(-1) ("math domain error").
import math
for v in (4.0, 2.0, 0.0, -1.0):
    print(v, math.sqrt(v))
print("unreachable")
