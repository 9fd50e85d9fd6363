# Covers: uncaught ZeroDivisionError from float / 0 ("float division by zero").
x = 1.5
y = 2.0
print(x / y)
y -= 2.0
print(y)
print(x / y)
print("unreachable")
