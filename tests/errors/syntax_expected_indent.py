# expect: IndentationError 4:1: expected an indented block
x = 1
if x > 0:
print(x)
