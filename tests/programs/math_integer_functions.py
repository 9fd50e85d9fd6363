# Covers: math integer functions: gcd, lcm (2+ args), isqrt, factorial, comb, perm, floor/ceil/trunc returning int.
import math
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, 7))
print(math.gcd(12, 18, 27), math.gcd(17))
print(math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(9223372036854775807))
print(math.factorial(0), math.factorial(5), math.factorial(20))
print(math.comb(10, 3), math.comb(52, 5), math.comb(5, 7), math.comb(60, 30))
print(math.perm(5, 2), math.perm(10), math.perm(4, 0), math.perm(3, 5))
print(math.floor(2.7), math.floor(-2.7), math.floor(5), math.floor(-0.5))
print(math.ceil(2.1), math.ceil(-2.1), math.ceil(7), math.ceil(-0.5))
print(math.trunc(2.7), math.trunc(-2.7), math.trunc(9))
print(math.floor(1e15 + 0.5), math.ceil(-1e18))
print(math.floor(2.7) + 1, math.ceil(2.1) * 3)
n = 0
for k in range(11):
    n += math.comb(10, k)
print(n)
s = 0
for v in range(1, 101):
    s += math.isqrt(v)
print(s)
print(math.gcd(math.factorial(10), 2 ** 20))
