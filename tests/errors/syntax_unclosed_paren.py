# expect: SyntaxError 3:5: '(' was never closed
x = 1
y = (1 +
print(y)
