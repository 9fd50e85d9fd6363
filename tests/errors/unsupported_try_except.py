# expect: UnsupportedError 3:1: try
x = 0
try:
    y = 1 // x
except ZeroDivisionError:
    y = 0
print(y)
