# Covers: uncaught ValueError from math.log(0) ("math domain error").
import math
x = 100.0
while True:
    print(math.log(x))
    x = x // 10
