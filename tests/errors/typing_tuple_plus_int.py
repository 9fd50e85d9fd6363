# expect: TypingError 4:7: unsupported operand type(s) for +: 'tuple' and 'int'
t = (1, 2)
n = 3
bad = t + n
print(bad)
