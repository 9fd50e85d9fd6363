# expect: TypingError 4:5: 'g' yields int at one yield and str at another
def g(n):
    yield n
    yield "done"


print(list(g(3)))
