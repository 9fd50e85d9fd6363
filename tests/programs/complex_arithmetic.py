# Covers: complex arithmetic (+ - * / **), mixing with int/float/bool, abs, conjugate, real/imag, equality.
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b)
print(-a, +a, abs(a), a.conjugate())
print(a.real, a.imag, b.real, b.imag)
print(a + 1, 1 + a, a * 2, 2.5 * a, a / 2, 1 / a)
print(a + True, a * False)
print(a ** 2, a ** 0, b ** 3)
print(a ** 0.5)
print(a ** b)
print((1j) ** 2, 1j * 1j)
print(2 ** 1j)
print(a == 3 + 4j, a != b, a == 3, (3 + 0j) == 3, (3 + 0j) == 3.0)
print(1j == 1j, 0j == 0)
c = 0j
for k in range(1, 6):
    c += complex(k, -k) * 1j
print(c)
z = 0j
zc = -0.75 + 0.1j
for i in range(20):
    z = z * z + zc
print(z)
print(abs(3 + 4j) == 5.0)
x = 2.0
y = x * 1j + x
print(y)
print((1 + 2j) * (1 - 2j))
print((1e300 + 1e300j) * 10)
print(complex(1, 2) / complex(3, 4))
