# Covers: self recursion: factorial, fibonacci, gcd, ackermann (small), power by squaring, binomial.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

def fpow(b, e):
    if e == 0:
        return 1.0
    h = fpow(b, e // 2)
    if e % 2 == 0:
        return h * h
    return h * h * b

def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(fact(0), fact(1), fact(10), fact(20))
print(fib(0), fib(1), fib(10), fib(20))
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
print(ack(2, 3), ack(3, 3))
print(fpow(2.0, 10), fpow(1.5, 7), fpow(10.0, 0))
print(binom(10, 5), binom(16, 8))
print(depth(500))
