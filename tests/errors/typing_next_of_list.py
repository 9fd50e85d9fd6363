# expect: TypingError 3:7: 'list' object is not an iterator
xs = [1, 2, 3]
print(next(xs))
