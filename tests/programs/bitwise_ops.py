# Covers: bitwise &, |, ^, ~ on ints of all signs (two's complement semantics), with bools, and augmented forms.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(~0, ~-1, ~5, ~-6)
print(-12 & 10, -12 | 10, -12 ^ 10)
print(-12 & -10, -12 | -10, -12 ^ -10)
print(255 & -256, 0xFF00 | 0x00FF, 0xF0F0 ^ 0xFFFF)
print(9223372036854775807 & -9223372036854775807, 9223372036854775807 ^ -1)
print((-9223372036854775807 - 1) | 1, ~9223372036854775807)
print(True & 1, True | 2, False ^ True, True & False)
print(0o777 & 0o070, 0x7FFFFFFF | 0x80000000)
x = 0
for i in range(0, 16, 3):
    x |= 1 << i
print(x, f"{x:b}")
x &= ~(1 << 3)
print(x, f"{x:016b}")
x ^= 0xFFFF
print(x)
mask = (1 << 8) - 1
v = 0x12345678
print(v & mask, (v >> 8) & mask, (v >> 16) & mask, (v >> 24) & mask)

def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c

print(popcount(0), popcount(255), popcount(9223372036854775807), popcount(0x5555))
print(7 & 3 | 8 ^ 2, (7 & 3) | (8 ^ 2), 7 & (3 | 8) ^ 2)
print(-1 & 0xFF, -256 & 0xFF, -257 & 0xFF)
