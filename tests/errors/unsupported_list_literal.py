# expect: UnsupportedError 3:10: list
x = 1
values = [x, 2, 3]
print(x)
