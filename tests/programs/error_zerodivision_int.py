# Covers: uncaught ZeroDivisionError from int // 0 after some output (exit status 1, traceback on stderr).
def safe_div(a, b):
    return a // b

print(safe_div(10, 3))
print(safe_div(-10, 3))
d = 3
while d >= 0:
    print(100 // (d + 1))
    d -= 1
print(safe_div(7, d + 1))
print("unreachable")
