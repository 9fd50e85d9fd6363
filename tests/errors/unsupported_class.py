# expect: UnsupportedError 3:1: class
x = 1
class Point:
    pass
print(x)
