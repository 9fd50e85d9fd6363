# Wraparound: overflow through augmented assignment, ** with large results, pow(), sum() of tuples and f-string printing of wrapped values.
x = 1
x <<= 62
x *= 2
print(x)
x -= 1
print(x)
x += 2
print(x)
print(3 ** 41)
print(7 ** 23)
print(2 ** 64)
print(pow(3, 50))
print(pow(10, 19))
print(sum((9223372036854775807, 1)))
print(sum((4611686018427387904, 4611686018427387904, 4611686018427387904)))
y = 5
for i in range(30):
    y **= 1
    y *= 5
print(y)
print(f"{2 ** 63:d} {10 ** 20:x}")
