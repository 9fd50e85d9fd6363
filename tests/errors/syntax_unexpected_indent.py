# expect: IndentationError 4:2: unexpected indent
x = 1
y = 2
  z = x + y
print(z)
