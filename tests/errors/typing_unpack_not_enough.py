# expect: TypingError 2:1: not enough values to unpack (expected 3, got 2)
x, y, z = 1, 2
print(x)
