# expect: TypingError 5:7: missing 1 required positional argument: 'b'
def mul(a, b):
    return a * b

print(mul(4))
