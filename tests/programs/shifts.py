# Covers: << and >> for positive and negative ints (arithmetic right shift floors), shifts by 0 and up to 62.
print(1 << 0, 1 << 1, 1 << 10, 1 << 62)
print(3 << 61 >> 61)
print(1024 >> 3, 1024 >> 10, 1024 >> 11, 1024 >> 62)
print(-1 >> 1, -1 >> 62, -2 >> 1, -3 >> 1, -1024 >> 3, -1025 >> 3)
print(-1 << 3, -5 << 2, -(1 << 62) << 1)
print(9223372036854775807 >> 1, 9223372036854775807 >> 62, 9223372036854775807 >> 63)
print((-9223372036854775807 - 1) >> 1, (-9223372036854775807 - 1) >> 63)
print(True << 5, 16 >> True)
for s in range(0, 63, 7):
    print(s, 1 << s, (1 << s) >> s, -(1 << s) >> 1)
x = 1
n = 0
while x < 1000000:
    x <<= 2
    n += 1
print(x, n)
x >>= 5
print(x)
y = -1000
y >>= 4
print(y)
print(5 << 2 + 1, (5 << 2) + 1, 1 + 2 << 3, 64 >> 2 >> 1)
print(-17 >> 2, -17 // 4)
