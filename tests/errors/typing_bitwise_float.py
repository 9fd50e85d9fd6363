# expect: TypingError 3:5: unsupported operand type(s) for &: 'float' and 'int'
x = 2.5
y = x & 1
print(y)
