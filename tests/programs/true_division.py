# Covers: true division (/) of ints always yields float, incl. large ints, negative and mixed operands.
print(7 / 2)
print(-7 / 2)
print(6 / 3)
print(1 / 3)
print(2 / 3)
print(-1 / 3)
print(0 / 5)
print(0 / -5)
print(1 / 10)
print(10 / 4)
print(7.0 / 2)
print(7 / 2.0)
print(1e300 / 1e-10)
print(1e-300 / 1e300)
print(9007199254740993 / 1)
print(9223372036854775807 / 3)
print(-9223372036854775807 / 7)
print(123456789123456789 / 1000000007)
print(10 / 3 * 3)
print(1 / 7 + 1 / 7 + 1 / 7)
total = 0.0
n = 1
while n <= 20:
    total += 1 / n
    n += 1
print(total)
x = 355 / 113
print(x)
print(22 / 7 - x)
print(5 / -0.5)
print(-0.0 / 3)
print(0.0 / -3)
print(isinstance(4 / 2, float))
