# Covers: uncaught ValueError from math.factorial of a negative int ("factorial() not defined for negative values").
import math
n = 3
while True:
    print(n, math.factorial(n))
    n -= 2
