# expect: SyntaxError 3:8: invalid syntax
x = 3
y = x +* 2
print(y)
