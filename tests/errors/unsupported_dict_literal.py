# expect: UnsupportedError 3:10: dict
x = 1
lookup = {1: 2.5, 2: 3.5}
print(x)
