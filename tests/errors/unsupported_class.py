# expect: UnsupportedError 4:5: classes defined inside functions are not supported in compiled code
x = 1
def f():
    class Point:
        pass
    return Point
print(f())
