# expect: TypingError 3:7: unsupported operand type(s) for +: 'int' and 'str'
x = 1
print(1 + "a")
print(x)
