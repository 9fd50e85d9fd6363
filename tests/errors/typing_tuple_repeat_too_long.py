# expect: TypingError 3:12: a tuple repeated into more than 4096 items
def repeat():
    return (1, 2) * 3000


print(repeat())
