# Covers: Euclid and binary GCD loops, extended Euclid returning tuples, modular inverse, LCM, compared to math.gcd.
import math

def gcd_loop(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def binary_gcd(a, b):
    if a == 0:
        return b
    if b == 0:
        return a
    shift = 0
    while (a | b) & 1 == 0:
        a >>= 1
        b >>= 1
        shift += 1
    while a & 1 == 0:
        a >>= 1
    while b != 0:
        while b & 1 == 0:
            b >>= 1
        if a > b:
            a, b = b, a
        b -= a
    return a << shift

def ext_gcd(a, b):
    if b == 0:
        return (a, 1, 0)
    g, x, y = ext_gcd(b, a % b)
    return (g, y, x - (a // b) * y)

def modinv(a, m):
    g, x, y = ext_gcd(a, m)
    assert g == 1, "not invertible"
    return x % m

pairs = ((48, 18), (17, 5), (0, 7), (1071, 462), (-48, 18), (2 ** 40, 6 ** 15))
for a, b in pairs:
    print(a, b, gcd_loop(a, b), math.gcd(a, b), ext_gcd(a, b))
print(binary_gcd(48, 18), binary_gcd(2 ** 40, 6 ** 15), binary_gcd(0, 5))
print(modinv(3, 11), modinv(10, 17), pow(10, -1, 17))
print(48 * 18 // gcd_loop(48, 18), math.lcm(48, 18))
