# expect: TypingError 6:7: takes 2 positional arguments but 3 were given
def add(a, b):
    return a + b

print(add(1, 2))
print(add(1, 2, 3))
