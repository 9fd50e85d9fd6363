# expect: TypingError 3:5: too many values to unpack (expected 3)
def f(t):
    a, b, c = t
    return a + b + c


print(f((1, 2, 3, 4)))
