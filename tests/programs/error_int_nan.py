# Covers: uncaught ValueError from int(math.nan) ("cannot convert float NaN to integer").
import math
print(int(2.5), int(-2.5))
v = math.inf - math.inf
print(v)
print(int(v))
