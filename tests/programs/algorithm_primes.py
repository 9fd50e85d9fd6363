# Covers: a realistic integer algorithm: trial-division primality, prime counting, twin primes, Goldbach checks.
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True

def nth_prime(k):
    count = 0
    n = 1
    while count < k:
        n += 1
        if is_prime(n):
            count += 1
    return n

count = 0
twins = 0
for n in range(2, 2000):
    if is_prime(n):
        count += 1
        if is_prime(n + 2):
            twins += 1
print(count, twins)
print(nth_prime(1), nth_prime(10), nth_prime(100))
for even in range(4, 40, 6):
    for p in range(2, even):
        if is_prime(p) and is_prime(even - p):
            print(even, "=", p, "+", even - p)
            break
print(is_prime(2147483647), is_prime(1000000007), is_prime(1000000007 * 3))
