# Covers: repr of floats with large and tiny exponents, switching between fixed and scientific notation.
x = 1.0
i = 0
while i < 25:
    print(i, x)
    x = x * 10.0
    i += 1
y = 1.0
j = 0
while j < 12:
    print(-j, y)
    y = y / 10.0
    j += 1
print(1.5e300)
print(2.5e-300)
print(6.02214076e23)
print(1.602176634e-19)
print(-1.23e-45)
print(9.999999999999999e22)
print(1e100)
print(1e-100)
print(12345.678e10)
print(0.000015)
print(123e-20)
