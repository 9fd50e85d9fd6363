# Covers: uncaught ZeroDivisionError from int / int 0 ("division by zero").
def ratio(a, b):
    return a / b

print(ratio(1, 2))
print(ratio(-3, 4))
n = 0
print(ratio(5, n))
print("unreachable")
