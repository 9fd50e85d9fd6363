# Covers: iterative Fibonacci, Lucas numbers, Fibonacci modulo m (Pisano period), float Binet formula comparison.
import math

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def lucas(n):
    a, b = 2, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def pisano(m):
    a, b = 0, 1
    for i in range(m * m + 1):
        a, b = b, (a + b) % m
        if a == 0 and b == 1:
            return i + 1
    return -1

phi = (1 + math.sqrt(5)) / 2
for n in (0, 1, 2, 10, 30, 50, 70, 92):
    binet = round(phi ** n / math.sqrt(5))
    print(n, fib(n), lucas(n) if n < 90 else 0, binet == fib(n))
for m in (2, 3, 5, 10, 100):
    print(m, pisano(m))
print(fib(90) / fib(89))
