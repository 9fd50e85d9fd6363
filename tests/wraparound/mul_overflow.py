# Wraparound: int64 multiplication/addition overflow (2**62 * 4, x + x, large products), printed after wrapping.
x = 2 ** 62
print(x * 4)
print(x * 2)
print(x + x)
print(x * 3)
print(x * 2 + x * 2)
mx = 9223372036854775807
print(mx + 1)
print(mx * 2)
print(mx * mx)
print(3037000500 * 3037000500)
print(123456789123 * 987654321987)
print(-mx * 3)
y = 1
for i in range(70):
    y *= 3
print(y)
z = 1
for i in range(64):
    z = z + z
print(z)
print(mx + mx + 2)
