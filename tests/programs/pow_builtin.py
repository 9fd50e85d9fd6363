# Covers: pow() with 2 args (int/float/complex) and 3 args (modular exponentiation incl. negative base, modulus and inverse).
print(pow(2, 10), pow(-2, 3), pow(3, 0), pow(0, 0))
print(pow(2.0, 10), pow(2, 0.5), pow(-2.0, 2), pow(2.5, -2))
print(pow(1j, 2), pow(2, 1j))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(7, 0, 5), pow(7, 0, 1))
print(pow(-2, 3, 5), pow(-7, 5, 11))
print(pow(2, 10, -7), pow(-2, 10, -7), pow(5, 3, -3))
print(pow(123456789, 987654321, 1000000007))
print(pow(2, 62, 9223372036854775807))
print(pow(3, -1, 7), pow(2, -1, 9), pow(5, -3, 13))
print(pow(10, 18, 9223372036854775807 // 3))
base = 17
mod = 1000003
r = 1
e = 0
while e < 20:
    assert pow(base, e, mod) == r
    r = r * base % mod
    e += 1
print(r, pow(base, 20, mod))
print(pow(0.0, 0), pow(2, 62), pow(-3, 39))
