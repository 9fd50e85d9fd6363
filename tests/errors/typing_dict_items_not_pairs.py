# expect: TypingError 3:17: cannot convert dictionary update sequence element #0 to a sequence
def f(n):
    return dict(range(n))


print(f(3))
