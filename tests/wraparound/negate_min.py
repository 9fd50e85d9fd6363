# Wraparound: negating and taking abs of -2**63, overflow at the int64 edges via +, -, * and <<.
mn = -2 ** 63
print(mn)
print(-(-2 ** 63))
print(-mn)
print(abs(mn))
print(abs(-2 ** 63))
print(mn - 1)
print(mn + mn)
print(mn * -1)
print(mn * 2)
mx = 9223372036854775807
print(mx + 1 == mn)
print(~mn, ~mx)
print(1 << 63)
print(3 << 62)
print(mx << 1)
print(-mx - 2)
print(abs(mn) < 0)
