# Covers: ints near the int64 limits (2**62, 2**63-1, -2**63) without overflowing.
big = 2 ** 62
print(big)
print(big - 1 + big)
mx = 9223372036854775807
mn = -9223372036854775807 - 1
print(mx)
print(mn)
print(mx // 2)
print(mx % 10)
print(mn // 2)
print(mn % 10)
print(mn + mx)
print(mx - 1)
print(mn + 1)
print(-mx)
print(mx // -1)
print(mx // 3, mx % 3)
print(mn // 7, mn % 7)
print(abs(mn + 1))
print(mx > mn, mx == 9223372036854775807)
print(2 ** 32 * 2 ** 30)
print(3037000499 * 3037000499)
print(-3037000499 * 3037000499)
print(max(mx, mn), min(mx, mn))
print(float(mx))
print(float(mn))
print(mx / 2)
print(mx == 9223372036854775807)
n = 1
k = 0
while n < mx // 2:
    n *= 2
    k += 1
print(k, n)
print(f"{mx:,}")
print(f"{mn:x}")
