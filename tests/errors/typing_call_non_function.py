# expect: TypingError 3:7: 'int' object is not callable
x = 5
print(x(2))
