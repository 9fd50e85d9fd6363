# Covers: all augmented assignment operators (+= -= *= /= //= %= **= &= |= ^= <<= >>=) on ints, floats and complex.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 5
print(x)
x **= 3
print(x)
x <<= 2
print(x)
x >>= 1
print(x)
x &= 0b1111
print(x)
x |= 0b10000
print(x)
x ^= 0b11111
print(x)
x /= 4
print(x)
f = 1.5
f += 1
f *= 2.5
f -= 0.25
f /= 2
print(f)
f //= 0.5
print(f)
f %= 2.5
print(f)
f **= 2
print(f)
c = 1 + 1j
c *= 1j
c += 2
c -= 1j
c /= 2
c **= 2
print(c)
n = -7
n //= 2
print(n)
n = -7
n %= 3
print(n)
t = (1, 2)
a, b = t
a += b
b *= a
print(a, b)
