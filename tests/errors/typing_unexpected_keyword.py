# expect: TypingError 5:7: got an unexpected keyword argument 'c'
def scale(x, factor=2):
    return x * factor

print(scale(3, c=4))
